package io.parapipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.sim.scenario.Scenario;
import io.parapipe.sim.scenario.UnitText;
import java.util.Iterator;
import java.util.Map;

/**
 * When a scenario's faults act, read from its {@code [faults]} specs: the span from the earliest
 * {@code from} to the latest {@code until} of every fault entry that has both (outages'
 * from/until, crashes' at/restart_at, partitions' and latency spikes' at/end, and any later
 * fault written the same way). A scenario whose faults have no such entry (offline
 * validators, message loss, forks) is faulty for the whole run.
 *
 * @param fromMs start of the window, or null for the whole run
 * @param untilMs end of the window (exclusive), or null for the whole run
 */
public record FaultWindow(Double fromMs, Double untilMs) {
  /** Faults that last the whole run. */
  public static final FaultWindow WHOLE_RUN = new FaultWindow(null, null);

  /** Both ends or neither. */
  public FaultWindow {
    if ((fromMs == null) != (untilMs == null)) {
      throw new IllegalArgumentException("a fault window needs both ends or neither");
    }
  }

  /** True if the faults last the whole run. */
  public boolean wholeRun() {
    return fromMs == null;
  }

  /** The window of {@code scenario}'s faults. */
  public static FaultWindow of(Scenario scenario) {
    // Read through the effective configuration's JSON, so fault kinds other than outages that use
    // the same from/until form are covered without this class knowing their types.
    JsonNode faults = scenario.toJson().path("faults");
    double from = Double.POSITIVE_INFINITY;
    double until = Double.NEGATIVE_INFINITY;
    for (Iterator<Map.Entry<String, JsonNode>> it = faults.fields(); it.hasNext(); ) {
      JsonNode value = it.next().getValue();
      if (!value.isArray()) {
        continue;
      }
      for (JsonNode entry : value) {
        // Outages say from/until; crashes at/restart_at; partitions and latency spikes at/end.
        long f = duration(entry, "from", "at");
        long u = duration(entry, "until", "restart_at", "end");
        if (f >= 0 && u >= 0) {
          from = Math.min(from, f / 1000.0);
          until = Math.max(until, u / 1000.0);
        }
      }
    }
    return from == Double.POSITIVE_INFINITY ? WHOLE_RUN : new FaultWindow(from, until);
  }

  /** The first of {@code keys} that {@code entry} holds, in µs; -1 when none. */
  private static long duration(JsonNode entry, String... keys) {
    for (String key : keys) {
      if (entry.hasNonNull(key)) {
        return UnitText.parseDurationMicros(entry.get(key).asText(""));
      }
    }
    return -1;
  }

  /** {@code "60s to 150s"}, or {@code "whole run"}. */
  public String describe() {
    return wholeRun() ? "whole run" : seconds(fromMs) + " to " + seconds(untilMs);
  }

  /** Seconds, so both ends read in one unit ({@code "60s"}, {@code "90.5s"}). */
  private static String seconds(double ms) {
    return ms % 1000 == 0 ? (long) (ms / 1000) + "s"
        : String.format(java.util.Locale.ROOT, "%.3fs", ms / 1000).replaceAll("0+s$", "s");
  }
}
