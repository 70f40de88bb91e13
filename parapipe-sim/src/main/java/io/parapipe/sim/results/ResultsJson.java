package io.parapipe.sim.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parapipe.sim.Traffic;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes and reads results JSON, schema {@code parapipe.run/1} (docs/results-schema.md). Output
 * is pretty-printed with a fixed field order and fixed number formats: milliseconds with exactly
 * one decimal, other fractions ({@code unincluded_segment.mean}) with two, everything else an
 * integer. Same result, same bytes.
 */
public final class ResultsJson {
  private ResultsJson() {}

  /** The schema name written into every results file. */
  public static final String SCHEMA = "parapipe.run/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The running parapipe version: the jar manifest's, or {@code 0.1.0-dev} from classes. */
  public static String parapipeVersion() {
    String v = ResultsJson.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  /** The results as JSON text, ending with a newline. */
  public static String toJson(RunResult result) {
    StringWriter w = new StringWriter();
    try {
      write(result, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  /**
   * Writes the results to a file (replacing it).
   *
   * @throws RunFileUserError if the file cannot be written
   */
  public static void write(RunResult result, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(result, w);
    } catch (IOException e) {
      throw new RunFileUserError("cannot write results file " + file + ": " + describe(e), e);
    }
  }

  /** Writes the results to {@code out} (not closed), ending with a newline. */
  public static void write(RunResult r, Writer out) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new ResultsPrettyPrinter());
      g.writeStartObject();
      g.writeStringField("schema", r.schema());
      g.writeStringField("parapipe_version", r.parapipeVersion());
      g.writeStringField("name", r.name());
      g.writeNumberField("seed", r.seed());
      ms(g, "duration_ms", r.durationMs());
      g.writeArrayFieldStart("warnings");
      for (String w : r.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();
      g.writeFieldName("config");
      MAPPER.writeTree(g, r.config());
      relay(g, r.relay());
      g.writeArrayFieldStart("paras");
      for (RunResult.Para p : r.paras()) {
        para(g, p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("phases");
      for (RunResult.Phase ph : r.phases()) {
        phase(g, ph);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("invariants");
      g.writeArrayFieldStart("checked");
      for (String name : r.invariants().checked()) {
        g.writeString(name);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("violations");
      for (RunResult.Violation v : r.invariants().violations()) {
        g.writeStartObject();
        g.writeStringField("name", v.name());
        g.writeNumberField("relay_block", v.relayBlock());
        g.writeStringField("detail", v.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("kernel");
      g.writeNumberField("events", r.kernel().events());
      g.writeNumberField("transfers", r.kernel().transfers());
      g.writeNumberField("transfer_bytes", r.kernel().transferBytes());
      g.writeArrayFieldStart("transfers_by_message");
      for (Traffic t : r.kernel().traffic()) {
        g.writeStartObject();
        g.writeStringField("message", t.message());
        g.writeNumberField("transfers", t.transfers());
        g.writeNumberField("bytes", t.bytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("wall_ms", r.kernel().wallMs());
      g.writeFieldName("events_per_second");
      g.writeNumber(fixed(r.kernel().eventsPerSecond(), 1));
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void relay(JsonGenerator g, RunResult.Relay r) throws IOException {
    g.writeObjectFieldStart("relay");
    g.writeNumberField("blocks", r.blocks());
    g.writeNumberField("authored", r.authored());
    g.writeNumberField("forks", r.forks());
    g.writeNumberField("missed_slots", r.missedSlots());
    g.writeNumberField("finalized", r.finalized());
    ms(g, "mean_block_time_ms", r.meanBlockTimeMs());
    spread(g, "block_time_at_nodes_ms", r.blockTimeAtNodesMs());
    spread(g, "block_propagation_ms", r.blockPropagationMs());
    bandwidth(g, "validator_upload_mbit_s", r.validatorUploadMbits());
    bandwidth(g, "validator_download_mbit_s", r.validatorDownloadMbits());
    distribution(g, "finality_lag_ms", r.finalityLagMs());
    g.writeNumberField("sessions", r.sessions());
    g.writeNumberField("unfinalized_tail", r.unfinalizedTail());
    g.writeArrayFieldStart("finality_stalls");
    for (RunResult.Stall st : r.finalityStalls()) {
      g.writeStartObject();
      g.writeNumberField("from_block", st.fromBlock());
      g.writeNumberField("finalized_at_start", st.finalizedAtStart());
      ms(g, "start_ms", st.startMs());
      ms(g, "end_ms", st.endMs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("chain");
    for (RunResult.ChainBlock b : r.chain()) {
      g.writeStartObject();
      g.writeNumberField("number", b.number());
      g.writeStringField("hash", b.hash().toHex());
      g.writeNumberField("slot", b.slot());
      g.writeNumberField("author", b.author());
      ms(g, "authored_at_ms", b.authoredAtMs());
      ms(g, "finalized_at_ms", b.finalizedAtMs());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("era_points");
    for (int p : r.eraPoints()) {
      g.writeNumber(p);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void para(JsonGenerator g, RunResult.Para p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", p.id());
    g.writeStringField("backing", p.backing());
    g.writeStringField("collator", p.collator());
    g.writeNumberField("authored", p.authored());
    g.writeNumberField("backed", p.backed());
    g.writeNumberField("included", p.included());
    g.writeNumberField("timed_out", p.timedOut());
    distribution(g, "inclusion_interval_ms", p.inclusionIntervalMs());
    spread(g, "inclusion_interval_at_nodes_ms", p.inclusionIntervalAtNodesMs());
    distribution(g, "inclusion_latency_ms", p.inclusionLatencyMs());
    distribution(g, "authoring_ms", p.authoringMs());
    ms(g, "authoring_budget_ms", p.authoringBudgetMs());
    g.writeNumberField("ref_time_included_ps", p.refTimeIncludedPs());
    ms(g, "blockspace_ms_per_minute", p.blockspaceMsPerMinute());
    g.writeNumberField("pov_bytes_included", p.povBytesIncluded());
    g.writeObjectFieldStart("unincluded_segment");
    g.writeFieldName("mean");
    g.writeNumber(fixed(p.unincludedSegment().mean(), 2));
    g.writeNumberField("max", p.unincludedSegment().max());
    g.writeArrayFieldStart("series");
    for (RunResult.SegmentPoint s : p.unincludedSegment().series()) {
      g.writeStartArray();
      g.writeNumber(s.relayParent());
      g.writeNumber(s.length());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("panics");
    for (RunResult.Panic x : p.panics()) {
      g.writeStartObject();
      ms(g, "at_ms", x.atMs());
      g.writeNumberField("collator", x.collator());
      g.writeNumberField("para_block", x.paraBlock());
      g.writeStringField("message", x.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("panic_groups");
    for (RunResult.PanicGroup x : p.panicGroups()) {
      g.writeStartObject();
      g.writeStringField("message", x.message());
      g.writeNumberField("count", x.count());
      g.writeNumberField("first_relay_block", x.firstRelayBlock());
      g.writeNumberField("last_relay_block", x.lastRelayBlock());
      ms(g, "first_at_ms", x.firstAtMs());
      ms(g, "last_at_ms", x.lastAtMs());
      g.writeStringField("example", x.example());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rejections");
    for (RunResult.Rejection x : p.rejections()) {
      g.writeStartObject();
      g.writeStringField("subsystem", x.subsystem());
      g.writeStringField("reason", x.reason());
      g.writeNumberField("candidates", x.candidates());
      g.writeNumberField("reports", x.reports());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("candidates");
    for (RunResult.Candidate c : p.candidates()) {
      g.writeStartObject();
      g.writeStringField("hash", c.hash().toHex());
      integer(g, "para_block", c.paraBlock());
      integer(g, "parent_para_block", c.parentParaBlock());
      integer(g, "relay_parent", c.relayParent());
      integer(g, "author", c.author());
      ms(g, "authored_at_ms", c.authoredAtMs());
      ms(g, "authoring_ms", c.authoringMs());
      g.writeFieldName("ref_time_ps");
      if (c.refTimePs() == null) {
        g.writeNull();
      } else {
        g.writeNumber(c.refTimePs());
      }
      integer(g, "pov_size", c.povSize());
      integer(g, "backed_in", c.backedIn());
      integer(g, "included_in", c.includedIn());
      integer(g, "timed_out_in", c.timedOutIn());
      g.writeNumberField("core", c.core());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void phase(JsonGenerator g, RunResult.Phase ph) throws IOException {
    g.writeStartObject();
    g.writeNumberField("from_relay_block", ph.fromRelayBlock());
    g.writeNumberField("to_relay_block", ph.toRelayBlock());
    ms(g, "from_ms", ph.fromMs());
    ms(g, "to_ms", ph.toMs());
    g.writeArrayFieldStart("upgrades");
    for (int u : ph.upgrades()) {
      g.writeNumber(u);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("paras");
    for (RunResult.PhasePara p : ph.paras()) {
      g.writeStartObject();
      g.writeNumberField("id", p.id());
      g.writeNumberField("included", p.included());
      distribution(g, "inclusion_interval_ms", p.inclusionIntervalMs());
      g.writeNumberField("ref_time_included_ps", p.refTimeIncludedPs());
      ms(g, "blockspace_ms_per_minute", p.blockspaceMsPerMinute());
      g.writeNumberField("panics", p.panics());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void distribution(JsonGenerator g, String name, Distribution d)
      throws IOException {
    g.writeObjectFieldStart(name);
    ms(g, "mean", d.mean());
    ms(g, "p50", d.p50());
    ms(g, "p95", d.p95());
    ms(g, "max", d.max());
    g.writeNumberField("count", d.count());
    g.writeEndObject();
  }

  private static void spread(JsonGenerator g, String name, Spread d) throws IOException {
    g.writeObjectFieldStart(name);
    ms(g, "mean", d.mean());
    ms(g, "p5", d.p5());
    ms(g, "p50", d.p50());
    ms(g, "p95", d.p95());
    ms(g, "p99", d.p99());
    ms(g, "max", d.max());
    g.writeNumberField("count", d.count());
    g.writeEndObject();
  }

  private static void bandwidth(JsonGenerator g, String name, Bandwidth b) throws IOException {
    g.writeObjectFieldStart(name);
    thousandths(g, "mean", b.mean());
    thousandths(g, "p5", b.p5());
    thousandths(g, "p50", b.p50());
    thousandths(g, "p95", b.p95());
    thousandths(g, "max", b.max());
    g.writeNumberField("count", b.count());
    g.writeEndObject();
  }

  /** A figure with three decimals. */
  private static void thousandths(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    g.writeNumber(fixed(v, 3));
  }

  private static void integer(JsonGenerator g, String name, Integer v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  private static void ms(JsonGenerator g, String name, Double v) throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(fixed(v, 1));
    }
  }

  /** {@code v} with exactly {@code decimals} decimals, plain notation, halves rounded up. */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * Reads a results file as a JSON tree, for tools that render or compare results.
   *
   * @throws RunFileUserError if the file is missing, unreadable, not JSON, or not of schema
   *     {@code parapipe.run/1}
   */
  public static JsonNode read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new RunFileUserError("results file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new RunFileUserError("cannot read results file " + file + ": " + describe(e), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses results JSON text; {@code origin} names it in messages.
   *
   * @throws RunFileUserError if it is not JSON of schema {@code parapipe.run/1}
   */
  public static JsonNode parse(String text, String origin) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new RunFileUserError(origin + " is not valid JSON" + where + ": "
          + e.getOriginalMessage(), e);
    }
    JsonNode schema = root == null ? null : root.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new RunFileUserError(origin + " is not a parapipe results file (no \"schema\" field; "
          + "expected \"" + SCHEMA + "\", as written by 'parapipe simulate --json')");
    }
    if (!schema.asText().equals(SCHEMA)) {
      throw new RunFileUserError(origin + " has schema \"" + schema.asText() + "\"; this parapipe "
          + "reads \"" + SCHEMA + "\"");
    }
    return root;
  }

  /** An I/O failure in a few words: the exception's message, or its kind. */
  static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return m == null ? kind : m;
  }
}
