package io.parapipe.report.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.parapipe.report.ReportUserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a results file ({@code parapipe.run/1}) into a {@link RunView}. Optional fields may be
 * missing; a file that is not such JSON, or a field of the wrong type, is a {@link
 * ReportUserError} naming the file and what is wrong.
 */
public final class RunReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReader() {}

  /**
   * @param file a results JSON file
   * @return its view
   * @throws ReportUserError if the file cannot be read or is not {@code parapipe.run/1} JSON
   */
  public static RunView read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ReportUserError(file + ": no such file");
    } catch (IOException e) {
      throw new ReportUserError(file + ": cannot read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * @param json the text of a results file
   * @param source the file name or label to use in messages
   * @return its view
   * @throws ReportUserError if the text is not {@code parapipe.run/1} JSON
   */
  public static RunView parse(String json, String source) {
    FieldReader f = new FieldReader(source);
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ReportUserError(source + ": not JSON" + where + ": " + brief(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new ReportUserError(source + ": empty file, expected " + RunView.SCHEMA + " JSON");
    }
    if (!root.isObject()) {
      throw new ReportUserError(
          source + ": not a parapipe results file: expected a JSON object at the top level");
    }
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new ReportUserError(
          source + ": not a parapipe results file: no \"schema\" field (expected \"" + RunView.SCHEMA
              + "\"); write one with 'parapipe simulate --json FILE'");
    }
    if (!RunView.SCHEMA.equals(schema.textValue())) {
      throw new ReportUserError(
          source + ": unsupported schema \"" + schema.textValue() + "\" (expected \""
              + RunView.SCHEMA + "\")");
    }
    JsonNode config = f.object(root, "config", "", false);
    JsonNode relayNode = f.object(root, "relay", "", false);
    RelayView relay = relayNode == null ? emptyRelay() : relay(f, relayNode);
    JsonNode parasNode = f.array(root, "paras", "", true);
    List<ParaView> paras = new ArrayList<>();
    for (int i = 0; i < parasNode.size(); i++) {
      String path = "paras[" + i + "]";
      JsonNode p = parasNode.get(i);
      if (!p.isObject()) {
        throw f.error(path, "expected an object");
      }
      paras.add(para(f, p, path));
    }
    return new RunView(
        source,
        f.textOr(root, "parapipe_version", "", ""),
        f.textOr(root, "name", "", ""),
        f.longOr(root, "seed", "", -1),
        f.millisOr(root, "duration_ms", "", -1),
        config == null ? JsonNodeFactory.instance.objectNode() : config,
        relay,
        paras);
  }

  /** Jackson's message without its parser-internal source location. */
  static String brief(String message) {
    String m = message == null ? "" : message;
    int cut = m.indexOf(" (start marker at");
    if (cut >= 0) {
      m = m.substring(0, cut);
    }
    cut = m.indexOf('\n');
    return cut >= 0 ? m.substring(0, cut) : m;
  }

  private static RelayView emptyRelay() {
    return new RelayView(-1, -1, -1, -1, -1, Double.NaN, Stat.UNKNOWN, Double.NaN, Stat.UNKNOWN,
        Stat.UNKNOWN, Stat.UNKNOWN, -1, List.of());
  }

  private static RelayView relay(FieldReader f, JsonNode r) {
    String path = "relay";
    List<RelayBlockView> chain = new ArrayList<>();
    JsonNode chainNode = f.array(r, "chain", path, false);
    if (chainNode != null) {
      for (int i = 0; i < chainNode.size(); i++) {
        String p = path + ".chain[" + i + "]";
        JsonNode b = chainNode.get(i);
        if (!b.isObject()) {
          throw f.error(p, "expected an object");
        }
        chain.add(
            new RelayBlockView(
                f.requiredInt(b, "number", p),
                f.textOr(b, "hash", p, ""),
                f.longOr(b, "slot", p, -1),
                f.intOr(b, "author", p, -1),
                f.millisOr(b, "authored_at_ms", p, -1),
                f.millisOr(b, "finalized_at_ms", p, -1)));
      }
      chain.sort((a, b) -> Integer.compare(a.number(), b.number()));
    }
    JsonNode atNodes = f.object(r, "block_time_at_nodes_ms", path, false);
    double atNodesP5 = atNodes == null ? Double.NaN
        : f.doubleOr(atNodes, "p5", path + ".block_time_at_nodes_ms", Double.NaN);
    return new RelayView(
        f.intOr(r, "blocks", path, -1),
        f.intOr(r, "authored", path, -1),
        f.intOr(r, "forks", path, -1),
        f.intOr(r, "missed_slots", path, -1),
        f.intOr(r, "finalized", path, -1),
        f.doubleOr(r, "mean_block_time_ms", path, Double.NaN),
        f.stat(r, "block_time_at_nodes_ms", path),
        atNodesP5,
        f.stat(r, "block_propagation_ms", path),
        f.stat(r, "validator_upload_mbit_s", path),
        f.stat(r, "finality_lag_ms", path),
        f.intOr(r, "sessions", path, -1),
        chain);
  }

  private static ParaView para(FieldReader f, JsonNode p, String path) {
    int id = f.requiredInt(p, "id", path);
    Stat segment = Stat.UNKNOWN;
    List<SegmentPoint> series = new ArrayList<>();
    JsonNode seg = f.object(p, "unincluded_segment", path, false);
    if (seg != null) {
      String sp = path + ".unincluded_segment";
      segment =
          new Stat(f.doubleOr(seg, "mean", sp, Double.NaN), Double.NaN, Double.NaN,
              f.doubleOr(seg, "max", sp, Double.NaN));
      JsonNode s = f.array(seg, "series", sp, false);
      if (s != null) {
        for (int i = 0; i < s.size(); i++) {
          JsonNode point = s.get(i);
          String pp = sp + ".series[" + i + "]";
          if (!point.isArray() || point.size() != 2
              || !point.get(0).canConvertToInt() || !point.get(1).canConvertToInt()
              || !point.get(0).isIntegralNumber() || !point.get(1).isIntegralNumber()) {
            throw f.error(pp, "expected [relay parent number, segment length]");
          }
          series.add(new SegmentPoint(point.get(0).intValue(), point.get(1).intValue()));
        }
      }
    }
    List<PanicView> panics = new ArrayList<>();
    JsonNode panicsNode = f.array(p, "panics", path, false);
    if (panicsNode != null) {
      for (int i = 0; i < panicsNode.size(); i++) {
        String pp = path + ".panics[" + i + "]";
        JsonNode x = panicsNode.get(i);
        if (!x.isObject()) {
          throw f.error(pp, "expected an object");
        }
        panics.add(
            new PanicView(
                f.millisOr(x, "at_ms", pp, -1),
                f.intOr(x, "collator", pp, -1),
                f.intOr(x, "para_block", pp, -1),
                f.textOr(x, "message", pp, "")));
      }
    }
    List<PanicGroupView> groups = new ArrayList<>();
    JsonNode groupsNode = f.array(p, "panic_groups", path, false);
    if (groupsNode != null) {
      for (int i = 0; i < groupsNode.size(); i++) {
        String gp = path + ".panic_groups[" + i + "]";
        JsonNode g = groupsNode.get(i);
        if (!g.isObject()) {
          throw f.error(gp, "expected an object");
        }
        groups.add(new PanicGroupView(
            f.textOr(g, "message", gp, ""),
            f.intOr(g, "count", gp, 0),
            f.intOr(g, "first_relay_block", gp, -1),
            f.intOr(g, "last_relay_block", gp, -1),
            f.millisOr(g, "first_at_ms", gp, -1),
            f.millisOr(g, "last_at_ms", gp, -1),
            f.textOr(g, "example", gp, "")));
      }
    } else {
      groups = groupedByExactMessage(panics);
    }
    List<RejectionView> rejections = new ArrayList<>();
    JsonNode rejectionsNode = f.array(p, "rejections", path, false);
    if (rejectionsNode != null) {
      for (int i = 0; i < rejectionsNode.size(); i++) {
        String rp = path + ".rejections[" + i + "]";
        JsonNode x = rejectionsNode.get(i);
        if (!x.isObject()) {
          throw f.error(rp, "expected an object");
        }
        rejections.add(new RejectionView(f.textOr(x, "subsystem", rp, ""), f.textOr(x, "reason", rp, ""),
            f.intOr(x, "candidates", rp, 0), f.intOr(x, "reports", rp, 0)));
      }
    }
    List<CandidateView> candidates = new ArrayList<>();
    JsonNode cands = f.array(p, "candidates", path, false);
    if (cands != null) {
      for (int i = 0; i < cands.size(); i++) {
        String cp = path + ".candidates[" + i + "]";
        JsonNode c = cands.get(i);
        if (!c.isObject()) {
          throw f.error(cp, "expected an object");
        }
        candidates.add(
            new CandidateView(
                f.textOr(c, "hash", cp, ""),
                f.requiredInt(c, "para_block", cp),
                f.intOr(c, "parent_para_block", cp, -1),
                f.requiredInt(c, "relay_parent", cp),
                f.millisOr(c, "authored_at_ms", cp, -1),
                f.doubleOr(c, "authoring_ms", cp, Double.NaN),
                f.longOr(c, "ref_time_ps", cp, -1),
                f.longOr(c, "pov_size", cp, -1),
                f.optionalInt(c, "backed_in", cp),
                f.optionalInt(c, "included_in", cp),
                f.optionalInt(c, "timed_out_in", cp),
                f.intOr(c, "core", cp, -1)));
      }
    }
    return new ParaView(
        id,
        f.textOr(p, "backing", path, ""),
        f.textOr(p, "collator", path, ""),
        f.intOr(p, "authored", path, -1),
        f.intOr(p, "backed", path, -1),
        f.intOr(p, "included", path, -1),
        f.intOr(p, "timed_out", path, -1),
        f.stat(p, "inclusion_interval_ms", path),
        f.stat(p, "inclusion_latency_ms", path),
        f.stat(p, "authoring_ms", path),
        f.doubleOr(p, "authoring_budget_ms", path, Double.NaN),
        f.longOr(p, "ref_time_included_ps", path, -1),
        f.doubleOr(p, "blockspace_ms_per_minute", path, Double.NaN),
        f.longOr(p, "pov_bytes_included", path, -1),
        segment,
        series,
        panics,
        groups,
        rejections,
        candidates);
  }

  /** Groups for a file written before {@code panic_groups}: one per exact message. */
  private static List<PanicGroupView> groupedByExactMessage(List<PanicView> panics) {
    java.util.Map<String, List<PanicView>> byMessage = new java.util.LinkedHashMap<>();
    for (PanicView x : panics) {
      byMessage.computeIfAbsent(x.message(), k -> new ArrayList<>()).add(x);
    }
    List<PanicGroupView> out = new ArrayList<>();
    byMessage.forEach((message, xs) -> out.add(new PanicGroupView(message, xs.size(), -1, -1,
        xs.get(0).atMs(), xs.get(xs.size() - 1).atMs(), message)));
    return out;
  }
}
