package io.parapipe.report.html;

import io.parapipe.report.Markup;
import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.ConfigValues;
import io.parapipe.report.run.InclusionGaps;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RelayBlockView;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.SegmentPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one run, drawn with XChart and inlined as SVG. Every para of the run is drawn, one
 * colour each (a legend up to {@value #LEGEND_MAX_PARAS} paras), against virtual time in minutes:
 * each point sits at the authoring time of the relay block it belongs to. Runs shown side by side
 * pass the same axis limits ({@link Axes}) so that their charts compare at a glance.
 */
final class RunCharts {
  static final int WIDTH = 560;
  static final int HEIGHT = 280;
  static final int LEGEND_MAX_PARAS = 10;
  /** Window of the blockspace rate: ref_time included in the last minute. */
  static final double BLOCKSPACE_WINDOW_MS = 60_000.0;

  // Tableau 10: distinct for ten paras, then repeated.
  private static final Color[] PALETTE = {new Color(0x4e79a7), new Color(0xf28e2b),
      new Color(0x59a14f), new Color(0xe15759), new Color(0x76b7b2), new Color(0xedc948),
      new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac)};
  private static final Color BUDGET = new Color(0x222222);
  private static final Color GREEN = new Color(0x59a14f);

  private RunCharts() {}

  /**
   * Axis limits shared by the runs of one report.
   *
   * @param timeMaxMin the longest run, minutes
   * @param intervalMaxS the longest gap between inclusions, seconds
   * @param blockspaceMax the highest blockspace rate, s of ref_time per minute
   * @param segmentMax the longest unincluded segment
   * @param lagMaxS the longest finality lag, seconds
   * @param authoringMaxMs the longest authoring time or budget, ms
   */
  record Axes(double timeMaxMin, double intervalMaxS, double blockspaceMax, double segmentMax,
      double lagMaxS, double authoringMaxMs) {
    static Axes of(List<RunView> runs) {
      double time = 0;
      double interval = 0;
      double blockspace = 0;
      double segment = 0;
      double lag = 0;
      double authoring = 0;
      for (RunView run : runs) {
        time = Math.max(time, endMs(run) / 60_000.0);
        for (ParaView p : run.paras()) {
          for (double g : InclusionGaps.of(p, run.relay())) {
            interval = Math.max(interval, g / 1000.0);
          }
          for (double[] pt : blockspaceSeries(run, p)) {
            blockspace = Math.max(blockspace, pt[1]);
          }
          for (SegmentPoint s : p.segmentSeries()) {
            segment = Math.max(segment, s.length());
          }
          for (CandidateView c : p.candidates()) {
            if (!Double.isNaN(c.authoringMs())) {
              authoring = Math.max(authoring, c.authoringMs());
            }
          }
          for (double[] step : ConfigValues.authoringBudgetSteps(run.config(), p.id())) {
            authoring = Math.max(authoring, step[1]);
          }
        }
        for (RelayBlockView b : run.relay().chain()) {
          if (b.finalizedAtMs() >= 0 && b.authoredAtMs() >= 0) {
            lag = Math.max(lag, (b.finalizedAtMs() - b.authoredAtMs()) / 1000.0);
          }
        }
      }
      return new Axes(time, interval, blockspace, segment, lag, authoring);
    }
  }

  /** When the run ended, ms: its duration, else its last relay block. */
  private static double endMs(RunView run) {
    if (run.durationMs() > 0) {
      return run.durationMs();
    }
    List<RelayBlockView> chain = run.relay().chain();
    return chain.isEmpty() ? 0 : Math.max(0, chain.get(chain.size() - 1).authoredAtMs());
  }

  private static XYChart timeChart(String title, String yTitle, Axes axes) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("virtual time (min)").yAxisTitle(yTitle).build();
    Styler.LegendPosition legend = Styler.LegendPosition.OutsideS;
    style(chart.getStyler(), legend);
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax(Math.max(axes.timeMaxMin(), 0.1));
    chart.getStyler().setXAxisDecimalPattern("#0.#");
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    chart.getStyler().setXAxisMaxLabelCount(11);
    chart.getStyler().setYAxisTickMarkSpacingHint(45);
    chart.getStyler().setYAxisMin(0.0);
    return chart;
  }

  private static void style(Styler s, Styler.LegendPosition legend) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPosition(legend);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setChartTitleBoxVisible(false);
    s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setAntiAlias(true);
  }

  /** The paras' legend is shown while it stays readable. */
  private static void legendFor(XYChart chart, RunView run) {
    chart.getStyler().setLegendVisible(run.paras().size() <= LEGEND_MAX_PARAS);
  }

  private static String paraCount(RunView run) {
    int n = run.paras().size();
    return n == 1 ? "para " + run.paras().get(0).id() : "all " + n + " paras";
  }

  /** A chart without data: only its title, which {@link #svgOrNote} turns into a note. */
  private static XYChart empty(String title) {
    return new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
  }

  private static String svgOrNote(XYChart chart, String id, String whyEmpty) {
    String title = chart.getTitle();
    return chart.getSeriesMap().isEmpty() ? note(title + ": " + whyEmpty)
        : ChartSvg.inline(chart, id, title);
  }

  private static String note(String text) {
    return "<p class=\"note chart-empty\">" + Markup.escape(text) + "</p>\n";
  }

  private static double minutes(double ms) {
    return ms / 60_000.0;
  }

  /**
   * The distribution of inclusion intervals over every para: how many gaps between consecutive
   * inclusions had each length, in bins of whole seconds (wider bins for long tails) from 0 to
   * the report's longest gap, so that runs side by side share their x axis.
   */
  static String inclusionIntervals(RunView run, String id, Axes axes) {
    int axisMaxS = (int) Math.round(axes.intervalMaxS());
    int bin = Math.max(1, (int) Math.ceil(axisMaxS / 15.0));
    int top = Math.max(axisMaxS, 1);
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int x = 0; x <= top + bin - 1; x += bin) {
      counts.put(x, 0);
    }
    int gaps = 0;
    for (ParaView p : run.paras()) {
      for (double g : InclusionGaps.of(p, run.relay())) {
        counts.merge((int) Math.round(g / 1000.0 / bin) * bin, 1, Integer::sum);
        gaps++;
      }
    }
    String title = "Inclusion intervals, " + paraCount(run) + " (" + gaps + " gaps)";
    if (gaps == 0) {
      return note(title + ": no two inclusions of a para, nothing to draw.");
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("gap between consecutive inclusions of a para (s)").yAxisTitle("gaps")
        .build();
    style(chart.getStyler(), Styler.LegendPosition.InsideNE);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setSeriesColors(new Color[] {GREEN});
    chart.getStyler().setYAxisDecimalPattern("#");
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisMaxLabelCount(16);
    chart.getStyler().setYAxisMax(
        Math.max(1.0, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1)));
    List<String> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    counts.forEach((k, v) -> {
      xs.add(String.valueOf(k));
      ys.add(v);
    });
    chart.addSeries("gaps", xs, ys);
    return ChartSvg.inline(chart, id, title);
  }

  /** Each para's gap before each inclusion, at the time of the including relay block. */
  static String intervalsOverTime(RunView run, String id, Axes axes) {
    return svgOrNote(intervalsOverTimeChart(run, axes), id,
        "no two inclusions of a para, nothing to draw.");
  }

  static XYChart intervalsOverTimeChart(RunView run, Axes axes) {
    String title = "Gap since the previous inclusion, " + paraCount(run);
    XYChart chart = timeChart(title, "gap (s)", axes);
    legendFor(chart, run);
    boolean any = false;
    for (int i = 0; i < run.paras().size(); i++) {
      ParaView p = run.paras().get(i);
      double[] times = InclusionGaps.timesMs(p, run.relay());
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int k = 1; k < times.length; k++) {
        xs.add(minutes(times[k]));
        ys.add((times[k] - times[k - 1]) / 1000.0);
      }
      any |= addSeries(chart, "para " + p.id(), xs, ys, PALETTE[i % PALETTE.length]);
    }
    chart.getStyler().setYAxisMax(Math.max(1.0, Math.ceil(axes.intervalMaxS() * 1.15)));
    return any ? chart : empty(title);
  }

  /**
   * ref_time of the para's blocks included in the minute before each relay block, in s per
   * minute; from the first relay block a minute into the run.
   */
  static List<double[]> blockspaceSeries(RunView run, ParaView p) {
    List<double[]> inclusions = new ArrayList<>(); // {time ms, ref_time s}
    for (CandidateView c : p.candidates()) {
      if (c.includedIn() != null && c.refTimePs() >= 0) {
        inclusions.add(new double[] {InclusionGaps.blockTimeMs(run.relay(), c.includedIn()),
            c.refTimePs() / 1e12});
      }
    }
    inclusions.sort((a, b) -> Double.compare(a[0], b[0]));
    List<double[]> out = new ArrayList<>();
    double sum = 0;
    int head = 0; // inclusions[head..tail) are in the window
    int tail = 0;
    for (RelayBlockView b : run.relay().chain()) {
      double t = b.authoredAtMs();
      if (t < BLOCKSPACE_WINDOW_MS) {
        continue;
      }
      while (tail < inclusions.size() && inclusions.get(tail)[0] <= t) {
        sum += inclusions.get(tail++)[1];
      }
      while (head < tail && inclusions.get(head)[0] <= t - BLOCKSPACE_WINDOW_MS) {
        sum -= inclusions.get(head++)[1];
      }
      out.add(new double[] {t, Math.max(0, sum) * 60_000.0 / BLOCKSPACE_WINDOW_MS});
    }
    return out;
  }

  /** Each para's blockspace: ref_time included per minute, over the last minute. */
  static String blockspaceOverTime(RunView run, String id, Axes axes) {
    return svgOrNote(blockspaceOverTimeChart(run, axes), id,
        "the run is shorter than a minute or its relay chain is not given.");
  }

  static XYChart blockspaceOverTimeChart(RunView run, Axes axes) {
    String title = "Blockspace included in the last minute, " + paraCount(run);
    XYChart chart = timeChart(title, "ref_time (s/min)", axes);
    legendFor(chart, run);
    boolean any = false;
    for (int i = 0; i < run.paras().size(); i++) {
      ParaView p = run.paras().get(i);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (double[] pt : blockspaceSeries(run, p)) {
        xs.add(minutes(pt[0]));
        ys.add(pt[1]);
      }
      any |= addSeries(chart, "para " + p.id(), xs, ys, PALETTE[i % PALETTE.length]);
    }
    chart.getStyler().setYAxisMax(Math.max(1.0, axes.blockspaceMax() * 1.15));
    return any ? chart : empty(title);
  }

  /** Each para's unincluded segment length after each included block, at its relay parent. */
  static String segmentOverTime(RunView run, String id, Axes axes) {
    return svgOrNote(segmentOverTimeChart(run, axes), id, "no block was included, nothing to draw.");
  }

  static XYChart segmentOverTimeChart(RunView run, Axes axes) {
    String title = "Unincluded segment after each block, " + paraCount(run);
    XYChart chart = timeChart(title, "para blocks", axes);
    legendFor(chart, run);
    chart.getStyler().setYAxisDecimalPattern("#");
    boolean any = false;
    for (int i = 0; i < run.paras().size(); i++) {
      ParaView p = run.paras().get(i);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (SegmentPoint s : p.segmentSeries()) {
        xs.add(minutes(InclusionGaps.blockTimeMs(run.relay(), s.relayParent())));
        ys.add((double) s.length());
      }
      XYSeries series = series(chart, "para " + p.id(), xs, ys, PALETTE[i % PALETTE.length]);
      if (series != null) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
        any = true;
      }
    }
    chart.getStyler().setYAxisMax(Math.max(1.0, axes.segmentMax() + 1));
    return any ? chart : empty(title);
  }

  /** The relay chain's finality lag: authoring of each best-chain block to its finality. */
  static String finalityLagOverTime(RunView run, String id, Axes axes) {
    return svgOrNote(finalityLagOverTimeChart(run, axes), id,
        "the results give no finality times (relay.chain[].finalized_at_ms).");
  }

  static XYChart finalityLagOverTimeChart(RunView run, Axes axes) {
    String title = "Finality lag of each relay block";
    XYChart chart = timeChart(title, "lag (s)", axes);
    chart.getStyler().setLegendVisible(false);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (RelayBlockView b : run.relay().chain()) {
      if (b.finalizedAtMs() >= 0 && b.authoredAtMs() >= 0) {
        xs.add(minutes(b.authoredAtMs()));
        ys.add((b.finalizedAtMs() - b.authoredAtMs()) / 1000.0);
      }
    }
    boolean any = addSeries(chart, "finality lag", xs, ys, PALETTE[0]);
    chart.getStyler().setYAxisMax(Math.max(1.0, axes.lagMaxS() * 1.15));
    return any ? chart : empty(title);
  }

  /**
   * Each para's authoring time per block, as points at the time authoring started, under the
   * collator's budget ({@code authoring_duration}, with its upgrades): a line drawn over the
   * points, so that it stays visible where blocks use the whole budget.
   */
  static String authoringOverTime(RunView run, String id, Axes axes) {
    return svgOrNote(authoringOverTimeChart(run, axes), id,
        "no authored block with its timing, nothing to draw.");
  }

  static XYChart authoringOverTimeChart(RunView run, Axes axes) {
    String title = "Authoring time per block and the budget, " + paraCount(run);
    XYChart chart = timeChart(title, "authoring (ms)", axes);
    chart.getStyler().setLegendVisible(true);
    boolean any = false;
    for (int i = 0; i < run.paras().size(); i++) {
      ParaView p = run.paras().get(i);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (CandidateView c : p.candidates()) {
        if (c.authoringStartMs() >= 0) {
          xs.add(minutes(c.authoringStartMs()));
          ys.add(c.authoringMs());
        }
      }
      XYSeries s = series(chart, "para " + p.id(), xs, ys, PALETTE[i % PALETTE.length]);
      if (s != null) {
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setShowInLegend(run.paras().size() <= LEGEND_MAX_PARAS);
        any = true;
      }
    }
    if (!any) {
      return empty(title);
    }
    chart.getStyler().setMarkerSize(4);
    // One budget line per distinct budget over time, drawn last so that it lies over the points.
    List<List<double[]>> drawn = new ArrayList<>();
    for (ParaView p : run.paras()) {
      List<double[]> steps = ConfigValues.authoringBudgetSteps(run.config(), p.id());
      if (steps.isEmpty() || drawn.stream().anyMatch(d -> sameSteps(d, steps))) {
        continue;
      }
      drawn.add(steps);
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int k = 0; k < steps.size(); k++) {
        double from = k == 0 ? 0 : InclusionGaps.blockTimeMs(run.relay(), (int) steps.get(k)[0]);
        xs.add(minutes(from));
        ys.add(steps.get(k)[1]);
      }
      xs.add(axes.timeMaxMin());
      ys.add(steps.get(steps.size() - 1)[1]);
      String name = drawn.size() == 1 ? "budget (authoring_duration)"
          : "budget (authoring_duration), para " + p.id();
      XYSeries line = chart.addSeries(name, xs, ys);
      line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
      line.setMarker(SeriesMarkers.NONE);
      line.setLineColor(BUDGET);
      line.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {7f, 4f}, 0f));
    }
    chart.getStyler().setYAxisMax(Math.max(1.0, axes.authoringMaxMs() * 1.3));
    return chart;
  }

  private static boolean sameSteps(List<double[]> a, List<double[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
        return false;
      }
    }
    return true;
  }

  /** Adds a line series if there is data; reports whether it did. */
  private static boolean addSeries(XYChart chart, String name, List<Double> xs, List<Double> ys,
      Color colour) {
    return series(chart, name, xs, ys, colour) != null;
  }

  /** A line in the para's colour, markers only while they stay apart; null without data. */
  private static XYSeries series(XYChart chart, String name, List<Double> xs, List<Double> ys,
      Color colour) {
    if (xs.isEmpty()) {
      return null;
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setLineStyle(new BasicStroke(1.5f));
    s.setMarker(xs.size() > 40 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    return s;
  }
}
