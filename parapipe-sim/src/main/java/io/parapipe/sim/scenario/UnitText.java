package io.parapipe.sim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities written with units in scenario files: durations ({@code "6s"}, {@code "500ms"}),
 * sizes ({@code "5MiB"}) and bandwidths ({@code "1Gbit/s"}). Parsing returns -1 for text that is
 * not a quantity of that kind, so the caller can name the key in its error.
 */
public final class UnitText {
  private UnitText() {}

  private static final Pattern NUMBER_UNIT =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z/]*)\\s*");

  /** Microseconds in a duration like {@code "1.5s"}, or -1 if the text is not a duration. */
  public static long parseDurationMicros(String text) {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    double v = Double.parseDouble(m.group(1));
    double factor;
    switch (m.group(2)) {
      case "us":
        factor = 1;
        break;
      case "ms":
        factor = 1_000;
        break;
      case "s":
        factor = 1_000_000;
        break;
      case "m":
      case "min":
        factor = 60_000_000;
        break;
      case "h":
        factor = 3_600_000_000.0;
        break;
      default:
        return -1;
    }
    return Math.round(v * factor);
  }

  /** Bytes in a size like {@code "5MiB"} or {@code "512KB"}, or -1. Bare numbers are bytes. */
  public static long parseSizeBytes(String text) {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    double v = Double.parseDouble(m.group(1));
    double factor;
    switch (m.group(2)) {
      case "":
      case "B":
        factor = 1;
        break;
      case "KB":
      case "kB":
        factor = 1e3;
        break;
      case "MB":
        factor = 1e6;
        break;
      case "GB":
        factor = 1e9;
        break;
      case "KiB":
        factor = 1024;
        break;
      case "MiB":
        factor = 1024 * 1024;
        break;
      case "GiB":
        factor = 1024.0 * 1024 * 1024;
        break;
      default:
        return -1;
    }
    return Math.round(v * factor);
  }

  /** Bytes per second in a bandwidth like {@code "1Gbit/s"} or {@code "100MB/s"}, or -1. */
  public static long parseBandwidthBytesPerSecond(String text) {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    double v = Double.parseDouble(m.group(1));
    double factor;
    switch (m.group(2)) {
      case "bit/s":
        factor = 1 / 8.0;
        break;
      case "kbit/s":
      case "Kbit/s":
        factor = 1e3 / 8;
        break;
      case "Mbit/s":
        factor = 1e6 / 8;
        break;
      case "Gbit/s":
        factor = 1e9 / 8;
        break;
      case "B/s":
        factor = 1;
        break;
      case "KB/s":
      case "kB/s":
        factor = 1e3;
        break;
      case "MB/s":
        factor = 1e6;
        break;
      case "GB/s":
        factor = 1e9;
        break;
      case "MiB/s":
        factor = 1024 * 1024;
        break;
      default:
        return -1;
    }
    return Math.round(v * factor);
  }

  /** The shortest exact text for a duration: {@code "6s"}, {@code "1500ms"}, {@code "10m"}. */
  public static String formatDuration(long micros) {
    if (micros != 0 && micros % 3_600_000_000L == 0) {
      return micros / 3_600_000_000L + "h";
    }
    if (micros != 0 && micros % 60_000_000L == 0) {
      return micros / 60_000_000L + "m";
    }
    if (micros % 1_000_000L == 0) {
      return micros / 1_000_000L + "s";
    }
    if (micros % 1_000L == 0) {
      return micros / 1_000L + "ms";
    }
    return micros + "us";
  }

  /** A size in the largest binary unit that divides it exactly: {@code "5MiB"}, {@code "1500B"}. */
  public static String formatSize(long bytes) {
    if (bytes != 0 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + "MiB";
    }
    if (bytes != 0 && bytes % 1024 == 0) {
      return bytes / 1024 + "KiB";
    }
    return bytes + "B";
  }

  /** A bandwidth as {@code "<n>Mbit/s"} when exact, else bytes per second. */
  public static String formatBandwidth(long bytesPerSecond) {
    long bits = bytesPerSecond * 8;
    if (bits % 1_000_000_000L == 0) {
      return bits / 1_000_000_000L + "Gbit/s";
    }
    if (bits % 1_000_000L == 0) {
      return bits / 1_000_000L + "Mbit/s";
    }
    return String.format(Locale.ROOT, "%dB/s", bytesPerSecond);
  }
}
