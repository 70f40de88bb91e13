package io.parapipe.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A headline figure of a run, read from its results JSON ({@code parapipe.run/1}): a column of
 * {@code sweep.csv} and, when {@link #charted}, a chart of {@code sweep.html}.
 *
 * @param column the CSV column (for para figures, the part after {@code para<ID>_})
 * @param label what the chart calls it
 * @param pointer JSON pointer into the relay object or a para object; {@code #size} at the end
 *     counts an array's elements
 * @param charted whether the report draws it
 */
public record Figure(String column, String label, String pointer, boolean charted) {
  /** Figures of the relay chain, read from {@code relay}. */
  public static final List<Figure> RELAY = List.of(
      new Figure("relay_blocks", "relay blocks on the best chain", "/blocks", false),
      new Figure("relay_forks", "relay blocks off the best chain", "/forks", true),
      new Figure("relay_missed_slots", "missed relay slots", "/missed_slots", true),
      new Figure("relay_finalized", "last finalized relay block", "/finalized", false),
      new Figure("relay_block_time_mean_ms", "relay block time, mean (ms)",
          "/mean_block_time_ms", true),
      new Figure("relay_finality_lag_mean_ms", "finality lag, mean (ms)",
          "/finality_lag_ms/mean", true),
      new Figure("relay_finality_lag_p95_ms", "finality lag, p95 (ms)",
          "/finality_lag_ms/p95", false),
      new Figure("relay_validator_upload_mean_mbit_s", "validators' upload, mean (Mbit/s)",
          "/validator_upload_mbit_s/mean", true),
      new Figure("relay_validator_upload_max_mbit_s", "validators' upload, busiest (Mbit/s)",
          "/validator_upload_mbit_s/max", false));

  /** Figures of each para, read from its entry of {@code paras}. */
  public static final List<Figure> PARA = List.of(
      new Figure("authored", "para blocks authored", "/authored", false),
      new Figure("backed", "candidates backed", "/backed", false),
      new Figure("included", "candidates included", "/included", true),
      new Figure("timed_out", "candidates timed out", "/timed_out", true),
      new Figure("inclusion_interval_mean_ms", "inclusion interval, mean (ms)",
          "/inclusion_interval_ms/mean", true),
      new Figure("inclusion_interval_p95_ms", "inclusion interval, p95 (ms)",
          "/inclusion_interval_ms/p95", false),
      new Figure("inclusion_latency_mean_ms", "inclusion latency, mean (ms)",
          "/inclusion_latency_ms/mean", true),
      new Figure("blockspace_ms_per_minute", "blockspace (ref_time ms per minute)",
          "/blockspace_ms_per_minute", true),
      new Figure("unincluded_segment_mean", "unincluded segment, mean",
          "/unincluded_segment/mean", true),
      new Figure("unincluded_segment_max", "unincluded segment, max",
          "/unincluded_segment/max", false),
      new Figure("panics", "runtime panics", "/panics#size", true));

  /** The figure's value in {@code node} (the relay object or a para object), or null. */
  public JsonNode read(JsonNode node) {
    if (pointer.endsWith("#size")) {
      JsonNode a = node.at(pointer.substring(0, pointer.length() - "#size".length()));
      return a.isArray() ? com.fasterxml.jackson.databind.node.IntNode.valueOf(a.size()) : null;
    }
    JsonNode v = node.at(pointer);
    return v.isMissingNode() || v.isNull() ? null : v;
  }
}
