package io.parapipe.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.report.Fixtures;
import io.parapipe.report.run.RunView;
import org.junit.jupiter.api.Test;

/** Golden text of the terminal pipeline diagrams of the fixtures. */
class TextPipelineTest {
  private static final String LEGEND = "legend: P built on this relay parent, - awaiting backing,"
      + " B backed, = pending availability, I included, T timed out, ! runtime panic\n";

  private static String render(String fixture, Integer para, PipelineWindow w) {
    RunView run = Fixtures.run(fixture);
    return TextPipeline.render(PipelineDiagram.of(run, PipelineDiagram.para(run, para), w));
  }

  @Test
  void sync() {
    assertThat(render("sync", null, new PipelineWindow(1, 10))).isEqualTo("""
        para 2000 (sync backing), relay blocks R1..R10
               R1  R2  R3  R4  R5  R6  R7  R8  R9  R10
        P1     P   B   I
        P2             P   B   I
        P3                     P   B   I
        P4                             P   B   I
        P5                                     P   B

        """ + LEGEND);
  }

  @Test
  void async() {
    assertThat(render("async", 2001, new PipelineWindow(4, 9))).isEqualTo("""
        para 2001 (async backing), relay blocks R4..R9
               R4  R5  R6  R7  R8  R9
        P2     I
        P3     B   I
        P4     P   B   I
        P5         P   B   I
        P6             P   B   I
        P7                 P   B   I
        P8                     P   B
        P9                         P

        """ + LEGEND);
  }

  @Test
  void timeOutAndPanic() {
    assertThat(render("faults", null, new PipelineWindow(5, 15))).isEqualTo("""
        para 2000 (async backing), relay blocks R5..R15
               R5  R6  R7  R8  R9  R10 R11 R12 R13 R14 R15
        P3     I
        P4     B   I
        P5     P   B   =   T
        P5'                P   B   I
        P6                     P   B   I
        P7                         P   B   I
        P8                                 P   -   B   I
        P9                                         P   B
        P10                                            P
        panic                              !

        """ + LEGEND + """
        panic in R12 at 72.340 s: collator 21, para block 8: Slot must increase
        """);
  }

  @Test
  void defaultWindowOfSixteenBlocks() {
    String text = render("sync", null, null);
    assertThat(text).startsWith("para 2000 (sync backing), relay blocks R3..R18\n");
    assertThat(text.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("       R3  R4  R5  R6  R7  R8  R9  R10 R11 R12 R13 R14 R15 R16 R17 R18");
    assertThat(text).contains("\nP9" + " ".repeat(5) + " ".repeat(4 * 14) + "P   B\n");
  }

  @Test
  void emptyWindowAndPanicsOutsideAreSaid() {
    String json = """
        {"schema": "parapipe.run/1", "relay": {"blocks": 30},
         "paras": [{"id": 7, "panics": [{"at_ms": 1, "message": "boom"}],
                    "candidates": [{"para_block": 1, "relay_parent": 2, "backed_in": 3,
                                    "included_in": 4}]}]}
        """;
    RunView run = io.parapipe.report.run.RunReader.parse(json, "e.json");
    String text = TextPipeline.render(
        PipelineDiagram.of(run, run.paras().get(0), new PipelineWindow(10, 12)));
    assertThat(text).isEqualTo("""
        para 7, relay blocks R10..R12
               R10 R11 R12
        (no candidate of this para in these relay blocks)

        """ + LEGEND + "1 panic of this para outside these relay blocks\n");
  }
}
