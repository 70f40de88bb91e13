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
    return new ApprovalDistribution(ctx, self, h -> false, nodes());
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
      d.onApprovals((ApprovalsMessage) s.message(), origin);
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
    d.onApprovals(new ApprovalsMessage(BLOCK, 7, BitVec.of(1, 0)), 2);
    assertThat(c.sent).isEmpty();
  }
}
