package io.parapipe.doctor.predict;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Predicts by simulation: runs the scenario the doctor planned from the extracted parameters and
 * reads the para's inclusion interval, authoring time and runtime panics from the results.
 */
public final class SimulationPredictor implements Predictor {
  private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]+");

  @Override
  public Prediction predict(String scenarioToml) {
    Scenario s = ScenarioLoader.parse(scenarioToml, "the doctor's prediction scenario");
    RunResult r = Runs.run(s, Optional.empty(), t -> {});
    RunResult.Para p = r.paras().get(0);
    return new Prediction(p.inclusionIntervalMs().mean(), p.authoringMs().mean(), group(p.panics()));
  }

  // One entry per message (its first line, hashes of one occurrence removed), most frequent first.
  static List<Prediction.Panic> group(List<RunResult.Panic> panics) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RunResult.Panic p : panics) {
      counts.merge(key(p.message()), 1, Integer::sum);
    }
    List<Prediction.Panic> out = new ArrayList<>();
    counts.forEach((m, c) -> out.add(new Prediction.Panic(m, c)));
    out.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return out;
  }

  static String key(String message) {
    String first = message.strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) {
      first = first.substring(0, nl).strip();
    }
    return HASH.matcher(first).replaceAll("0x…");
  }
}
