package io.parapipe.protocol.relay.node.finality;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.approval.ApprovalVoting;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FinalityModelTest {
  record B(Hash hash, Hash parent, int number) {}

  static final BlockTree.Shape<B> SHAPE = new BlockTree.Shape<>() {
    public Hash hash(B b) {
      return b.hash();
    }

    public Hash parentHash(B b) {
      return b.parent();
    }

    public int number(B b) {
      return b.number();
    }
  };

  static final B GENESIS = new B(Hash.fromLong(1000), Hash.ZERO, 0);

  static B block(int n) {
    return new B(Hash.fromLong(n), n == 1 ? GENESIS.hash() : Hash.fromLong(n - 1), n);
  }

  /** n validators exchanging messages instantly; some may be offline. */
  static final class Net {
    final int n;
    final Set<Integer> offline;
    final List<ManualContext> ctx = new ArrayList<>();
    final List<BlockTree<B>> trees = new ArrayList<>();
    final List<ApprovalVoting> approvals = new ArrayList<>();
    final List<GrandpaVoter<B>> voters = new ArrayList<>();
    final List<List<Integer>> finalized = new ArrayList<>();
    final List<Integer> checks = new ArrayList<>();
    final ArrayDeque<Runnable> inbox = new ArrayDeque<>();

    Net(int n, int needed, Set<Integer> offline) {
      this.n = n;
      this.offline = offline;
      for (int i = 0; i < n; i++) {
        final int me = i;
        ManualContext c = new ManualContext(i);
        BlockTree<B> tree = new BlockTree<>(SHAPE, GENESIS);
        List<Integer> fin = new ArrayList<>();
        ctx.add(c);
        trees.add(tree);
        finalized.add(fin);
        checks.add(0);
        ApprovalVoting[] av = new ApprovalVoting[1];
        GrandpaVoter<B> voter = new GrandpaVoter<>(c, i, n, 1_000_000, tree, SHAPE,
            h -> av[0].isApproved(h), new GrandpaVoter.Actions() {
              public void broadcast(GrandpaMessage m) {
                for (int j = 0; j < n; j++) {
                  if (j != me && !offline.contains(j)) {
                    int to = j;
                    inbox.add(() -> voters.get(to).onMessage(m));
                  }
                }
              }

              public void send(int to, GrandpaMessage m) {
                if (!offline.contains(to)) {
                  inbox.add(() -> voters.get(to).onMessage(m));
                }
              }

              public void onFinalized(Hash block, int number) {
                fin.add(number);
              }
            });
        av[0] = new ApprovalVoting(c, i, n, needed, 12_000_000, 7, GENESIS.hash(),
            new ApprovalVoting.Actions() {
              public void recoverAndExecute(Hash block, Hash candidate) {
                checks.set(me, checks.get(me) + 1);
                inbox.add(() -> approvals.get(me).onChecked(block, candidate, true));
              }

              public void broadcastApprovals(Hash block, List<Hash> candidates) {
                for (int j = 0; j < n; j++) {
                  if (j != me && !offline.contains(j)) {
                    int to = j;
                    inbox.add(() -> approvals.get(to).onApprovals(me, block, candidates));
                  }
                }
              }

              public void onApproved(Hash block) {
                inbox.add(voter::onChainChanged);
              }
            });
        approvals.add(av[0]);
        voters.add(voter);
      }
    }

    void importBlock(B b, List<Hash> candidates) {
      for (int i = 0; i < n; i++) {
        if (offline.contains(i)) {
          continue;
        }
        trees.get(i).add(b);
        approvals.get(i).onBlockImported(b.hash(), b.parent(), candidates);
        voters.get(i).onChainChanged();
      }
      drain();
    }

    void advance(long t) {
      for (int i = 0; i < n; i++) {
        if (offline.contains(i)) {
          continue;
        }
        for (Timer timer : ctx.get(i).due(t)) {
          if (!approvals.get(i).onTimer(timer)) {
            voters.get(i).onTimer(timer);
          }
        }
      }
      drain();
    }

    void drain() {
      while (!inbox.isEmpty()) {
        inbox.poll().run();
      }
    }
  }

  static List<Hash> candidates(int block, int count) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(Hash.fromLong(block * 100L + i + 1));
    }
    return out;
  }

  @Test
  void exactlyNeededCheckersCheckEachCandidateWhenAllShowUp() {
    Net net = new Net(20, 5, Set.of());
    net.importBlock(block(1), candidates(1, 4));
    assertThat(net.checks.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4 * 5);
    for (int i = 0; i < 20; i++) {
      assertThat(net.approvals.get(i).isApproved(block(1).hash())).isTrue();
    }
  }

  @Test
  void blocksAreFinalizedWhenApprovedAndASupermajorityVotes() {
    Net net = new Net(10, 3, Set.of());
    long t = 0;
    for (int b = 1; b <= 5; b++) {
      t += 6_000_000;
      net.advance(t);
      net.importBlock(block(b), candidates(b, 2));
    }
    net.advance(t + 2_000_000);
    for (int i = 0; i < 10; i++) {
      assertThat(net.trees.get(i).finalized().number()).isEqualTo(5);
      assertThat(net.finalized.get(i)).isSorted().contains(5);
    }
  }

  @Test
  void noShowsAreCoveredByTheNextTranche() {
    // Validators 0..3 offline: some tranche-0 checkers never approve.
    Set<Integer> offline = new HashSet<>(List.of(0, 1, 2, 3));
    Net net = new Net(20, 5, offline);
    net.importBlock(block(1), candidates(1, 6));
    boolean approvedAtOnce = net.approvals.get(10).isApproved(block(1).hash());
    net.advance(12_000_000);
    net.advance(24_000_000);
    net.advance(36_000_000);
    assertThat(approvedAtOnce).isFalse();
    assertThat(net.approvals.get(10).isApproved(block(1).hash())).isTrue();
  }

  @Test
  void withMoreThanAThirdOfflineNothingIsFinalized() {
    Net net = new Net(9, 3, Set.of(0, 1, 2, 3));
    long t = 0;
    for (int b = 1; b <= 3; b++) {
      t += 6_000_000;
      net.advance(t);
      net.importBlock(block(b), List.of());
    }
    net.advance(t + 60_000_000);
    assertThat(net.trees.get(5).finalized().number()).isZero();
  }
}
