package io.parapipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sweep.EngineOptions;
import io.parapipe.sweep.GridAxis;
import io.parapipe.sweep.RunOutcome;
import io.parapipe.sweep.RunSpec;
import io.parapipe.sweep.Sweep;
import io.parapipe.sweep.SweepEngine;
import io.parapipe.sweep.SweepPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe sweep}: runs a scenario at every point of a grid of scenario keys and for
 * several seeds, on every local core or on a cluster of {@code sweep-worker}s, and writes each
 * run's results, a table of headline figures and a report.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a scenario at every point of a grid of scenario keys, for several seeds: one "
          + "deterministic run per point and seed.",
      "",
      "Writes DIR/runs/<run>.json (results, schema parapipe.run/1), DIR/sweep.csv (one row per "
          + "run: grid values, seed, headline figures of the relay chain and every para) and "
          + "DIR/sweep.html (a chart per figure against the grid, spread across seeds).",
      "",
      "Runs on an embedded Hazelcast member: on this machine alone, all cores by default. "
          + "With --join it joins a cluster of 'parapipe sweep-worker' members. Run again with "
          + "the same --out to resume: finished runs are skipped.",
      ""
    },
    footer = {
      "",
      "Example: parapipe sweep --config scenarios/async.toml --grid relay.max_candidate_depth=2,3,4 "
          + "--grid network.latency=40ms,200ms --seeds 5 --out sweep-depth",
      "",
      "Exit status: 0 success, 2 bad input (message on stderr), 1 internal error.",
      "See docs/sweep.md."
    })
public final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", required = true,
      description = "Scenario TOML file (or the name of a built-in scenario: sync, async, ...).")
  String config;

  @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", required = true,
      description = "A dotted scenario key and its values (repeatable): relay.max_candidate_depth, "
          + "network.latency, para.unincluded_segment_capacity, paras.2000.KEY, duration, ...")
  List<String> grid = new ArrayList<>();

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
      description = "Seeds per grid point: the scenario's seed and the N-1 after it "
          + "(default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Output directory (created; a sweep resumes in an existing one).")
  Path out;

  @Option(names = "--duration", paramLabel = "DUR",
      description = "Virtual time of every run, overriding the scenario's (e.g. 2m).")
  String duration;

  @Option(names = "--workers", paramLabel = "K",
      description = "Runs at a time on this machine (default: its cores); 0 runs nothing here "
          + "(with --join: only the workers run).")
  Integer workers;

  @Mixin ClusterOptions cluster;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
  boolean quiet;

  @Override
  public Integer call() throws InterruptedException {
    JsonNode base = scenarioTree(config);
    List<GridAxis> axes = new ArrayList<>();
    for (String g : grid) {
      axes.add(GridAxis.parse(g));
    }
    SweepPlan plan = SweepPlan.of(base, config, axes, seeds, duration);
    int k = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (k < 0 || k > 1024) {
      throw new UserError("--workers " + k + ": must be an integer from 0 to 1024");
    }
    if (k == 0 && cluster.join.isEmpty()) {
      throw new UserError("--workers 0 runs nothing on this machine; give --join HOST:PORT of "
          + "a cluster of sweep-workers, or more workers");
    }
    EngineOptions engineOptions = cluster.engine(k);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError("--out " + out + ": exists and is not a directory");
    }

    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SweepEngine engine = SweepEngine.start(engineOptions)) {
      RunsBar bar = !quiet && SimulateCommand.interactive() ? new RunsBar(err) : null;
      Sweep.Summary s;
      try {
        s = Sweep.run(plan, out, engine, new Sweep.Listener() {
          @Override
          public void started(int total, int finished, int clusterWorkers) {
            if (!quiet) {
              stdout.printf(Locale.ROOT, "engine    Hazelcast member %s, %d member%s, %d "
                      + "worker%s%n", engine.address(), engine.members(),
                  engine.members() == 1 ? "" : "s", clusterWorkers,
                  clusterWorkers == 1 ? "" : "s");
              stdout.printf(Locale.ROOT, "sweep     %d runs (%d grid points x %d seeds), %d "
                  + "already finished in %s%n", total, plan.points(), plan.seeds().size(),
                  finished, out);
              stdout.flush();
            }
            if (bar != null) {
              bar.start(finished, total);
            }
          }

          @Override
          public void finished(RunSpec run, RunOutcome outcome, int done, int total) {
            if (bar != null) {
              bar.update(done);
            }
          }
        });
      } finally {
        if (bar != null) {
          bar.clear();
        }
      }
      if (!quiet) {
        stdout.printf(Locale.ROOT, "ran       %d runs now, %d skipped%n", s.ran(), s.skipped());
        stdout.println("table     " + s.csv());
        stdout.println("report    " + s.html());
        stdout.println("runs      " + out.resolve("runs"));
        stdout.flush();
      }
    }
    return 0;
  }

  /** A scenario file's tree, or a built-in scenario's when no such file exists. */
  static JsonNode scenarioTree(String config) {
    Path file = Path.of(config);
    if (!Files.exists(file)) {
      var builtIn = ScenarioLoader.builtInText(config);
      if (builtIn.isPresent()) {
        return ScenarioLoader.parseTree(builtIn.get(), config);
      }
    }
    return ScenarioLoader.readTree(file);
  }

  /** A one-line {@code \r} bar on stderr: runs done of the total, elapsed and estimated time. */
  static final class RunsBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private long start;
    private int skipped;
    private int total;
    private int drawn;

    RunsBar(PrintWriter err) {
      this.err = err;
    }

    void start(int skipped, int total) {
      this.start = System.nanoTime();
      this.skipped = skipped;
      this.total = Math.max(1, total);
      update(skipped);
    }

    void update(int done) {
      int filled = done * WIDTH / total;
      double elapsed = (System.nanoTime() - start) / 1e9;
      int ranNow = done - skipped;
      String eta = ranNow == 0 ? "?" : clock(elapsed / ranNow * (total - done));
      String line = "\r[" + "=".repeat(filled) + (filled < WIDTH ? ">" : "")
          + " ".repeat(Math.max(0, WIDTH - filled - 1)) + String.format(Locale.ROOT,
              "] %d/%d runs  %s elapsed  %s left", done, total, clock(elapsed), eta);
      err.print(line);
      err.flush();
      drawn = line.length() - 1;
    }

    void clear() {
      if (drawn > 0) {
        err.print("\r" + " ".repeat(drawn) + "\r");
        err.flush();
        drawn = 0;
      }
    }

    private static String clock(double seconds) {
      long s = Math.round(seconds);
      return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
  }
}
