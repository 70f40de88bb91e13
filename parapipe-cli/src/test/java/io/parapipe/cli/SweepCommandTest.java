package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapipe sweep}: a small real sweep, and bad input as one line with exit code 2. */
class SweepCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private String stderr() {
    return streams.stderr();
  }

  static final String TINY = """
      duration = "30s"
      [network]
      validators = 4
      paras = 2
      collators_per_para = 1
      [relay]
      num_cores = 2
      needed_approvals = 2
      """;

  @Test
  void aSweepWritesOneRowAndOneResultsFilePerRun(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("tiny.toml"), TINY);
    Path outDir = dir.resolve("out");
    int code = Main.run("sweep", "--config", config.toString(), "--grid",
        "relay.max_candidate_depth=0,1", "--grid", "paras.2001.collator.authoring_duration=500ms,1s",
        "--seeds", "2", "--workers", "2", "--out", outDir.toString());
    assertThat(code).as(stderr()).isZero();
    List<String> csv = Files.readAllLines(outDir.resolve("sweep.csv"));
    assertThat(csv).hasSize(1 + 8);
    assertThat(csv.get(0)).startsWith("relay.max_candidate_depth,"
        + "paras.2001.collator.authoring_duration,seed,run,relay_blocks,");
    assertThat(csv.get(0)).contains("para2000_included", "para2001_inclusion_interval_mean_ms");
    assertThat(csv.get(1)).startsWith("0,500ms,1,runs/");
    try (var files = Files.list(outDir.resolve("runs"))) {
      assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(8);
    }
    assertThat(Files.readString(outDir.resolve("sweep.html"))).contains("<svg", "para 2001");
    assertThat(streams.stdout()).contains("8 runs (4 grid points x 2 seeds)",
        "ran       8 runs now, 0 skipped");
    assertThat(stderr()).isEmpty();

    // Again into the same directory: nothing left to run.
    streams.resetStdout();
    assertThat(Main.run("sweep", "--config", config.toString(), "--grid",
        "relay.max_candidate_depth=0,1", "--grid", "paras.2001.collator.authoring_duration=500ms,1s",
        "--seeds", "2", "--out", outDir.toString())).isZero();
    assertThat(streams.stdout()).contains("ran       0 runs now, 8 skipped");
  }

  private void assertUserError(String expected, String... args) {
    streams.resetStderr();
    int code = Main.run(args);
    assertThat(code).as(stderr()).isEqualTo(2);
    assertThat(stderr()).startsWith("parapipe: error: ").contains(expected);
    assertThat(stderr()).doesNotContain("\tat ");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("tiny.toml"), TINY);
    String c = config.toString();
    String o = dir.resolve("out").toString();
    assertUserError("unknown key relay.max_depth in --grid relay.max_depth=1",
        "sweep", "--config", c, "--grid", "relay.max_depth=1", "--out", o);
    assertUserError("the grid of relay.max_candidate_depth is empty",
        "sweep", "--config", c, "--grid", "relay.max_candidate_depth=", "--out", o);
    assertUserError("must be an integer from 0 to 100",
        "sweep", "--config", c, "--grid", "relay.max_candidate_depth=1,two", "--out", o);
    assertUserError("network.latency = 200 in --grid network.latency=200",
        "sweep", "--config", c, "--grid", "network.latency=200", "--out", o);
    assertUserError("unknown key relays.x",
        "sweep", "--config", c, "--grid", "relays.x=1", "--out", o);
    assertUserError("--seeds 0", "sweep", "--config", c, "--grid",
        "relay.max_candidate_depth=1", "--seeds", "0", "--out", o);
    assertUserError("does not exist", "sweep", "--config", dir.resolve("nope.toml").toString(),
        "--grid", "relay.max_candidate_depth=1", "--out", o);
    assertUserError("--join 10.1.2.3:5701 is another machine",
        "sweep", "--config", c, "--grid", "relay.max_candidate_depth=1", "--out", o,
        "--join", "10.1.2.3:5701");
    assertUserError("--join 127.0.0.1:99999: the port",
        "sweep", "--config", c, "--grid", "relay.max_candidate_depth=1", "--out", o,
        "--join", "127.0.0.1:99999");
    int closed;
    try (var s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertUserError("cannot reach the cluster at 127.0.0.1:" + closed,
        "sweep", "--config", c, "--grid", "relay.max_candidate_depth=1", "--out", o,
        "--join", "127.0.0.1:" + closed, "--cluster", "parapipe-test-unreachable");
    assertUserError("cannot reach the cluster at 127.0.0.1:" + closed,
        "sweep-worker", "--join", "127.0.0.1:" + closed, "--cluster", "parapipe-test-unreachable");
  }
}
