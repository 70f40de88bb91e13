package io.parapipe.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.report.Fixtures;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.TraceView;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgPipelineTest {
  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static NodeList xpath(Document doc, String expr) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expr, doc, XPathConstants.NODESET);
  }

  @Test
  void cellsMatchTheDiagramAndTheSvgIsWellFormed() throws Exception {
    RunView run = Fixtures.run("async");
    PipelineDiagram d = PipelineDiagram.of(run, run.paras().get(0), new PipelineWindow(3, 8));
    String svg = SvgPipeline.render(d, run.relay(), null, "pipe-1");
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("id")).isEqualTo("pipe-1");
    assertThat(root.getAttribute("class")).isEqualTo("pipeline");

    int cells = d.rows().stream().mapToInt(r -> r.cells().size()).sum();
    assertThat(xpath(doc, "//*[local-name()='g'][@class='cell']").getLength()).isEqualTo(cells);
    // In R5 of the async run: P3 included, P4 backed, P5 built on it.
    NodeList r5 = xpath(doc, "//*[local-name()='g'][@class='cell'][@data-relay-block='5']");
    assertThat(r5.getLength()).isEqualTo(3);
    assertThat(((Element) r5.item(0)).getAttribute("data-stage")).isEqualTo("INCLUDED");
    assertThat(((Element) r5.item(1)).getAttribute("data-stage")).isEqualTo("BACKED");
    assertThat(((Element) r5.item(2)).getAttribute("data-stage")).isEqualTo("BUILT");
    assertThat(r5.item(0).getParentNode().getAttributes().getNamedItem("data-para-block")
        .getNodeValue()).isEqualTo("3");
    assertThat(xpath(doc, "//*[local-name()='g'][@class='relay-block']").getLength()).isEqualTo(6);
    assertThat(svg).doesNotContain("href").doesNotContain("<image");
  }

  @Test
  void traceAddsBackingTimesToTooltipsAndABitfieldRow() throws Exception {
    RunView run = Fixtures.run("async");
    TraceView trace = Fixtures.asyncTrace();
    PipelineDiagram d = PipelineDiagram.of(run, run.paras().get(0), new PipelineWindow(1, 4));
    String with = SvgPipeline.render(d, run.relay(), trace, "p");
    String without = SvgPipeline.render(d, run.relay(), null, "p");
    parse(with);
    assertThat(with).contains("bitfields").contains("Seconded at 9.543 s.")
        .contains("Attested at 9.612 s.");
    assertThat(without).doesNotContain("bitfields").doesNotContain("Seconded at");
    assertThat(without).contains("P1 in R3: included. Relay parent R1, sealed at 6.120 s,"
        + " took 1990 ms, ref_time 1945 ms. Backed in R2. Included in R3, 11.88 s after it was"
        + " sealed. Core 0.");
  }

  @Test
  void panicsAndTimeOutsAreDrawnAndTextIsEscaped() throws Exception {
    RunView run = io.parapipe.report.run.RunReader.parse("""
        {"schema": "parapipe.run/1",
         "relay": {"chain": [{"number": 1, "authored_at_ms": 6000},
                             {"number": 2, "authored_at_ms": 12000},
                             {"number": 3, "authored_at_ms": 18000}]},
         "paras": [{"id": 9,
           "panics": [{"at_ms": 13000, "collator": 1, "para_block": 2,
                       "message": "a <b> & \\"c\\" failed"}],
           "candidates": [{"para_block": 1, "relay_parent": 1, "backed_in": 2,
                           "timed_out_in": 3}]}]}
        """, "x.json");
    PipelineDiagram d = PipelineDiagram.of(run, run.paras().get(0), new PipelineWindow(1, 3));
    Document doc = parse(SvgPipeline.render(d, run.relay(), null, "x<\"id"));
    assertThat(xpath(doc, "//*[local-name()='g'][@class='panic'][@data-relay-block='2']")
        .getLength()).isEqualTo(1);
    assertThat(xpath(doc, "//*[local-name()='g'][@data-stage='TIMED_OUT'][@data-relay-block='3']")
        .getLength()).isEqualTo(1);
    assertThat(doc.getDocumentElement().getAttribute("id")).isEqualTo("x<\"id");
    assertThat(doc.getDocumentElement().getTextContent()).contains("a <b> & \"c\" failed");
  }
}
