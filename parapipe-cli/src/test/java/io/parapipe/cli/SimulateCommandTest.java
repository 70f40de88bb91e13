package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.protocol.events.CandidateIncludedEvent;
import io.parapipe.protocol.events.ParaBlockAuthored;
import io.parapipe.protocol.events.RelayBlockAuthored;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.sim.SimulationSummary;
import io.parapipe.sim.results.MetricsCollector;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Argument errors of {@code parapipe simulate}: each is caught before the simulation starts,
 * prints one line on stderr and exits 2. Real runs are in {@link EndToEndTest}.
 */
class SimulateCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private String stderr() {
    return streams.stderr();
  }

  private void assertOneLineError(int code, String expected) {
    assertThat(code).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).isEqualTo("parapipe: error: " + expected + System.lineSeparator());
  }

  @Test
  void durationBelowTheScenarioMinimum() {
    int code = Main.run("simulate", "--duration", "2s", "--quiet");
    assertOneLineError(code, "--duration 2s: must be a duration with a unit (like \"6s\" or "
        + "\"500ms\") from 6s to 48h");
  }

  @Test
  void durationWithoutAUnit() {
    int code = Main.run("simulate", "--duration", "120");
    assertOneLineError(code, "--duration 120: must be a duration with a unit (like \"6s\" or "
        + "\"500ms\") from 6s to 48h");
  }

  @Test
  void missingConfigFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.toml");
    int code = Main.run("simulate", "--config", missing.toString());
    assertOneLineError(code, "scenario file " + missing + " does not exist");
  }

  @Test
  void badKeyInConfigFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.toml"), "[relay]\nnum_cores = \"five\"\n");
    int code = Main.run("simulate", "--config", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).startsWith("parapipe: error: relay.num_cores = \"five\" in " + file);
  }

  @Test
  void badBlockPropagationKeysAreOneLineErrors(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("p.toml"), "[network]\nblock_propagation = \"announce\"\nsync_peers = 0\n");
    int code = Main.run("simulate", "--config", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(stderr().lines()).hasSize(1);
    assertThat(stderr()).startsWith("parapipe: error: network.sync_peers = 0 in " + file);
  }

  @Test
  void seedOutOfRange() {
    int code = Main.run("simulate", "--seed", "-3");
    assertOneLineError(code, "--seed -3: must be an integer from 0 to 2147483647");
  }

  @Test
  void jsonInAMissingDirectory(@TempDir Path dir) {
    Path json = dir.resolve("no-such-dir/run.json");
    int code = Main.run("simulate", "--json", json.toString(), "--duration", "1m");
    assertOneLineError(code, "cannot write results file " + json + ": directory "
        + json.toAbsolutePath().getParent() + " does not exist");
  }

  @Test
  void jsonThatIsADirectory(@TempDir Path dir) {
    int code = Main.run("simulate", "--json", dir.toString());
    assertOneLineError(code, "cannot write results file " + dir + ": it is a directory");
  }

  @Test
  void traceInAMissingDirectory(@TempDir Path dir) {
    Path trace = dir.resolve("missing/t.jsonl");
    int code = Main.run("simulate", "--trace", trace.toString());
    assertOneLineError(code, "cannot write trace file " + trace + ": directory "
        + trace.toAbsolutePath().getParent() + " does not exist");
  }

  @Test
  void checksInputBeforeCreatingAnyFile(@TempDir Path dir) {
    Path json = dir.resolve("run.json");
    int code = Main.run("simulate", "--json", json.toString(), "--duration", "1s");
    assertThat(code).isEqualTo(2);
    assertThat(json).doesNotExist();
  }

  @Test
  void unknownOptionIsAUsageError() {
    int code = Main.run("simulate", "--colour");
    assertThat(code).isEqualTo(2);
    assertThat(stderr()).startsWith("parapipe: error: Unknown option: '--colour'");
  }

  @Test
  void helpListsEveryOption() {
    int code = Main.run("simulate", "--help");
    assertThat(code).isZero();
    String help = streams.stdout();
    assertThat(help).contains("--config=FILE", "--seed=N", "--duration=DUR", "--json=FILE",
        "--trace=FILE", "--quiet", "Print nothing on success", "core use");
  }

  @Test
  void durationTextUsesTheScenarioKeyType() {
    assertThat(SimulateCommand.durationMicros("2m")).isEqualTo(120_000_000L);
    assertThat(SimulateCommand.durationMicros("1.5h")).isEqualTo(5_400_000_000L);
  }

  // --- the whole command with a canned run in place of the simulator ---

  private final List<Scenario> ran = new ArrayList<>();
  private final List<Optional<Path>> traces = new ArrayList<>();

  /** Two relay blocks and one included para block, collected as a real run would be. */
  private RunResult cannedRun(Scenario scenario, Optional<Path> trace) {
    ran.add(scenario);
    traces.add(trace);
    MetricsCollector c = new MetricsCollector();
    Hash b1 = Hash.fromLong(1);
    Hash b2 = Hash.fromLong(2);
    Hash cand = Hash.fromLong(0xc);
    c.onEvent(6_000_000, 0, new RelayBlockAuthored(b1, 1, 1, Hash.ZERO, List.of(), List.of(),
        List.of(), 0, 0));
    c.onEvent(6_500_000, 20, new ParaBlockAuthored(ParaId.of(2000), 1, Hash.fromLong(0xa1),
        Hash.fromLong(0xa0), 1, b1, cand, 400_000_000_000L, 4096, 500_000, 1, 1, "basic"));
    c.onEvent(12_000_000, 1, new RelayBlockAuthored(b2, 2, 2, b1, List.of(), List.of(cand),
        List.of(), 0, 0));
    c.onEvent(12_000_000, 1, new CandidateIncludedEvent(b2, 2, ParaId.of(2000), cand,
        CoreIndex.of(0), paraHead(1)));
    return c.result(scenario, new SimulationSummary(5000, 0, 0, List.of(), new long[0],
        new long[0], 20, scenario.durationMicros(),
        List.of(), Map.of()));
  }

  private static final String CANNED_WARNINGS =
      "parapipe: warning: paras 2001, 2002 included no block in {span} of virtual time\n"
      + "parapipe: warning: no relay block was finalized by a supermajority in {span} of virtual"
      + " time\n";

  @Test
  void aDeadNetworkRunsAndSaysSoBeforeTheRunAndInTheResults(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("dead.toml"), "[network]\nmessage_loss = 1.0\n");
    Path json = dir.resolve("run.json");
    int code = runCanned("--config", file.toString(), "--json", json.toString(), "--quiet");
    assertThat(code).isZero();
    String loss = "network.message_loss = 1.0: every message is lost, so no node hears another"
        + " and no candidate can be backed or included";
    assertThat(stderr()).startsWith("parapipe: warning: " + loss + "\n");
    assertThat(ResultsJson.read(json).get("warnings").get(0).asText()).isEqualTo(loss);
  }

  private int runCanned(String... args) {
    return runCanned(false, args);
  }

  private int runCanned(boolean terminal, String... args) {
    SimulateCommand cmd = new SimulateCommand();
    cmd.runner = (scenario, trace, progress, observers) -> cannedRun(scenario, trace);
    cmd.terminal = () -> terminal;
    CommandLine cl = new CommandLine(cmd);
    cl.setExecutionExceptionHandler(new ErrorReporter());
    cl.setParameterExceptionHandler(new ErrorReporter());
    return cl.execute(args);
  }

  @Test
  void appliesSeedAndDurationWritesJsonAndPrintsTheSummary(@TempDir Path dir) {
    Path json = dir.resolve("run.json");
    int code = runCanned("--seed", "5", "--duration", "1m", "--json", json.toString());
    assertThat(code).isZero();
    // The canned run includes one block of para 2000 and finalizes nothing.
    assertThat(stderr()).isEqualTo(CANNED_WARNINGS.replace("{span}", "1m"));
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).seed()).isEqualTo(5);
    assertThat(ran.get(0).durationMicros()).isEqualTo(60_000_000L);
    assertThat(ran.get(0).name()).isEqualTo("sync");
    assertThat(traces.get(0)).isEmpty();
    JsonNode tree = ResultsJson.read(json);
    assertThat(tree.get("seed").asInt()).isEqualTo(5);
    assertThat(tree.at("/config/duration").asText()).isEqualTo("1m");
    assertThat(tree.at("/paras/0/included").asInt()).isEqualTo(1);
    String stdout = streams.stdout();
    assertThat(stdout).startsWith("sync: seed 5, 1m of virtual time\n");
    assertThat(stdout).contains("2000  sync     basic", "2001", "2002",
        "relay     2 blocks on the best chain", "results   " + json);
  }

  @Test
  void quietPrintsNothingOnSuccess(@TempDir Path dir) {
    Path trace = dir.resolve("t.jsonl");
    int code = runCanned("--quiet", "--trace", trace.toString());
    assertThat(code).isZero();
    assertThat(streams.stdout()).isEmpty();
    assertThat(stderr()).as("warnings only").isEqualTo(CANNED_WARNINGS.replace("{span}", "10m"));
    assertThat(traces.get(0)).contains(trace);
  }

  @Test
  void onATerminalTheSummaryEndsWithTheNextCommands(@TempDir Path dir) {
    Path json = dir.resolve("run.json");
    assertThat(runCanned(true, "--json", json.toString())).isZero();
    assertThat(streams.stdout()).endsWith("\n\nnext      parapipe report " + json
        + "   (HTML report: pipeline and charts over time)\n"
        + "          parapipe compare   (sync and async backing side by side, same network)\n");
    streams.resetStdout();
    assertThat(runCanned(true)).isZero();
    assertThat(streams.stdout())
        .contains("next      rerun with --json run.json, then: parapipe report run.json");
    streams.resetStdout();
    assertThat(runCanned(true, "--quiet")).isZero();
    assertThat(streams.stdout()).isEmpty();
    assertThat(runCanned(false)).isZero();
    assertThat(streams.stdout()).doesNotContain("next ");
  }

  @Test
  void configFileIsLoaded(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("s.toml"), "name = \"mine\"\n[network]\nparas = 1\n");
    int code = runCanned("--config", file.toString(), "--quiet");
    assertThat(code).isZero();
    assertThat(ran.get(0).name()).isEqualTo("mine");
    assertThat(ran.get(0).paras()).hasSize(1);
  }

  @Test
  void progressBarDrawsOnOneLineAndClearsItself() {
    java.io.StringWriter text = new java.io.StringWriter();
    SimulateCommand.ProgressBar bar =
        new SimulateCommand.ProgressBar(new java.io.PrintWriter(text), 600_000_000L, 0);
    bar.onEvent(1, 0, null);
    bar.accept(300_000_000L);
    String drawn = text.toString();
    assertThat(drawn).startsWith("\r[" + "=".repeat(15) + ">" + " ".repeat(14) + "]  50%  5:00 / 10:00  ")
        .endsWith(" events/s").doesNotContain("\n");
    bar.accept(400_000_000L); // within 200 ms of the last draw: not redrawn
    assertThat(text.toString()).isEqualTo(drawn);
    bar.clear();
    assertThat(text.toString()).endsWith("\r" + " ".repeat(drawn.length() - 1) + "\r");
  }

  @Test
  void progressBarStaysHiddenDuringTheFirstSeconds() {
    java.io.StringWriter text = new java.io.StringWriter();
    SimulateCommand.ProgressBar bar =
        new SimulateCommand.ProgressBar(new java.io.PrintWriter(text), 600_000_000L);
    bar.accept(300_000_000L);
    bar.clear();
    assertThat(text.toString()).isEmpty();
  }

  /** The head data of a para block numbered {@code number}, as the para runtime encodes it. */
  private static HeadData paraHead(int number) {
    return new ParaBlockHeader(Hash.ZERO, number, Hash.ZERO, Hash.ZERO, List.of()).headData();
  }
}
