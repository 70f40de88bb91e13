package io.parapipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.sim.EventObserver;
import io.parapipe.sim.results.ResultsJson;
import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.RunTables;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.results.SummaryTable;
import io.parapipe.sim.scenario.KeyType;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioConfigException;
import io.parapipe.sim.scenario.ScenarioKeys;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sim.scenario.ScenarioWarnings;
import io.parapipe.sim.zombienet.ZombienetImport;
import io.parapipe.sim.zombienet.ZombienetReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe simulate}: runs a scenario and prints its summary; optionally writes the results
 * JSON and the event trace. All input is checked before the run starts, so a typo never costs a
 * long simulation.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a scenario in simulation: validators, collators and the relay and para runtimes "
          + "exchanging messages in virtual time, then prints a summary table.",
      "",
      "Without --config the embedded default runs (the synchronous-backing network of "
          + "scenarios/sync.toml). The same scenario and seed always give the same results.",
      ""
    },
    footer = {
      "",
      "The table has one row per para, every para: blocks authored, backed, included and "
          + "timed out on the final relay chain; time between inclusions (mean, p50, p95); mean "
          + "authoring time; blockspace as ref_time seconds per minute; core use, the share of "
          + "relay blocks in which each of the para's cores included one of its blocks; runtime "
          + "panics. Then relay, finality and "
          + "kernel lines; with [[upgrades]], each para's figures per phase between upgrade "
          + "points, a column per phase; and the panics grouped by message (hashes set aside) "
          + "with their count and first and last relay block.",
      "",
      "On an interactive terminal a progress bar appears on stderr once a run has taken 2 "
          + "seconds, and the summary ends with the commands to try next.",
      "",
      "A scenario that is legal but leaves the network dead in part or whole (every validator "
          + "offline, message_loss = 1.0, no online collator, ...) runs; each finding is a "
          + "'parapipe: warning:' line on stderr, also under --quiet, and in the results JSON.",
      "",
      "Every run checks safety invariants from the nodes' events (no candidate included twice, "
          + "included candidates backed and available first, para chains link, finality on one "
          + "chain and never backwards); a violation is a 'parapipe: error:' line on stderr.",
      "",
      "Exit status: 0 success, 2 bad input (message on stderr), 3 an invariant was violated "
          + "(the results are still written), 1 internal error.",
      "See docs/scenario.md, docs/results-schema.md and docs/trace.md."
    })
public final class SimulateCommand implements Callable<Integer> {
  /** What runs the scenario: {@link Runs#run}; tests substitute a canned run. */
  interface Runner {
    RunResult run(Scenario scenario, Optional<Path> trace, LongConsumer progress,
        List<EventObserver> observers);
  }

  @Spec CommandSpec spec;

  Runner runner = Runs::run;

  /** Whether stdout and stderr are an interactive terminal; tests substitute a constant. */
  BooleanSupplier terminal = SimulateCommand::interactive;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Scenario TOML file (default: the embedded sync scenario).")
  Path config;

  @Option(names = "--zombienet", paramLabel = "NETWORK.toml",
      description = "A zombienet network definition: its validators, parachains, collators and "
          + "the host configuration of its genesis patch set the network and [relay] keys over "
          + "--config (whose [para] and [collator] keys give the runtimes). Prints what it read "
          + "and what it ignores.")
  Path zombienet;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of every random stream; overrides the scenario's seed.")
  Long seed;

  @Option(names = "--duration", paramLabel = "DUR",
      description = "Virtual time to simulate, with a unit (e.g. 90s, 10m, 1h); overrides the "
          + "scenario's duration.")
  String duration;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the results as JSON (schema parapipe.run/1).")
  Path json;

  @Option(names = "--trace", paramLabel = "FILE",
      description = "Write every protocol event as JSON Lines.")
  Path trace;

  @Option(names = "--csv", paramLabel = "DIR",
      description = "Write paras.csv, candidates.csv and relay_blocks.csv into DIR (created), "
          + "for pandas or a spreadsheet.")
  Path csv;

  @Option(names = {"-q", "--quiet"},
      description = "Print nothing on success: no progress bar, no summary (errors and warnings "
          + "still go to stderr).")
  boolean quiet;

  @Override
  public Integer call() {
    Scenario scenario = zombienet != null ? fromZombienet()
        : config == null ? ScenarioLoader.defaults() : ScenarioLoader.load(config);
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    if (duration != null) {
      scenario = scenario.withDuration(durationMicros(duration));
    }
    if (json != null) {
      checkWritable(json, "results file");
    }
    if (trace != null) {
      checkWritable(trace, "trace file");
    }
    if (csv != null && Files.exists(csv) && !Files.isDirectory(csv)) {
      throw new UserError("--csv " + csv + ": exists and is not a directory");
    }

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // A dead network still runs, but says so at once rather than after a long run.
    List<String> warned = ScenarioWarnings.of(scenario);
    warn(err, warned);
    boolean onTerminal = !quiet && terminal.getAsBoolean();
    ProgressBar bar = onTerminal
        ? new ProgressBar(err, scenario.durationMicros()) : null;
    RunResult result;
    try {
      result = runner.run(scenario, Optional.ofNullable(trace), bar == null ? t -> { } : bar,
          bar == null ? List.of() : List.of(bar));
    } finally {
      if (bar != null) {
        bar.clear();
      }
    }
    // The table first: if the results file cannot be written after a long run, the figures
    // are still on screen above the error.
    if (!quiet) {
      out.print(SummaryTable.render(result));
      out.flush();
    }
    warn(err, result.warnings().stream().filter(w -> !warned.contains(w)).toList());
    if (json != null) {
      ResultsJson.write(result, json);
    }
    if (csv != null) {
      RunTables.write(result, csv);
    }
    if (!quiet && (json != null || trace != null || csv != null)) {
      out.println();
      if (json != null) {
        out.println("results   " + json);
      }
      if (trace != null) {
        out.println("trace     " + trace);
      }
      if (csv != null) {
        out.println("tables    " + csv.resolve("paras.csv") + ", candidates.csv, relay_blocks.csv");
      }
      out.flush();
    }
    if (onTerminal) {
      out.println();
      out.print(nextSteps(json));
      out.flush();
    }
    List<RunResult.Violation> violations = result.invariants().violations();
    for (RunResult.Violation v : violations) {
      err.println("parapipe: error: invariant " + v.name() + " violated at relay block #"
          + v.relayBlock() + ": " + v.detail());
    }
    err.flush();
    return violations.isEmpty() ? 0 : 3;
  }

  /** One line per warning on stderr, also under --quiet. */
  private static void warn(PrintWriter err, List<String> warnings) {
    for (String w : warnings) {
      err.println("parapipe: warning: " + w);
    }
    err.flush();
  }

  /** What a newcomer can do next with this run, shown on a terminal after the summary. */
  static String nextSteps(Path json) {
    String report = json == null
        ? "rerun with --json run.json, then: parapipe report run.json"
        : "parapipe report " + json;
    return "next      " + report + "   (HTML report: pipeline and charts over time)\n"
        + "          parapipe compare   (sync and async backing side by side, same network)\n";
  }

  /** The scenario of {@code --zombienet} over {@code --config}; says what was read and ignored. */
  private Scenario fromZombienet() {
    JsonNode base = config == null ? JsonNodeFactory.instance.objectNode()
        : ScenarioLoader.readTree(config);
    ZombienetImport z = ZombienetReader.read(zombienet, base);
    Scenario scenario = ScenarioLoader.parse(z.scenarioTree(), "zombienet " + zombienet
        + (config == null ? "" : " over " + config));
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("zombienet " + zombienet + ": " + scenario.network().integer("validators")
          + " validators, " + scenario.paras().size() + " paras, "
          + scenario.network().integer("collators_per_para") + " collator(s) per para"
          + (config == null ? "; para runtimes and collators: the embedded defaults"
              : "; para runtimes and collators: " + config));
      for (String u : z.used()) {
        out.println("  reads    " + u);
      }
      for (String n : z.notes()) {
        out.println("  note     " + n);
      }
      if (!z.ignored().isEmpty()) {
        out.println("  ignores  " + String.join(", ", z.ignored()));
      }
      out.println();
      out.flush();
    }
    return scenario;
  }

  /**
   * True if stderr is an interactive terminal: a console exists and, on JDK 22 and later (where
   * {@code System.console()} is never null), {@code Console.isTerminal()} says so.
   */
  static boolean interactive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17 to 21: a console exists only for a terminal
    }
  }

  /**
   * Parses {@code --duration} with the scenario's own {@code duration} key type, so range errors
   * read like the key's: {@code --duration 2s: must be a duration with a unit ... from 6s to 48h}.
   */
  static long durationMicros(String text) {
    KeyType type = ScenarioKeys.TOP.key("duration").type();
    Object v = type.read(JsonNodeFactory.instance.textNode(text));
    if (v == null) {
      throw new ScenarioConfigException("--duration " + text + ": must be " + type.describe());
    }
    return (Long) v;
  }

  /** Fails before the run if {@code file} clearly cannot be written. */
  static void checkWritable(Path file, String what) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    String prefix = "cannot write " + what + " " + file + ": ";
    if (Files.isDirectory(abs)) {
      throw new UserError(prefix + "it is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserError(prefix + "directory " + (dir == null ? abs : dir) + " does not exist");
    }
    if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
      throw new UserError(prefix + "permission denied");
    }
  }

  /**
   * A one-line {@code \r} progress bar on stderr: share of virtual time done and events per
   * wall-clock second (protocol events the nodes emitted). Appears only once the run has taken
   * 2 seconds, redraws at most five times a second.
   */
  static final class ProgressBar implements LongConsumer, EventObserver {
    private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final long totalMicros;
    private final long showAfterNanos;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long events;
    private int drawnLength;

    ProgressBar(PrintWriter err, long totalMicros) {
      this(err, totalMicros, SHOW_AFTER_NANOS);
    }

    ProgressBar(PrintWriter err, long totalMicros, long showAfterNanos) {
      this.err = err;
      this.totalMicros = Math.max(1, totalMicros);
      this.showAfterNanos = showAfterNanos;
    }

    @Override
    public void onEvent(long timeMicros, int node, ProtocolEvent event) {
      events++;
    }

    @Override
    public void accept(long virtualMicros) {
      long now = System.nanoTime();
      if (now - start < showAfterNanos || (drawnLength > 0 && now - lastDraw < REDRAW_NANOS)) {
        return;
      }
      lastDraw = now;
      long permille = Math.min(1000, virtualMicros * 1000 / totalMicros);
      int filled = (int) (permille * WIDTH / 1000);
      StringBuilder line = new StringBuilder("\r[");
      line.append("=".repeat(filled));
      if (filled < WIDTH) {
        line.append('>').append(" ".repeat(WIDTH - filled - 1));
      }
      double seconds = Math.max(1e-9, (now - start) / 1e9);
      line.append(String.format(Locale.ROOT, "] %3d%%  %s / %s  %,.0f events/s", permille / 10,
          clock(virtualMicros), clock(totalMicros), events / seconds));
      err.print(line);
      err.flush();
      drawnLength = line.length() - 1;
    }

    /** Removes the bar, if it was drawn. */
    void clear() {
      if (drawnLength > 0) {
        err.print("\r" + " ".repeat(drawnLength) + "\r");
        err.flush();
        drawnLength = 0;
      }
    }

    private static String clock(long micros) {
      long s = micros / 1_000_000;
      return s >= 3600
          ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
          : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
  }
}
