package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.results.RunResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Asynchronous backing on whole simulated networks: the acceptance figures. */
class AsynchronousBackingTest {
  private static final String NO_SPACE = "no space left for the block in the unincluded segment";

  @Test
  void asyncBackingIncludesEverySixSecondsWithTwoSecondBlocksAndSevenTimesTheBlockspace() {
    RunResult async = Networks.run(Networks.shipped("async.toml", "5m"));
    RunResult sync = Networks.run(Networks.shipped("sync.toml", "5m"));
    for (RunResult.Para p : async.paras()) {
      assertThat(p.backing()).isEqualTo("async");
      assertThat(p.collator()).isEqualTo("lookahead");
      assertThat(p.inclusionIntervalMs().mean()).as("para %d", p.id()).isBetween(5_700.0, 6_300.0);
      assertThat(p.authoringMs().mean()).isBetween(1_900.0, 2_000.0);
      assertThat(p.panics()).isEmpty();
      assertThat(p.unincludedSegment().max()).isBetween(2, 3);
      double ratio = p.blockspaceMsPerMinute() / sync.para(p.id()).blockspaceMsPerMinute();
      assertThat(ratio).as("blockspace ratio of para %d", p.id()).isGreaterThanOrEqualTo(7.0);
    }
  }

  @Test
  void capacityOneWithTheLookaheadCollatorStaysAtTwelveSeconds() {
    RunResult r = Networks.run(Networks.shipped("capacity-one.toml", "4m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(p.inclusionIntervalMs().mean()).isBetween(11_400.0, 12_600.0);
      assertThat(p.panics()).isEmpty(); // can_build_upon refuses before the runtime would panic
    }
  }

  @Test
  void anAsyncRuntimeOnASynchronousRelayChainStaysAtTwelveSeconds() {
    RunResult r = Networks.run(Networks.shipped("async-runtime-on-sync-relay.toml", "4m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(p.backing()).isEqualTo("sync");
      // BABE forks (a primary and a secondary block in about a quarter of the slots) now and then
      // orphan the relay parent a collation was built on, which costs that para block.
      assertThat(p.inclusionIntervalMs().mean()).isBetween(11_400.0, 14_400.0);
      assertThat(p.authored()).isGreaterThan(p.backed()); // extra blocks the relay never backs
    }
  }

  @Test
  void anAsyncParaSwitchedToSyncBackingByGovernanceRunsAsOneStartedUnderSync() {
    // Depth and ancestry go back to 0 from session 3 (relay block 61) while scheduling_lookahead
    // stays 3. The collator must search parents only as far back as allowed_ancestry_len, as
    // cumulus's max_ancestry_lookback does; with scheduling_lookahead - 1 it built on its own
    // unbacked block of an older relay parent, which validators never back: 18 s, not 12 s.
    RunResult r = Networks.run(Networks.toml("""
        duration = "10m"
        [relay]
        session_length = 20
        max_candidate_depth = 3
        allowed_ancestry_len = 2
        scheduling_lookahead = 3
        [para]
        consensus_hook = "fixed-velocity"
        unincluded_segment_capacity = 3
        slot_duration = "6s"
        allow_multiple_blocks_per_slot = true
        minimum_period = "0s"
        relay_number_policy = "monotonically-increases"
        max_block_weight = "2s"
        [collator]
        kind = "lookahead"
        authoring_duration = "2s"
        [[upgrades]]
        at_session = 3
        relay = { max_candidate_depth = 0, allowed_ancestry_len = 0 }
        """));
    for (RunResult.Para p : r.paras()) {
      assertThat(p.backing()).isEqualTo("sync");
      assertThat(Networks.intervalBetween(r, p.id(), 20, 60)).as("para %d async", p.id()).isLessThan(7_000.0);
      assertThat(Networks.intervalBetween(r, p.id(), 65, 100)).as("para %d after the switch", p.id())
          .isBetween(11_400.0, 14_400.0);
    }
  }

  @Test
  void twelveSecondAuraSlotsWithoutMultipleBlocksPerSlotPanicAndStaySlow() {
    RunResult r = Networks.run(Networks.shipped("aura-12s-slot-single-block.toml", "4m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(Networks.panicMessages(r, p.id())).containsExactly("Slot must increase");
      assertThat(p.inclusionIntervalMs().mean()).isGreaterThan(9_000.0);
    }
  }

  @Test
  void strictlyIncreasingRelayNumbersPanicOnTheSecondBlockOfARelayParent() {
    RunResult r = Networks.run(Networks.shipped("strict-relay-number.toml", "3m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(Networks.panicMessages(r, p.id())).containsExactly(
          "Relay chain block number needs to strictly increase between Parachain blocks!");
    }
  }

  @Test
  void theBasicCollatorOnAnAsyncRelayHitsTheCapacityButKeepsTwelveSeconds() {
    RunResult r = Networks.run(Networks.shipped("basic-collator-capacity-one.toml", "4m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(Networks.panicMessages(r, p.id())).containsExactly(NO_SPACE);
      assertThat(p.inclusionIntervalMs().mean()).isBetween(11_400.0, 12_600.0);
    }
  }

  @Test
  void theThreePhaseUpgradeReplaysWithTheExpectedIntervalInEachPhase() {
    RunResult r = Networks.run(Networks.shipped("upgrade-three-phases.toml", "16m"));
    for (int para = 2000; para <= 2002; para++) {
      assertThat(Networks.intervalBetween(r, para, 5, 40)).as("before phase 1").isBetween(11_400.0, 12_600.0);
      assertThat(Networks.intervalBetween(r, para, 45, 80)).as("phase 1").isBetween(11_400.0, 12_600.0);
      assertThat(Networks.intervalBetween(r, para, 85, 120)).as("phase 2").isBetween(11_400.0, 12_600.0);
      assertThat(Networks.intervalBetween(r, para, 125, 160)).as("phase 3").isBetween(5_700.0, 6_300.0);
      // The results' own phases: the start, then one from each upgrade point.
      assertThat(r.phases()).extracting(RunResult.Phase::fromRelayBlock).containsExactly(1, 40, 80, 120);
      double[] p50 = {12_000.0, 12_000.0, 12_000.0, 6_000.0};
      for (int k = 0; k < 4; k++) {
        RunResult.PhasePara f = r.phases().get(k).paras().get(para - 2000);
        assertThat(f.id()).isEqualTo(para);
        assertThat(f.inclusionIntervalMs().p50()).as("phase from R%d", r.phases().get(k).fromRelayBlock())
            .isBetween(p50[k] * 0.95, p50[k] * 1.05);
      }
      // Phase 3 doubles the inclusions and, with 2 s blocks, raises the blockspace several times.
      assertThat(r.phases().get(3).paras().get(para - 2000).blockspaceMsPerMinute())
          .isGreaterThan(4 * r.phases().get(2).paras().get(para - 2000).blockspaceMsPerMinute());
      // Panics stop once the lookahead collator respects the unincluded segment.
      assertThat(r.phases().get(3).paras().get(para - 2000).panics()).isZero();
      assertThat(r.para(para).panicGroups()).extracting(RunResult.PanicGroup::message).containsExactly(
          "assertion `left == right` failed: expected parent to be included\n  left: ...\n right: ...",
          NO_SPACE);
      assertThat(r.para(para).collator()).isEqualTo("lookahead");
      // Lookahead blocks (phase 2 on) use the raised 1.5 s authoring budget.
      for (RunResult.Candidate c : r.para(para).candidates()) {
        if (c.includedIn() != null && c.includedIn() >= 125) {
          assertThat(c.authoringMs()).isEqualTo(1500.0);
        }
      }
    }
  }

  @Test
  void aCandidateThatTimesOutIsRebuiltBackedAgainAndTheChainGoesOn() {
    RunResult r = Networks.run(Networks.shipped("availability-timeout.toml", "5m"));
    for (RunResult.Para p : r.paras()) {
      assertThat(p.timedOut()).isGreaterThan(0);
      Set<Integer> timedOutBlocks = new HashSet<>();
      int lastTimeout = 0;
      for (RunResult.Candidate c : p.candidates()) {
        if (c.timedOutIn() != null) {
          timedOutBlocks.add(c.paraBlock());
          lastTimeout = Math.max(lastTimeout, c.timedOutIn());
        }
      }
      boolean rebuiltAndIncluded = false;
      int includedAfter = 0;
      for (RunResult.Candidate c : p.candidates()) {
        if (c.includedIn() != null && timedOutBlocks.contains(c.paraBlock())) {
          rebuiltAndIncluded = true;
        }
        if (c.includedIn() != null && c.includedIn() > lastTimeout) {
          includedAfter++;
        }
      }
      assertThat(rebuiltAndIncluded).as("a timed-out para block is rebuilt and included").isTrue();
      assertThat(includedAfter).as("inclusions after the last timeout").isGreaterThan(10);
    }
  }
}
