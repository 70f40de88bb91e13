package io.parapipe.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One run of a sweep: a grid point and a seed, with the checked scenario it runs.
 *
 * @param id the run's name, also its file name in {@code runs/} (without {@code .json})
 * @param point the index of its grid point (0-based, in grid order)
 * @param values the grid values of the point, one per axis, as written
 * @param seed the seed
 * @param scenarioTree the scenario's TOML tree with the grid values and the seed set, as JSON text
 * @param origin names the scenario in messages
 * @param config the effective configuration the run's results must carry ({@code config})
 */
public record RunSpec(String id, int point, List<String> values, long seed, String scenarioTree,
    String origin, ObjectNode config) {
  /** Copies the values. */
  public RunSpec {
    values = List.copyOf(values);
  }
}
