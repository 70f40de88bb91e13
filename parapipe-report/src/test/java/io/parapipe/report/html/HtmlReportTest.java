package io.parapipe.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import io.parapipe.report.pipeline.PipelineWindow;
import io.parapipe.report.run.RunView;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlReportTest {
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  private static String comparison;
  private static String faults;

  /** @return the fixture comparison of sync and async (with the async trace), rendered once */
  static synchronized String comparison() {
    if (comparison == null) {
      comparison = renderComparison();
    }
    return comparison;
  }

  private static String renderComparison() {
    return HtmlReport.render(List.of(
        new HtmlReport.Entry("sync", Fixtures.run("sync"), null),
        new HtmlReport.Entry("async", Fixtures.run("async"), Fixtures.asyncTrace())), null, null);
  }

  /** @return the report of the faults fixture, rendered once */
  static synchronized String faults() {
    if (faults == null) {
      faults = renderFaults();
    }
    return faults;
  }

  private static String renderFaults() {
    return HtmlReport.render(
        List.of(new HtmlReport.Entry("faults", Fixtures.run("faults"), null)), null, null);
  }

  static List<String> svgs(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void fetchesNothing() {
    for (String html : List.of(comparison(), faults())) {
      // No attribute loads anything from elsewhere: only in-page anchors and data: URIs.
      Matcher refs = Pattern.compile("(?i)\\b(?:src|href|xlink:href|action|poster|srcset)\\s*=\\s*[\"']?([^\"'\\s>]*)")
          .matcher(html);
      while (refs.find()) {
        assertThat(refs.group(1)).as("reference %s", refs.group()).matches("#.*|data:.*");
      }
      assertThat(html).doesNotContainPattern("(?i)url\\(\\s*['\"]?(?!#|data:)");
      assertThat(html).doesNotContainPattern("(?i)@import|<link\\b|<iframe\\b|<object\\b|<embed\\b");
      assertThat(html).doesNotContainPattern("(?i)<script\\b[^>]*\\bsrc");
      assertThat(html).doesNotContainPattern("(?i)fetch\\(|XMLHttpRequest|WebSocket|EventSource");
      // The policy forbids any fetch the page might still attempt.
      assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
          + HtmlPage.CONTENT_SECURITY_POLICY + "\">");
    }
  }

  @Test
  void everySvgIsWellFormedXmlAndTheIdsAreUnique() throws Exception {
    String html = comparison();
    List<String> svgs = svgs(html);
    // Two pipelines and five charts per run: the fixtures give no finality times.
    assertThat(svgs).hasSize(2 + 2 * 5);
    for (String svg : svgs) {
      Document doc = parseXml(svg);
      assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    }
    assertThat(svgs).filteredOn(s -> s.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"pipeline-"))
        .hasSize(2);
    assertThat(svgs).filteredOn(s -> s.startsWith("<svg class=\"chart\"")).hasSize(10);
    Set<String> ids = new HashSet<>();
    Matcher m = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
    while (m.find()) {
      assertThat(ids.add(m.group(1))).as("id %s is unique", m.group(1)).isTrue();
    }
    assertThat(ids).contains("pipeline-1", "pipeline-2", "comparison", "pipelines", "intervals",
        "blockspace", "authoring", "segment", "finality", "figures", "candidates", "panics",
        "configuration");
  }

  @Test
  void showsTheComparisonTableWithRatios() {
    String html = comparison();
    assertThat(html).contains("<title>parapipe comparison: sync vs async</title>");
    assertThat(html).contains("<tr><td>inclusion interval (mean)</td><td class=\"num\">12.00 s</td>"
        + "<td class=\"num\">6.00 s</td><td class=\"num ratio\">x0.50</td></tr>");
    assertThat(html).contains("<tr><td>authoring time (mean)</td><td class=\"num\">0.50 s</td>"
        + "<td class=\"num\">1.99 s</td><td class=\"num ratio\">x3.98</td></tr>");
  }

  @Test
  void showsTheBlockTimeAtTheValidatorsWhenTheResultsCarryIt() {
    String html = comparison();
    // The async fixture carries block_time_at_nodes_ms, the sync fixture (older results) does not.
    assertThat(html).containsOnlyOnce("<tr><th>block time at the validators p5 / p50 / p95 / mean</th>"
        + "<td class=\"num\">5943.2 / 5999.8 / 6057.6 / 6000.0 ms</td></tr>");
  }

  @Test
  void showsTheBlockPropagationWhenTheResultsCarryIt() {
    String html = comparison();
    // Only the async fixture carries block_propagation_ms.
    assertThat(html).containsOnlyOnce("<tr><th>block propagation, seal to import p50 / p95 / max</th>"
        + "<td class=\"num\">65.0 / 108.2 / 204.9 ms</td></tr>");
  }

  @Test
  void differingConfigurationIsHighlighted() {
    String html = comparison();
    assertThat(html).contains("<h3>Differences</h3>");
    assertThat(html).contains("<tr class=\"differs\"><td>relay.max_candidate_depth</td><td>0</td>"
        + "<td>3</td></tr>");
    assertThat(html).contains("<tr><td>network.validators</td><td>20</td><td>20</td></tr>");
  }

  @Test
  void traceAddsBackingTimesToTheCandidateTable() {
    String html = comparison();
    assertThat(html).contains("Backing steps from async.trace.jsonl.");
    assertThat(html).contains("<th>seconded</th><th>attested</th>");
    assertThat(html).contains("Give a trace for seconding and attestation times.");
  }

  @Test
  void listsPanicsAndConfiguration() {
    String html = faults();
    assertThat(html).contains("<title>parapipe report: faults</title>");
    assertThat(html).doesNotContain("id=\"comparison\"");
    // The fixture has no panic_groups: its panics are grouped by exact message.
    assertThat(html).contains("<tr class=\"panic\"><td>2000</td><td class=\"num\">1</td>"
        + "<td>R12</td><td class=\"num\">72.340 s</td>"
        + "<td class=\"message\">Slot must increase</td></tr>");
    assertThat(html).contains("<details open><summary>all keys</summary>");
    assertThat(html).contains("<tr><td>relay.max_candidate_depth</td><td>3</td></tr>");
    assertThat(html).contains("<tr><td>faults.offline_validators</td><td>[3,4]</td></tr>");
    assertThat(comparison()).contains("No runtime panics.");
  }

  @Test
  void chartsDrawEveryParaAgainstTimeAndTheBudgetOverThePoints() {
    RunView sync = Fixtures.run("sync");
    RunView async = Fixtures.run("async");
    RunCharts.Axes axes = RunCharts.Axes.of(List.of(sync, async));
    // The async fixture has two paras; each is a series of every para chart.
    for (XYChart c : List.of(RunCharts.intervalsOverTimeChart(async, axes),
        RunCharts.blockspaceOverTimeChart(async, axes), RunCharts.segmentOverTimeChart(async, axes))) {
      assertThat(c.getSeriesMap().keySet()).as(c.getTitle()).containsExactly("para 2000", "para 2001");
      assertThat(c.getStyler().getXAxisMax()).isEqualTo(2.0); // both runs last two minutes
    }
    // The budget comes after the points, so it is drawn over them.
    assertThat(RunCharts.authoringOverTimeChart(async, axes).getSeriesMap().keySet())
        .containsExactly("para 2000", "para 2001", "budget (authoring_duration)");
    XYChart s = RunCharts.intervalsOverTimeChart(sync, axes);
    XYChart a = RunCharts.intervalsOverTimeChart(async, axes);
    assertThat(s.getStyler().getYAxisMax()).isEqualTo(a.getStyler().getYAxisMax());
    // Gaps sit at the time of the including relay block, in minutes.
    XYSeries first = s.getSeriesMap().get("para 2000");
    assertThat(first.getXData()[0]).isEqualTo(30_000 / 60_000.0); // R5, which included P2
    assertThat(first.getYData()[0]).isEqualTo(12.0);
  }

  @Test
  void panicsAreShownGroupedAsTheResultsGroupThem() {
    String h1 = "0x" + "ab".repeat(32);
    var run = io.parapipe.report.run.RunReader.parse("""
        {"schema": "parapipe.run/1",
         "relay": {"chain": [{"number": 1, "authored_at_ms": 6000},
                             {"number": 2, "authored_at_ms": 12000}]},
         "paras": [{"id": 2000, "panics": [],
           "panic_groups": [{"message": "head 0x...", "count": 2, "first_relay_block": 1,
             "last_relay_block": 2, "first_at_ms": 7000.0, "last_at_ms": 13000.0,
             "example": "head %s"}]}]}
        """.formatted(h1), "p.json");
    String html = HtmlReport.render(List.of(new HtmlReport.Entry("p", run, null)), null, null);
    assertThat(html).contains("<tr class=\"panic\"><td>2000</td><td class=\"num\">2</td>"
        + "<td>R1..R2</td><td class=\"num\">7.000 s</td><td class=\"message\">head 0x...<br>"
        + "<span class=\"note\">first: head " + h1 + "</span></td></tr>");
  }

  @Test
  void whatValidatorsRefusedIsShownWithUpstreamsReason() {
    var run = io.parapipe.report.run.RunReader.parse("""
        {"schema": "parapipe.run/1",
         "paras": [{"id": 2002, "rejections": [{"subsystem": "candidate-validation",
           "reason": "InvalidUMPSignals(CoreIndexMismatch)", "candidates": 27, "reports": 54}]}]}
        """, "r.json");
    assertThat(run.paras().get(0).rejections()).hasSize(1);
    String html = HtmlReport.render(List.of(new HtmlReport.Entry("r", run, null)), null, null);
    assertThat(html).contains("<h4>Refused by validators</h4>")
        .contains("<tr class=\"panic\"><td>2002</td><td>candidate-validation</td><td class=\"message\">"
            + "InvalidUMPSignals(CoreIndexMismatch)</td><td class=\"num\">27</td><td class=\"num\">54</td></tr>");
    assertThat(comparison()).doesNotContain("Refused by validators");
  }

  @Test
  void minimalResultsStillRender() throws Exception {
    var run = io.parapipe.report.run.RunReader.parse("""
        {"schema": "parapipe.run/1",
         "paras": [{"id": 2000, "candidates": [
                      {"para_block": 1, "relay_parent": 2, "backed_in": 3, "included_in": 4},
                      {"para_block": 2, "relay_parent": 4, "backed_in": 5, "included_in": 6}]},
                   {"id": 2001}]}
        """, "minimal.json");
    for (Integer para : new Integer[] {2000, 2001}) {
      String html = HtmlReport.render(List.of(new HtmlReport.Entry("minimal", run, null)), para, null);
      for (String svg : svgs(html)) {
        parseXml(svg);
      }
      // The pipeline and the two inclusion interval charts; the other charts have no data.
      assertThat(svgs(html)).hasSize(3);
      assertThat(html).contains("The results file gives no configuration.");
      assertThat(html).contains("<p class=\"note chart-empty\">Finality lag of each relay block:"
          + " the results give no finality times (relay.chain[].finalized_at_ms).</p>");
    }
    String html = HtmlReport.render(List.of(new HtmlReport.Entry("minimal", run, null)), 2000, null);
    assertThat(html).contains("data-stage=\"INCLUDED\"").contains("Pipeline of para 2000,");
  }

  @Test
  void sameInputGivesTheSameBytes() {
    assertThat(renderComparison()).isEqualTo(comparison());
    assertThat(renderFaults()).isEqualTo(faults());
  }

  @Test
  void paraAndWindowApplyToEveryRun() {
    String html = HtmlReport.render(List.of(
        new HtmlReport.Entry("a", Fixtures.run("async"), null),
        new HtmlReport.Entry("b", Fixtures.run("async"), null)), 2001, new PipelineWindow(5, 9));
    assertThat(html).contains("Pipeline of para 2001 (async backing), relay blocks R5 to R9");
    assertThat(html).contains("Para figures are those of para 2001");
    assertThatThrownBy(() -> HtmlReport.render(List.of(
        new HtmlReport.Entry("a", Fixtures.run("async"), null),
        new HtmlReport.Entry("s", Fixtures.run("sync"), null)), 2001, null))
        .isInstanceOf(ReportUserError.class)
        .hasMessage("sync.json: no para 2001 in this run (paras: 2000)");
  }
}
