package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.protocol.events.ApprovalSent;
import io.parapipe.protocol.events.RelayBlockImported;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.availability.ChunkRecoveryEnded;
import io.parapipe.sim.EventObserver;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under {@code gossip = "threshold"} an approval checker's chunk recovery is drawn as one exchange
 * (docs/kernel.md, "Recovery as one exchange"): no event per chunk request, answer or timeout,
 * one at the end. The checkers must recover the same data at nearly the same times: on scenarios
 * whose PoVs are above the 1 MiB fetch-from-backers threshold (so checkers recover from chunks),
 * with validators offline, cut off, crashed or partitioned, the two modes recover as often, as
 * successfully and as fast (median and 90th percentile), approve as many candidates, and include
 * and finalize the same, while the threshold run saves at least the chunk messages of the
 * recoveries. The two runs part ways as runs with different seeds do, since the exchange draws the
 * holders' random streams when it starts (and GRANDPA votes, posted, do not queue on downlinks), so
 * per-run figures whose spread between seeds is wide (mean approval delay, mean finality lag in a
 * partition) are printed, not compared, and the others are pooled over {@link #SEEDS} seeds.
 *
 * <p>Recovery times are bimodal where holders are down: a request to a holder that does not answer
 * waits out the 1 s chunk timeout. So the 90th percentile of one run jumps between about 0.25 and
 * 1.1 s with the seed (faults/crash-3-lost in exact mode: 264, 1,097, 226, 1,124, 331 and 286 ms
 * over seeds 1 to 6); what is compared is the share of recoveries that waited out a timeout, and
 * the median.
 */
class RecoveryExchangeModesTest {
  /** Approvals seen during a run: how many candidates were approved, and how long after import. */
  static final class Approvals implements EventObserver {
    // Lookups only, never iterated for an outcome.
    private record Key(int node, Hash block) {}

    private final Map<Key, Long> importedAt = new HashMap<>();
    long approvals;
    long candidates;
    double delaySumMs;
    final List<Long> recoveryMicros = new ArrayList<>();
    long failed;

    /** The share of successful recoveries that took at least {@code ms}. */
    double shareAtLeast(long ms) {
      return recoveryMicros.isEmpty() ? 0
          : recoveryMicros.stream().filter(t -> t >= ms * 1000).count() / (double) recoveryMicros.size();
    }

    @Override
    public void onEvent(long timeMicros, int node, ProtocolEvent event) {
      if (event instanceof RelayBlockImported i) {
        importedAt.putIfAbsent(key(node, i.hash()), timeMicros);
      } else if (event instanceof ChunkRecoveryEnded e) {
        if (e.recovered()) {
          recoveryMicros.add(timeMicros - e.startedAtMicros());
        } else {
          failed++;
        }
      } else if (event instanceof ApprovalSent a) {
        Long at = importedAt.get(key(node, a.block()));
        if (at != null) {
          approvals++;
          candidates += a.candidates().size();
          delaySumMs += (timeMicros - at) / 1000.0;
        }
      }
    }

    double meanDelayMs() {
      return approvals == 0 ? 0 : delaySumMs / approvals;
    }

    /** The {@code q}-quantile of the successful chunk recoveries' durations, ms. */
    double recoveryMs(double q) {
      List<Long> sorted = new ArrayList<>(recoveryMicros);
      sorted.sort(null);
      return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()))) / 1000.0;
    }

    private static Key key(int node, Hash h) {
      return new Key(node, h);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"realistic", "faults/offline-6", "faults/outage-7-for-90s",
      "faults/crash-3-lost", "faults/partition-halves-90s", "faults/message-loss-1pct", "scale-60",
      "scale-60-mapped"})
  void recoveryAsOneExchangeApprovesAsExactModeDoes(String name) throws Exception {
    String text = name.equals("scale-60") ? scale60()
        : name.equals("scale-60-mapped") ? scale60Mapped()
        : Files.readString(Path.of("../scenarios", name + ".toml"))
            .replaceFirst("(?m)^duration = .*$", "duration = \"5m\"");
    // The scenario's own seed first: its pair of runs is what the chain and event checks compare.
    Approvals exactApprovals = new Approvals();
    Approvals thresholdApprovals = new Approvals();
    long seed = ScenarioLoader.parse(text, "scenarios/" + name + ".toml").seed();
    JsonNode exact = run(GossipModesTest.withGossip(text, "exact"), name, exactApprovals, seed);
    JsonNode threshold = run(GossipModesTest.withGossip(text, "threshold"), name, thresholdApprovals,
        seed);
    long firstCandidates = exactApprovals.candidates;
    for (int i = 1; i < SEEDS; i++) {
      run(GossipModesTest.withGossip(text, "exact"), name, exactApprovals, seed + i);
      run(GossipModesTest.withGossip(text, "threshold"), name, thresholdApprovals, seed + i);
    }
    int validators = exact.at("/config/network/validators").asInt();

    System.out.printf("%s, %d seeds: chunk recoveries %d/%d, failed %d/%d, median %.1f/%.1f ms,"
        + " p90 %.1f/%.1f ms, timed out %.1f/%.1f %%; candidates approved %d/%d, mean delay after"
        + " import %.0f/%.0f ms (exact/threshold)%n", name, SEEDS,
        exactApprovals.recoveryMicros.size(), thresholdApprovals.recoveryMicros.size(),
        exactApprovals.failed, thresholdApprovals.failed, exactApprovals.recoveryMs(0.5),
        thresholdApprovals.recoveryMs(0.5), exactApprovals.recoveryMs(0.9),
        thresholdApprovals.recoveryMs(0.9), 100 * exactApprovals.shareAtLeast(1000),
        100 * thresholdApprovals.shareAtLeast(1000), exactApprovals.candidates,
        thresholdApprovals.candidates, exactApprovals.meanDelayMs(), thresholdApprovals.meanDelayMs());

    // Checkers recover from chunks, as often, as successfully and as fast. Under message loss or
    // a partition the runs part ways (below), so how many candidates are included and how many
    // no-shows are covered differ as between seeds: a wider band for the count there.
    boolean partsWays = GossipModesTest.partsWays(name);
    double countBand = partsWays ? 0.10 : 0.05;
    int recovered = exactApprovals.recoveryMicros.size();
    assertThat(recovered).as("%s recovers from chunks", name).isGreaterThan(100);
    assertThat(thresholdApprovals.recoveryMicros.size()).as("%s chunk recoveries", name)
        .isBetween((int) (recovered * (1 - countBand)) - 5, (int) (recovered * (1 + countBand)) + 5);
    assertThat(thresholdApprovals.failed).as("%s failed recoveries", name)
        .isBetween(0L, exactApprovals.failed + 5 + recovered / 50);
    double ms = exactApprovals.recoveryMs(0.5);
    assertThat(thresholdApprovals.recoveryMs(0.5)).as("%s median recovery time", name)
        .isBetween(ms * 0.90 - 20, ms * 1.10 + 20);
    double slow = exactApprovals.shareAtLeast(1000);
    assertThat(thresholdApprovals.shareAtLeast(1000)).as("%s share of recoveries past a timeout", name)
        .isBetween(slow * 0.75 - 0.02, slow * 1.25 + 0.02);
    // Approvals: as many.
    assertThat((double) thresholdApprovals.candidates).as("%s candidates approved", name)
        .isBetween(exactApprovals.candidates * 0.94, exactApprovals.candidates * 1.06);

    // The same chain and finality, inclusions within GossipModesTest's bands. Under message loss
    // or a partition the two modes part ways as two seeds do: GossipModesTest compares those by
    // the means of several seeds, so here they are left out.
    if (!partsWays) {
      GossipModesTest.assertSameChainAndFinality(name, exact, threshold);
    }

    // Fewer events: besides the bitfields (GossipModesTest), at least a request and an answer
    // for each of the recovery threshold's chunks of most approved candidates (a checker that
    // backed the candidate holds the data and recovers nothing).
    long exactEvents = exact.at("/kernel/events").asLong();
    long thresholdEvents = threshold.at("/kernel/events").asLong();
    int bitfieldsSigned = exact.at("/relay/authored").asInt();
    long bitfieldEvents = (long) bitfieldsSigned * (validators - 1) / 2;
    int recoveryThreshold = (validators - 1) / 3 + 1;
    long chunkEvents = firstCandidates / 2 * 2L * (recoveryThreshold - 1);
    assertThat(thresholdEvents).as("%s: no event per recovery chunk", name)
        .isLessThan(exactEvents - bitfieldEvents - chunkEvents);
  }

  /**
   * {@code polkadot-scale} at 60 validators, 12 paras, for 2 minutes: 2 MiB PoVs, five holders
   * offline (requests that time out), without the chunk mapping. Finality lags 19 s on average
   * in this run (up to 29 s; 45 s and 97 s before approvals went to random validators besides the
   * grid, when it stalled from the third block to near the end and then finalized a burst); the
   * mapping moves finality as a seed would, so it has its own run, every validator online ({@link
   * #scale60Mapped}).
   */
  private static String scale60() throws Exception {
    return scale60Lines() + "\n[faults]\noffline_validators = [3, 17, 28, 41, 55]\n";
  }

  /** The same with the chunk mapping (systematic chunks first) and every validator online. */
  private static String scale60Mapped() throws Exception {
    String text = scale60Lines().replaceFirst("(?m)^\\[relay\\]$",
        "[relay]\nnode_features = [\"CandidateReceiptV2\", \"AvailabilityChunkMapping\"]");
    assertThat(text).contains("\"AvailabilityChunkMapping\"");
    return text;
  }

  private static String scale60Lines() throws Exception {
    return Files.readString(Path.of("../scenarios/polkadot-scale.toml"))
        .replaceFirst("(?m)^duration = .*$", "duration = \"2m\"")
        .replaceFirst("(?m)^validators = .*$", "validators = 60")
        .replaceFirst("(?m)^paras = .*$", "paras = 12")
        .replaceFirst("(?m)^num_cores = .*$", "num_cores = 12")
        .replaceFirst("(?m)^needed_approvals = .*$", "needed_approvals = 10");
  }

  /** Runs pooled per mode: the scenario's seed and the next ones. */
  static final int SEEDS = 3;

  private static JsonNode run(String text, String name, Approvals approvals, long seed)
      throws Exception {
    Scenario scenario = ScenarioLoader.parse(text, "scenarios/" + name + ".toml").withSeed(seed);
    RunResult result = Runs.run(scenario, Optional.empty(), t -> {}, List.of(approvals));
    return ResultsJson.parse(ResultsJson.toJson(result), "run of " + name);
  }
}
