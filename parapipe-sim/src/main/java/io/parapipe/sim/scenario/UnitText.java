package io.parapipe.sim.scenario;

import java.util.Locale;
import java.util.Map;
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

  private static final Map<String, Double> DURATION_UNITS = Map.of(
      "us", 1.0, "ms", 1e3, "s", 1e6, "m", 6e7, "min", 6e7, "h", 3.6e9);
  private static final Map<String, Double> SIZE_UNITS = Map.of(
      "", 1.0, "B", 1.0, "KB", 1e3, "kB", 1e3, "MB", 1e6, "GB", 1e9,
      "KiB", 1024.0, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024);
  private static final Map<String, Double> BANDWIDTH_UNITS = Map.ofEntries(
      Map.entry("bit/s", 1 / 8.0), Map.entry("kbit/s", 1e3 / 8), Map.entry("Kbit/s", 1e3 / 8),
      Map.entry("Mbit/s", 1e6 / 8), Map.entry("Gbit/s", 1e9 / 8), Map.entry("B/s", 1.0),
      Map.entry("KB/s", 1e3), Map.entry("kB/s", 1e3), Map.entry("MB/s", 1e6),
      Map.entry("GB/s", 1e9), Map.entry("MiB/s", 1024.0 * 1024));

  /** The number times its unit's factor, rounded; -1 if the text or the unit does not fit. */
  private static long parse(String text, Map<String, Double> units) {
    Matcher m = NUMBER_UNIT.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    Double factor = units.get(m.group(2));
    return factor == null ? -1 : Math.round(Double.parseDouble(m.group(1)) * factor);
  }

  /** Microseconds in a duration like {@code "1.5s"}, or -1 if the text is not a duration. */
  public static long parseDurationMicros(String text) {
    return parse(text, DURATION_UNITS);
  }

  /** Bytes in a size like {@code "5MiB"} or {@code "512KB"}, or -1. Bare numbers are bytes. */
  public static long parseSizeBytes(String text) {
    return parse(text, SIZE_UNITS);
  }

  /** Bytes per second in a bandwidth like {@code "1Gbit/s"} or {@code "100MB/s"}, or -1. */
  public static long parseBandwidthBytesPerSecond(String text) {
    return parse(text, BANDWIDTH_UNITS);
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
