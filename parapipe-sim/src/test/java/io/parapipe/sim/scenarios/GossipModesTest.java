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
 * decision point (availability bitfields, read by block authors) and must not change what the
 * network does: a shipped scenario run with the same seed in both modes gives the same relay
 * chain, finality and inclusions. The only modelled difference is that receivers' downlinks are
 * not charged for posted messages, which may move other small messages by microseconds.
 */
class GossipModesTest {
  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "elastic-3-cores", "realistic", "faults/message-loss-1pct"})
  void thresholdGossipGivesTheSameNetworkWithFewerEvents(String name) throws Exception {
    String text = Files.readString(Path.of("../scenarios", name + ".toml"));
    JsonNode exact = run(withGossip(text, "exact"), name);
    JsonNode threshold = run(withGossip(text, "threshold"), name);

    assertThat(threshold.at("/config/network/gossip").asText()).isEqualTo("threshold");
    long exactEvents = exact.at("/kernel/events").asLong();
    long thresholdEvents = threshold.at("/kernel/events").asLong();
    int validators = exact.at("/config/network/validators").asInt();
    int bitfieldsSigned = exact.at("/relay/authored").asInt(); // at most one per leaf and validator
    assertThat(thresholdEvents).as("%s: no event per bitfield delivery", name)
        .isLessThan(exactEvents - (long) bitfieldsSigned * (validators - 1) / 2);

    for (JsonNode json : new JsonNode[] {exact, threshold}) {
      ((ObjectNode) json).remove("kernel");
      ((ObjectNode) json.get("config").get("network")).remove("gossip");
    }
    assertThat(threshold).as("results of %s", name).isEqualTo(exact);
    assertThat(exact.at("/paras/0/included").asInt()).as("%s includes para blocks", name)
        .isPositive();
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
    Scenario scenario = ScenarioLoader.parse(text, "scenarios/" + name + ".toml");
    RunResult result = Runs.run(scenario, Optional.empty(), t -> {});
    return ResultsJson.parse(ResultsJson.toJson(result), "run of " + name);
  }
}
