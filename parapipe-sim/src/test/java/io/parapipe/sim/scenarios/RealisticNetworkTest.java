package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Spread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/realistic.toml}: a Polkadot-like network (docs/model.md, "A realistic
 * network") whose figures have a distribution and sit within the public ones.
 */
class RealisticNetworkTest {
  @Test
  void blockTimeAndInclusionIntervalsLookLikePolkadots() {
    RunResult r = Networks.run(Networks.shipped("realistic.toml", "5m"));
    // Polkadot's mean block time is 6.0-6.2 s: missed slots lengthen it, nothing shortens it.
    assertThat(r.relay().meanBlockTimeMs()).isBetween(6_000.0, 6_200.0);
    assertThat(r.relay().missedSlots()).isPositive();
    // BABE forks: a primary and a secondary block in some slots.
    assertThat(r.relay().forks()).isPositive();
    assertThat(r.relay().finalized()).isGreaterThanOrEqualTo(r.relay().blocks() - 3);

    Map<Integer, Double> at = new HashMap<>();
    for (RunResult.ChainBlock b : r.relay().chain()) {
      at.put(b.number(), b.authoredAtMs());
    }
    List<Double> intervals = new ArrayList<>();
    for (RunResult.Para p : r.paras()) {
      List<Double> times = new ArrayList<>();
      for (RunResult.Candidate c : p.candidates()) {
        if (c.includedIn() != null) {
          times.add(at.get(c.includedIn()));
        }
      }
      times.sort(Double::compare);
      for (int i = 1; i < times.size(); i++) {
        intervals.add(times.get(i) - times.get(i - 1));
      }
    }
    intervals.sort(Double::compare);
    double mean = intervals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double p5 = percentile(intervals, 0.05);
    double p50 = percentile(intervals, 0.50);
    double p95 = percentile(intervals, 0.95);
    double p99 = percentile(intervals, 0.99);
    // Counted from the authors' seals (what the blocks' timestamps record), most intervals are one
    // slot, give or take the few milliseconds by which the proposal (the block's content) moves
    // the sealing instant; a missed slot or an orphaned relay parent makes one of 12 s. Fewer
    // than 5 % are long, so p95 is still one slot and the mean lies above it.
    assertThat(p5).isLessThan(6_000.0).isGreaterThan(5_990.0);
    assertThat(p50).isBetween(5_990.0, 6_010.0);
    assertThat(p95).isBetween(6_000.0, 6_010.0);
    assertThat(mean).isGreaterThan(p95).isLessThan(p99);
    assertThat(p99).isGreaterThanOrEqualTo(11_990.0);

    // As the validators imported the blocks, the one-slot intervals spread by the propagation
    // and import times that differ from author to author (links of 24-96 ms, jitter of mean
    // 15 ms): tens of milliseconds either side. The mean is the same figure (each node's gaps sum
    // to its span), and the 12 s tail still lifts it above p95.
    for (RunResult.Para p : r.paras()) {
      Spread atNodes = p.inclusionIntervalAtNodesMs();
      assertThat(atNodes.count()).isGreaterThan(40 * p.inclusionIntervalMs().count());
      assertThat(atNodes.mean()).isCloseTo(p.inclusionIntervalMs().mean(), within(5.0));
      assertThat(atNodes.p5()).isBetween(5_850.0, 5_985.0);
      assertThat(atNodes.p50()).isBetween(5_990.0, 6_010.0);
      assertThat(atNodes.p95()).isBetween(6_015.0, 6_150.0);
      assertThat(atNodes.p95() - atNodes.p5()).isGreaterThan(50.0);
      assertThat(atNodes.mean()).isGreaterThan(atNodes.p95()).isLessThan(atNodes.p99());
    }
    Spread blockTime = r.relay().blockTimeAtNodesMs();
    assertThat(blockTime.mean()).isCloseTo(r.relay().meanBlockTimeMs(), within(5.0));
    assertThat(blockTime.p5()).isLessThan(blockTime.p50());
    assertThat(blockTime.p50()).isLessThan(blockTime.p95());
  }

  private static double percentile(List<Double> sorted, double q) {
    int k = Math.max(0, (int) Math.ceil(q * sorted.size()) - 1);
    return sorted.get(k);
  }
}
