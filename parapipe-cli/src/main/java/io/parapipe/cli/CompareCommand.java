package io.parapipe.cli;

import io.parapipe.report.compare.BuiltInScenarios;
import io.parapipe.report.compare.Comparison;
import io.parapipe.report.compare.RunSource;
import io.parapipe.report.compare.Scenario;
import io.parapipe.report.html.HeadlessChromium;
import io.parapipe.report.pipeline.PipelineWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapipe compare}: runs scenarios on one seed and compares them side by side; without
 * {@code --config}, synchronous against asynchronous backing on the same network.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run scenarios on the same seed and compare them side by side: inclusion interval,"
          + " authoring time (as the collators measured it), blockspace per minute, inclusion"
          + " latency, backing to inclusion, relay parent to inclusion, finality lag and"
          + " unincluded segment, each with its ratio to the first run. Without --config,"
          + " compares synchronous and asynchronous backing on the same network. Writes each"
          + " run's results JSON, the table and one HTML report into the output directory."
    })
public final class CompareCommand implements Callable<Integer> {
  /** The simulator binding: each scenario runs on the simulator and returns its results JSON. */
  static RunSource runSource() {
    return (scenario, seed) -> {
      io.parapipe.sim.scenario.Scenario s =
          io.parapipe.sim.scenario.ScenarioLoader.parse(scenario.toml(), scenario.origin());
      if (seed.isPresent()) {
        s = s.withSeed(seed.getAsLong());
      }
      return io.parapipe.sim.results.ResultsJson.toJson(
          io.parapipe.sim.results.Runs.run(s, java.util.Optional.empty(), t -> {}));
    };
  }

  /** The simulator's catalogue of shipped scenarios ({@code scenarios/*.toml}, packed into its jar). */
  static BuiltInScenarios builtInScenarios() {
    return io.parapipe.sim.scenario.ScenarioLoader::builtInText;
  }

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "SCENARIO.toml",
      description = "A scenario to run; repeat to compare several (the first is the baseline).")
  List<Path> configs;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of every run (default: each scenario's own seed, 1 unless it sets one).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "parapipe-compare",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--para", paramLabel = "ID",
      description = "Compare this para (default: the mean over each run's paras).")
  Integer para;

  @Option(names = "--window", paramLabel = "FROM:TO",
      description = "Relay blocks of the pipeline diagrams, inclusive.")
  String window;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "Also save a screenshot of the HTML comparison (needs Chromium).")
  Path screenshot;

  @Override
  public Integer call() {
    List<Scenario> scenarios = configs == null || configs.isEmpty()
        ? Scenario.syncVsAsync(builtInScenarios())
        : configs.stream().map(Scenario::fromFile).toList();
    PipelineWindow w = window == null ? null : PipelineWindow.parse(window);
    HeadlessChromium browser = screenshot == null ? null : HeadlessChromium.require("--screenshot");
    Comparison.Result result = Comparison.run(runSource(), scenarios,
        seed == null ? OptionalLong.empty() : OptionalLong.of(seed), out, para, w);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(result.table().toText());
    stdout.println();
    for (Path f : result.runFiles()) {
      stdout.println("wrote " + f);
    }
    stdout.println("wrote " + out.resolve(Comparison.TABLE));
    stdout.println("wrote " + result.html());
    if (screenshot != null) {
      browser.screenshot(result.html(), screenshot, 1400, 1000);
      stdout.println("wrote " + screenshot);
    }
    stdout.flush();
    return 0;
  }
}
