package io.parapipe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe faults}: runs fault scenarios and prints, for each, finality before, during and
 * after its fault window, the blocks finality took to recover, para blocks included and
 * invariant violations ({@link FaultFigures}).
 */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs fault scenarios (default: every scenarios/faults/*.toml) and prints one row per "
          + "scenario: best chain, finalized block, unfinalized tail, mean finality lag of the "
          + "blocks authored before, during and after the fault window, blocks to recover, para "
          + "blocks included, invariant violations and finality stalls.",
      "",
      "The fault window runs from the earliest 'from' to the latest 'until' of the scenario's "
          + "[faults] entries (outages). Faults without a window (offline validators, message "
          + "loss, forks) last the whole run: 'during' is every block, before and after are '-'.",
      "",
      "A block's finality lag is its finality time minus its authoring time; a block never "
          + "finalized counts up to the end of the run.",
      "",
      "Blocks to recover: the relay blocks authored from the end of the fault window until the "
          + "first moment finality is at most " + FaultFigures.RECOVERED_WITHIN_BLOCKS
          + " blocks behind the best block (0: it already was when the fault ended; 'never': not "
          + "before the end of the run).",
      ""
    },
    footer = {
      "",
      "Example: parapipe faults --markdown",
      "",
      "Exit status: 0 success, 2 bad input (message on stderr), 1 internal error.",
      "See docs/reliability.md."
    })
public final class FaultsCommand implements Callable<Integer> {
  /** Where the shipped fault scenarios live, relative to the repository root. */
  static final Path DEFAULT_DIR = Path.of("scenarios", "faults");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..*",
      description = "Scenario files or directories of them (default: scenarios/faults).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of every run (default: each scenario's own).")
  Long seed;

  @Option(names = "--duration", paramLabel = "DUR",
      description = "Virtual time of every run, overriding the scenarios' (e.g. 5m).")
  String duration;

  @Option(names = "--workers", paramLabel = "K",
      description = "Runs at a time (default: the local cores).")
  Integer workers;

  @Option(names = "--markdown", description = "Print a markdown table.")
  boolean markdown;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON.")
  Path json;

  @Override
  public Integer call() throws InterruptedException {
    int k = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (k < 1 || k > 1024) {
      throw new UserError("--workers " + k + ": must be an integer from 1 to 1024");
    }
    if (json != null) {
      SimulateCommand.checkWritable(json, "faults table");
    }
    List<Path> files = scenarioFiles();
    // Load and check every scenario before running any, so a bad file fails at once.
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files) {
      Scenario s = ScenarioLoader.load(f);
      if (seed != null) {
        s = s.withSeed(seed);
      }
      if (duration != null) {
        s = s.withDuration(SimulateCommand.durationMicros(duration));
      }
      scenarios.add(s);
    }

    List<FaultFigures> rows = run(scenarios, k);
    PrintWriter out = spec.commandLine().getOut();
    out.print(markdown ? markdown(rows) : text(rows));
    out.flush();
    if (json != null) {
      writeJson(rows, json);
    }
    return 0;
  }

  /** The scenario files: the given paths, directories expanded to their {@code .toml} files. */
  private List<Path> scenarioFiles() {
    List<Path> given = paths.isEmpty() ? List.of(DEFAULT_DIR) : paths;
    if (paths.isEmpty() && !Files.isDirectory(DEFAULT_DIR)) {
      throw new UserError("no " + DEFAULT_DIR + " directory in " + Path.of("").toAbsolutePath()
          + "; run from the repository root or give scenario files");
    }
    List<Path> files = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          List<Path> tomls = s.filter(f -> f.toString().endsWith(".toml")).sorted().toList();
          if (tomls.isEmpty()) {
            throw new UserError("directory " + p + " holds no .toml scenario");
          }
          files.addAll(tomls);
        } catch (IOException e) {
          throw new UserError("cannot list " + p + ": " + e.getMessage());
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** Runs every scenario, {@code k} at a time; rows in the scenarios' order. */
  private static List<FaultFigures> run(List<Scenario> scenarios, int k)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(k, scenarios.size()));
    try {
      List<Future<FaultFigures>> futures = new ArrayList<>();
      for (Scenario s : scenarios) {
        futures.add(pool.submit(() -> FaultFigures.of(
            Runs.run(s, Optional.empty(), t -> {}), FaultWindow.of(s))));
      }
      List<FaultFigures> rows = new ArrayList<>();
      for (Future<FaultFigures> f : futures) {
        try {
          rows.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final String[] HEADER = {"scenario", "fault window", "best chain", "finalized",
      "unfinalized tail", "lag mean before", "lag mean during", "lag mean after", "blocks to recover",
      "para blocks included", "invariant violations", "stalls"};

  private static String[] cells(FaultFigures r) {
    return new String[] {r.scenario(), r.window().describe(), Integer.toString(r.bestChain()),
        r.finalized() == 0 ? "none" : "#" + r.finalized(), Integer.toString(r.unfinalizedTail()),
        seconds(r.lagBeforeMs()), seconds(r.lagDuringMs()), seconds(r.lagAfterMs()),
        r.window().wholeRun() ? "-" : r.recovered() ? Integer.toString(r.blocksToRecover())
            : "never",
        Integer.toString(r.paraBlocksIncluded()), Integer.toString(r.invariantViolations()),
        Integer.toString(r.stalls())};
  }

  private static String seconds(Double ms) {
    return ms == null ? "-" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
  }

  /** The rows as a markdown table. */
  static String markdown(List<FaultFigures> rows) {
    StringBuilder b = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n|");
    b.append("---|".repeat(HEADER.length)).append('\n');
    for (FaultFigures r : rows) {
      b.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
    }
    return b.toString();
  }

  /** The rows as an aligned text table. */
  static String text(List<FaultFigures> rows) {
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    rows.forEach(r -> all.add(cells(r)));
    int[] width = new int[HEADER.length];
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        // The scenario and window left-aligned, figures right-aligned.
        String pad = " ".repeat(width[i] - row[i].length());
        line.append(i < 2 ? row[i] + pad : pad + row[i]).append(i + 1 < row.length ? "  " : "");
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  private static void writeJson(List<FaultFigures> rows, Path file) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = m.createObjectNode();
    root.put("schema", "parapipe.faults/1");
    root.put("recovered_within_blocks", FaultFigures.RECOVERED_WITHIN_BLOCKS);
    ArrayNode a = root.putArray("rows");
    for (FaultFigures r : rows) {
      ObjectNode o = a.addObject();
      o.put("scenario", r.scenario());
      ObjectNode w = o.putObject("fault_window");
      w.put("from_ms", r.window().fromMs());
      w.put("until_ms", r.window().untilMs());
      o.put("best_chain", r.bestChain());
      o.put("finalized", r.finalized());
      o.put("unfinalized_tail", r.unfinalizedTail());
      o.put("finality_lag_mean_before_ms", r.lagBeforeMs());
      o.put("finality_lag_mean_during_ms", r.lagDuringMs());
      o.put("finality_lag_mean_after_ms", r.lagAfterMs());
      o.put("recovered", r.recovered());
      o.put("blocks_to_recover", r.blocksToRecover());
      o.put("para_blocks_included", r.paraBlocksIncluded());
      o.put("invariant_violations", r.invariantViolations());
      o.put("finality_stalls", r.stalls());
    }
    try {
      Files.writeString(file, m.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UserError("cannot write faults table " + file + ": " + e.getMessage());
    }
  }
}
