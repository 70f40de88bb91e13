package io.parapipe.report.pipeline;

import static io.parapipe.report.pipeline.Stage.AWAITING_BACKING;
import static io.parapipe.report.pipeline.Stage.BACKED;
import static io.parapipe.report.pipeline.Stage.BUILT;
import static io.parapipe.report.pipeline.Stage.INCLUDED;
import static io.parapipe.report.pipeline.Stage.PENDING_AVAILABILITY;
import static io.parapipe.report.pipeline.Stage.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.report.Fixtures;
import io.parapipe.report.ReportUserError;
import io.parapipe.report.run.RunView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PipelineDiagramTest {
  private static PipelineDiagram diagram(String fixture, PipelineWindow window) {
    RunView run = Fixtures.run(fixture);
    return PipelineDiagram.of(run, run.paras().get(0), window);
  }

  private static PipelineRow row(PipelineDiagram d, String label) {
    return d.rows().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
  }

  /** Which candidate is in which stage in one relay block: the column of the diagram. */
  private static Map<String, Stage> column(PipelineDiagram d, int relayBlock) {
    return d.rows().stream().filter(r -> r.at(relayBlock).isPresent())
        .collect(Collectors.toMap(PipelineRow::label, r -> r.at(relayBlock).get(),
            (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void syncBacksInTheNextRelayBlockIncludesInTheOneAfterAndBuildsOnTheInclusion() {
    PipelineDiagram d = diagram("sync", new PipelineWindow(1, 8));
    assertThat(d.backing()).isEqualTo("sync");
    assertThat(row(d, "P1").cells()).isEqualTo(Map.of(1, BUILT, 2, BACKED, 3, INCLUDED));
    assertThat(row(d, "P2").cells()).isEqualTo(Map.of(3, BUILT, 4, BACKED, 5, INCLUDED));
    // No pipelining: each relay block holds one stage of one candidate, except the inclusion
    // block, which is also the relay parent of the next candidate.
    assertThat(column(d, 2)).containsExactly(Map.entry("P1", BACKED));
    assertThat(column(d, 3)).containsExactly(Map.entry("P1", INCLUDED), Map.entry("P2", BUILT));
    assertThat(column(d, 4)).containsExactly(Map.entry("P2", BACKED));
    assertThat(column(d, 5)).containsExactly(Map.entry("P2", INCLUDED), Map.entry("P3", BUILT));
    assertThat(d.rows()).extracting(PipelineRow::label).containsExactly("P1", "P2", "P3", "P4");
    assertThat(row(d, "P4").cells()).isEqualTo(Map.of(7, BUILT, 8, BACKED));
  }

  @Test
  void asyncBacksTheNextCandidateInTheBlockThatIncludesTheCurrentOne() {
    PipelineDiagram d = diagram("async", new PipelineWindow(1, 10));
    assertThat(d.backing()).isEqualTo("async");
    for (int n = 1; n <= 8; n++) {
      // Candidate N is built on R(N), backed in R(N+1), included in R(N+2) ...
      assertThat(row(d, "P" + n).cells())
          .isEqualTo(Map.of(n, BUILT, n + 1, BACKED, n + 2, INCLUDED));
    }
    for (int r = 3; r <= 10; r++) {
      // ... so relay block R(N+2) includes N, backs N+1, and N+2 is built on it.
      int n = r - 2;
      assertThat(column(d, r)).containsExactly(
          Map.entry("P" + n, INCLUDED), Map.entry("P" + (n + 1), BACKED),
          Map.entry("P" + (n + 2), BUILT));
    }
  }

  @Test
  void aTimedOutCandidateIsPendingUntilTheTimeOutAndItsReProposalGetsAPrime() {
    PipelineDiagram d = diagram("faults", new PipelineWindow(4, 16));
    assertThat(row(d, "P5").cells())
        .isEqualTo(Map.of(5, BUILT, 6, BACKED, 7, PENDING_AVAILABILITY, 8, TIMED_OUT));
    assertThat(row(d, "P5'").cells()).isEqualTo(Map.of(8, BUILT, 9, BACKED, 10, INCLUDED));
    assertThat(row(d, "P8").cells())
        .isEqualTo(Map.of(12, BUILT, 13, AWAITING_BACKING, 14, BACKED, 15, INCLUDED));
    assertThat(column(d, 8)).containsEntry("P5", TIMED_OUT).containsEntry("P5'", BUILT)
        .doesNotContainValue(INCLUDED);
  }

  @Test
  void panicsAreMarkedInTheRelayBlockCurrentWhenTheyHappened() {
    PipelineDiagram inside = diagram("faults", new PipelineWindow(10, 14));
    assertThat(inside.panics()).singleElement().satisfies(m -> {
      assertThat(m.relayBlock()).isEqualTo(12); // 72.34 s: after R12 (72 s), before R13 (78 s)
      assertThat(m.panic().message()).isEqualTo("Slot must increase");
    });
    assertThat(inside.panicsAt(12)).hasSize(1);
    assertThat(inside.panicsAt(13)).isEmpty();
    assertThat(inside.panicsOutside()).isZero();
    PipelineDiagram outside = diagram("faults", new PipelineWindow(1, 5));
    assertThat(outside.panics()).isEmpty();
    assertThat(outside.panicsOutside()).isEqualTo(1);
  }

  @Test
  void aCandidateStillPendingAtTheEndStaysPendingToTheLastBlock() {
    PipelineDiagram d = diagram("sync", new PipelineWindow(15, 25));
    assertThat(d.window()).isEqualTo(new PipelineWindow(15, 20)); // clipped to the run's end
    assertThat(row(d, "P10").cells()).isEqualTo(Map.of(19, BUILT, 20, BACKED));
    // Rows are clipped to the window: P8 was built on R15, P7 only shows its inclusion.
    assertThat(row(d, "P7").cells()).isEqualTo(Map.of(15, INCLUDED));
  }

  @Test
  void defaultWindowStartsAtTheRelayParentOfTheFirstCandidateAfterTheFirstInclusion() {
    assertThat(diagram("sync", null).window()).isEqualTo(new PipelineWindow(3, 18));
    assertThat(diagram("async", null).window()).isEqualTo(new PipelineWindow(3, 18));
    RunView short_ = io.parapipe.report.run.RunReader.parse("""
        {"schema": "parapipe.run/1", "relay": {"blocks": 6},
         "paras": [{"id": 1, "candidates": [
           {"para_block": 1, "relay_parent": 2, "backed_in": 3, "included_in": 4}]}]}
        """, "short.json");
    assertThat(PipelineWindow.defaultFor(short_.paras().get(0), short_.relay()))
        .isEqualTo(new PipelineWindow(4, 6));
  }

  @Test
  void windowOptionIsParsedAndChecked() {
    assertThat(PipelineWindow.parse("20:35")).isEqualTo(new PipelineWindow(20, 35));
    assertThat(PipelineWindow.parse(" 0 : 0 ").width()).isEqualTo(1);
    for (String bad : List.of("20", "20-35", "a:b", "5:", ":5", "1:2:3")) {
      assertThatThrownBy(() -> PipelineWindow.parse(bad)).isInstanceOf(ReportUserError.class)
          .hasMessageContaining("expected FROM:TO");
    }
    assertThatThrownBy(() -> PipelineWindow.parse("9:3")).isInstanceOf(ReportUserError.class)
        .hasMessageContaining("9:3 is empty");
    assertThatThrownBy(() -> diagram("sync", new PipelineWindow(21, 30)))
        .isInstanceOf(ReportUserError.class)
        .hasMessage("--window 21:30 starts after the run's last relay block (20)");
  }

  @Test
  void paraIsLookedUpById() {
    RunView run = Fixtures.run("async");
    assertThat(PipelineDiagram.para(run, null).id()).isEqualTo(2000);
    assertThat(PipelineDiagram.para(run, 2001).id()).isEqualTo(2001);
    assertThatThrownBy(() -> PipelineDiagram.para(run, 3000))
        .isInstanceOf(ReportUserError.class)
        .hasMessage("async.json: no para 3000 in this run (paras: 2000, 2001)");
    RunView none = io.parapipe.report.run.RunReader.parse(
        "{\"schema\": \"parapipe.run/1\", \"paras\": []}", "none.json");
    assertThatThrownBy(() -> PipelineDiagram.para(none, null))
        .hasMessage("none.json: the run has no paras to draw");
  }

  @Test
  void rowsOutsideTheWindowAreLeftOut() {
    PipelineDiagram d = diagram("async", new PipelineWindow(10, 11));
    assertThat(d.rows()).extracting(PipelineRow::label).containsExactly("P8", "P9", "P10", "P11");
    assertThat(row(d, "P8").at(10)).isEqualTo(Optional.of(INCLUDED));
    assertThat(row(d, "P8").at(9)).isEmpty();
  }
}
