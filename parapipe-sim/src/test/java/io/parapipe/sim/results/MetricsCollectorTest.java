package io.parapipe.sim.results;

import io.parapipe.sim.Traffic;
import static io.parapipe.sim.results.SyntheticRun.B1;
import static io.parapipe.sim.results.SyntheticRun.B2X;
import static io.parapipe.sim.results.SyntheticRun.B3;
import static io.parapipe.sim.results.SyntheticRun.B5B;
import static io.parapipe.sim.results.SyntheticRun.C1;
import static io.parapipe.sim.results.SyntheticRun.C2;
import static io.parapipe.sim.results.SyntheticRun.C5;
import static io.parapipe.sim.results.SyntheticRun.C6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.events.BlockFinalized;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.SimulationSummary;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {
  private final RunResult r = SyntheticRun.result();
  private final RunResult.Para para = r.para(2000);

  @Test
  void bestChainIsTheHighestBlockWithTiesToTheUnsignedLowestHash() {
    assertThat(r.relay().chain()).extracting(RunResult.ChainBlock::hash)
        .containsExactly(B1, B2X, B3, B5B);
    assertThat(r.relay().chain()).extracting(RunResult.ChainBlock::number)
        .containsExactly(1, 2, 3, 4);
    assertThat(r.relay().chain()).extracting(RunResult.ChainBlock::author)
        .containsExactly(0, 2, 3, 2);
    assertThat(r.relay().chain()).extracting(RunResult.ChainBlock::authoredAtMs)
        .containsExactly(6000.0, 12050.0, 18000.0, 30000.0);
  }

  /**
   * 20 points per best-chain block to its author and 20 per backer of each candidate a best-chain
   * block includes; the forks B2 and B5a (and B5a's other backers of C2) earn nothing.
   */
  @Test
  void eraPointsCountAuthorsAndBackersOnTheBestChainOnly() {
    assertThat(r.relay().eraPoints()).containsExactly(40, 40, 60, 40);
  }

  @Test
  void relayCounts() {
    RunResult.Relay relay = r.relay();
    assertThat(relay.blocks()).isEqualTo(4);
    assertThat(relay.authored()).isEqualTo(6);
    assertThat(relay.forks()).isEqualTo(2);
    assertThat(relay.missedSlots()).as("slot 4 of slots 1..5").isEqualTo(1);
    assertThat(relay.meanBlockTimeMs()).isEqualTo(8000.0);
    assertThat(relay.sessions()).as("blocks 0-1, 2-3, 4 with session_length 2").isEqualTo(3);
  }

  @Test
  void finalityNeedsASupermajorityOfValidatorsCountingDescendants() {
    // n = 4 validators: supermajority 4 - (4 - 1) / 3 = 3. Collator 10 finalizing B3 at 25 s
    // must not count, else B3 would be final at 25 s.
    assertThat(r.relay().chain()).extracting(RunResult.ChainBlock::finalizedAtMs)
        .containsExactly(22000.0, 31000.0, 31000.0, null);
    assertThat(r.relay().finalized()).isEqualTo(3);
    Distribution lag = r.relay().finalityLagMs();
    // B4, authored at 30 s and never final, counts with the end of the run (36 s): 6000.
    assertThat(lag.count()).isEqualTo(4);
    assertThat(lag.mean()).isEqualTo(13487.5); // (16000 + 18950 + 13000 + 6000) / 4
    assertThat(lag.p50()).isEqualTo(13000.0);
    assertThat(lag.p95()).isEqualTo(18950.0);
    assertThat(r.relay().unfinalizedTail()).isEqualTo(1);
    assertThat(r.relay().finalityStalls()).isEmpty();
    assertThat(lag.max()).isEqualTo(18950.0);
  }

  @Test
  void withoutValidatorListEveryFinalizingNodeCounts() {
    MetricsCollector c = new MetricsCollector();
    SyntheticRun.feed(c);
    SimulationSummary s = new SimulationSummary(1000, 5000, 640_000,
        List.of(new Traffic("Vote", 5000, 640_000)), new long[0], new long[0], 250, 36_000_000L,
        List.of(), Map.of());
    RunResult anyNode = c.result(SyntheticRun.scenario(), s);
    // The collator's vote now completes B3's supermajority at 25 s.
    assertThat(anyNode.relay().chain().get(2).finalizedAtMs()).isEqualTo(25000.0);
  }

  @Test
  void paraCountsOnlyBestChainEvents() {
    assertThat(para.authored()).isEqualTo(5);
    assertThat(para.backed()).as("C1 in B2', C5 C2 C6 in B3; not B2").isEqualTo(4);
    assertThat(para.included()).as("C1 in B3, C2 C6 in B5b; not B5a").isEqualTo(3);
    assertThat(para.timedOut()).isEqualTo(1);
  }

  @Test
  void candidatesAreJoinedWithTheirAuthoringAndSortedByParaBlockThenHash() {
    assertThat(para.candidates()).extracting(RunResult.Candidate::hash)
        .containsExactly(C1, C5, C2, C6);
    RunResult.Candidate c1 = para.candidates().get(0);
    assertThat(c1).isEqualTo(new RunResult.Candidate(C1, 1, 0, 1, 10, 7000.0, 500.0,
        400_000_000_000L, 1000, 2, 3, null, 0));
    RunResult.Candidate c5 = para.candidates().get(1);
    assertThat(c5.backedIn()).isEqualTo(3);
    assertThat(c5.includedIn()).isNull();
    assertThat(c5.timedOutIn()).isEqualTo(4);
    assertThat(para.candidates()).extracting(RunResult.Candidate::core)
        .containsExactly(0, 0, 1, 2);
  }

  @Test
  void inclusionIntervalsUseBestChainAuthoringTimesWithZeroForTheSameBlock() {
    Distribution iv = para.inclusionIntervalMs();
    assertThat(iv).isEqualTo(new Distribution(2, 6000.0, 0.0, 12000.0, 12000.0));
  }

  @Test
  void inclusionLatencyRunsFromAuthoringStartToTheIncludingBlock() {
    // C1 18 - (7 - 0.5) = 11.5 s; C2 30 - (19 - 0.3) = 11.3 s; C6 30 - (19.5 - 0.2) = 10.7 s
    assertThat(para.inclusionLatencyMs())
        .isEqualTo(new Distribution(3, 11166.7, 11300.0, 11500.0, 11500.0));
  }

  @Test
  void authoringAndBlockspace() {
    assertThat(para.authoringMs()).isEqualTo(new Distribution(5, 300.0, 300.0, 500.0, 500.0));
    assertThat(para.refTimeIncludedPs()).isEqualTo(550_000_000_000L);
    assertThat(para.povBytesIncluded()).isEqualTo(1750);
    assertThat(para.blockspaceMsPerMinute()).as("550 ms over 0.6 min").isEqualTo(916.7);
  }

  @Test
  void unincludedSegmentSeriesFollowsIncludedBlocksInParaOrder() {
    assertThat(para.unincludedSegment().series()).containsExactly(
        new RunResult.SegmentPoint(1, 1), new RunResult.SegmentPoint(3, 2),
        new RunResult.SegmentPoint(3, 3));
    assertThat(para.unincludedSegment().mean()).isEqualTo(2.0);
    assertThat(para.unincludedSegment().max()).isEqualTo(3);
  }

  @Test
  void panicsInTimeOrderWithCollatorAndMessage() {
    assertThat(para.panics()).containsExactly(
        new RunResult.Panic(24123.4, 11, 4, "Slot must increase"),
        new RunResult.Panic(26000.0, 10, 4, "no space left for the block in the unincluded segment"),
        new RunResult.Panic(27000.0, 11, 4, "Slot must increase"));
  }

  @Test
  void backingAndCollatorFollowUpgradesThatTookEffect() {
    // the tip's author reports max_candidate_depth = 2; authoring_duration = 1s from block 3 (reached); kind = lookahead from block 10 (not).
    assertThat(para.backing()).isEqualTo("async");
    assertThat(para.collator()).isEqualTo("basic");
    assertThat(para.authoringBudgetMs()).isEqualTo(1000.0);
  }

  @Test
  void backingFollowsTheDepthInForceAtTheBestChainsTip() {
    Scenario s = ScenarioLoader.parse("""
        duration = "36s"
        [network]
        validators = 4
        paras = 1
        [relay]
        num_cores = 1
        session_length = 4
        [[upgrades]]
        at_relay_block = 1
        relay = { max_candidate_depth = 2 }
        """, "t.toml");
    MetricsCollector c = new MetricsCollector();
    SyntheticRun.feed(c);
    // The synthetic chain's tip reports depth 2; a chain of block 1 alone reports depth 0.
    assertThat(c.result(s, SyntheticRun.summary()).para(2000).backing()).isEqualTo("async");
    MetricsCollector shorter = new MetricsCollector();
    shorter.onEvent(6_000_000, 0, new RelayBlockAuthored(B1, 1, 1, SyntheticRun.GENESIS,
        List.of(), List.of(), List.of(), 0, 0));
    assertThat(shorter.result(s, SyntheticRun.summary()).para(2000).backing()).isEqualTo("sync");
  }

  @Test
  void scenarioAndKernelFigures() {
    assertThat(r.schema()).isEqualTo("parapipe.run/1");
    assertThat(r.name()).isEqualTo("synthetic");
    assertThat(r.seed()).isEqualTo(7);
    assertThat(r.durationMs()).isEqualTo(36000.0);
    assertThat(r.config()).isEqualTo(SyntheticRun.scenario().toJson());
    assertThat(r.kernel()).isEqualTo(new RunResult.Kernel(1000, 5000, 640_000,
        List.of(new Traffic("Vote", 5000, 640_000)), 250, 4000.0));
    assertThat(r.paras()).extracting(RunResult.Para::id).containsExactly(2000);
  }

  @Test
  void emptyRunHasEveryFigureAndAllSlotsMissed() {
    RunResult empty = new MetricsCollector().result(SyntheticRun.scenario(),
        SyntheticRun.summary());
    assertThat(empty.relay().blocks()).isZero();
    assertThat(empty.relay().missedSlots()).isEqualTo(5);
    assertThat(empty.relay().sessions()).isEqualTo(1);
    assertThat(empty.relay().finalityLagMs()).isEqualTo(Distribution.EMPTY);
    assertThat(empty.para(2000).inclusionIntervalMs()).isEqualTo(Distribution.EMPTY);
    assertThat(empty.para(2000).candidates()).isEmpty();
  }

  @Test
  void candidateWithoutAuthoringEventKeepsNullAuthoringFields() {
    MetricsCollector c = new MetricsCollector();
    c.onEvent(6_000_000, 0, new RelayBlockAuthored(B1, 1, 1, SyntheticRun.GENESIS, List.of(),
        List.of(), List.of(), 0, 0));
    Hash unknown = Hash.fromLong(0xdead);
    c.onEvent(6_000_000, 0, new io.parapipe.protocol.events.CandidateBackedEvent(B1, 1,
        SyntheticRun.P, unknown, io.parapipe.protocol.primitives.CoreIndex.of(0), 0));
    RunResult.Candidate cand = c.result(SyntheticRun.scenario(), SyntheticRun.summary())
        .para(2000).candidates().get(0);
    assertThat(cand.hash()).isEqualTo(unknown);
    assertThat(cand.paraBlock()).isNull();
    assertThat(cand.authoredAtMs()).isNull();
    assertThat(cand.backedIn()).isEqualTo(1);
  }

  @Test
  void blockTimeAtTheNodesComesFromEachValidatorsImports() {
    MetricsCollector c = new MetricsCollector();
    Hash b2 = Hash.fromLong(0xb2);
    c.onEvent(6_000_000, 0, new RelayBlockAuthored(B1, 1, 1, SyntheticRun.GENESIS, List.of(),
        List.of(), List.of(), 0, 0));
    c.onEvent(6_000_000, 0, new RelayBlockImported(B1, 1, true)); // the author, at its seal
    c.onEvent(6_080_000, 1, new RelayBlockImported(B1, 1, true));
    c.onEvent(12_000_000, 1, new RelayBlockAuthored(b2, 2, 2, B1, List.of(), List.of(), List.of(), 0, 0));
    c.onEvent(12_000_000, 1, new RelayBlockImported(b2, 2, true));
    c.onEvent(12_050_000, 0, new RelayBlockImported(b2, 2, true));
    c.onEvent(12_070_000, 0, new RelayBlockImported(b2, 2, true)); // a repeat: the first counts
    c.onEvent(12_090_000, 10, new RelayBlockImported(b2, 2, true)); // a collator: not a validator
    c.onEvent(12_500_000, 2, new RelayBlockImported(b2, 2, true)); // never imported B1: no gap
    RunResult res = c.result(SyntheticRun.scenario(), SyntheticRun.summary());
    // Node 0: 6.05 s, node 1: 5.92 s; the seals alone give 6.0 s.
    assertThat(res.relay().meanBlockTimeMs()).isEqualTo(6000.0);
    assertThat(res.relay().blockTimeAtNodesMs()).isEqualTo(new Spread(2, 5985.0, 5920.0, 5920.0, 6050.0,
        6050.0, 6050.0));
  }

  @Test
  void resultIsComputedOnce() {
    MetricsCollector c = new MetricsCollector();
    c.onEvent(1, 0, new BlockFinalized(B1, 1));
    c.result(SyntheticRun.scenario(), SyntheticRun.summary());
    assertThatThrownBy(() -> c.result(SyntheticRun.scenario(), SyntheticRun.summary()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sameStreamGivesEqualResults() {
    assertThat(SyntheticRun.result()).isEqualTo(r);
  }
}
