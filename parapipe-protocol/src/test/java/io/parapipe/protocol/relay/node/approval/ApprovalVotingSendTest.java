package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A validator sends its approvals of a block once none of its checks of that block is running, or
 * once an approval made has waited as long as upstream lets approvals wait to be coalesced.
 */
class ApprovalVotingSendTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final int VALIDATORS = 8;
  private static final long SEED = 7;
  private static final long NO_SHOW = 12_000_000;

  private final ManualContext ctx = new ManualContext(0);
  private final List<List<Hash>> sent = new ArrayList<>();

  private ApprovalVoting voting(int self) {
    return voting(self, NO_SHOW);
  }

  private ApprovalVoting voting(int self, long noShow) {
    return new ApprovalVoting(ctx, self, VALIDATORS, 1, noShow, SEED, GENESIS,
        new ApprovalVoting.Actions() {
          @Override
          public void recoverAndExecute(Hash block, Hash candidate) {}

          @Override
          public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {
            sent.add(candidates);
          }

          @Override
          public void onApproved(Hash block) {}
        });
  }

  private static int position(Hash candidate, int v) {
    return new CheckerPermutation(BLOCK, candidate, SEED, VALIDATORS).positionOf(v);
  }

  /** Two candidates and a validator at the given tranches (positions) of each. */
  private record Setup(int self, Hash first, Hash second) {}

  private static Setup find(int firstPosition, int secondPosition) {
    for (int v = 0; v < VALIDATORS; v++) {
      for (long a = 10; a < 200; a++) {
        for (long b = a + 1; b < 200; b++) {
          if (position(Hash.fromLong(a), v) == firstPosition && position(Hash.fromLong(b), v) == secondPosition) {
            return new Setup(v, Hash.fromLong(a), Hash.fromLong(b));
          }
        }
      }
    }
    throw new AssertionError("no such validator");
  }

  @Test
  void approvalsWaitForTheOtherRunningCheckAndGoTogether() {
    Setup s = find(0, 0);
    ApprovalVoting v = voting(s.self());
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    v.onChecked(BLOCK, s.first(), true);
    assertThat(sent).isEmpty();
    v.onChecked(BLOCK, s.second(), true);
    assertThat(sent).containsExactly(List.of(s.first(), s.second()));
  }

  @Test
  void anApprovalIsSentWhenTheOtherCheckFindsTheDataUnavailable() {
    Setup s = find(0, 0);
    ApprovalVoting v = voting(s.self());
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    v.onChecked(BLOCK, s.first(), true);
    v.onUnavailable(BLOCK, s.second());
    assertThat(sent).containsExactly(List.of(s.first()));
  }

  @Test
  void theApprovalOfALaterTranchesCheckIsSentToo() {
    // Checks the first candidate at import and the second one no-show period later.
    Setup s = find(0, 1);
    ApprovalVoting v = voting(s.self());
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    v.onChecked(BLOCK, s.first(), true);
    assertThat(sent).containsExactly(List.of(s.first()));
    ctx.fireUntil(NO_SHOW, v::onTimer);
    v.onChecked(BLOCK, s.second(), true);
    assertThat(sent).containsExactly(List.of(s.first()), List.of(s.second()));
  }

  @Test
  void aFinishedApprovalWaitsForTheOtherCheckUntilHalfTheNoShowPeriodOnly() {
    Setup s = find(0, 0);
    ApprovalVoting v = voting(s.self());
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    ctx.fireUntil(1_000_000, v::onTimer);
    v.onChecked(BLOCK, s.first(), true);
    ctx.fireUntil(NO_SHOW / 2 - 1, v::onTimer);
    assertThat(sent).isEmpty();
    // Upstream signs no later than half the no-show period after the assignment triggered.
    ctx.fireUntil(NO_SHOW / 2, v::onTimer);
    assertThat(sent).containsExactly(List.of(s.first()));
    ctx.fireUntil(30_000_000, v::onTimer);
    v.onChecked(BLOCK, s.second(), true);
    assertThat(sent).containsExactly(List.of(s.first()), List.of(s.second()));
  }

  @Test
  void aFinishedApprovalWaitsForTheOtherCheckSixSecondsAtMost() {
    Setup s = find(0, 0);
    ApprovalVoting v = voting(s.self(), 60_000_000);
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    ctx.fireUntil(1_000_000, v::onTimer);
    v.onChecked(BLOCK, s.first(), true);
    ctx.fireUntil(6_999_999, v::onTimer);
    assertThat(sent).isEmpty();
    ctx.fireUntil(7_000_000, v::onTimer);
    assertThat(sent).containsExactly(List.of(s.first()));
  }

  @Test
  void anApprovalMadeLateGoesAtOnceWhileTheOtherCheckRuns() {
    Setup s = find(0, 0);
    ApprovalVoting v = voting(s.self());
    v.onBlockImported(BLOCK, GENESIS, 1, List.of(s.first(), s.second()));
    ctx.fireUntil(NO_SHOW, v::onTimer);
    v.onChecked(BLOCK, s.first(), true);
    assertThat(sent).containsExactly(List.of(s.first()));
  }
}
