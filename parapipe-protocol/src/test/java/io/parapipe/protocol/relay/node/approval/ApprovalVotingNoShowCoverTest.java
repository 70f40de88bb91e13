package io.parapipe.protocol.relay.node.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.testing.ManualContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How no-shows are covered: one more checker per missing approval per no-show period under
 * {@link NoShowCover#PER_NO_SHOW} (upstream covers each no-show with one delay tranche), a whole
 * group of {@code needed_approvals} under {@link NoShowCover#TRANCHE}.
 */
class ApprovalVotingNoShowCoverTest {
  private static final Hash GENESIS = Hash.fromLong(1);
  private static final Hash BLOCK = Hash.fromLong(2);
  private static final Hash CANDIDATE = Hash.fromLong(3);
  private static final int VALIDATORS = 20;
  private static final int NEEDED = 3;
  private static final long SEED = 11;
  private static final long NO_SHOW = 12_000_000;

  /** Every validator's approval voting, each with its own clock; records who started a check. */
  private static final class Network {
    final List<ManualContext> clocks = new ArrayList<>();
    final List<ApprovalVoting> votings = new ArrayList<>();
    final List<Integer> checking = new ArrayList<>();

    Network(NoShowCover cover) {
      for (int v = 0; v < VALIDATORS; v++) {
        int self = v;
        ManualContext ctx = new ManualContext(v);
        clocks.add(ctx);
        votings.add(new ApprovalVoting(ctx, v, VALIDATORS, NEEDED, NO_SHOW, SEED, GENESIS, cover,
            new NoApprovalActions() {
              @Override
              public void recoverAndExecute(Hash block, Hash candidate) {
                checking.add(self);
              }
            }));
      }
      votings.forEach(a -> a.onBlockImported(BLOCK, GENESIS, 1, List.of(CANDIDATE)));
    }

    /** {@code validator}'s approval reaches every validator. */
    void approve(int validator) {
      votings.forEach(a -> a.onApprovals(validator, BLOCK, BitVec.of(1, 0)));
    }

    void runUntil(long t) {
      for (int v = 0; v < VALIDATORS; v++) {
        clocks.get(v).fireUntil(t, votings.get(v)::onTimer);
      }
    }

    boolean approved() {
      return votings.stream().allMatch(a -> a.isApproved(BLOCK));
    }
  }

  private static int at(int position) {
    CheckerPermutation p = new CheckerPermutation(BLOCK, CANDIDATE, SEED, VALIDATORS);
    for (int v = 0; v < VALIDATORS; v++) {
      if (p.positionOf(v) == position) {
        return v;
      }
    }
    throw new AssertionError("no validator at position " + position);
  }

  @Test
  void oneNoShowIsCoveredByOneMoreCheckerPerPeriod() {
    Network n = new Network(NoShowCover.PER_NO_SHOW);
    assertThat(n.checking).containsExactlyInAnyOrder(at(0), at(1), at(2));
    n.approve(at(0));
    n.approve(at(1));
    // at(2) does not show up.
    n.runUntil(NO_SHOW - 1);
    assertThat(n.checking).hasSize(3);
    n.runUntil(NO_SHOW);
    assertThat(n.checking).containsExactlyInAnyOrder(at(0), at(1), at(2), at(3));
    // The coverer does not show up either: the next period calls one more.
    n.runUntil(2 * NO_SHOW);
    assertThat(n.checking).containsExactlyInAnyOrder(at(0), at(1), at(2), at(3), at(4));
    n.approve(at(4));
    assertThat(n.approved()).isTrue();
    // Approved: no further checker is called.
    n.runUntil(10 * NO_SHOW);
    assertThat(n.checking).hasSize(5);
  }

  @Test
  void twoNoShowsAreCoveredByTwoCheckers() {
    Network n = new Network(NoShowCover.PER_NO_SHOW);
    n.approve(at(0));
    n.runUntil(NO_SHOW);
    assertThat(n.checking).containsExactlyInAnyOrder(at(0), at(1), at(2), at(3), at(4));
  }

  @Test
  void noCoverWhenEveryCheckerShowedUp() {
    Network n = new Network(NoShowCover.PER_NO_SHOW);
    n.approve(at(0));
    n.approve(at(1));
    n.approve(at(2));
    n.runUntil(10 * NO_SHOW);
    assertThat(n.checking).hasSize(3);
    assertThat(n.approved()).isTrue();
  }

  @Test
  void theTrancheCoverCallsAWholeGroupForOneNoShow() {
    Network n = new Network(NoShowCover.TRANCHE);
    n.approve(at(0));
    n.approve(at(1));
    n.runUntil(NO_SHOW);
    assertThat(n.checking).containsExactlyInAnyOrder(at(0), at(1), at(2), at(3), at(4), at(5));
  }

  @Test
  void coverStopsWhenEveryValidatorWasCalled() {
    Network n = new Network(NoShowCover.PER_NO_SHOW);
    // Nobody ever approves: each period calls as many as are missing (3), until all 20 checked.
    n.runUntil(100 * NO_SHOW);
    assertThat(n.checking).hasSize(VALIDATORS).doesNotHaveDuplicates();
  }
}
