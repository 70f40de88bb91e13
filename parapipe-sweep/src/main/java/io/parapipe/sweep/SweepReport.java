package io.parapipe.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.report.Markup;
import io.parapipe.report.html.HtmlPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sweep.html}: a self-contained page (the report module's {@link HtmlPage} shell) with a
 * chart per headline figure against the grid, spread across seeds shown by every seed's dot and
 * the min-max line; with exactly two grid axes, a heatmap per figure of the mean over seeds (and
 * paras).
 */
public final class SweepReport {
  private SweepReport() {}

  /**
   * The page.
   *
   * @param plan the sweep
   * @param results each run's results JSON by run id
   */
  public static String html(SweepPlan plan, Map<String, JsonNode> results) {
    List<String> points = pointLabels(plan);
    List<Integer> paras = SweepTable.paraIds(results.values());
    boolean oneAxis = plan.axes().size() == 1;
    StringBuilder b = new StringBuilder();
    b.append("<h1>Sweep of ").append(Markup.escape(plan.origin())).append("</h1>\n");
    b.append("<p class=\"meta\">").append(plan.points()).append(" grid points &times; ")
        .append(plan.seeds().size()).append(" seeds (")
        .append(plan.seeds().get(0)).append(plan.seeds().size() > 1
            ? "&ndash;" + plan.seeds().get(plan.seeds().size() - 1) : "")
        .append(") = ").append(plan.runs().size()).append(" runs. Grid: ");
    for (int i = 0; i < plan.axes().size(); i++) {
      GridAxis a = plan.axes().get(i);
      b.append(i == 0 ? "" : "; ").append("<code>").append(Markup.escape(a.key()))
          .append("</code> = ").append(Markup.escape(String.join(", ", a.values())));
    }
    b.append(". Each dot is one seed; the vertical line spans the lowest to the highest seed, "
        + "the bar is the mean. Every run's figures are in sweep.csv, its results in runs/.</p>\n");

    b.append("<h2>Relay chain</h2>\n<div class=\"runs\">\n");
    for (Figure f : Figure.RELAY) {
      if (!f.charted()) {
        continue;
      }
      List<StripChart.Series> s = List.of(new StripChart.Series("relay",
          values(plan, results, r -> f.read(r.path("relay")))));
      b.append("<div class=\"run\">").append(StripChart.svg(f.label(), points, s, oneAxis))
          .append(heatmap(plan, f.label(), s)).append("</div>\n");
    }
    b.append("</div>\n<h2>Paras</h2>\n<div class=\"runs\">\n");
    for (Figure f : Figure.PARA) {
      if (!f.charted()) {
        continue;
      }
      List<StripChart.Series> s = new ArrayList<>();
      for (int id : paras) {
        s.add(new StripChart.Series("para " + id, values(plan, results, r -> {
          JsonNode p = SweepTable.para(r, id);
          return p == null ? null : f.read(p);
        })));
      }
      b.append("<div class=\"run\">").append(StripChart.svg(f.label(), points, s, oneAxis))
          .append(heatmap(plan, f.label() + " (mean over paras)", s)).append("</div>\n");
    }
    b.append("</div>\n");
    return HtmlPage.wrap("parapipe sweep: " + plan.origin(), b.toString());
  }

  private static List<String> pointLabels(SweepPlan plan) {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < plan.points(); p++) {
      RunSpec r = plan.runs().get(p * plan.seeds().size());
      out.add(String.join(" / ", r.values()));
    }
    return out;
  }

  /** Per grid point, the figure of every seed that has it. */
  private static List<double[]> values(SweepPlan plan, Map<String, JsonNode> results,
      java.util.function.Function<JsonNode, JsonNode> read) {
    List<double[]> out = new ArrayList<>();
    int seeds = plan.seeds().size();
    for (int p = 0; p < plan.points(); p++) {
      double[] vs = new double[seeds];
      int n = 0;
      for (int s = 0; s < seeds; s++) {
        JsonNode v = read.apply(results.get(plan.runs().get(p * seeds + s).id()));
        if (v != null && v.isNumber()) {
          vs[n++] = v.asDouble();
        }
      }
      out.add(java.util.Arrays.copyOf(vs, n));
    }
    return out;
  }

  /**
   * With two axes: a table, rows the first axis, columns the second, each cell the mean over
   * seeds and series, shaded from the lowest cell (white) to the highest (blue).
   */
  private static String heatmap(SweepPlan plan, String title, List<StripChart.Series> series) {
    if (plan.axes().size() != 2) {
      return "";
    }
    GridAxis rows = plan.axes().get(0);
    GridAxis cols = plan.axes().get(1);
    double[] mean = new double[plan.points()];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < plan.points(); p++) {
      double sum = 0;
      int n = 0;
      for (StripChart.Series s : series) {
        for (double v : s.values().get(p)) {
          sum += v;
          n++;
        }
      }
      mean[p] = n == 0 ? Double.NaN : sum / n;
      if (n > 0) {
        lo = Math.min(lo, mean[p]);
        hi = Math.max(hi, mean[p]);
      }
    }
    StringBuilder b = new StringBuilder("<table class=\"heatmap\"><caption>")
        .append(Markup.escape(title)).append("</caption><tr><th>")
        .append(Markup.escape(rows.key())).append(" \\ ").append(Markup.escape(cols.key()))
        .append("</th>");
    for (String c : cols.values()) {
      b.append("<th>").append(Markup.escape(c)).append("</th>");
    }
    b.append("</tr>");
    for (int r = 0; r < rows.values().size(); r++) {
      b.append("<tr><th>").append(Markup.escape(rows.values().get(r))).append("</th>");
      for (int c = 0; c < cols.values().size(); c++) {
        double m = mean[r * cols.values().size() + c];
        double share = Double.isNaN(m) || hi <= lo ? 0 : (m - lo) / (hi - lo);
        int light = (int) Math.round(255 - share * 140);
        b.append(String.format(Locale.ROOT,
            "<td class=\"num\" style=\"background: rgb(%d,%d,255)\">%s</td>", light,
            (int) Math.round(255 - share * 90), Double.isNaN(m) ? "" : StripChart.label(m)));
      }
      b.append("</tr>");
    }
    return b.append("</table>\n").toString();
  }
}
