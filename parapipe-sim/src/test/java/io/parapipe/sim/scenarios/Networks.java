package io.parapipe.sim.scenarios;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sim.scenario.UnitText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Runs whole simulated networks for scenario tests and reads figures out of their results. */
final class Networks {
  private Networks() {}

  static final Path SCENARIOS = Path.of("..", "scenarios");

  /** A shipped scenario file, cut to {@code duration}. */
  static Scenario shipped(String file, String duration) {
    return ScenarioLoader.load(SCENARIOS.resolve(file))
        .withDuration(UnitText.parseDurationMicros(duration));
  }

  /** A scenario from TOML text. */
  static Scenario toml(String text) {
    return ScenarioLoader.parse(text, "test scenario");
  }

  /** A shipped scenario's text with extra TOML appended (its tables must not already exist). */
  static Scenario shippedPlus(String file, String extra) throws Exception {
    return toml(Files.readString(SCENARIOS.resolve(file)) + "\n" + extra);
  }

  static RunResult run(Scenario s) {
    return Runs.run(s, Optional.empty(), t -> {});
  }

  /** Mean inclusion interval of a para in ms. */
  static double interval(RunResult r, int para) {
    return r.para(para).inclusionIntervalMs().mean();
  }

  /**
   * Mean gap (ms) between inclusions of {@code para} in relay blocks {@code [from, to)}, measured
   * on the best chain's authoring times.
   */
  static double intervalBetween(RunResult r, int para, int from, int to) {
    Map<Integer, Double> at = new TreeMap<>();
    for (RunResult.ChainBlock b : r.relay().chain()) {
      at.put(b.number(), b.authoredAtMs());
    }
    List<Double> times = new ArrayList<>();
    for (RunResult.Candidate c : r.para(para).candidates()) {
      if (c.includedIn() != null && c.includedIn() >= from && c.includedIn() < to) {
        times.add(at.get(c.includedIn()));
      }
    }
    times.sort(Double::compare);
    if (times.size() < 2) {
      return Double.NaN;
    }
    return (times.get(times.size() - 1) - times.get(0)) / (times.size() - 1);
  }

  /** Distinct panic messages of a para. */
  static List<String> panicMessages(RunResult r, int para) {
    return r.para(para).panics().stream().map(RunResult.Panic::message).distinct().toList();
  }
}
