package io.parapipe.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RelayView;
import io.parapipe.report.run.RunView;
import io.parapipe.report.run.Stat;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the cells of one candidate's row, for any timeline the results can describe. */
class PipelineCellsPropertyTest {
  private static PipelineRow only(int relayParent, Integer backed, Integer included,
      Integer timedOut, int lastBlock, PipelineWindow window) {
    CandidateView c = new CandidateView("0x01", 1, 0, relayParent, -1, Double.NaN, -1, -1, backed,
        included, timedOut, 0);
    ParaView p = new ParaView(2000, "async", "lookahead", 1, 1, 1, 0, Stat.UNKNOWN, Stat.UNKNOWN,
        Stat.UNKNOWN, Double.NaN, -1, Double.NaN, -1, Stat.UNKNOWN, List.of(), List.of(), List.of(),
        List.of(), List.of(c));
    RelayView relay = new RelayView(lastBlock, lastBlock, 0, 0, 0, 6000.0, Stat.UNKNOWN, Double.NaN,
        Stat.UNKNOWN, Stat.UNKNOWN, Stat.UNKNOWN, 1, List.of());
    RunView run = new RunView("prop.json", "", "", 1, -1, JsonNodeFactory.instance.objectNode(),
        relay, List.of(p));
    List<PipelineRow> rows = PipelineDiagram.of(run, p, window).rows();
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  @Property
  void anIncludedCandidateReadsPDashesBEqualsIInOrder(
      @ForAll @IntRange(min = 0, max = 30) int relayParent,
      @ForAll @IntRange(min = 1, max = 5) int toBacking,
      @ForAll @IntRange(min = 1, max = 5) int toInclusion) {
    int backed = relayParent + toBacking;
    int included = backed + toInclusion;
    PipelineRow row = only(relayParent, backed, included, null, 60, new PipelineWindow(0, 60));
    StringBuilder seen = new StringBuilder();
    for (Map.Entry<Integer, Stage> e : row.cells().entrySet()) {
      seen.append(e.getValue().symbol());
    }
    String expected = "P" + "-".repeat(toBacking - 1) + "B" + "=".repeat(toInclusion - 1) + "I";
    assertThat(seen.toString()).isEqualTo(expected);
    // Contiguous from the relay parent to the inclusion, nothing outside.
    assertThat(row.cells().keySet()).first().isEqualTo(relayParent);
    assertThat(row.cells().keySet()).last().isEqualTo(included);
    assertThat(row.cells()).hasSize(included - relayParent + 1);
  }

  @Property
  void aWindowShowsExactlyTheCellsOfTheFullRowThatFallInIt(
      @ForAll @IntRange(min = 0, max = 30) int relayParent,
      @ForAll @IntRange(min = 1, max = 4) int toBacking,
      @ForAll @IntRange(min = 1, max = 12) int toEnd,
      @ForAll boolean timesOut,
      @ForAll @IntRange(min = 0, max = 50) int from,
      @ForAll @IntRange(min = 0, max = 12) int width) {
    int backed = relayParent + toBacking;
    int end = backed + toEnd;
    Integer included = timesOut ? null : end;
    Integer timedOut = timesOut ? end : null;
    PipelineRow full = only(relayParent, backed, included, timedOut, 60, new PipelineWindow(0, 60));
    PipelineWindow w = new PipelineWindow(from, from + width);
    PipelineRow part = only(relayParent, backed, included, timedOut, 60, w);
    Map<Integer, Stage> expected = new java.util.TreeMap<>(full.cells());
    expected.keySet().removeIf(b -> !w.contains(b));
    if (expected.isEmpty()) {
      assertThat(part).isNull();
    } else {
      assertThat(part.cells()).isEqualTo(expected);
    }
    assertThat(full.cells().get(end)).isEqualTo(timesOut ? Stage.TIMED_OUT : Stage.INCLUDED);
  }

  @Example
  void aBackedCandidateNeverIncludedIsPendingToTheEndOfTheRun() {
    PipelineRow row = only(3, 4, null, null, 7, new PipelineWindow(0, 20));
    List<Stage> stages = new ArrayList<>(row.cells().values());
    assertThat(stages).containsExactly(Stage.BUILT, Stage.BACKED, Stage.PENDING_AVAILABILITY,
        Stage.PENDING_AVAILABILITY, Stage.PENDING_AVAILABILITY);
  }
}
