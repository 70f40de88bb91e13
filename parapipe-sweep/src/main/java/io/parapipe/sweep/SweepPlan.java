package io.parapipe.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.ScenarioLoader;
import io.parapipe.sim.scenario.ScenarioOverrides;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every run of a sweep, checked before any starts: the grid's points (the cartesian product of its
 * axes, the first axis varying slowest) times the seeds. Each point's scenario goes through the
 * scenario loader, so an unknown key or a value of the wrong type fails here with the loader's
 * message, not after an hour of runs.
 *
 * @param origin the base scenario's name in messages
 * @param axes the grid
 * @param seeds the seeds, ascending
 * @param runs every run, point by point, seeds ascending within a point
 */
public record SweepPlan(String origin, List<GridAxis> axes, List<Long> seeds, List<RunSpec> runs) {
  /** Most seeds per point. */
  public static final int MAX_SEEDS = 10_000;

  /** Most runs in one sweep. */
  public static final int MAX_RUNS = 1_000_000;

  /** Copies the lists. */
  public SweepPlan {
    axes = List.copyOf(axes);
    seeds = List.copyOf(seeds);
    runs = List.copyOf(runs);
  }

  /** The number of grid points. */
  public int points() {
    return runs.size() / seeds.size();
  }

  /**
   * Plans a sweep.
   *
   * @param base the base scenario's TOML tree
   * @param origin its name in messages (the file)
   * @param axes the grid, at least one axis
   * @param seedCount seeds per point: the scenario's seed and the ones after it
   * @param duration a duration overriding the scenario's, as written ({@code "2m"}), or null
   * @throws SweepUserError for an empty grid, a repeated key or a bad seed count
   * @throws io.parapipe.sim.scenario.ScenarioConfigException for an unknown key or a bad value
   */
  public static SweepPlan of(JsonNode base, String origin, List<GridAxis> axes, int seedCount,
      String duration) {
    if (axes.isEmpty()) {
      throw new SweepUserError("the grid is empty: give at least one --grid KEY=V1,V2,... "
          + "(e.g. --grid relay.max_candidate_depth=2,3,4)");
    }
    if (seedCount < 1 || seedCount > MAX_SEEDS) {
      throw new SweepUserError("--seeds " + seedCount + ": must be an integer from 1 to "
          + MAX_SEEDS);
    }
    Set<String> keys = new HashSet<>();
    for (GridAxis a : axes) {
      if (!keys.add(a.key())) {
        throw new SweepUserError("--grid " + a.key() + " is given twice; give each key once "
            + "with all its values");
      }
      if (a.key().equals("seed")) {
        throw new SweepUserError("--grid seed: the seeds come from --seeds N (the scenario's "
            + "seed and the N - 1 after it)");
      }
    }
    Map<String, JsonNode> fixed = new LinkedHashMap<>();
    if (duration != null) {
      fixed.put("duration", JsonNodeFactory.instance.textNode(duration));
    }
    Scenario baseScenario = ScenarioLoader.parse(
        ScenarioOverrides.apply(base, fixed, "--duration"), durationOrigin(origin, duration));

    // Each value on its own first, so a bad one is named with its axis.
    for (GridAxis a : axes) {
      ScenarioOverrides.checkPath(a.key(), "--grid " + a.key() + "=...");
      for (String v : a.values()) {
        String where = "--grid " + a.key() + "=" + v + " (on " + origin + ")";
        Map<String, JsonNode> one = new LinkedHashMap<>(fixed);
        one.put(a.key(), ScenarioOverrides.value(v));
        ScenarioLoader.parse(ScenarioOverrides.apply(base, one, where), where);
      }
    }

    long points = 1;
    for (GridAxis a : axes) {
      points *= a.values().size();
    }
    if (points * seedCount > MAX_RUNS) {
      throw new SweepUserError("the sweep has " + points * seedCount + " runs (" + points
          + " grid points x " + seedCount + " seeds); at most " + MAX_RUNS + " are allowed");
    }
    long firstSeed = baseScenario.seed();
    if (firstSeed + seedCount - 1 > Integer.MAX_VALUE) {
      throw new SweepUserError("--seeds " + seedCount + ": the seeds would pass "
          + Integer.MAX_VALUE + " (the scenario's seed is " + firstSeed + ")");
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < seedCount; i++) {
      seeds.add(firstSeed + i);
    }

    List<RunSpec> runs = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int[] index = new int[axes.size()];
    for (int p = 0; p < points; p++) {
      List<String> values = new ArrayList<>();
      Map<String, JsonNode> changes = new LinkedHashMap<>(fixed);
      StringBuilder name = new StringBuilder();
      for (int a = 0; a < axes.size(); a++) {
        String v = axes.get(a).values().get(index[a]);
        values.add(v);
        changes.put(axes.get(a).key(), ScenarioOverrides.value(v));
        name.append(axes.get(a).key()).append('=').append(fileSafe(v)).append("__");
      }
      for (long seed : seeds) {
        Map<String, JsonNode> withSeed = new LinkedHashMap<>(changes);
        withSeed.put("seed", JsonNodeFactory.instance.numberNode(seed));
        String where = origin + " with " + describe(axes, values) + ", seed " + seed;
        JsonNode tree = ScenarioOverrides.apply(base, withSeed, where);
        Scenario s = ScenarioLoader.parse(tree, where);
        String id = name + "seed=" + seed;
        if (!ids.add(id)) {
          throw new SweepUserError("two grid points would share the run file runs/" + id
              + ".json; values that differ only in characters other than letters, digits, "
              + "'.', '+' and '-' cannot be told apart");
        }
        runs.add(new RunSpec(id, p, values, seed, tree.toString(), where, s.toJson()));
      }
      for (int a = axes.size() - 1; a >= 0; a--) {
        if (++index[a] < axes.get(a).values().size()) {
          break;
        }
        index[a] = 0;
      }
    }
    return new SweepPlan(origin, axes, seeds, runs);
  }

  private static String durationOrigin(String origin, String duration) {
    return duration == null ? origin : origin + " with --duration " + duration;
  }

  private static String describe(List<GridAxis> axes, List<String> values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < axes.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(axes.get(i).key()).append('=').append(values.get(i));
    }
    return b.toString();
  }

  /** A value as it may appear in a file name. */
  static String fileSafe(String value) {
    return value.replaceAll("[^A-Za-z0-9.+-]", "_");
  }
}
