package io.parapipe.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns an XChart chart into an SVG element that can be inlined in HTML: XChart's vector encoder
 * (VectorGraphics2D) writes a standalone SVG document; this drops its XML prolog and DOCTYPE and
 * renames its element ids (clip paths, named after identity hash codes) to ids unique in the page
 * and stable from run to run.
 */
final class ChartSvg {
  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

  private ChartSvg() {}

  static String inline(Chart<?, ?> chart, String idPrefix, String label) {
    // Charts are drawn with Java2D; no display is needed or wanted.
    System.setProperty("java.awt.headless", "true");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String svg = bytes.toString(StandardCharsets.UTF_8);
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new IllegalStateException("XChart wrote no <svg> element");
    }
    svg = svg.substring(start).strip();

    Map<String, String> renamed = new LinkedHashMap<>();
    Matcher m = ID.matcher(svg);
    while (m.find()) {
      renamed.putIfAbsent(m.group(1), idPrefix + "-" + (renamed.size() + 1));
    }
    for (Map.Entry<String, String> e : renamed.entrySet()) {
      String from = Pattern.quote(e.getKey());
      String to = Matcher.quoteReplacement(e.getValue());
      svg = svg.replaceAll("id=\"" + from + "\"", "id=\"" + to + "\"")
          .replaceAll("#" + from + "(?=[\")])", "#" + to);
    }
    String open = "<svg class=\"chart\" role=\"img\" aria-label=\""
        + io.parapipe.report.Markup.escape(label) + "\"";
    return open + svg.substring("<svg".length());
  }
}
