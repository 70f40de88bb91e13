package io.parapipe.sweep;

import io.parapipe.sim.scenario.ScenarioOverrides;
import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a sweep's grid: a dotted scenario key and the values it takes, as written after
 * {@code --grid KEY=V1,V2,...}.
 *
 * @param key the dotted key (see {@link ScenarioOverrides})
 * @param values the values as written, in order, at least one
 */
public record GridAxis(String key, List<String> values) {
  /** Copies the values. */
  public GridAxis {
    values = List.copyOf(values);
  }

  /**
   * Parses {@code KEY=V1,V2,...}. Values are split at commas and trimmed.
   *
   * @throws SweepUserError if there is no {@code =}, no key, or no value
   */
  public static GridAxis parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new SweepUserError("--grid " + text + ": must be KEY=V1,V2,... (for example "
          + "--grid relay.max_candidate_depth=2,3,4)");
    }
    String key = text.substring(0, eq).strip();
    String rest = text.substring(eq + 1);
    List<String> values = new ArrayList<>();
    for (String v : rest.split(",", -1)) {
      if (!v.isBlank()) {
        values.add(v.strip());
      }
    }
    if (values.isEmpty()) {
      throw new SweepUserError("--grid " + text + ": the grid of " + key + " is empty; give at "
          + "least one value, e.g. --grid " + key + "=V1,V2");
    }
    if (values.size() != values.stream().distinct().count()) {
      throw new SweepUserError("--grid " + text + ": a value appears twice");
    }
    return new GridAxis(key, values);
  }
}
