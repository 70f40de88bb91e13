package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ApprovalVoting#approvalsAwaited}: the fewest candidate approvals (messages weighted by
 * the candidates they name) before another block can be approved, which a host handing approvals
 * over in batches wakes the validator at. Too high, and a block would be approved late; so each
 * step checks the bound against what one more message can do.
 */
class ApprovalVotingAwaitedTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash A = Hash.fromLong(2);
  private static final Hash B = Hash.fromLong(3);

  private final ManualContext ctx = new ManualContext(0);
  // 10 validators, three approvals needed; this validator's own checks never report.
  private final ApprovalVoting voting = new ApprovalVoting(ctx, 0, 10, 3, 12_000_000, 7, GENESIS,
      new NoApprovalActions());

  @Test
  void theCandidateApprovalsTheLowestWaitingBlockMissesSetTheCount() {
    assertThat(voting.approvalsAwaited()).isZero();
    voting.onBlockImported(A, GENESIS, 1, List.of(Hash.fromLong(11), Hash.fromLong(12)));
    assertThat(voting.approvalsAwaited()).as("two candidates lacking three each").isEqualTo(6);
    assertThat(awaited()).isEqualTo("1:6");

    voting.onApprovals(5, A, BitVec.of(2, 0));
    assertThat(voting.approvalsAwaited()).as("one candidate approval in").isEqualTo(5);
    voting.onApprovals(5, A, BitVec.of(2, 1));
    assertThat(voting.approvalsAwaited()).isEqualTo(4);
    voting.onApprovals(5, A, BitVec.of(2, 0, 1));
    assertThat(voting.approvalsAwaited()).as("a repeated approval counts once").isEqualTo(4);

    // B lacks one approval, A four: B waits for A, so no message weighing less approves anything.
    voting.onBlockImported(B, A, 2, List.of(Hash.fromLong(13)));
    voting.onApprovals(6, B, BitVec.of(1, 0));
    voting.onApprovals(7, B, BitVec.of(1, 0));
    assertThat(voting.approvalsAwaited()).isEqualTo(4);
    assertThat(awaited()).as("B waits for A, but is awaited").isEqualTo("1:4, 2:1");

    voting.onApprovals(6, A, BitVec.of(2, 0, 1));
    assertThat(voting.approvalsAwaited()).isEqualTo(2);
    // The message of weight two the bound said could approve A does; B now counts on its own.
    voting.onApprovals(7, A, BitVec.of(2, 0, 1));
    assertThat(voting.isApproved(A)).isTrue();
    assertThat(voting.approvalsAwaited()).isEqualTo(1);
    assertThat(awaited()).isEqualTo("2:1");
    voting.onApprovals(8, B, BitVec.of(1, 0));
    assertThat(voting.isApproved(B)).isTrue();
    assertThat(voting.approvalsAwaited()).isZero();
  }

  @Test
  void finalityApprovesAWaitingChildWhoseTallyIsWhole() {
    voting.onBlockImported(A, GENESIS, 1, List.of(Hash.fromLong(11)));
    voting.onBlockImported(B, A, 2, List.of(Hash.fromLong(13)));
    // B's tally becomes whole while A lacks approvals: a host handing approvals over in batches
    // must read it by then, since finality reaching A (a commit) approves B at once.
    assertThat(voting.approvalsAwaited()).isEqualTo(3);
    assertThat(awaited()).isEqualTo("1:3, 2:3");
    for (int v = 4; v < 7; v++) {
      voting.onApprovals(v, B, BitVec.of(1, 0));
    }
    assertThat(voting.isApproved(B)).isFalse();
    voting.pruneFinalized(A);
    assertThat(voting.isApproved(B)).isTrue();
  }

  @Test
  void aChildWhoseParentIsApprovedCountsOnItsOwn() {
    voting.onBlockImported(A, GENESIS, 1, List.of(Hash.fromLong(11)));
    for (int v = 4; v < 7; v++) {
      voting.onApprovals(v, A, BitVec.of(1, 0));
    }
    voting.onBlockImported(B, A, 2, List.of(Hash.fromLong(13)));
    voting.onApprovals(4, B, BitVec.of(1, 0));
    assertThat(voting.approvalsAwaited()).isEqualTo(2);
    assertThat(awaited()).isEqualTo("2:2");
  }

  @Test
  void eachWaitingBlockHasItsOwnCount() {
    Hash c = Hash.fromLong(4);
    voting.onBlockImported(A, GENESIS, 1, List.of(Hash.fromLong(11)));
    voting.onBlockImported(B, A, 2, List.of(Hash.fromLong(13)));
    voting.onBlockImported(c, A, 2, List.of(Hash.fromLong(14), Hash.fromLong(15)));
    voting.onApprovals(4, B, BitVec.of(1, 0));
    voting.onApprovals(4, c, BitVec.of(2, 0));
    assertThat(voting.approvalsAwaited()).isEqualTo(3);
    assertThat(awaited()).as("B and C wait for A").isEqualTo("1:3, 2:2, 2:5");
    for (int v = 4; v < 7; v++) {
      voting.onApprovals(v, A, BitVec.of(1, 0));
    }
    // Only B's approvals complete B, only C's complete C: one count per block, in import order.
    assertThat(voting.approvalsAwaited()).isEqualTo(2);
    assertThat(awaited()).isEqualTo("2:2, 2:5");
  }

  /** The blocks waiting for approvals, as number:missing in import order. */
  private String awaited() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < voting.awaitedBlocks(); i++) {
      b.append(i == 0 ? "" : ", ").append(voting.awaitedNumbers()[i]).append(':')
          .append(voting.awaitedMissing()[i]);
    }
    return b.toString();
  }
}
