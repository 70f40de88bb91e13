package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.sim.results.Bandwidth;
import io.parapipe.sim.results.Distribution;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Spread;
import io.parapipe.sim.results.RunResult.ChainBlock;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The window and recovery arithmetic of {@link FaultFigures} on a hand-made run, and the fault
 * window {@link FaultWindow} reads from scenarios.
 */
class FaultFiguresTest {
  /**
   * Ten best-chain blocks, one every 6 s from 6 s; the run lasts 70 s. Finality (ms): #1 9,000,
   * #2 15,000, #3 19,000, #4 46,000, #5 49,000, #6 49,500, #7 and #8 55,000, #9 57,000, #10 never.
   */
  private static RunResult run() {
    return run(new double[] {9_000, 15_000, 19_000, 46_000, 49_000, 49_500, 55_000, 55_000,
        57_000, -1});
  }

  /** The same chain with other finality times (ms; -1: never). */
  private static RunResult run(double[] fin) {
    List<ChainBlock> chain = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      double f = fin[n - 1];
      chain.add(new ChainBlock(n, Hash.ZERO, n, 0, 6_000.0 * n, f < 0 ? null : f));
    }
    RunResult.Relay relay = new RunResult.Relay(10, 10, 0, 0, 9, 6_000, Spread.EMPTY, Spread.EMPTY,
        Bandwidth.EMPTY, Bandwidth.EMPTY, Distribution.EMPTY, 1, 1,
        List.of(new RunResult.Stall(7, 3, 42_000, 49_000.0)), chain, List.of());
    RunResult.Para para = new RunResult.Para(2000, "async", "lookahead", 12, 12, 11, 0,
        Distribution.EMPTY, Spread.EMPTY, Distribution.EMPTY, Distribution.EMPTY, 2_000, 0, 0, 0,
        new RunResult.Segment(0, 0, List.of()), List.of(), List.of(), List.of(), List.of());
    return new RunResult("parapipe.run/1", "test", "hand-made", 1, 70_000, List.of(),
        JsonNodeFactory.instance.objectNode(), relay, List.of(para), List.of(),
        new RunResult.Invariants(List.of("x"), List.of()), new RunResult.Kernel(0, 0, 0, List.of(), 0, 0));
  }

  @Test
  void lagBeforeDuringAfterAndBlocksToRecover() {
    // Window [18 s, 42 s): #3 (authored at 18 s) is during, #7 (at 42 s) after.
    FaultFigures f = FaultFigures.of(run(), new FaultWindow(18_000.0, 42_000.0));
    assertThat(f.lagBeforeMs()).isEqualTo(3_000.0); // #1, #2: 3 s each
    // #3 1 s, #4 22 s, #5 19 s, #6 13.5 s
    assertThat(f.lagDuringMs()).isEqualTo(13_875.0);
    // #7 13 s, #8 7 s, #9 3 s, #10 never: 70 - 60 = 10 s
    assertThat(f.lagAfterMs()).isEqualTo(8_250.0);
    // At 42 s best #7, finalized #3 (4 behind); 46 s: #7/#4 (3); 49 s: #8/#5 (3, #8 authored at
    // 48 s); 49.5 s: #8/#6 (2): recovered, one block (#8) after the fault's end.
    assertThat(f.recovered()).isTrue();
    assertThat(f.blocksToRecover()).isEqualTo(1);
    assertThat(f.bestChain()).isEqualTo(10);
    assertThat(f.finalized()).isEqualTo(9);
    assertThat(f.unfinalizedTail()).isEqualTo(1);
    assertThat(f.paraBlocksIncluded()).isEqualTo(11);
    assertThat(f.invariantViolations()).isZero();
    assertThat(f.stalls()).isEqualTo(1);
  }

  @Test
  void alreadyWithinReachWhenTheFaultEnds() {
    // At 20 s best #3, finalized #3.
    FaultFigures f = FaultFigures.of(run(), new FaultWindow(10_000.0, 20_000.0));
    assertThat(f.recovered()).isTrue();
    assertThat(f.blocksToRecover()).isZero();
  }

  @Test
  void neverRecoveredBeforeTheEnd() {
    // Finality stops at #3 and only #6 is finalized later: the gap never narrows to 2.
    FaultFigures f = FaultFigures.of(run(new double[] {9_000, 15_000, 19_000, -1, -1, 65_000,
        -1, -1, -1, -1}), new FaultWindow(18_000.0, 42_000.0));
    assertThat(f.recovered()).isFalse();
    assertThat(f.blocksToRecover()).isNull();
  }

  @Test
  void aWindowEndingAfterTheRunHasNoAfter() {
    FaultFigures f = FaultFigures.of(run(), new FaultWindow(10_000.0, 80_000.0));
    assertThat(f.recovered()).isFalse();
    assertThat(f.blocksToRecover()).isNull();
    assertThat(f.lagAfterMs()).isNull();
  }

  @Test
  void wholeRunFaultsHaveOnlyDuring() {
    FaultFigures f = FaultFigures.of(run(), FaultWindow.WHOLE_RUN);
    assertThat(f.lagBeforeMs()).isNull();
    assertThat(f.lagAfterMs()).isNull();
    // (3 + 3 + 1 + 22 + 19 + 13.5 + 13 + 7 + 3 + 10) / 10
    assertThat(f.lagDuringMs()).isEqualTo(9_450.0);
    assertThat(f.recovered()).isFalse();
    assertThat(f.blocksToRecover()).isNull();
  }

  @Test
  void windowFromTheScenariosFaults() {
    Path dir = Path.of("..", "scenarios", "faults");
    FaultWindow outage = FaultWindow.of(ScenarioLoader.load(dir.resolve("outage-7-for-90s.toml")));
    assertThat(outage).isEqualTo(new FaultWindow(60_000.0, 150_000.0));
    assertThat(outage.describe()).isEqualTo("60s to 150s");
    assertThat(FaultWindow.of(ScenarioLoader.load(dir.resolve("offline-6.toml"))).wholeRun())
        .isTrue();
    // A crash runs from at to restart_at, a partition and a latency spike from at to end.
    assertThat(FaultWindow.of(ScenarioLoader.load(dir.resolve("crash-5-kept.toml"))))
        .isEqualTo(new FaultWindow(60_000.0, 120_000.0));
    assertThat(FaultWindow.of(ScenarioLoader.load(dir.resolve("partition-halves-90s.toml"))))
        .isEqualTo(new FaultWindow(60_000.0, 150_000.0));
    assertThat(FaultWindow.of(ScenarioLoader.load(dir.resolve("latency-spike-1s-90s.toml"))))
        .isEqualTo(new FaultWindow(60_000.0, 150_000.0));
  }
}
