package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A block's tranche and no-show timers: one per tranche of the block (one for the first no-show
 * period), not one per candidate, and each takes up every candidate due then, as a timer per
 * candidate would.
 */
class ApprovalVotingBlockTimersTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final List<Hash> CANDIDATES =
      List.of(Hash.fromLong(30), Hash.fromLong(31), Hash.fromLong(32), Hash.fromLong(33));
  private static final int VALIDATORS = 20;
  private static final int NEEDED = 3;
  private static final long SEED = 11;
  private static final long NO_SHOW = 12_000_000;

  private final List<ManualContext> clocks = new ArrayList<>();
  private final List<ApprovalVoting> votings = new ArrayList<>();
  /** "validator:candidate" of each check started. */
  private final Set<String> checks = new HashSet<>();

  private void start(NoShowCover cover) {
    for (int v = 0; v < VALIDATORS; v++) {
      int self = v;
      ManualContext ctx = new ManualContext(v);
      clocks.add(ctx);
      votings.add(new ApprovalVoting(ctx, v, VALIDATORS, NEEDED, NO_SHOW, SEED, GENESIS, cover,
          new NoApprovalActions() {
            @Override
            public void recoverAndExecute(Hash block, Hash candidate) {
              assertThat(checks.add(self + ":" + CANDIDATES.indexOf(candidate))).isTrue();
            }
          }));
    }
    votings.forEach(a -> a.onBlockImported(BLOCK, GENESIS, 1, CANDIDATES));
  }

  private void fireUntil(long t) {
    for (int v = 0; v < VALIDATORS; v++) {
      ApprovalVoting a = votings.get(v);
      clocks.get(v).fireUntil(t, timer -> assertThat(a.onTimer(timer)).isTrue());
    }
  }

  /** The checks started by tranche {@code t}: every (validator, candidate) placed below (t+1)·needed. */
  private static Set<String> expectedBy(int t) {
    Set<String> out = new HashSet<>();
    for (int c = 0; c < CANDIDATES.size(); c++) {
      CheckerPermutation p = new CheckerPermutation(BLOCK, CANDIDATES.get(c), SEED, VALIDATORS);
      for (int v = 0; v < VALIDATORS; v++) {
        if (p.positionOf(v) < (t + 1) * NEEDED) {
          out.add(v + ":" + c);
        }
      }
    }
    return out;
  }

  /** The distinct tranches above 0 validator {@code v} has in the block. */
  private static Set<Integer> laterTranches(int v) {
    Set<Integer> out = new HashSet<>();
    for (Hash c : CANDIDATES) {
      int tranche = new CheckerPermutation(BLOCK, c, SEED, VALIDATORS).positionOf(v) / NEEDED;
      if (tranche > 0) {
        out.add(tranche);
      }
    }
    return out;
  }

  @Test
  void oneTimerPerTrancheOfTheBlockAndEachTakesUpItsCandidates() {
    start(NoShowCover.TRANCHE);
    for (int v = 0; v < VALIDATORS; v++) {
      assertThat(clocks.get(v).timers).as("validator %d", v).hasSize(laterTranches(v).size());
    }
    assertThat(checks).isEqualTo(expectedBy(0));
    // Nobody approves: every tranche comes due in turn, for every candidate.
    for (int t = 1; t * NEEDED < VALIDATORS; t++) {
      fireUntil(t * NO_SHOW);
      assertThat(checks).as("tranche %d", t).isEqualTo(expectedBy(t));
    }
  }

  @Test
  void oneFirstNoShowTimerPerBlockAndEachPeriodCallsTheMissingForEveryCandidate() {
    start(NoShowCover.PER_NO_SHOW);
    for (int v = 0; v < VALIDATORS; v++) {
      assertThat(clocks.get(v).timers).as("validator %d", v)
          .hasSize(laterTranches(v).isEmpty() ? 0 : 1);
    }
    assertThat(checks).isEqualTo(expectedBy(0));
    // No approval comes: each period calls `needed` more checkers for each candidate.
    for (int k = 1; k * NEEDED < VALIDATORS; k++) {
      fireUntil(k * NO_SHOW);
      assertThat(checks).as("period %d", k).isEqualTo(expectedBy(k));
    }
  }

  @Test
  void anApprovedCandidateCallsNoCoverWhileTheOthersDo() {
    start(NoShowCover.PER_NO_SHOW);
    // Candidate 0 gets its approvals in time, the others none.
    for (int v = 0; v < NEEDED; v++) {
      int approver = v;
      votings.forEach(a -> a.onApprovals(approver, BLOCK, BitVec.of(CANDIDATES.size(), 0)));
    }
    fireUntil(NO_SHOW);
    Set<String> expected = new HashSet<>(expectedBy(1));
    CheckerPermutation p = new CheckerPermutation(BLOCK, CANDIDATES.get(0), SEED, VALIDATORS);
    for (int v = 0; v < VALIDATORS; v++) {
      if (p.positionOf(v) >= NEEDED) {
        expected.remove(v + ":0");
      }
    }
    assertThat(checks).isEqualTo(expected);
  }
}
