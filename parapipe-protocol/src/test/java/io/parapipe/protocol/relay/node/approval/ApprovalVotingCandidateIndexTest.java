package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import io.parapipe.protocol.wire.ApprovalsMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Approvals name candidates by their index among the block's included candidates (inclusion
 * order): index {@code i} must approve exactly the {@code i}th candidate, on the way out and in.
 */
class ApprovalVotingCandidateIndexTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final int VALIDATORS = 8;
  private static final long SEED = 7;
  private static final long NO_SHOW = 12_000_000;

  private final ManualContext ctx = new ManualContext(0);
  private final List<Hash> recoveries = new ArrayList<>();
  private final List<BitVec> sentIndices = new ArrayList<>();
  private final List<List<Hash>> sentHashes = new ArrayList<>();

  private ApprovalVoting voting(int self) {
    return new ApprovalVoting(ctx, self, VALIDATORS, 1, NO_SHOW, SEED, GENESIS,
        new ApprovalVoting.Actions() {
          @Override
          public void recoverAndExecute(Hash block, Hash candidate) {
            recoveries.add(candidate);
          }

          @Override
          public void broadcastApprovals(Hash block, BitVec candidateIndices,
              List<Hash> candidates) {
            sentIndices.add(candidateIndices);
            sentHashes.add(candidates);
          }

          @Override
          public void onApproved(Hash block) {}
        });
  }

  private static int position(Hash candidate, int v) {
    return new CheckerPermutation(BLOCK, candidate, SEED, VALIDATORS).positionOf(v);
  }

  /**
   * Four candidates for which {@code self} is in tranche 0 exactly where {@code checks[i]} (it
   * checks that candidate at import) and in a later tranche elsewhere.
   */
  private static List<Hash> candidatesFor(int self, boolean... checks) {
    List<Hash> out = new ArrayList<>();
    long next = 10;
    for (boolean check : checks) {
      while ((position(Hash.fromLong(next), self) == 0) != check) {
        next++;
      }
      out.add(Hash.fromLong(next++));
    }
    return out;
  }

  private static boolean checksAny(List<Hash> candidates, int v) {
    return candidates.stream().anyMatch(c -> position(c, v) == 0);
  }

  @Test
  void anApprovalOfIndexTwoApprovesExactlyTheThirdIncludedCandidate() {
    int self = 0;
    List<Hash> included = candidatesFor(self, false, false, false, false);
    ApprovalVoting v = voting(self);
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    assertThat(recoveries).isEmpty();

    v.onApprovals(5, BLOCK, BitVec.of(4, 2));
    // Every later tranche has come: this node checks each candidate still lacking its approval.
    ctx.fireUntil(VALIDATORS * NO_SHOW, v::onTimer);

    assertThat(recoveries).containsExactlyInAnyOrder(included.get(0), included.get(1),
        included.get(3));
    assertThat(v.isApproved(BLOCK)).isFalse();
    v.onApprovals(5, BLOCK, BitVec.of(4, 0, 1, 3));
    assertThat(v.isApproved(BLOCK)).isTrue();
  }

  @Test
  void ownApprovalOfTheFourthCandidateGoesOutAsIndexThreeAndApprovesItElsewhere() {
    int self = 0;
    List<Hash> included = candidatesFor(self, false, false, false, true);
    ApprovalVoting checker = voting(self);
    checker.onBlockImported(BLOCK, GENESIS, 1, included);
    assertThat(recoveries).containsExactly(included.get(3));
    checker.onChecked(BLOCK, included.get(3), true);
    assertThat(sentIndices).containsExactly(BitVec.of(4, 3));
    assertThat(sentHashes).containsExactly(List.of(included.get(3)));

    // Another validator, in tranche 0 for none of them, takes the message in.
    recoveries.clear();
    int other = 1;
    while (other == self || checksAny(included, other)) {
      other++;
    }
    ApprovalVoting receiver = voting(other);
    receiver.onBlockImported(BLOCK, GENESIS, 1, included);
    receiver.onApprovals(self, BLOCK, sentIndices.get(0));
    ctx.fireUntil(VALIDATORS * NO_SHOW, receiver::onTimer);
    assertThat(recoveries).containsExactlyInAnyOrder(included.get(0), included.get(1),
        included.get(2));
  }

  @Test
  void indicesBeyondTheBlocksCandidatesApproveNothing() {
    List<Hash> included = candidatesFor(0, false);
    ApprovalVoting v = voting(0);
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    v.onApprovals(5, BLOCK, BitVec.of(3, 1, 2));
    assertThat(v.isApproved(BLOCK)).isFalse();
    v.onApprovals(5, BLOCK, BitVec.of(3, 0));
    assertThat(v.isApproved(BLOCK)).isTrue();
  }

  @Test
  void knownApprovalsCarryEachValidatorsIndices() {
    List<Hash> included = candidatesFor(0, false, false, false);
    ApprovalVoting v = voting(0);
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    v.onApprovals(6, BLOCK, BitVec.of(3, 2));
    v.onApprovals(4, BLOCK, BitVec.of(3, 0, 1));
    assertThat(v.knownApprovals(GENESIS)).containsExactly(
        new ApprovalsMessage(BLOCK, 4, BitVec.of(3, 0, 1)),
        new ApprovalsMessage(BLOCK, 6, BitVec.of(3, 2)));
  }

  @Test
  void aValidatorsApprovalCountsOnceAcrossItsMessagesAndOnlyWhileNeeded() {
    List<Hash> included = candidatesFor(0, false, false, false);
    ApprovalVoting v = new ApprovalVoting(ctx, 0, VALIDATORS, 2, NO_SHOW, SEED, GENESIS,
        new NoApprovalActions());
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    v.onApprovals(4, BLOCK, BitVec.of(3, 0, 1));
    v.onApprovals(4, BLOCK, BitVec.of(3, 1, 2)); // 1 again: counted once
    v.onApprovals(5, BLOCK, BitVec.of(3, 0));
    v.onApprovals(6, BLOCK, BitVec.of(3, 0, 1)); // 0 has its two: only 1 counts
    assertThat(v.knownApprovals(GENESIS)).containsExactly(
        new ApprovalsMessage(BLOCK, 4, BitVec.of(3, 0, 1, 2)),
        new ApprovalsMessage(BLOCK, 5, BitVec.of(3, 0)),
        new ApprovalsMessage(BLOCK, 6, BitVec.of(3, 1)));
    v.onApprovals(4, BLOCK, BitVec.of(3, 2)); // 2 has one approval, and 4's already counted
    assertThat(v.isApproved(BLOCK)).isFalse();
    v.onApprovals(7, BLOCK, BitVec.of(3, 2));
    assertThat(v.isApproved(BLOCK)).isTrue();
  }

  @Test
  void approvalsAfterFinalityForgotABlockGoToItsNewEntryWhenItIsImportedAgain() {
    List<Hash> included = candidatesFor(0, false);
    Hash child = Hash.fromLong(9);
    ApprovalVoting v = voting(0);
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    v.onApprovals(5, BLOCK, BitVec.of(1, 0));
    v.onBlockImported(child, BLOCK, 2, List.of());
    v.pruneFinalized(child);
    assertThat(v.knows(BLOCK)).isFalse();
    v.onApprovals(4, BLOCK, BitVec.of(1, 0));
    v.onBlockImported(BLOCK, GENESIS, 1, included);
    v.onApprovals(6, BLOCK, BitVec.of(1, 0));
    assertThat(v.knownApprovals(child)).containsExactly(
        new ApprovalsMessage(BLOCK, 6, BitVec.of(1, 0)));
  }

  @Test
  void theMessageIsSizedAsWhenItNamedCandidatesByHash() {
    assertThat(new ApprovalsMessage(BLOCK, 1, BitVec.of(4, 0, 2)).sizeBytes())
        .isEqualTo(128 + 32 * 2);
    assertThat(new ApprovalsMessage(BLOCK, 1, BitVec.of(100, 99)).sizeBytes())
        .isEqualTo(128 + 32);
  }
}
