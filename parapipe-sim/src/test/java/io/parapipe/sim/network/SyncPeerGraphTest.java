package io.parapipe.sim.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync peer graph: symmetric, seeded, bounded like substrate's peer set. */
class SyncPeerGraphTest {
  @Test
  void everyNodeDialsItsOutPeersAndConnectionsGoBothWays() {
    List<List<Integer>> g = SyncPeerGraph.build(65, 8, 1);
    assertThat(g).hasSize(65);
    for (int i = 0; i < g.size(); i++) {
      assertThat(g.get(i)).doesNotContain(i).doesNotHaveDuplicates().isSorted();
      // its 8 dialled peers plus those that dialled it, at most 32 of them
      assertThat(g.get(i).size()).isBetween(8, 8 + SyncPeerGraph.IN_PEERS);
      for (int j : g.get(i)) {
        assertThat(g.get(j)).contains(i);
      }
    }
    assertThat(connectedFrom(0, g)).isEqualTo(65);
  }

  @Test
  void theSameSeedGivesTheSameGraphAndAnotherSeedAnother() {
    assertThat(SyncPeerGraph.build(40, 3, 7)).isEqualTo(SyncPeerGraph.build(40, 3, 7));
    assertThat(SyncPeerGraph.build(40, 3, 7)).isNotEqualTo(SyncPeerGraph.build(40, 3, 8));
  }

  @Test
  void outPeersAreCappedByTheNodeCount() {
    List<List<Integer>> g = SyncPeerGraph.build(4, 8, 1);
    for (int i = 0; i < 4; i++) {
      assertThat(g.get(i)).hasSize(3);
    }
  }

  @Test
  void noNodeAcceptsMoreThanItsInboundLimit() {
    // 200 nodes dialling 30 each: about 30 inbound per node on average, some would exceed 32.
    List<List<Integer>> g = SyncPeerGraph.build(200, 30, 3);
    for (List<Integer> peers : g) {
      assertThat(peers.size()).isLessThanOrEqualTo(30 + SyncPeerGraph.IN_PEERS);
    }
  }

  private static int connectedFrom(int start, List<List<Integer>> g) {
    boolean[] seen = new boolean[g.size()];
    ArrayDeque<Integer> q = new ArrayDeque<>();
    q.add(start);
    seen[start] = true;
    int n = 1;
    while (!q.isEmpty()) {
      for (int j : g.get(q.poll())) {
        if (!seen[j]) {
          seen[j] = true;
          n++;
          q.add(j);
        }
      }
    }
    return n;
  }
}
