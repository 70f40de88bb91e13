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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code [relay] prospective_chains = "on-demand"} is a cost model, not a protocol change: a
 * shipped scenario run with the same seed in both modes gives the same results JSON (apart from
 * the mode's own echo and the wall-clock figures) and the same trace, event for event, except
 * {@code candidate_attested} events. Those differ where on demand admits a seconded candidate of
 * a para whose chain it does not keep on its relay parent's scope alone: a kept chain would also
 * have applied its depth and fork rules and refused some (a candidate on a losing fork, say), so
 * on demand attests them at more validators. The rules apply when a chain is built from the heard
 * candidates, so what reaches a block is the same.
 */
class ProspectiveChainsModesTest {
  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "elastic-3-cores", "realistic"})
  void onDemandChainsGiveTheSameRunAsExactOnes(String name, @TempDir Path dir) throws Exception {
    String text = ScenarioLoader.builtInText(name).orElseThrow();
    Path exactTrace = dir.resolve("exact.jsonl");
    Path onDemandTrace = dir.resolve("on-demand.jsonl");

    JsonNode exact = run(withMode(text, "exact"), name, exactTrace);
    JsonNode onDemand = run(withMode(text, "on-demand"), name, onDemandTrace);

    assertThat(exact.at("/config/relay/prospective_chains").asText()).isEqualTo("exact");
    assertThat(onDemand.at("/config/relay/prospective_chains").asText()).isEqualTo("on-demand");
    ((ObjectNode) exact.get("config").get("relay")).remove("prospective_chains");
    ((ObjectNode) onDemand.get("config").get("relay")).remove("prospective_chains");
    assertThat(onDemand).as("results of %s", name).isEqualTo(exact);
    assertThat(exact.at("/paras/0/included").asInt()).as("%s includes para blocks", name)
        .isPositive();
    assertThat(withoutAttestations(onDemandTrace)).as("trace of %s", name)
        .isEqualTo(withoutAttestations(exactTrace));
  }

  private static List<String> withoutAttestations(Path trace) throws Exception {
    try (Stream<String> lines = Files.lines(trace)) {
      return lines.filter(l -> !l.contains("\"type\":\"candidate_attested\"")).toList();
    }
  }

  /** The scenario's text with the mode set in its {@code [relay]} table. */
  static String withMode(String text, String mode) {
    String key = "prospective_chains = \"" + mode + "\"\n";
    String stripped = text.replaceAll("(?m)^prospective_chains = .*\\n", "");
    return stripped.contains("\n[relay]\n")
        ? stripped.replace("\n[relay]\n", "\n[relay]\n" + key)
        : stripped + "\n[relay]\n" + key;
  }

  private static JsonNode run(String text, String name, Path trace) throws Exception {
    Scenario scenario = ScenarioLoader.parse(text, "built-in scenario " + name);
    RunResult result = Runs.run(scenario, Optional.of(trace), t -> {});
    JsonNode json = ResultsJson.parse(ResultsJson.toJson(result), "run of " + name);
    ObjectNode kernel = (ObjectNode) json.get("kernel");
    kernel.remove("wall_ms");
    kernel.remove("events_per_second");
    return json;
  }
}
