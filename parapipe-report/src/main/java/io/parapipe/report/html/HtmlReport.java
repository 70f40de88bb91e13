package io.parapipe.report.html;

import static io.parapipe.report.Markup.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.parapipe.report.Markup;
import io.parapipe.report.pipeline.PipelineDiagram;
import io.parapipe.report.pipeline.PipelineRow;
import io.parapipe.report.pipeline.PipelineWindow;
import io.parapipe.report.pipeline.SvgPipeline;
import io.parapipe.report.pipeline.TextPipeline;
import io.parapipe.report.run.CandidateTiming;
import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.ComparisonTable;
import io.parapipe.report.run.PanicGroupView;
import io.parapipe.report.run.RejectionView;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RelayView;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.Stat;
import io.parapipe.report.run.TraceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the self-contained HTML report of one run or a comparison of several: a comparison
 * table (several runs), each run's pipeline diagram as SVG, charts of every para against time
 * (inclusion intervals, blockspace, authoring time against the budget, the unincluded segment,
 * the relay chain's finality lag), the runs' figures, the candidates in the pipeline window,
 * runtime panics and the effective configuration. Runs are laid out side by side. Same input
 * gives the same bytes.
 */
public final class HtmlReport {
  /**
   * One run shown in a report.
   *
   * @param label short name of the run (column heading)
   * @param run its results
   * @param trace its trace, or null
   */
  public record Entry(String label, RunView run, TraceView trace) {}

  private HtmlReport() {}

  /**
   * @param entries the runs, at least one; the first is the baseline of a comparison
   * @param paraId the para to draw, or null for each run's first para
   * @param window the relay blocks to draw, or null for each run's default window
   * @return the HTML document
   * @throws io.parapipe.report.ReportUserError if the para or window does not fit a run
   */
  public static String render(List<Entry> entries, Integer paraId, PipelineWindow window) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no runs to report");
    }
    List<String> labels = entries.stream().map(Entry::label).toList();
    List<PipelineDiagram> diagrams = new ArrayList<>();
    for (Entry e : entries) {
      diagrams.add(PipelineDiagram.of(e.run(), PipelineDiagram.para(e.run(), paraId), window));
    }
    boolean comparison = entries.size() > 1;
    String title = comparison
        ? "parapipe comparison: " + String.join(" vs ", labels)
        : "parapipe report: " + labels.get(0);

    StringBuilder b = new StringBuilder();
    b.append("<header>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">");
    for (int i = 0; i < entries.size(); i++) {
      RunView r = entries.get(i).run();
      b.append(i == 0 ? "" : "; ").append("<b>").append(escape(labels.get(i))).append("</b>: ")
          .append(escape(describe(r)));
    }
    b.append("</p>\n</header>\n");

    if (comparison) {
      b.append("<section id=\"comparison\">\n<h2>Comparison</h2>\n");
      b.append(comparisonTable(ComparisonTable.of(labels,
          entries.stream().map(Entry::run).toList(), paraId)));
      b.append("<p class=\"note\">Ratios are to the first run. Para figures are ")
          .append(paraId == null ? "the mean over each run's paras" : "those of para " + paraId)
          .append("; finality lag is the relay chain's.</p>\n</section>\n");
    }

    b.append("<section id=\"pipelines\">\n<h2>Pipeline</h2>\n");
    b.append("<p class=\"note\">Relay blocks are columns, para blocks rows. P: built on this relay"
        + " parent; -: awaiting backing; B: backed; =: pending availability; I: included;"
        + " T: availability timed out; !: runtime panic. Hover a cell for its times.</p>\n");
    b.append("<div class=\"runs\">\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      b.append("<div class=\"run\">\n<h3>").append(escape(labels.get(i))).append("</h3>\n");
      b.append(SvgPipeline.render(diagrams.get(i), e.run().relay(), e.trace(), "pipeline-" + (i + 1)));
      b.append("<details><summary>as text</summary><pre class=\"text\">")
          .append(escape(TextPipeline.render(diagrams.get(i)))).append("</pre></details>\n");
      b.append("</div>\n");
    }
    b.append("</div>\n</section>\n");

    RunCharts.Axes axes = RunCharts.Axes.of(entries.stream().map(Entry::run).toList());
    b.append("<p class=\"note charts-note\">The charts below draw every para, one colour each,"
        + " against virtual time; a point sits at the time of its relay block. Paras with the"
        + " same figures draw over each other. Runs side by side share their axes.</p>\n");
    chartSection(b, "intervals", "Inclusion intervals", entries, labels,
        (e, i) -> RunCharts.inclusionIntervals(e.run(), "chart-intervals-" + i, axes)
            + RunCharts.intervalsOverTime(e.run(), "chart-interval-time-" + i, axes));
    chartSection(b, "blockspace", "Blockspace over time", entries, labels,
        (e, i) -> RunCharts.blockspaceOverTime(e.run(), "chart-blockspace-" + i, axes));
    chartSection(b, "authoring", "Authoring time against the budget", entries, labels,
        (e, i) -> RunCharts.authoringOverTime(e.run(), "chart-authoring-" + i, axes));
    chartSection(b, "segment", "Unincluded segment over time", entries, labels,
        (e, i) -> RunCharts.segmentOverTime(e.run(), "chart-segment-" + i, axes));
    chartSection(b, "finality", "Finality lag over time", entries, labels,
        (e, i) -> RunCharts.finalityLagOverTime(e.run(), "chart-finality-" + i, axes));

    b.append("<section id=\"figures\">\n<h2>Figures</h2>\n<div class=\"runs\">\n");
    for (int i = 0; i < entries.size(); i++) {
      b.append("<div class=\"run\">\n<h3>").append(escape(labels.get(i))).append("</h3>\n");
      figures(b, entries.get(i).run());
      b.append("</div>\n");
    }
    b.append("</div>\n</section>\n");

    b.append("<section id=\"candidates\">\n<h2>Candidates in the pipeline window</h2>\n");
    b.append("<div class=\"runs\">\n");
    for (int i = 0; i < entries.size(); i++) {
      b.append("<div class=\"run\">\n<h3>").append(escape(labels.get(i))).append("</h3>\n");
      candidates(b, entries.get(i), diagrams.get(i));
      b.append("</div>\n");
    }
    b.append("</div>\n</section>\n");

    b.append("<section id=\"panics\">\n<h2>Runtime panics and refused candidates</h2>\n"
        + "<div class=\"runs\">\n");
    for (int i = 0; i < entries.size(); i++) {
      b.append("<div class=\"run\">\n<h3>").append(escape(labels.get(i))).append("</h3>\n");
      panics(b, entries.get(i).run());
      b.append("</div>\n");
    }
    b.append("</div>\n</section>\n");

    configuration(b, entries, labels);
    b.append("<footer><p class=\"note\">Written by parapipe report. Self-contained: no fonts,"
        + " scripts or images are fetched.</p></footer>\n");
    return HtmlPage.wrap(title, b.toString());
  }

  private interface ChartMaker {
    String make(Entry e, int index);
  }

  private static void chartSection(StringBuilder b, String id, String heading, List<Entry> entries,
      List<String> labels, ChartMaker maker) {
    b.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(heading))
        .append("</h2>\n<div class=\"runs\">\n");
    for (int i = 0; i < entries.size(); i++) {
      b.append("<div class=\"run\">\n<h3>").append(escape(labels.get(i))).append("</h3>\n")
          .append("<div class=\"charts\">\n")
          .append(maker.make(entries.get(i), i + 1))
          .append("</div>\n</div>\n");
    }
    b.append("</div>\n</section>\n");
  }

  private static String describe(RunView r) {
    StringBuilder s = new StringBuilder();
    s.append(r.name().isEmpty() ? "unnamed scenario" : "scenario " + r.name());
    if (r.seed() >= 0) {
      s.append(", seed ").append(r.seed());
    }
    if (r.durationMs() >= 0) {
      s.append(", ").append(Markup.number(r.durationMs() / 1000.0, 0)).append(" s simulated");
    }
    s.append(", ").append(r.paras().size()).append(r.paras().size() == 1 ? " para" : " paras");
    s.append(" (").append(r.source()).append(')');
    return s.toString();
  }

  private static String comparisonTable(ComparisonTable t) {
    StringBuilder b = new StringBuilder("<table class=\"comparison\">\n<tr><th>figure</th>");
    for (int i = 0; i < t.labels().size(); i++) {
      b.append("<th colspan=\"").append(i == 0 ? 1 : 2).append("\">")
          .append(escape(t.labels().get(i))).append("</th>");
    }
    b.append("</tr>\n");
    for (ComparisonTable.Row r : t.rows()) {
      b.append("<tr><td>").append(escape(r.figure())).append("</td>");
      for (int i = 0; i < t.labels().size(); i++) {
        b.append("<td class=\"num\">").append(escape(r.formatted(i))).append("</td>");
        if (i > 0) {
          b.append("<td class=\"num ratio\">").append(escape(r.formattedRatio(i))).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("<tr><th>").append(escape(key)).append("</th><td class=\"num\">")
        .append(escape(value)).append("</td></tr>\n");
  }

  private static String count(long n) {
    return n < 0 ? "n/a" : String.valueOf(n);
  }

  private static void figures(StringBuilder b, RunView r) {
    RelayView relay = r.relay();
    b.append("<table class=\"relay\">\n");
    row(b, "relay blocks (best chain)", count(relay.blocks()));
    row(b, "authored / forks / missed slots",
        count(relay.authored()) + " / " + count(relay.forks()) + " / " + count(relay.missedSlots()));
    row(b, "finalized", count(relay.finalized()));
    row(b, "mean block time", Markup.seconds(relay.meanBlockTimeMs()));
    Stat atNodes = relay.blockTimeAtNodesMs();
    if (atNodes.hasMean()) {
      // What a node's user sees: the gaps between its own imports (docs/model.md).
      row(b, "block time at the validators p5 / p50 / p95 / mean",
          Markup.number(relay.blockTimeAtNodesP5Ms(), 1) + " / " + Markup.number(atNodes.p50(), 1)
              + " / " + Markup.number(atNodes.p95(), 1) + " / " + Markup.number(atNodes.mean(), 1)
              + " ms");
    }
    Stat propagation = relay.blockPropagationMs();
    if (propagation.hasMean()) {
      row(b, "block propagation, seal to import p50 / p95 / max",
          Markup.number(propagation.p50(), 1) + " / " + Markup.number(propagation.p95(), 1) + " / "
              + Markup.number(propagation.max(), 1) + " ms");
    }
    row(b, "finality lag mean / p95", Markup.seconds(relay.finalityLagMs().mean()) + " / "
        + Markup.seconds(relay.finalityLagMs().p95()));
    b.append("</table>\n");
    b.append("<div class=\"scroll\"><table class=\"paras\">\n<tr><th>para</th>");
    for (ParaView p : r.paras()) {
      b.append("<th>").append(p.id()).append("</th>");
    }
    b.append("</tr>\n");
    paraRow(b, r, "backing / collator", p -> p.backing() + " / " + p.collator());
    paraRow(b, r, "authored / backed / included", p -> count(p.authored()) + " / "
        + count(p.backed()) + " / " + count(p.included()));
    paraRow(b, r, "timed out", p -> count(p.timedOut()));
    paraRow(b, r, "inclusion interval mean / p95", p -> Markup.seconds(p.inclusionIntervalMs().mean())
        + " / " + Markup.seconds(p.inclusionIntervalMs().p95()));
    paraRow(b, r, "inclusion latency mean / p95", p -> Markup.seconds(p.inclusionLatencyMs().mean())
        + " / " + Markup.seconds(p.inclusionLatencyMs().p95()));
    paraRow(b, r, "authoring mean / budget", p -> Markup.number(p.authoringMs().mean(), 0) + " / "
        + Markup.number(p.authoringBudgetMs(), 0) + " ms");
    paraRow(b, r, "blockspace (ref_time per minute)",
        p -> Markup.number(p.blockspaceMsPerMinute() / 1000.0, 2) + " s/min");
    paraRow(b, r, "unincluded segment mean / max", p -> Markup.number(p.unincludedSegment().mean(), 2)
        + " / " + Markup.number(p.unincludedSegment().max(), 0));
    b.append("</table></div>\n");
  }

  private static void paraRow(StringBuilder b, RunView r, String figure,
      java.util.function.Function<ParaView, String> value) {
    b.append("<tr><th>").append(escape(figure)).append("</th>");
    for (ParaView p : r.paras()) {
      cell(b, value.apply(p));
    }
    b.append("</tr>\n");
  }

  private static void cell(StringBuilder b, String text) {
    b.append("<td class=\"num\">").append(escape(text)).append("</td>");
  }

  private static String block(Integer n) {
    return n == null ? "" : "R" + n;
  }

  private static void candidates(StringBuilder b, Entry e, PipelineDiagram d) {
    TraceView trace = e.trace();
    b.append("<p class=\"note\">Para ").append(d.paraId()).append(", relay blocks R")
        .append(d.window().from()).append(" to R").append(d.window().to())
        .append(trace == null ? ". Give a trace for seconding and attestation times."
            : ". Backing steps from " + escape(trace.source()) + ".")
        .append("</p>\n");
    b.append("<div class=\"scroll\"><table class=\"candidates\">\n<tr><th>block</th><th>relay parent</th>"
        + "<th>sealed at</th><th>authoring</th><th>ref_time</th>");
    if (trace != null) {
      b.append("<th>seconded</th><th>attested</th>");
    }
    b.append("<th>backed</th><th>included</th><th>timed out</th><th>core</th></tr>\n");
    for (PipelineRow r : d.rows()) {
      CandidateView c = r.candidate();
      b.append("<tr><td>").append(escape(r.label())).append("</td><td>R").append(c.relayParent())
          .append("</td>");
      cell(b, c.authoredAtMs() < 0 ? "n/a" : Markup.seconds(c.authoredAtMs()));
      cell(b, Markup.number(c.authoringMs(), 0) + " ms");
      cell(b, c.refTimePs() < 0 ? "n/a" : Markup.number(c.refTimePs() / 1e9, 0) + " ms");
      if (trace != null) {
        Optional<CandidateTiming> t = trace.timing(c.hash());
        cell(b, t.filter(x -> x.secondedUs() >= 0).map(x -> Markup.seconds(x.secondedUs() / 1000.0))
            .orElse(""));
        cell(b, t.filter(x -> x.attestedUs() >= 0).map(x -> Markup.seconds(x.attestedUs() / 1000.0))
            .orElse(""));
      }
      b.append("<td>").append(block(c.backedIn())).append("</td><td>").append(block(c.includedIn()))
          .append("</td><td>").append(block(c.timedOutIn())).append("</td>");
      cell(b, c.core() < 0 ? "" : String.valueOf(c.core()));
      b.append("</tr>\n");
    }
    b.append("</table></div>\n");
  }

  /**
   * The panics of each para grouped by message, as the results' {@code panic_groups} give them
   * (hashes and asserted values set aside): how many, the relay blocks of the first and last, the
   * first one's time, the message and, where it differs, the first exact message.
   */
  private static void panics(StringBuilder b, RunView r) {
    List<String> rows = new ArrayList<>();
    for (ParaView p : r.paras()) {
      for (PanicGroupView g : p.panicGroups()) {
        int from = g.firstRelayBlock() >= 0 || g.firstAtMs() < 0 ? g.firstRelayBlock()
            : r.relay().blockAt(g.firstAtMs());
        int to = g.lastRelayBlock() >= 0 || g.lastAtMs() < 0 ? g.lastRelayBlock()
            : r.relay().blockAt(g.lastAtMs());
        String blocks = from < 0 ? "" : from == to ? "R" + from : "R" + from + "..R" + to;
        String message = escape(g.message());
        if (!g.example().isEmpty() && !g.example().equals(g.message())) {
          message += "<br><span class=\"note\">first: " + escape(g.example()) + "</span>";
        }
        rows.add("<tr class=\"panic\"><td>" + p.id() + "</td><td class=\"num\">" + g.count()
            + "</td><td>" + blocks + "</td><td class=\"num\">"
            + (g.firstAtMs() < 0 ? "n/a" : Markup.number(g.firstAtMs() / 1000.0, 3) + " s")
            + "</td><td class=\"message\">" + message + "</td></tr>\n");
      }
    }
    if (rows.isEmpty()) {
      b.append("<p>No runtime panics.</p>\n");
    } else {
      b.append("<p class=\"note\">Grouped by message: 0x... stands for a hash, ... for an asserted"
          + " value. Relay blocks: the newest best-chain block at the first and the last panic.</p>\n");
      b.append("<div class=\"scroll\"><table class=\"panics\">\n<tr><th>para</th><th>panics</th>"
          + "<th>relay blocks</th><th>first at</th><th>message</th></tr>\n");
      rows.forEach(b::append);
      b.append("</table></div>\n");
    }
    rejections(b, r);
  }

  /** What validators refused, per para: subsystem, upstream's reason, candidates and reports. */
  private static void rejections(StringBuilder b, RunView r) {
    List<String> rows = new ArrayList<>();
    for (ParaView p : r.paras()) {
      for (RejectionView x : p.rejections()) {
        rows.add("<tr class=\"panic\"><td>" + p.id() + "</td><td>" + escape(x.subsystem())
            + "</td><td class=\"message\">" + escape(x.reason()) + "</td><td class=\"num\">"
            + x.candidates() + "</td><td class=\"num\">" + x.reports() + "</td></tr>\n");
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    b.append("<h4>Refused by validators</h4>\n<div class=\"scroll\"><table class=\"panics\">\n"
        + "<tr><th>para</th><th>subsystem</th><th>reason</th><th>candidates</th><th>reports</th></tr>\n");
    rows.forEach(b::append);
    b.append("</table></div>\n");
  }

  private static void configuration(StringBuilder b, List<Entry> entries, List<String> labels) {
    List<Map<String, String>> flat = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Entry e : entries) {
      Map<String, String> m = new LinkedHashMap<>();
      flatten("", e.run().config(), m);
      flat.add(m);
      keys.addAll(m.keySet());
    }
    List<String> differing = new ArrayList<>();
    for (String k : keys) {
      Set<String> values = new LinkedHashSet<>();
      flat.forEach(m -> values.add(m.getOrDefault(k, "")));
      if (values.size() > 1) {
        differing.add(k);
      }
    }
    b.append("<section id=\"configuration\">\n<h2>Effective configuration</h2>\n");
    if (keys.isEmpty()) {
      b.append("<p>The results file gives no configuration.</p>\n</section>\n");
      return;
    }
    if (entries.size() > 1) {
      b.append("<h3>Differences</h3>\n");
      if (differing.isEmpty()) {
        b.append("<p>The runs have the same configuration.</p>\n");
      } else {
        configTable(b, differing, flat, labels, Set.of());
      }
      b.append("<details><summary>all keys</summary>\n");
    } else {
      b.append("<details open><summary>all keys</summary>\n");
    }
    configTable(b, new ArrayList<>(keys), flat, labels, new LinkedHashSet<>(differing));
    b.append("</details>\n</section>\n");
  }

  private static void configTable(StringBuilder b, List<String> keys, List<Map<String, String>> flat,
      List<String> labels, Set<String> highlight) {
    b.append("<table class=\"config\">\n<tr><th>key</th>");
    labels.forEach(l -> b.append("<th>").append(escape(l)).append("</th>"));
    b.append("</tr>\n");
    for (String k : keys) {
      b.append(highlight.contains(k) ? "<tr class=\"differs\">" : "<tr>").append("<td>")
          .append(escape(k)).append("</td>");
      for (Map<String, String> m : flat) {
        b.append("<td>").append(escape(m.getOrDefault(k, ""))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else if (node.isTextual()) {
      out.put(prefix, node.textValue());
    } else {
      out.put(prefix, node.toString());
    }
  }
}
