package io.parapipe.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
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
   * The collator's authoring budget ({@code authoring_duration}) over the run: the para's value,
   * then the value of each upgrade that changes it for this para, from the upgrade's point
   * ({@code at_relay_block}, or the first block of {@code at_session}).
   *
   * @param config the effective configuration
   * @param paraId the para
   * @return steps {@code {from relay block, budget in ms}} in block order, the first from block 0;
   *     empty if the configuration does not give the budget
   */
  public static List<double[]> authoringBudgetSteps(JsonNode config, int paraId) {
    JsonNode base = paraValue(config, paraId, "collator", "authoring_duration");
    if (!base.isTextual() || parseDurationMs(base.textValue()).isEmpty()) {
      return List.of();
    }
    TreeMap<Long, Double> steps = new TreeMap<>();
    steps.put(0L, parseDurationMs(base.textValue()).getAsDouble());
    long sessionLength = config.path("relay").path("session_length").asLong(600);
    for (JsonNode u : config.path("upgrades")) {
      JsonNode v = u.path("collator").path("authoring_duration");
      OptionalDouble ms = v.isTextual() ? parseDurationMs(v.textValue()) : OptionalDouble.empty();
      boolean applies = u.path("paras").isEmpty();
      for (JsonNode id : u.path("paras")) {
        applies |= id.asInt() == paraId;
      }
      long point = u.has("at_relay_block") ? u.path("at_relay_block").asLong()
          : u.path("at_session").asLong() * sessionLength + 1;
      if (ms.isPresent() && applies) {
        steps.put(point, ms.getAsDouble());
      }
    }
    List<double[]> out = new ArrayList<>();
    steps.forEach((block, ms) -> out.add(new double[] {block, ms}));
    return out;
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
