package io.parapipe.doctor.predict;

import io.parapipe.sim.results.RunResult;
import io.parapipe.sim.results.Runs;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Optional;

/**
 * Predicts by simulation: runs the scenario the doctor planned from the extracted parameters and
 * reads the para's inclusion interval, authoring time and runtime panics from the results.
 */
public final class SimulationPredictor implements Predictor {
  @Override
  public Prediction predict(String scenarioToml) {
    Scenario s = ScenarioLoader.parse(scenarioToml, "the doctor's prediction scenario");
    RunResult r = Runs.run(s, Optional.empty(), t -> {});
    RunResult.Para p = r.paras().get(0);
    List<String> panics = p.panics().stream().map(RunResult.Panic::message).distinct().toList();
    return new Prediction(p.inclusionIntervalMs().mean(), p.authoringMs().mean(), panics);
  }
}
