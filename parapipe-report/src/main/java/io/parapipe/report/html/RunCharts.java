package io.parapipe.report.html;

import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.ConfigValues;
import io.parapipe.report.run.InclusionGaps;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.SegmentPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of one para of one run, drawn with XChart and inlined as SVG. */
final class RunCharts {
  static final int WIDTH = 560;
  static final int HEIGHT = 260;
  private static final Color BLUE = new Color(0x4e79a7);
  private static final Color ORANGE = new Color(0xf28e2b);
  private static final Color GREEN = new Color(0x59a14f);
  private static final Color GREY = new Color(0x888888);

  private RunCharts() {}

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.InsideNE);
    s.setChartTitleBoxVisible(false);
    s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setAntiAlias(true);
  }

  /**
   * @param run a run
   * @param para one of its paras
   * @return its longest gap between consecutive inclusions, in whole seconds (0 if none)
   */
  static int longestGapSeconds(RunView run, ParaView para) {
    double max = 0;
    for (double g : InclusionGaps.of(para, run.relay())) {
      max = Math.max(max, g);
    }
    return (int) Math.round(max / 1000.0);
  }

  /**
   * (b) The distribution of inclusion intervals: how many gaps between consecutive inclusions had
   * each length, in bins of whole seconds (wider bins for long tails) from 0 to {@code axisMaxS},
   * so that the charts of runs shown side by side share their x axis.
   */
  static String inclusionIntervals(RunView run, ParaView para, String id, int axisMaxS) {
    double[] gaps = InclusionGaps.of(para, run.relay());
    int bin = Math.max(1, (int) Math.ceil(axisMaxS / 15.0));
    int top = Math.max(axisMaxS, 1);
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int x = 0; x <= top + bin - 1; x += bin) {
      counts.put(x, 0);
    }
    for (double g : gaps) {
      int key = (int) Math.round(g / 1000.0 / bin) * bin;
      counts.merge(key, 1, Integer::sum);
    }
    String title = "Inclusion intervals, para " + para.id() + " (" + gaps.length + " gaps)";
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("gap between consecutive inclusions (s)").yAxisTitle("count").build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setSeriesColors(new Color[] {GREEN});
    chart.getStyler().setYAxisDecimalPattern("#");
    chart.getStyler().setAvailableSpaceFill(0.7);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(
        Math.max(1.0, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1)));
    List<String> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    counts.forEach((k, v) -> {
      xs.add(String.valueOf(k));
      ys.add(v);
    });
    chart.addSeries("intervals", xs, ys);
    return ChartSvg.inline(chart, id, title);
  }

  /** (c) Authoring time of each para block, against the collator's authoring budget. */
  static String authoring(RunView run, ParaView para, String id) {
    String title = "Authoring time per para block, para " + para.id();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("para block").yAxisTitle("ms").build();
    style(chart.getStyler());
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (CandidateView c : para.candidates()) {
      if (!Double.isNaN(c.authoringMs())) {
        xs.add((double) c.paraBlock());
        ys.add(c.authoringMs());
      }
    }
    addXy(chart, "authoring time", xs, ys, BLUE, false);
    if (!Double.isNaN(para.authoringBudgetMs()) && !xs.isEmpty()) {
      addXy(chart, "budget (authoring_duration)", List.of(first(xs), last(xs)),
          List.of(para.authoringBudgetMs(), para.authoringBudgetMs()), GREY, true);
    }
    chart.getStyler().setYAxisMin(0.0);
    double top = ys.stream().mapToDouble(d -> d).max().orElse(0);
    if (!Double.isNaN(para.authoringBudgetMs())) {
      top = Math.max(top, para.authoringBudgetMs());
    }
    chart.getStyler().setYAxisMax(Math.max(1.0, top * 1.25));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    return ChartSvg.inline(chart, id, title);
  }

  /**
   * (c) Blockspace fill of each para block: its {@code ref_time} as a share of the para's {@code
   * max_block_weight}, or its {@code ref_time} in ms when the configuration does not give the
   * limit.
   */
  static String blockspace(RunView run, ParaView para, String id) {
    OptionalDouble limit = ConfigValues.maxBlockWeightMs(run.config(), para.id());
    String title = "Blockspace fill per para block, para " + para.id();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("para block")
        .yAxisTitle(limit.isPresent()
            ? String.format(Locale.ROOT, "%% of max_block_weight (%.0f ms)", limit.getAsDouble())
            : "ref_time (ms)")
        .build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (CandidateView c : para.candidates()) {
      if (c.refTimePs() >= 0) {
        double ms = c.refTimePs() / 1e9;
        xs.add((double) c.paraBlock());
        ys.add(limit.isPresent() ? 100.0 * ms / limit.getAsDouble() : ms);
      }
    }
    addXy(chart, "fill", xs, ys, ORANGE, false);
    chart.getStyler().setYAxisMin(0.0);
    if (limit.isPresent()) {
      chart.getStyler().setYAxisMax(
          Math.max(100.0, ys.stream().mapToDouble(d -> d).max().orElse(0)) * 1.1);
    }
    return ChartSvg.inline(chart, id, title);
  }

  /** (d) The unincluded segment length after each para block, by its relay parent. */
  static String segment(RunView run, ParaView para, String id) {
    String title = "Unincluded segment length, para " + para.id();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("relay parent (block number)").yAxisTitle("para blocks").build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisDecimalPattern("#");
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (SegmentPoint p : para.segmentSeries()) {
      xs.add((double) p.relayParent());
      ys.add((double) p.length());
    }
    XYSeries s = addXy(chart, "segment", xs, ys, BLUE, false);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Step);
    chart.getStyler().setYAxisMin(0.0);
    double max = ys.stream().mapToDouble(d -> d).max().orElse(1);
    chart.getStyler().setYAxisMax(Math.max(1.0, max + 1));
    return ChartSvg.inline(chart, id, title);
  }

  private static XYSeries addXy(
      XYChart chart, String name, List<Double> xs, List<Double> ys, Color colour, boolean dashed) {
    if (xs.isEmpty()) {
      xs = List.of(0.0);
      ys = List.of(0.0);
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setMarker(dashed || xs.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    if (dashed) {
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
          new float[] {6f, 4f}, 0f));
    }
    return s;
  }

  private static double first(List<Double> xs) {
    return xs.get(0);
  }

  private static double last(List<Double> xs) {
    return xs.get(xs.size() - 1);
  }
}
