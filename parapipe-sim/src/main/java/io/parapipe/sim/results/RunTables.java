package io.parapipe.sim.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's results as CSV tables for pandas and spreadsheets ({@code simulate --csv DIR}):
 * {@code paras.csv} (one row per para), {@code candidates.csv} (one row per candidate of every
 * para) and {@code relay_blocks.csv} (one row per block of the final best relay chain). Cells are
 * the values of the results JSON as written there (docs/results-schema.md); an empty cell is a
 * JSON {@code null}. Columns are documented in docs/results-schema.md.
 */
public final class RunTables {
  private RunTables() {}

  /** The distribution columns of each {@code *_ms} distribution. */
  private static final List<String> STATS = List.of("mean", "p50", "p95", "max", "count");

  /** The columns of paras.csv. */
  public static final List<String> PARA_COLUMNS = paraColumns();

  /** The columns of candidates.csv. */
  public static final List<String> CANDIDATE_COLUMNS = List.of("para", "hash", "para_block",
      "parent_para_block", "relay_parent", "author", "authored_at_ms", "authoring_ms",
      "ref_time_ps", "pov_size", "backed_in", "included_in", "timed_out_in", "core");

  /** The columns of relay_blocks.csv. */
  public static final List<String> RELAY_BLOCK_COLUMNS = List.of("number", "hash", "slot",
      "author", "authored_at_ms", "finalized_at_ms");

  private static List<String> paraColumns() {
    List<String> c = new ArrayList<>(List.of("para", "backing", "collator", "authored", "backed",
        "included", "timed_out"));
    for (String d : List.of("inclusion_interval_ms", "inclusion_latency_ms", "authoring_ms")) {
      String stem = d.substring(0, d.length() - "_ms".length());
      for (String s : STATS) {
        c.add(stem + "_" + s + (s.equals("count") ? "" : "_ms"));
      }
    }
    c.addAll(List.of("authoring_budget_ms", "ref_time_included_ps", "blockspace_ms_per_minute",
        "pov_bytes_included", "unincluded_segment_mean", "unincluded_segment_max", "panics"));
    return List.copyOf(c);
  }

  /**
   * Writes the three tables of a run into {@code dir}, with the numbers exactly as the results
   * JSON writes them ({@code 2.90} stays {@code 2.90}).
   *
   * @throws RunFileUserError if the directory or a file cannot be written
   */
  public static void write(RunResult result, Path dir) {
    JsonNode run;
    try {
      run = new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory
              .withExactBigDecimals(true))
          .readTree(ResultsJson.toJson(result));
    } catch (IOException e) {
      throw new IllegalStateException("the results JSON does not parse", e);
    }
    write(run, dir);
  }

  /**
   * Writes the three tables into {@code dir} (created if missing), replacing files of those names.
   *
   * @param run a run's results JSON ({@code parapipe.run/1})
   * @throws RunFileUserError if the directory or a file cannot be written
   */
  public static void write(JsonNode run, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("paras.csv"), paras(run), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("candidates.csv"), candidates(run), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("relay_blocks.csv"), relayBlocks(run),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RunFileUserError("cannot write the CSV tables into " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** paras.csv. */
  public static String paras(JsonNode run) {
    StringBuilder b = new StringBuilder();
    line(b, PARA_COLUMNS);
    for (JsonNode p : run.path("paras")) {
      List<String> row = new ArrayList<>();
      for (String k : List.of("id", "backing", "collator", "authored", "backed", "included",
          "timed_out")) {
        row.add(cell(p.get(k)));
      }
      for (String d : List.of("inclusion_interval_ms", "inclusion_latency_ms", "authoring_ms")) {
        for (String s : STATS) {
          row.add(cell(p.path(d).get(s)));
        }
      }
      for (String k : List.of("authoring_budget_ms", "ref_time_included_ps",
          "blockspace_ms_per_minute", "pov_bytes_included")) {
        row.add(cell(p.get(k)));
      }
      row.add(cell(p.path("unincluded_segment").get("mean")));
      row.add(cell(p.path("unincluded_segment").get("max")));
      row.add(Integer.toString(p.path("panics").size()));
      line(b, row);
    }
    return b.toString();
  }

  /** candidates.csv. */
  public static String candidates(JsonNode run) {
    StringBuilder b = new StringBuilder();
    line(b, CANDIDATE_COLUMNS);
    for (JsonNode p : run.path("paras")) {
      for (JsonNode c : p.path("candidates")) {
        List<String> row = new ArrayList<>();
        row.add(cell(p.get("id")));
        for (String k : CANDIDATE_COLUMNS.subList(1, CANDIDATE_COLUMNS.size())) {
          row.add(cell(c.get(k)));
        }
        line(b, row);
      }
    }
    return b.toString();
  }

  /** relay_blocks.csv. */
  public static String relayBlocks(JsonNode run) {
    StringBuilder b = new StringBuilder();
    line(b, RELAY_BLOCK_COLUMNS);
    for (JsonNode block : run.path("relay").path("chain")) {
      List<String> row = new ArrayList<>();
      for (String k : RELAY_BLOCK_COLUMNS) {
        row.add(cell(block.get(k)));
      }
      line(b, row);
    }
    return b.toString();
  }

  private static String cell(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
  }

  /**
   * Appends one CSV line: cells separated by commas, quoted (RFC 4180) where they hold a comma, a
   * quote or a line break, then {@code \n}.
   */
  public static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    b.append('\n');
  }
}
