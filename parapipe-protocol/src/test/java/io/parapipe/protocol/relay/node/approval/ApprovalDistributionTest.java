package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.events.ApprovalSent;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.ApprovalsMessage;
import io.parapipe.protocol.wire.ApprovalsResend;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Approval distribution in front of a real approval voting. */
class ApprovalDistributionTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final Hash CANDIDATE = Hash.fromLong(3);

  private final ManualContext ctx = new ManualContext(0);
  private final Set<Hash> imported = new HashSet<>(Set.of(GENESIS));
  private final ApprovalDistribution distribution = new ApprovalDistribution(ctx, 0, imported::contains);
  // 4 validators, one approval needed; this validator (0) checks in its tranche but never reports.
  private final ApprovalVoting voting = new ApprovalVoting(ctx, 0, 4, 1, 12_000_000, 7, GENESIS,
      new NoApprovalActions());

  {
    distribution.connect(voting);
  }

  private void importBlock() {
    imported.add(BLOCK);
    voting.onBlockImported(BLOCK, GENESIS, List.of(CANDIDATE));
    distribution.onBlockImported(BLOCK);
  }

  @Test
  void approvalsForABlockNotImportedWaitForIt() {
    distribution.onApprovals(new ApprovalsMessage(BLOCK, 2, BitVec.of(1, 0)));
    assertThat(voting.isApproved(BLOCK)).isFalse();
    importBlock();
    assertThat(voting.isApproved(BLOCK)).isTrue();
  }

  @Test
  void approvalsForAnImportedBlockGoStraightToVoting() {
    importBlock();
    assertThat(voting.isApproved(BLOCK)).isFalse();
    distribution.onApprovals(new ApprovalsMessage(BLOCK, 3, BitVec.of(1, 0)));
    assertThat(voting.isApproved(BLOCK)).isTrue();
  }

  @Test
  void approvalsForAnotherCandidateApproveNothing() {
    distribution.onApprovals(new ApprovalsMessage(BLOCK, 2, BitVec.of(2, 1)));
    importBlock();
    assertThat(voting.isApproved(BLOCK)).isFalse();
  }

  @Test
  void ourApprovalsGoToEveryValidatorInOneMessage() {
    distribution.broadcastApprovals(BLOCK, BitVec.of(1, 0), List.of(CANDIDATE));
    assertThat(ctx.events).containsExactly(new ApprovalSent(BLOCK, List.of(CANDIDATE)));
    assertThat(ctx.sent).containsExactly(new ManualContext.Sent(-1, Topic.VALIDATORS,
        new ApprovalsMessage(BLOCK, 0, BitVec.of(1, 0))));
  }

  @Test
  void aggressionResendsKnownApprovalsOnceFinalityIsSixteenBlocksBehindEveryEighthBlock() {
    importBlock();
    distribution.onApprovals(new ApprovalsMessage(BLOCK, 3, BitVec.of(1, 0)));
    ctx.sent.clear();
    // Blocks 2..40 arrive while finality stays at genesis (#0): ages 2..40.
    List<Integer> resentAt = new java.util.ArrayList<>();
    for (int number = 2; number <= 40; number++) {
      int before = ctx.sent.size();
      distribution.onBlockImported(Hash.fromLong(1000 + number), number, GENESIS, 0);
      if (ctx.sent.size() > before) {
        resentAt.add(number);
      }
    }
    assertThat(resentAt).containsExactly(16, 24, 32, 40);
    assertThat(ctx.sent.get(0).message()).isEqualTo(new ApprovalsResend(
        List.of(new ApprovalsMessage(BLOCK, 3, BitVec.of(1, 0)))));
  }

  @Test
  void reSentApprovalsReachVotingLikeFreshOnes() {
    importBlock();
    distribution.onResend(new ApprovalsResend(List.of(new ApprovalsMessage(BLOCK, 2, BitVec.of(1, 0)))));
    assertThat(voting.isApproved(BLOCK)).isTrue();
  }
}
