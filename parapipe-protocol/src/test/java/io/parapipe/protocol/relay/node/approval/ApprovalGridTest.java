package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.ApprovalsMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Approvals along the 2D grid: every validator is reached, along two paths. */
class ApprovalGridTest {
  private static final int N = 20;
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final Hash CANDIDATE = Hash.fromLong(3);

  /** Node of validator v is 100 + v. */
  private static List<Integer> nodes() {
    List<Integer> out = new ArrayList<>();
    for (int v = 0; v < N; v++) {
      out.add(100 + v);
    }
    return out;
  }

  private static ApprovalDistribution distribution(ManualContext ctx, int self) {
    return distribution(ctx, self, 0);
  }

  private static ApprovalDistribution distribution(ManualContext ctx, int self, int random) {
    return new ApprovalDistribution(ctx, self, h -> false, nodes(), random);
  }

  @Test
  void theGridIsRowsOfCeilSqrtN() {
    GridTopology g = new GridTopology(N);
    assertThat(g.row(6)).containsExactly(5, 7, 8, 9);
    assertThat(g.column(6)).containsExactly(1, 11, 16);
  }

  @Test
  void everyValidatorIsReachedAlongTwoPaths() {
    int origin = 7;
    ManualContext o = new ManualContext(100 + origin);
    distribution(o, origin).broadcastApprovals(BLOCK, BitVec.of(1, 0), List.of(CANDIDATE));
    Map<Integer, Integer> paths = new TreeMap<>();
    Set<Integer> direct = new HashSet<>();
    for (ManualContext.Sent s : o.sent) {
      int v = s.to() - 100;
      direct.add(v);
      paths.merge(v, 1, Integer::sum);
      ManualContext c = new ManualContext(s.to());
      ApprovalDistribution d = distribution(c, v);
      d.connect(new ApprovalVoting(c, v, N, 1, 1, 1, Hash.fromLong(1), null));
      d.onApprovals((ApprovalsMessage) s.message(), 100 + origin);
      for (ManualContext.Sent f : c.sent) {
        assertThat(f.message()).isEqualTo(s.message());
        paths.merge(f.to() - 100, 1, Integer::sum);
      }
    }
    assertThat(direct).hasSize(7); // 4 in the row, 3 in the column
    assertThat(paths).doesNotContainKey(origin).hasSize(N - 1);
    // The originator's neighbours hear it once directly; everyone else along two paths.
    paths.forEach((v, count) -> assertThat(count).isEqualTo(direct.contains(v) ? 1 : 2));
  }

  @Test
  void aForwardedApprovalIsNotForwardedAgain() {
    ManualContext c = new ManualContext(100 + 12);
    ApprovalDistribution d = distribution(c, 12);
    d.connect(new ApprovalVoting(c, 12, N, 1, 1, 1, Hash.fromLong(1), null));
    ApprovalsMessage m = new ApprovalsMessage(BLOCK, 7, BitVec.of(1, 0));
    // 12 is in 7's column: the first copy goes on along 12's row, not back to the sender.
    d.onApprovals(m, 102);
    assertThat(c.sent).extracting(ManualContext.Sent::to).containsExactly(110, 111, 113, 114);
    c.sent.clear();
    d.onApprovals(m, 117);
    assertThat(c.sent).isEmpty();
  }

  @Test
  void randomRoutingAddsDistinctValidatorsOffTheGrid() {
    GridTopology g = new GridTopology(N);
    for (int origin = 0; origin < N; origin++) {
      Set<Integer> grid = new HashSet<>();
      for (int u : g.row(origin)) {
        grid.add(100 + u);
      }
      for (int u : g.column(origin)) {
        grid.add(100 + u);
      }
      ManualContext o = new ManualContext(100 + origin);
      distribution(o, origin, 4).broadcastApprovals(BLOCK, BitVec.of(1, 0), List.of(CANDIDATE));
      List<Integer> to = o.sent.stream().map(ManualContext.Sent::to).toList();
      assertThat(to).doesNotHaveDuplicates().hasSize(grid.size() + 4);
      assertThat(Set.copyOf(to.subList(0, grid.size()))).isEqualTo(grid);
      assertThat(to.subList(grid.size(), to.size()))
          .allSatisfy(w -> assertThat(grid).doesNotContain(w)).doesNotContain(100 + origin);
    }
  }

  @Test
  void withFewerOthersThanPeersRandomRoutingTakesThemAll() {
    ManualContext o = new ManualContext(100 + 7);
    distribution(o, 7, 100).broadcastApprovals(BLOCK, BitVec.of(1, 0), List.of(CANDIDATE));
    assertThat(o.sent).extracting(ManualContext.Sent::to).doesNotHaveDuplicates()
        .hasSize(N - 1).doesNotContain(107);
  }

  /**
   * The originator's row and column are offline: the grid alone reaches nobody, random routing
   * carries the approval to every online validator.
   */
  @Test
  void randomRoutingCarriesApprovalsAroundAnOfflineRowAndColumn() {
    int origin = 7;
    Set<Integer> offline = Set.of(5, 6, 8, 9, 2, 12, 17);
    assertThat(flood(origin, offline, 0)).isEmpty();
    Set<Integer> online = new HashSet<>();
    for (int v = 0; v < N; v++) {
      if (v != origin && !offline.contains(v)) {
        online.add(v);
      }
    }
    assertThat(flood(origin, offline, 4)).isEqualTo(online);
  }

  /** Who gets validator {@code origin}'s approval when each online validator sends on once. */
  private static Set<Integer> flood(int origin, Set<Integer> offline, int random) {
    Map<Integer, ManualContext> ctxs = new TreeMap<>();
    Map<Integer, ApprovalDistribution> dists = new TreeMap<>();
    for (int v = 0; v < N; v++) {
      ManualContext c = new ManualContext(100 + v);
      ApprovalDistribution d = distribution(c, v, random);
      d.connect(new ApprovalVoting(c, v, N, 1, 1, 1, Hash.fromLong(1), null));
      ctxs.put(v, c);
      dists.put(v, d);
    }
    dists.get(origin).broadcastApprovals(BLOCK, BitVec.of(1, 0), List.of(CANDIDATE));
    Set<Integer> reached = new HashSet<>();
    List<int[]> queue = new ArrayList<>(); // {from node, to validator}
    for (ManualContext.Sent s : ctxs.get(origin).sent) {
      queue.add(new int[] {100 + origin, s.to() - 100});
    }
    ApprovalsMessage m = (ApprovalsMessage) ctxs.get(origin).sent.get(0).message();
    while (!queue.isEmpty()) {
      int[] hop = queue.remove(0);
      int v = hop[1];
      if (offline.contains(v)) {
        continue;
      }
      reached.add(v);
      ManualContext c = ctxs.get(v);
      c.sent.clear();
      dists.get(v).onApprovals(m, hop[0]);
      for (ManualContext.Sent s : c.sent) {
        queue.add(new int[] {100 + v, s.to() - 100});
      }
    }
    return reached;
  }
}
