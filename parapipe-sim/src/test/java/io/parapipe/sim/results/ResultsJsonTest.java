package io.parapipe.sim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
  /** The synthetic run with a fixed version and a one-key config, so the golden file is stable. */
  static RunResult goldenRun() {
    RunResult r = SyntheticRun.result();
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("name", "synthetic");
    config.set("relay", JsonNodeFactory.instance.objectNode().put("slot_duration", "6s"));
    return new RunResult(r.schema(), "0.1.0-test", r.name(), r.seed(), r.durationMs(),
        r.warnings(), config, r.relay(), r.paras(), r.phases(), r.invariants(), r.kernel());
  }

  private static String golden() throws IOException {
    try (InputStream in = ResultsJsonTest.class.getResourceAsStream("synthetic-run.json")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void goldenFile() throws IOException {
    String actual = ResultsJson.toJson(goldenRun());
    if (!actual.equals(golden())) {
      // Left for review; copy over src/test/resources/.../synthetic-run.json if it is right.
      Files.writeString(Path.of("target/synthetic-run.actual.json"), actual);
    }
    assertThat(actual).isEqualTo(golden());
  }

  @Test
  void topLevelFieldOrderFollowsTheSchema() {
    JsonNode root = ResultsJson.parse(ResultsJson.toJson(SyntheticRun.result()), "t");
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    assertThat(names).containsExactly("schema", "parapipe_version", "name", "seed", "duration_ms",
        "warnings", "config", "relay", "paras", "phases", "invariants", "kernel");
    assertThat(root.get("config")).isEqualTo(SyntheticRun.scenario().toJson());
  }

  @Test
  void millisecondsHaveExactlyOneDecimal() {
    String json = ResultsJson.toJson(goldenRun());
    assertThat(json).contains("\"duration_ms\": 36000.0,")
        .contains("\"mean\": 13487.5,")
        .contains("\"at_ms\": 24123.4,")
        .contains("\"blockspace_ms_per_minute\": 916.7,")
        .contains("\"events_per_second\": 4000.0")
        .contains("\"mean\": 2.00,");
  }

  @Test
  void fixedFormatting() {
    assertThat(ResultsJson.fixed(6000, 1)).isEqualTo("6000.0");
    assertThat(ResultsJson.fixed(0.05, 1)).isEqualTo("0.1");
    assertThat(ResultsJson.fixed(1e12, 1)).isEqualTo("1000000000000.0");
    assertThat(ResultsJson.fixed(2.0 / 3, 2)).isEqualTo("0.67");
  }

  @Test
  void sameResultSameBytes() {
    assertThat(ResultsJson.toJson(SyntheticRun.result()))
        .isEqualTo(ResultsJson.toJson(SyntheticRun.result()));
  }

  @Test
  void writeAndReadBack(@TempDir Path dir) {
    Path file = dir.resolve("run.json");
    ResultsJson.write(goldenRun(), file);
    JsonNode tree = ResultsJson.read(file);
    assertThat(tree.get("schema").asText()).isEqualTo("parapipe.run/1");
    assertThat(tree.at("/relay/chain/1/hash").asText()).isEqualTo(SyntheticRun.B2X.toHex());
    assertThat(tree.at("/paras/0/candidates/0/timed_out_in").isNull()).isTrue();
    assertThat(tree.at("/paras/0/unincluded_segment/series/1/0").asInt()).isEqualTo(3);
  }

  @Test
  void readingRejectsWhatIsNotAResultsFile(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ResultsJson.read(dir.resolve("missing.json")))
        .isInstanceOf(RunFileUserError.class).hasMessageContaining("does not exist");
    Path notJson = Files.writeString(dir.resolve("a.json"), "{ nope");
    assertThatThrownBy(() -> ResultsJson.read(notJson))
        .isInstanceOf(RunFileUserError.class).hasMessageContaining("is not valid JSON at line 1");
    Path other = Files.writeString(dir.resolve("b.json"), "{\"schema\": \"parapipe.run/9\"}");
    assertThatThrownBy(() -> ResultsJson.read(other))
        .isInstanceOf(RunFileUserError.class)
        .hasMessageContaining("has schema \"parapipe.run/9\"; this parapipe reads \"parapipe.run/1\"");
    Path none = Files.writeString(dir.resolve("c.json"), "[1, 2]");
    assertThatThrownBy(() -> ResultsJson.read(none))
        .isInstanceOf(RunFileUserError.class).hasMessageContaining("not a parapipe results file");
  }

  @Test
  void writingToAMissingDirectoryIsAUserError(@TempDir Path dir) {
    Path file = dir.resolve("no/such/dir/run.json");
    assertThatThrownBy(() -> ResultsJson.write(goldenRun(), file))
        .isInstanceOf(RunFileUserError.class)
        .hasMessageStartingWith("cannot write results file " + file + ": ");
  }
}
