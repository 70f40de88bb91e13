package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A candidate included in sibling blocks (a BABE fork) is checked once by a validator assigned to
 * it in several of them, and the outcome counts in each, as upstream's approval voting does
 * ({@code CurrentlyCheckingSet} and {@code approvals_cache}).
 */
class ApprovalVotingSiblingTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash FIRST = Hash.fromLong(2);
  private static final Hash SECOND = Hash.fromLong(3);
  private static final Hash THIRD = Hash.fromLong(4);
  private static final Hash CANDIDATE = Hash.fromLong(5);
  // Every validator is in tranche 0 of every candidate: needed_approvals = validators.
  private static final int VALIDATORS = 4;
  private static final long NO_SHOW = 12_000_000;

  private final ManualContext ctx = new ManualContext(0);
  private final List<Hash> recoveries = new ArrayList<>();
  private final List<Hash> sentFor = new ArrayList<>();
  private final ApprovalVoting voting = new ApprovalVoting(ctx, 0, VALIDATORS, VALIDATORS, NO_SHOW,
      7, GENESIS, new ApprovalVoting.Actions() {
        @Override
        public void recoverAndExecute(Hash block, Hash candidate) {
          recoveries.add(block);
        }

        @Override
        public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
          sentFor.add(block);
        }

        @Override
        public void onApproved(Hash block) {}
      });

  @Test
  void aCandidateInTwoSiblingsIsExecutedOnceAndApprovedInBoth() {
    voting.onBlockImported(FIRST, GENESIS, 1, List.of(CANDIDATE));
    voting.onBlockImported(SECOND, GENESIS, 1, List.of(CANDIDATE));
    assertThat(recoveries).containsExactly(FIRST);
    voting.onChecked(FIRST, CANDIDATE, true);
    assertThat(sentFor).containsExactly(FIRST, SECOND);
  }

  @Test
  void aSiblingImportedAfterTheCheckIsApprovedWithoutExecutingAgain() {
    voting.onBlockImported(FIRST, GENESIS, 1, List.of(CANDIDATE));
    voting.onChecked(FIRST, CANDIDATE, true);
    voting.onBlockImported(THIRD, GENESIS, 1, List.of(CANDIDATE));
    assertThat(recoveries).containsExactly(FIRST);
    assertThat(sentFor).containsExactly(FIRST, THIRD);
  }

  @Test
  void unavailableDataIsRetriedOnceForBothSiblings() {
    voting.onBlockImported(FIRST, GENESIS, 1, List.of(CANDIDATE));
    voting.onBlockImported(SECOND, GENESIS, 1, List.of(CANDIDATE));
    voting.onUnavailable(FIRST, CANDIDATE);
    ctx.fireUntil(ApprovalVoting.RECOVERY_RETRY_BACKOFF_MICROS, voting::onTimer);
    assertThat(recoveries).hasSize(2);
    voting.onChecked(recoveries.get(1), CANDIDATE, true);
    assertThat(sentFor).containsExactlyInAnyOrder(FIRST, SECOND);
  }

  @Test
  void aCandidateFoundValidIsCheckedAgainAfterFinalityOfItsHeight() {
    voting.onBlockImported(FIRST, GENESIS, 1, List.of(CANDIDATE));
    voting.onChecked(FIRST, CANDIDATE, true);
    voting.pruneFinalized(FIRST);
    // Included again at height 2 (its first inclusion was on an abandoned fork, say).
    Hash child = Hash.fromLong(9);
    voting.onBlockImported(child, FIRST, 2, List.of(CANDIDATE));
    assertThat(recoveries).containsExactly(FIRST, child);
  }
}
