package io.parapipe.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refactorings keep behaviour: the built-in {@code sync}, {@code async} and
 * {@code upgrade-three-phases} scenarios, run in full, give the results JSON and the trace that
 * the code gave before. The goldens live in {@code src/test/resources/golden/}: per scenario the
 * results JSON without the wall-clock figures ({@code kernel.wall_ms},
 * {@code kernel.events_per_second}) and the SHA-256 of the JSON Lines trace.
 *
 * <p>The goldens change only in a commit that changes behaviour on purpose, and that commit says
 * so. To regenerate them, from the repository root:
 *
 * <pre>{@code
 * for s in sync async upgrade-three-phases; do
 *   ./parapipe simulate --config scenarios/$s.toml --json /tmp/$s.json --trace /tmp/$s.jsonl --quiet
 *   grep -v '"wall_ms"\|"events_per_second"' /tmp/$s.json | sed -z 's/,\n  }\n}/\n  }\n}/' \
 *     > parapipe-sim/src/test/resources/golden/$s.json
 *   sha256sum /tmp/$s.jsonl | cut -d' ' -f1 > parapipe-sim/src/test/resources/golden/$s.trace.sha256
 * done
 * }</pre>
 *
 * <p>The JSON is compared as a tree, so the order of keys inside an object does not count; every
 * value and every array order does.
 */
class ShippedScenariosGoldenTest {
  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "upgrade-three-phases"})
  void aShippedScenarioGivesTheGoldenResultsAndTrace(String name, @TempDir Path dir) throws Exception {
    String text = ScenarioLoader.builtInText(name).orElseThrow();
    Scenario scenario = ScenarioLoader.parse(text, "built-in scenario " + name);
    Path trace = dir.resolve(name + ".jsonl");

    RunResult result = Runs.run(scenario, Optional.of(trace), t -> {});

    JsonNode actual = ResultsJson.parse(ResultsJson.toJson(result), "run of " + name);
    ObjectNode kernel = (ObjectNode) actual.get("kernel");
    assertThat(kernel.remove("wall_ms")).as("wall_ms is reported").isNotNull();
    assertThat(kernel.remove("events_per_second")).as("events_per_second is reported").isNotNull();
    JsonNode golden = ResultsJson.parse(resource(name + ".json"), "golden " + name);
    assertThat(actual).as("results JSON of %s", name).isEqualTo(golden);
    assertThat(sha256(trace)).as("trace of %s", name).isEqualTo(resource(name + ".trace.sha256").strip());
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = ShippedScenariosGoldenTest.class.getResourceAsStream("/golden/" + file)) {
      assertThat(in).as("golden file %s", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
