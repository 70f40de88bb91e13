package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code [network] gossip = "threshold"} saves the kernel the events of gossip read only at a
 * decision point (availability bitfields, read by block authors), and of approval checkers' chunk
 * recoveries (drawn as one exchange; {@link RecoveryExchangeModesTest}), and must not change what
 * the network does: a shipped scenario run with the same seed in both modes gives the same relay
 * chain and finality, and inclusions within a few blocks. The only modelled difference is that
 * receivers' downlinks are not charged for posted messages, which moves other small messages by
 * microseconds; where that flips a race (which collation is fetched first, say) the runs part
 * ways, as two runs with different seeds would, and only the figures can be compared.
 */
class GossipModesTest {
  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "realistic", "faults/message-loss-1pct",
      "faults/outage-7-for-90s", "faults/crash-3-lost", "faults/partition-halves-90s",
      "faults/legacy-2-of-20", "faults/offline-6"})
  void thresholdGossipGivesTheSameNetworkWithFewerEvents(String name) throws Exception {
    // Five simulated minutes cover every fault window of these scenarios.
    String text = Files.readString(Path.of("../scenarios", name + ".toml"))
        .replaceFirst("(?m)^duration = .*$", "duration = \"5m\"");
    JsonNode exact = run(withGossip(text, "exact"), name);
    JsonNode threshold = run(withGossip(text, "threshold"), name);

    assertThat(threshold.at("/config/network/gossip").asText()).isEqualTo("threshold");
    long exactEvents = exact.at("/kernel/events").asLong();
    long thresholdEvents = threshold.at("/kernel/events").asLong();
    int validators = exact.at("/config/network/validators").asInt();
    int bitfieldsSigned = exact.at("/relay/authored").asInt(); // at most one per leaf and validator
    assertThat(thresholdEvents).as("%s: no event per bitfield delivery", name)
        .isLessThan(exactEvents - (long) bitfieldsSigned * (validators - 1) / 2);
    // Fewer events, the same traffic: transfers count what the network carries whatever carries
    // it (posts, relayed hops, drawn exchanges), so the modes agree within what timing moves (the
    // nine scenarios: 0.96-1.08 in transfers, 0.97-1.00 in the validators' upload). A flow the
    // threshold mode failed to count would be missed by far: approvals are two fifths of the
    // transfers, erasure chunks most of the bytes.
    double transfers = exact.at("/kernel/transfers").asDouble();
    assertThat(threshold.at("/kernel/transfers").asDouble()).as("%s transfers", name)
        .isBetween(transfers * 0.88, transfers * 1.12);
    double upload = exact.at("/relay/validator_upload_mbit_s/mean").asDouble();
    assertThat(upload).as("%s validators upload", name).isPositive();
    assertThat(threshold.at("/relay/validator_upload_mbit_s/mean").asDouble())
        .as("%s validators' upload", name).isBetween(upload * 0.94, upload * 1.06);

    if (partsWays(name)) {
      // Runs that part ways (recovery drawn as one exchange draws holders' random streams when it
      // starts, docs/kernel.md) differ as seeds do where a scenario is chaotic: under 1 % message
      // loss, seeds 1 to 8 of exact mode finalize 41 to 49 blocks of 49 with mean lags of 8.5 to
      // 27.2 s, and a partition of halves stops finality for 90 s, and how it catches up sets the
      // lag. One seed's pair can land far apart in either direction, so these two compare the
      // means of seeds 1 to 4 instead, in looser bands, and not the count of finality stalls (a
      // lag crossing ten blocks in one run or not).
      Figures e = Figures.over(text, name, "exact", SEEDS);
      Figures t = Figures.over(text, name, "threshold", SEEDS);
      assertThat(t.blocks).as("%s relay blocks, mean of %d seeds", name, SEEDS)
          .isBetween(e.blocks - 1.0, e.blocks + 1.0);
      assertThat(t.finalized).as("%s finalized, mean of %d seeds", name, SEEDS)
          .isBetween(e.finalized - 3.0, e.finalized + 3.0);
      assertThat(t.lagMs).as("%s mean finality lag, mean of %d seeds", name, SEEDS)
          .isBetween(e.lagMs * 0.65 - 100, e.lagMs * 1.35 + 100);
      for (int p = 0; p < e.included.length; p++) {
        double band = 2 + e.included[p] / 25;
        assertThat(t.included[p]).as("%s para %d included, mean of %d seeds", name, p, SEEDS)
            .isBetween(e.included[p] - band, e.included[p] + band);
      }
    } else {
      assertSameChainAndFinality(name, exact, threshold);
      // Within 10 %: in offline-6 every online vote is needed, and one block finalized a round
      // sooner moves the mean of a five-minute run by 9 % (seeds 2 to 4 give identical runs).
      double lag = exact.at("/relay/finality_lag_ms/mean").asDouble();
      assertThat(threshold.at("/relay/finality_lag_ms/mean").asDouble())
          .as("%s mean finality lag", name).isBetween(lag * 0.9 - 100, lag * 1.1 + 100);
    }
    assertThat(exact.at("/paras/0/included").asInt()).as("%s includes para blocks", name)
        .isPositive();
  }

  /**
   * Scenarios whose two modes part ways as two seeds do (message loss, a partition, crashes that
   * lose state): compared by the means of several seeds. Since recoveries ask for more chunks as
   * their requests fail (upstream's desired request count), a crash's timeouts make each
   * recovery's requests depend on the holders' random streams: in five minutes of
   * {@code crash-3-lost}, seed 1's mean finality lag is 6.03 s exact and 5.19 s threshold, the
   * means of seeds 1 to 4 5.39 and 5.26 s.
   */
  static boolean partsWays(String name) {
    return name.startsWith("faults/partition") || name.startsWith("faults/message-loss")
        || name.startsWith("faults/crash-3-lost");
  }

  /**
   * The same relay chain, finality within a block and no other stalls, and inclusions within a
   * few blocks per para: what threshold gossip must keep of an exact run with the same seed.
   */
  static void assertSameChainAndFinality(String name, JsonNode exact, JsonNode threshold) {
    assertThat(threshold.at("/relay/blocks").asInt()).as("%s relay blocks", name)
        .isEqualTo(exact.at("/relay/blocks").asInt());
    assertThat(threshold.at("/relay/finalized").asInt()).as("%s finalized", name)
        .isBetween(exact.at("/relay/finalized").asInt() - 1,
            exact.at("/relay/finalized").asInt() + 1);
    assertThat(threshold.at("/relay/finality_stalls").size()).as("%s finality stalls", name)
        .isEqualTo(exact.at("/relay/finality_stalls").size());
    for (int p = 0; p < exact.get("paras").size(); p++) {
      int included = exact.at("/paras/" + p + "/included").asInt();
      // offline-6's modes differ by up to 2 inclusions per para in five minutes over seeds 1 to 6
      // (seeds 3 and 4), and by 3 with seed 1 (19 against 16) since a candidate checked in sibling
      // blocks is executed once: its no-show covers make inclusion as chaotic as a seed.
      int band = 3 + included / 25;
      assertThat(threshold.at("/paras/" + p + "/included").asInt())
          .as("%s para %d included", name, p).isBetween(included - band, included + band);
    }
  }

  /** Seeds whose mean figures are compared for the chaotic scenarios. */
  static final int SEEDS = 4;

  /** A scenario's figures in one gossip mode, averaged over seeds 1 to {@code seeds}. */
  static final class Figures {
    double blocks;
    double finalized;
    double lagMs;
    double[] included;

    static Figures over(String text, String name, String mode, int seeds) throws Exception {
      Figures f = new Figures();
      for (int seed = 1; seed <= seeds; seed++) {
        JsonNode r = run(withGossip(text, mode), name, seed);
        f.blocks += r.at("/relay/blocks").asDouble() / seeds;
        f.finalized += r.at("/relay/finalized").asDouble() / seeds;
        f.lagMs += r.at("/relay/finality_lag_ms/mean").asDouble() / seeds;
        if (f.included == null) {
          f.included = new double[r.get("paras").size()];
        }
        for (int p = 0; p < f.included.length; p++) {
          f.included[p] += r.at("/paras/" + p + "/included").asDouble() / seeds;
        }
      }
      return f;
    }
  }

  /** The scenario's text with the mode set in its {@code [network]} table. */
  static String withGossip(String text, String mode) {
    String key = "gossip = \"" + mode + "\"\n";
    String stripped = text.replaceAll("(?m)^gossip = .*\\n", "");
    return stripped.contains("\n[network]\n")
        ? stripped.replace("\n[network]\n", "\n[network]\n" + key)
        : stripped + "\n[network]\n" + key;
  }

  private static JsonNode run(String text, String name) throws Exception {
    return run(text, name, ScenarioLoader.parse(text, "scenarios/" + name + ".toml").seed());
  }

  private static JsonNode run(String text, String name, long seed) throws Exception {
    Scenario scenario = ScenarioLoader.parse(text, "scenarios/" + name + ".toml").withSeed(seed);
    RunResult result = Runs.run(scenario, Optional.empty(), t -> {});
    return ResultsJson.parse(ResultsJson.toJson(result), "run of " + name);
  }
}
