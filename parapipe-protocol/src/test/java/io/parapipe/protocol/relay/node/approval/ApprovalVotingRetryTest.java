package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check whose data could not be recovered is made again a minute later while the candidate
 * still lacks approvals, at most 16 times (polkadot-sdk PR #6807).
 */
class ApprovalVotingRetryTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final Hash CANDIDATE = Hash.fromLong(3);
  private static final int VALIDATORS = 4;
  private static final long SEED = 7;
  private static final long NO_SHOW = 12_000_000;

  private final ManualContext ctx = new ManualContext(0);
  private final List<Hash> recoveries = new ArrayList<>();
  private final List<List<Hash>> sent = new ArrayList<>();
  // The validator of tranche 0 for the candidate: it checks at import. One approval is needed.
  private final int self = checkerAt(0);
  private final ApprovalVoting voting = new ApprovalVoting(ctx, self, VALIDATORS, 1, NO_SHOW, SEED,
      GENESIS, new ApprovalVoting.Actions() {
        @Override
        public void recoverAndExecute(Hash block, Hash candidate) {
          recoveries.add(candidate);
        }

        @Override
        public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
          sent.add(candidates);
        }

        @Override
        public void onApproved(Hash block) {}
      });

  private static int checkerAt(int position) {
    for (int v = 0; v < VALIDATORS; v++) {
      if (new CheckerPermutation(BLOCK, CANDIDATE, SEED, VALIDATORS).positionOf(v) == position) {
        return v;
      }
    }
    throw new AssertionError("no validator at position " + position);
  }

  private void waitRetry() {
    ctx.fireUntil(ctx.now() + ApprovalVoting.RECOVERY_RETRY_BACKOFF_MICROS, voting::onTimer);
  }

  @Test
  void anUnavailableCheckIsRecoveredAgainAfterAMinuteAndItsApprovalSent() {
    voting.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE));
    assertThat(recoveries).hasSize(1);
    voting.onUnavailable(BLOCK, CANDIDATE);
    ctx.fireUntil(ApprovalVoting.RECOVERY_RETRY_BACKOFF_MICROS - 1, voting::onTimer);
    assertThat(recoveries).hasSize(1);
    ctx.fireUntil(ApprovalVoting.RECOVERY_RETRY_BACKOFF_MICROS, voting::onTimer);
    assertThat(recoveries).hasSize(2);
    voting.onChecked(BLOCK, CANDIDATE, true);
    assertThat(sent).containsExactly(List.of(CANDIDATE));
    assertThat(voting.isApproved(BLOCK)).isTrue();
  }

  @Test
  void anUnavailableCheckIsRetriedSixteenTimesAtMost() {
    voting.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE));
    for (int i = 0; i < 20; i++) {
      voting.onUnavailable(BLOCK, CANDIDATE);
      waitRetry();
    }
    assertThat(recoveries).hasSize(1 + ApprovalVoting.MAX_RECOVERY_RETRIES);
    assertThat(ApprovalVoting.MAX_RECOVERY_RETRIES).isEqualTo(16);
  }

  @Test
  void noRetryOnceOthersApprovedTheCandidate() {
    voting.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE));
    voting.onUnavailable(BLOCK, CANDIDATE);
    voting.onApprovals(checkerAt(1), BLOCK, BitVec.of(1, 0));
    waitRetry();
    assertThat(recoveries).hasSize(1);
    assertThat(voting.isApproved(BLOCK)).isTrue();
  }

  @Test
  void noRetryForABlockFinalityForgot() {
    voting.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE));
    voting.onUnavailable(BLOCK, CANDIDATE);
    Hash child = Hash.fromLong(9);
    voting.onBlockImported(child, BLOCK, 2, List.of());
    voting.pruneFinalized(child);
    assertThat(voting.knows(BLOCK)).isFalse();
    waitRetry();
    assertThat(recoveries).hasSize(1);
  }

  @Test
  void anUnavailableReportForACheckNotRunningIsIgnored() {
    voting.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE));
    voting.onChecked(BLOCK, CANDIDATE, true);
    voting.onUnavailable(BLOCK, CANDIDATE);
    waitRetry();
    assertThat(recoveries).hasSize(1);
  }
}
