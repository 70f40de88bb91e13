package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finality is approval's root: a finalized block counts as approved for its descendants, also
 * when a node learnt the finality before it took the block in (a node restarted without its
 * state, syncing the chain while a GRANDPA commit arrives).
 */
class ApprovalVotingFinalityTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash A = Hash.fromLong(2);
  private static final Hash B = Hash.fromLong(3);
  private static final Hash CANDIDATE_A = Hash.fromLong(12);
  private static final Hash CANDIDATE_B = Hash.fromLong(13);

  private final ManualContext ctx = new ManualContext(0);
  // 4 validators, one approval needed; this validator's own checks never report.
  private final ApprovalVoting voting = new ApprovalVoting(ctx, 0, 4, 1, 12_000_000, 7, GENESIS,
      new NoApprovalActions());

  @Test
  void aBlockFinalizedBeforeItIsImportedIsTheApprovedRootOnceItArrives() {
    voting.pruneFinalized(A);
    voting.onBlockImported(A, GENESIS, 1, List.of(CANDIDATE_A));
    voting.onBlockImported(B, A, 2, List.of(CANDIDATE_B));
    voting.onApprovals(3, B, BitVec.of(1, 0));
    assertThat(voting.isApproved(A)).isTrue();
    assertThat(voting.isApproved(B)).isTrue();
  }

  @Test
  void finalizingAnUnapprovedBlockReleasesTheChildrenThatWaitedForIt() {
    voting.onBlockImported(A, GENESIS, 1, List.of(CANDIDATE_A));
    voting.onBlockImported(B, A, 2, List.of(CANDIDATE_B));
    voting.onApprovals(3, B, BitVec.of(1, 0));
    assertThat(voting.isApproved(B)).isFalse();
    voting.pruneFinalized(A);
    assertThat(voting.isApproved(B)).isTrue();
  }

  @Test
  void finalityLetsGoOfTheEntriesBelowIt() {
    // A chain of 30 blocks, finalized at 20: live entries are 20..30, and 20's parent entry (19,
    // pruned) is the last one they keep; before, each entry kept every ancestor's to genesis.
    Hash parent = GENESIS;
    for (int n = 1; n <= 30; n++) {
      Hash block = Hash.fromLong(1000 + n);
      voting.onBlockImported(block, parent, n, List.of(Hash.fromLong(2000 + n)));
      parent = block;
    }
    assertThat(voting.parentLinks(Hash.fromLong(1030))).isEqualTo(29);
    voting.pruneFinalized(Hash.fromLong(1020));
    assertThat(voting.parentLinks(Hash.fromLong(1030))).isEqualTo(11);
    assertThat(voting.knows(Hash.fromLong(1019))).isFalse();
    assertThat(voting.knows(Hash.fromLong(1020))).isTrue();
  }
}
