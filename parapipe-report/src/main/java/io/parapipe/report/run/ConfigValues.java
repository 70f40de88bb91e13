package io.parapipe.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values out of a run's effective configuration (the scenario keys of {@code
 * docs/scenario.md}), honouring per-para overrides in {@code [[paras]]}.
 */
public final class ConfigValues {
  private static final Pattern DURATION = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|m|h)\\s*");
  private static final Map<String, Double> UNIT_MS =
      Map.of("us", 0.001, "ms", 1.0, "s", 1000.0, "m", 60_000.0, "h", 3_600_000.0);

  private ConfigValues() {}

  /**
   * @param text a scenario duration such as {@code "500ms"} or {@code "2s"}
   * @return it in milliseconds, if it is one
   */
  public static OptionalDouble parseDurationMs(String text) {
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Double.parseDouble(m.group(1)) * UNIT_MS.get(m.group(2)));
  }

  /**
   * A para-level key: the {@code [[paras]]} entry of this para if it sets the key, else the
   * {@code [section]} default.
   *
   * @param config the effective configuration
   * @param paraId the para
   * @param section {@code "para"} or {@code "collator"}
   * @param key the key
   * @return the value node, or a missing node
   */
  public static JsonNode paraValue(JsonNode config, int paraId, String section, String key) {
    for (JsonNode p : config.path("paras")) {
      if (p.path("id").asInt(-1) == paraId) {
        JsonNode v = "collator".equals(section) ? p.path("collator").path(key) : p.path(key);
        if (!v.isMissingNode() && !v.isNull()) {
          return v;
        }
      }
    }
    return config.path(section).path(key);
  }

  /**
   * @param config the effective configuration
   * @param paraId the para
   * @return the para's {@code max_block_weight} ({@code ref_time}) in ms, if the configuration
   *     gives it
   */
  public static OptionalDouble maxBlockWeightMs(JsonNode config, int paraId) {
    JsonNode v = paraValue(config, paraId, "para", "max_block_weight");
    return v.isTextual() ? parseDurationMs(v.textValue()) : OptionalDouble.empty();
  }

  /**
   * @param config the effective configuration
   * @return the relay slot duration in ms, if given
   */
  public static OptionalDouble relaySlotMs(JsonNode config) {
    JsonNode v = config.path("relay").path("slot_duration");
    return v.isTextual() ? parseDurationMs(v.textValue()) : OptionalDouble.empty();
  }
}
