package io.parapipe.sweep;

import io.parapipe.report.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A figure against the grid as an inline SVG: one column per grid point, and in it, per series
 * (the relay chain, or one para), a dot for every seed, a line from the lowest to the highest
 * seed's value and a bar at their mean. With one grid axis the means are joined by a line.
 * Hand-drawn SVG, so the report stays byte-identical from run to run and needs no fonts.
 */
final class StripChart {
  static final int WIDTH = 560;
  static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 44;
  private static final int BOTTOM = 78;
  private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759",
      "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

  /**
   * One series: its name and, per grid point, the values of its seeds (empty where it has none).
   *
   * @param name legend text
   * @param values per grid point, the seeds' values
   */
  record Series(String name, List<double[]> values) {}

  private StripChart() {}

  static String svg(String title, List<String> points, List<Series> series, boolean joinMeans) {
    double lo = 0;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double[] vs : s.values()) {
        for (double v : vs) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double step = niceStep((hi - lo) / 5);
    lo = Math.floor(lo / step) * step;
    hi = Math.ceil(hi / step) * step;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" role=\"img\" aria-label=\"").append(Markup.escape(title))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(HEIGHT).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
    b.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
        .append(Markup.escape(title)).append("</text>\n");
    // y axis: grid lines and labels
    for (double t = lo; t <= hi + step / 2; t += step) {
      double y = TOP + plotH - (t - lo) / (hi - lo) * plotH;
      b.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
              + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
          LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, label(t)));
    }
    b.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n",
        LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
    int n = points.size();
    double band = (double) plotW / Math.max(1, n);
    for (int p = 0; p < n; p++) {
      double cx = LEFT + band * (p + 0.5);
      b.append(String.format(Locale.ROOT,
          "<text transform=\"translate(%.1f,%d) rotate(-30)\" text-anchor=\"end\">%s</text>\n",
          cx + 4, TOP + plotH + 14, Markup.escape(points.get(p))));
    }
    for (int s = 0; s < series.size(); s++) {
      Series ser = series.get(s);
      String color = COLORS[s % COLORS.length];
      List<String> means = new ArrayList<>();
      for (int p = 0; p < n && p < ser.values().size(); p++) {
        double[] vs = ser.values().get(p);
        if (vs.length == 0) {
          continue;
        }
        double x = LEFT + band * p + band * (s + 1) / (series.size() + 1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double v : vs) {
          min = Math.min(min, v);
          max = Math.max(max, v);
          sum += v;
        }
        double mean = sum / vs.length;
        b.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
            x, y(min, lo, hi, plotH), x, y(max, lo, hi, plotH), color));
        for (double v : vs) {
          b.append(String.format(Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" fill-opacity=\"0.5\"/>",
              x, y(v, lo, hi, plotH), color));
        }
        double ym = y(mean, lo, hi, plotH);
        b.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"3\"><title>%s: mean %s, min %s, max %s (%d seeds)</title>"
                + "</line>\n",
            x - 6, ym, x + 6, ym, color, Markup.escape(ser.name() + ", " + points.get(p)),
            label(mean), label(min), label(max), vs.length));
        means.add(String.format(Locale.ROOT, "%.1f,%.1f", x, ym));
      }
      if (joinMeans && means.size() > 1) {
        b.append("<polyline fill=\"none\" stroke=\"").append(color)
            .append("\" stroke-opacity=\"0.6\" points=\"").append(String.join(" ", means))
            .append("\"/>\n");
      }
      if (series.size() > 1) {
        // The legend is one row under the title, clear of the data.
        b.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"32\" fill=\"%s\">%s</text>\n",
            LEFT + 72 * s, color, Markup.escape(ser.name())));
      }
    }
    b.append("</svg>\n");
    return b.toString();
  }

  private static double y(double v, double lo, double hi, int plotH) {
    return TOP + plotH - (v - lo) / (hi - lo) * plotH;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A number for labels: integers without decimals, others with up to three. */
  static String label(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return Long.toString(Math.round(v));
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
