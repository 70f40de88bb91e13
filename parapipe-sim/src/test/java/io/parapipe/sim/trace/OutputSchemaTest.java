package io.parapipe.sim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.parapipe.protocol.events.TraceEvent;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.RunTables;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sim.scenario.UnitText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schemas shipped in docs/schema/ describe what real runs write: results JSON, every
 * trace line, and the CSV tables have the documented columns.
 */
class OutputSchemaTest {
  private static final Path SCHEMAS = Path.of("..", "docs", "schema");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  static Schema schema(String file) throws Exception {
    return REGISTRY.getSchema(Files.readString(SCHEMAS.resolve(file)), InputFormat.JSON);
  }

  static List<String> errors(Schema s, String json) {
    return s.validate(json, InputFormat.JSON).stream().map(e -> e.toString()).toList();
  }

  /** Shipped scenarios that between them produce inclusions, forks, panics and time-outs. */
  @ParameterizedTest
  @ValueSource(strings = {"async.toml:1m", "strict-relay-number.toml:1m",
      "availability-timeout.toml:3m", "upgrade-three-phases.toml:9m"})
  void realRunsMatchTheSchemas(String scenario, @TempDir Path dir) throws Exception {
    String[] parts = scenario.split(":");
    var s = ScenarioLoader.load(Path.of("..", "scenarios", parts[0]))
        .withDuration(UnitText.parseDurationMicros(parts[1]));
    Path trace = dir.resolve("t.jsonl");
    RunResult r = Runs.run(s, Optional.of(trace), t -> { });

    // The optional parts of the results are exercised, not just present in the schema.
    if (parts[0].startsWith("strict")) {
      assertThat(r.paras()).anyMatch(p -> !p.panics().isEmpty());
    }
    if (parts[0].startsWith("availability")) {
      assertThat(r.paras()).anyMatch(p -> p.timedOut() > 0);
    }
    if (parts[0].startsWith("upgrade")) {
      // Cut short before its third upgrade: phases, panic groups and a warning.
      assertThat(r.phases()).hasSize(3);
      assertThat(r.paras()).anyMatch(p -> !p.panicGroups().isEmpty());
      assertThat(r.warnings()).hasSize(1);
    }
    String json = ResultsJson.toJson(r);
    assertThat(errors(schema("run.schema.json"), json)).as(scenario).isEmpty();

    Schema line = schema("trace.schema.json");
    Set<String> types = new HashSet<>();
    List<String> lines = Files.readAllLines(trace);
    assertThat(lines.get(0)).isEqualTo(TraceWriter.HEADER_LINE);
    for (String l : lines) {
      assertThat(errors(line, l)).as(l).isEmpty();
      types.add(new ObjectMapper().readTree(l).path("type").asText());
    }
    assertThat(types).contains("relay_block_authored", "para_block_authored",
        "candidate_backed", "candidate_included", "block_finalized");

    RunTables.write(r, dir.resolve("csv"));
    assertConsistent(dir.resolve("csv/paras.csv"), RunTables.PARA_COLUMNS, r.paras().size());
    // Numbers as the JSON writes them: 500.0, 2.90, never 5E+2.
    assertThat(Files.readString(dir.resolve("csv/paras.csv"))).doesNotContain("E+")
        .contains("," + r.paras().get(0).authoringBudgetMs() + ",");
    assertConsistent(dir.resolve("csv/candidates.csv"), RunTables.CANDIDATE_COLUMNS,
        r.paras().stream().mapToInt(p -> p.candidates().size()).sum());
    assertConsistent(dir.resolve("csv/relay_blocks.csv"), RunTables.RELAY_BLOCK_COLUMNS,
        r.relay().chain().size());
  }

  @Test
  void everyEventTypeMatchesTheTraceSchema() throws Exception {
    Schema line = schema("trace.schema.json");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter w = new TraceWriter(bytes, "t")) {
      for (TraceEvent e : TraceDocTest.oneOfEach()) {
        w.onEvent(1, 0, e);
      }
    }
    for (String l : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      assertThat(errors(line, l)).as(l).isEmpty();
    }
    // And the schema is not a blank cheque: a missing field or an unknown type fails.
    assertThat(errors(line, "{\"t_us\":1,\"node\":0,\"type\":\"block_finalized\",\"number\":1}"))
        .isNotEmpty();
    assertThat(errors(line, "{\"t_us\":1,\"node\":0,\"type\":\"no_such_event\"}")).isNotEmpty();
    assertThat(errors(schema("run.schema.json"), "{\"schema\":\"parapipe.run/1\"}")).isNotEmpty();
  }

  static void assertConsistent(Path csv, List<String> columns, int rows) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo(String.join(",", columns));
    assertThat(lines).hasSize(1 + rows);
    for (String l : lines) {
      assertThat(l.split(",", -1)).as(l).hasSize(columns.size());
    }
  }
}
