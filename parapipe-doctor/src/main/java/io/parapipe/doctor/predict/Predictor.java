package io.parapipe.doctor.predict;


/**
 * Runs a scenario and summarises what the parachain does. The doctor builds the scenario (a TOML
 * document in the format of {@code docs/scenario.md}) from the parameters it extracted; the
 * implementation runs the simulator on it.
 *
 * <p>Implementations report a scenario the simulator rejects by throwing an exception whose
 * message says why; the doctor reports it as a failed prediction instead of inventing figures.
 */
@FunctionalInterface
public interface Predictor {
  /**
   * Simulates a scenario.
   *
   * @param scenarioToml a complete scenario: one para (id 2000), keys as in {@code docs/scenario.md}
   * @return the para's expected inclusion interval, authoring time and runtime panics
   */
  Prediction predict(String scenarioToml);
}
