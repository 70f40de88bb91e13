package io.parapipe.report;

import java.util.Locale;

/** Escaping and number formatting shared by the SVG and HTML writers. */
public final class Markup {
  private Markup() {}

  /**
   * @param text any text
   * @return the text safe inside XML/HTML element content and double-quoted attributes
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters; drop them rather than emit a broken file.
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * @param value a number, possibly NaN
   * @param decimals digits after the point
   * @return the number in a locale-independent format, or {@code "n/a"} for NaN
   */
  public static String number(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * @param ms a duration in ms, possibly NaN
   * @return it in seconds with two decimals and a unit, e.g. {@code "12.00 s"}, or {@code "n/a"}
   */
  public static String seconds(double ms) {
    return Double.isNaN(ms) ? "n/a" : number(ms / 1000.0, 2) + " s";
  }
}
