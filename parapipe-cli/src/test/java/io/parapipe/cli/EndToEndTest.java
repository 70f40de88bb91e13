package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The commands on real simulations: what a user gets from the shaded CLI. */
class EndToEndTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private String stdout() {
    return streams.stdout();
  }

  @Test
  void simulateWritesResultsTraceAndASummary(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("run.json");
    Path trace = dir.resolve("run.jsonl");
    int code = Main.run("simulate", "--duration", "2m", "--json", json.toString(), "--trace",
        trace.toString());
    assertThat(code).as(streams.stderr()).isZero();
    assertThat(stdout()).contains("para", "2000", "sync", "basic", "12.0s", "finality", "kernel");
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.get("schema").asText()).isEqualTo("parapipe.run/1");
    assertThat(r.get("paras")).hasSize(3);
    assertThat(r.get("paras").get(0).get("included").asInt()).isGreaterThan(5);
    assertThat(Files.readAllLines(trace)).anySatisfy(l -> assertThat(l).contains("\"type\":\"candidate_included\""));
  }

  @Test
  void simulateReadsAZombienetNetworkAndWritesCsvTables(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("tables");
    int code = Main.run("simulate", "--zombienet", "../scenarios/zombienet/sync-small.toml",
        "--duration", "1m", "--csv", csv.toString());
    assertThat(code).as(streams.stderr()).isZero();
    assertThat(stdout()).contains("zombienet ../scenarios/zombienet/sync-small.toml: 4 "
        + "validators, 2 paras", "ignores  settings.timeout", "100 as 2000");
    assertThat(Files.readAllLines(csv.resolve("paras.csv"))).hasSize(1 + 2);
    assertThat(Files.readAllLines(csv.resolve("relay_blocks.csv")).get(0))
        .isEqualTo("number,hash,slot,author,authored_at_ms,finalized_at_ms");
    assertThat(Files.readAllLines(csv.resolve("candidates.csv")).size()).isGreaterThan(4);
  }

  @Test
  void compareRunsTwoScenariosAndRendersAReportThatReportCanReRender(@TempDir Path dir) throws Exception {
    Path sync = Files.writeString(dir.resolve("short-sync.toml"), "duration = \"2m\"\n");
    Path async = Files.writeString(dir.resolve("short-async.toml"), """
        duration = "2m"
        [relay]
        max_candidate_depth = 3
        allowed_ancestry_len = 2
        scheduling_lookahead = 3
        [para]
        consensus_hook = "fixed-velocity"
        unincluded_segment_capacity = 3
        slot_duration = "6s"
        allow_multiple_blocks_per_slot = true
        minimum_period = "0s"
        relay_number_policy = "monotonically-increases"
        max_block_weight = "2s"
        [collator]
        kind = "lookahead"
        authoring_duration = "2s"
        """);
    Path outDir = dir.resolve("out");
    int code = Main.run("compare", "--config", sync.toString(), "--config", async.toString(),
        "--out", outDir.toString());
    assertThat(code).as(streams.stderr()).isZero();
    assertThat(stdout()).contains("inclusion interval", "short-sync", "short-async", "(x0.50)");
    assertThat(outDir.resolve("compare.html")).exists();
    String html = Files.readString(outDir.resolve("compare.html"));
    assertThat(html).contains("<svg").doesNotContain("src=\"http");

    streams.resetStdout();
    assertThat(Main.run("report", outDir.resolve("short-async.json").toString(), "--pipeline")).isZero();
    assertThat(stdout()).contains("para 2000 (async backing)").contains(" I").contains(" B");
  }

  @Test
  void doctorPredictsByRunningTheSimulator(@TempDir Path dir) throws Exception {
    Path repo = Path.of("..", "parapipe-doctor", "src", "test", "resources", "repos", "async");
    Path json = dir.resolve("doctor.json");
    int code = Main.run("doctor", repo.toString(), "--json", json.toString());
    assertThat(code).as(streams.stderr()).isZero();
    JsonNode d = new ObjectMapper().readTree(json.toFile());
    assertThat(d.get("schema").asText()).isEqualTo("parapipe.doctor/2");
    assertThat(d.get("phase").asText()).isEqualTo("async");
    JsonNode p = d.get("prediction");
    assertThat(p.get("inclusion_interval_ms").asDouble()).isBetween(5_700.0, 6_300.0);
    assertThat(p.get("panics")).isEmpty();
  }

  @Test
  void aBadScenarioIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.toml"), "[relay]\nnum_cores = \"five\"\n");
    assertThat(Main.run("simulate", "--config", bad.toString())).isEqualTo(2);
    String e = streams.stderr();
    assertThat(e).startsWith("parapipe: error: relay.num_cores = \"five\" in " + bad)
        .doesNotContain("Exception").doesNotContain("\tat ");
  }
}
