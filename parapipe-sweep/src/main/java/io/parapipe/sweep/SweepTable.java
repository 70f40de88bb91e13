package io.parapipe.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.results.RunTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code sweep.csv}: one row per run with its grid values, seed and headline figures (docs/sweep.md
 * lists the columns). Values are copied from the results JSON as written there; a para a run does
 * not have leaves its cells empty. RFC 4180 quoting, {@code \n} line ends.
 */
public final class SweepTable {
  private SweepTable() {}

  /** The para ids that appear in any run, ascending. */
  public static List<Integer> paraIds(Iterable<JsonNode> results) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (JsonNode r : results) {
      for (JsonNode p : r.path("paras")) {
        ids.add(p.path("id").asInt());
      }
    }
    return List.copyOf(ids);
  }

  /** The para object of {@code id} in a run, or null. */
  public static JsonNode para(JsonNode result, int id) {
    for (JsonNode p : result.path("paras")) {
      if (p.path("id").asInt() == id) {
        return p;
      }
    }
    return null;
  }

  /**
   * The CSV text.
   *
   * @param plan the sweep
   * @param results each run's results JSON by run id; every run of the plan must be there
   */
  public static String csv(SweepPlan plan, Map<String, JsonNode> results) {
    List<Integer> paras = paraIds(results.values());
    List<String> header = new ArrayList<>();
    for (GridAxis a : plan.axes()) {
      header.add(a.key());
    }
    header.add("seed");
    header.add("run");
    for (Figure f : Figure.RELAY) {
      header.add(f.column());
    }
    for (int id : paras) {
      for (Figure f : Figure.PARA) {
        header.add("para" + id + "_" + f.column());
      }
    }
    header.add("wall_ms");
    StringBuilder b = new StringBuilder();
    RunTables.line(b, header);
    for (RunSpec run : plan.runs()) {
      JsonNode r = results.get(run.id());
      List<String> row = new ArrayList<>(run.values());
      row.add(Long.toString(run.seed()));
      row.add("runs/" + run.id() + ".json");
      for (Figure f : Figure.RELAY) {
        row.add(text(f.read(r.path("relay"))));
      }
      for (int id : paras) {
        JsonNode p = para(r, id);
        for (Figure f : Figure.PARA) {
          row.add(p == null ? "" : text(f.read(p)));
        }
      }
      row.add(text(r.at("/kernel/wall_ms")));
      RunTables.line(b, row);
    }
    return b.toString();
  }

  private static String text(JsonNode v) {
    return v == null || v.isMissingNode() || v.isNull() ? "" : v.asText();
  }
}
