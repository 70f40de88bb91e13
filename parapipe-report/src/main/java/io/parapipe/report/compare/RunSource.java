package io.parapipe.report.compare;

import io.parapipe.report.ReportUserError;
import java.util.OptionalLong;

/**
 * Where {@code parapipe compare} gets runs from: the seam between the report module and the
 * simulator. An implementation runs one scenario to completion and returns the results JSON that
 * {@code parapipe simulate --json FILE} would write for it (schema {@code parapipe.run/1}, {@code
 * docs/results-schema.md}).
 *
 * <p>It is called once per scenario, in order, on the calling thread. A bad scenario is the
 * user's mistake: throw a {@link io.parapipe.errors.UserMistake} (exit code 2), such as the
 * simulator's {@code ScenarioConfigException}. Anything else is treated as a bug. Returned text
 * that is not valid {@code parapipe.run/1} JSON is reported as a bug of the source (exit code
 * 1).
 */
@FunctionalInterface
public interface RunSource {
  /**
   * @param scenario the scenario: TOML text, label and origin
   * @param seed the seed for every random stream, overriding the scenario's {@code seed}; empty
   *     to use the scenario's own (whose default is 1)
   * @return the run's results JSON text
   */
  String run(Scenario scenario, OptionalLong seed);

  /** The source of a build without the simulator: every run is a user error saying so. */
  RunSource UNAVAILABLE =
      (scenario, seed) -> {
        throw new ReportUserError(
            "simulation is unavailable in this build: 'compare' needs the simulator to run "
                + scenario.origin()
                + "; compare earlier runs with 'parapipe report RUN.json' instead");
      };
}
