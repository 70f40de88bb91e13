package io.parapipe.report.run;

import io.parapipe.report.Markup;
import io.parapipe.report.ReportUserError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The side-by-side figures of several runs, each with its ratio to the first run: inclusion
 * interval, authoring time (measured), blockspace per minute, inclusion latency, backing to
 * inclusion, relay parent to inclusion, finality lag, the validators' upload (when a run has it)
 * and unincluded segment. Para figures are those of one para, or the mean over the run's paras.
 *
 * @param labels run labels, in column order; the first is the baseline of the ratios
 * @param scope what the para figures cover, e.g. {@code "mean over paras"} or {@code "para 2000"}
 * @param rows one row per figure
 */
public record ComparisonTable(List<String> labels, String scope, List<Row> rows) {
  /** Copies the lists. */
  public ComparisonTable {
    labels = List.copyOf(labels);
    rows = List.copyOf(rows);
  }

  /**
   * One figure of every run.
   *
   * @param figure what it is
   * @param unit unit of the values as shown, may be empty
   * @param decimals digits shown after the point
   * @param values one value per run (in {@code unit}), NaN when the run does not give it
   */
  public record Row(String figure, String unit, int decimals, List<Double> values) {
    /** Copies the values. */
    public Row {
      values = List.copyOf(values);
    }

    /**
     * @param run column index
     * @return the run's value divided by the first run's, NaN if either is unknown or the first
     *     is 0
     */
    public double ratio(int run) {
      double base = values.get(0);
      double v = values.get(run);
      if (Double.isNaN(base) || Double.isNaN(v) || base == 0.0) {
        return Double.NaN;
      }
      return v / base;
    }

    /**
     * @param run column index
     * @return the value with its unit, e.g. {@code "12.00 s"}, or {@code "n/a"}
     */
    public String formatted(int run) {
      double v = values.get(run);
      if (Double.isNaN(v)) {
        return "n/a";
      }
      return Markup.number(v, decimals) + (unit.isEmpty() ? "" : " " + unit);
    }

    /**
     * @param run column index, at least 1
     * @return the ratio to the first run, e.g. {@code "x0.50"}, or {@code "x n/a"}
     */
    public String formattedRatio(int run) {
      double r = ratio(run);
      return Double.isNaN(r) ? "x n/a" : "x" + Markup.number(r, 2);
    }
  }

  /**
   * @param labels one label per run
   * @param runs the runs, same order
   * @param paraId the para whose figures to show, or null for the mean over each run's paras
   * @return the table
   * @throws ReportUserError if {@code paraId} is given and a run lacks that para
   */
  public static ComparisonTable of(List<String> labels, List<RunView> runs, Integer paraId) {
    if (labels.size() != runs.size() || runs.isEmpty()) {
      throw new IllegalArgumentException("one label per run, at least one run");
    }
    List<List<ParaView>> paras = new ArrayList<>();
    for (RunView r : runs) {
      if (paraId == null) {
        paras.add(r.paras());
      } else {
        paras.add(List.of(r.para(paraId).orElseThrow(
            () -> new ReportUserError(r.source() + ": no para " + paraId + " in this run"))));
      }
    }
    String scope = paraId == null ? "mean over paras" : "para " + paraId;
    List<Row> rows = new ArrayList<>();
    rows.add(paraRow("inclusion interval (mean)", "s", 2, paras,
        p -> p.inclusionIntervalMs().mean() / 1000.0));
    // Measured by the collators: how long building a block took, not the configured deadline.
    rows.add(paraRow("authoring time (mean)", "s", 2, paras, p -> p.authoringMs().mean() / 1000.0));
    rows.add(paraRow("blockspace per minute", "s/min", 2, paras,
        p -> p.blockspaceMsPerMinute() / 1000.0));
    rows.add(paraRow("inclusion latency (mean)", "s", 2, paras,
        p -> p.inclusionLatencyMs().mean() / 1000.0));
    rows.add(chainRow("backing to inclusion (mean)", runs, paras, CandidateView::backedIn));
    rows.add(chainRow("relay parent to inclusion (mean)", runs, paras, CandidateView::relayParent));
    List<Double> lag = new ArrayList<>();
    for (RunView r : runs) {
      lag.add(r.relay().finalityLagMs().mean() / 1000.0);
    }
    rows.add(new Row("finality lag (mean)", "s", 2, lag));
    List<Double> upload = new ArrayList<>();
    boolean anyUpload = false;
    for (RunView r : runs) {
      double u = r.relay().validatorUploadMbits().mean();
      upload.add(u);
      anyUpload |= !Double.isNaN(u);
    }
    // What the validators' links carry (more blockspace is more chunks to serve); a row only
    // when some run has the figure, which files written before it lack.
    if (anyUpload) {
      rows.add(new Row("validators' upload (mean)", "Mbit/s", 2, upload));
    }
    rows.add(paraRow("unincluded segment (mean)", "", 2, paras,
        p -> p.unincludedSegment().mean()));
    rows.add(paraRow("unincluded segment (max)", "", 0, paras,
        p -> p.unincludedSegment().max()));
    return new ComparisonTable(labels, scope, rows);
  }

  /**
   * Mean time, over the included candidates of the paras, from the best-chain relay block
   * {@code from} names (the one that backed a candidate, or its relay parent) to the one that
   * included it, from the blocks' authoring times. Backing to inclusion stays one relay block
   * under either backing mode; relay parent to inclusion is where asynchronous backing's ancestry
   * shows.
   */
  private static Row chainRow(String figure, List<RunView> runs, List<List<ParaView>> paras,
      java.util.function.Function<CandidateView, Integer> from) {
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      java.util.Map<Integer, Long> at = new java.util.HashMap<>();
      for (RelayBlockView b : runs.get(i).relay().chain()) {
        at.put(b.number(), b.authoredAtMs());
      }
      double sum = 0;
      int n = 0;
      for (ParaView p : paras.get(i)) {
        for (CandidateView c : p.candidates()) {
          Integer start = from.apply(c);
          if (c.includedIn() == null || start == null) {
            continue;
          }
          Long a = at.get(start);
          Long b = at.get(c.includedIn());
          if (a != null && b != null && a >= 0 && b >= 0) {
            sum += (b - a) / 1000.0;
            n++;
          }
        }
      }
      values.add(n == 0 ? Double.NaN : sum / n);
    }
    return new Row(figure, "s", 2, values);
  }

  private static Row paraRow(String figure, String unit, int decimals, List<List<ParaView>> paras,
      ToDoubleFunction<ParaView> value) {
    List<Double> values = new ArrayList<>();
    for (List<ParaView> run : paras) {
      double sum = 0;
      int n = 0;
      for (ParaView p : run) {
        double v = value.applyAsDouble(p);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      values.add(n == 0 ? Double.NaN : sum / n);
    }
    return new Row(figure, unit, decimals, values);
  }

  /** @return the table as aligned plain text, one line per figure, ending with a newline */
  public String toText() {
    List<String[]> lines = new ArrayList<>();
    String[] head = new String[labels.size() + 1];
    head[0] = "figure (" + scope + ")";
    for (int i = 0; i < labels.size(); i++) {
      head[i + 1] = labels.get(i);
    }
    lines.add(head);
    for (Row r : rows) {
      String[] line = new String[labels.size() + 1];
      line[0] = r.figure();
      for (int i = 0; i < labels.size(); i++) {
        line[i + 1] = r.formatted(i) + (i == 0 ? "" : " (" + r.formattedRatio(i) + ")");
      }
      lines.add(line);
    }
    int[] width = new int[head.length];
    for (String[] l : lines) {
      for (int i = 0; i < l.length; i++) {
        width[i] = Math.max(width[i], l[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] l : lines) {
      StringBuilder line = new StringBuilder();
      line.append(l[0]).append(" ".repeat(width[0] - l[0].length()));
      for (int i = 1; i < l.length; i++) {
        line.append("  ").append(" ".repeat(width[i] - l[i].length())).append(l[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
