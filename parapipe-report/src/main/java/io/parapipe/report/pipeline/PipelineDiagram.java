package io.parapipe.report.pipeline;

import io.parapipe.report.ReportUserError;
import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.PanicView;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RelayView;
import io.parapipe.report.run.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The pipeline of one para over a window of relay blocks: relay blocks are columns, candidates
 * are rows, and each cell is the candidate's {@link Stage} in that relay block. Computed from the
 * results file alone.
 *
 * @param paraId the para drawn
 * @param backing {@code "sync"}, {@code "async"} or empty, from the results
 * @param window the relay blocks shown
 * @param rows candidates active in the window, in para block order
 * @param panics the para's runtime panics that happened in the window
 * @param panicsOutside the para's other runtime panics (before or after the window, or at an
 *     unknown time)
 */
public record PipelineDiagram(
    int paraId,
    String backing,
    PipelineWindow window,
    List<PipelineRow> rows,
    List<PanicMark> panics,
    int panicsOutside) {

  /** Copies the lists. */
  public PipelineDiagram {
    rows = List.copyOf(rows);
    panics = List.copyOf(panics);
  }

  /**
   * The default para of a run: the first one in the file.
   *
   * @param run a run
   * @return its first para
   * @throws ReportUserError if the run has no para
   */
  public static ParaView defaultPara(RunView run) {
    if (run.paras().isEmpty()) {
      throw new ReportUserError(run.source() + ": the run has no paras to draw");
    }
    return run.paras().get(0);
  }

  /**
   * Looks a para up for {@code --para}.
   *
   * @param run a run
   * @param paraId the para wanted, or null for the default
   * @return the para
   * @throws ReportUserError naming the paras the run has, if it lacks this one
   */
  public static ParaView para(RunView run, Integer paraId) {
    if (paraId == null) {
      return defaultPara(run);
    }
    return run.para(paraId)
        .orElseThrow(
            () ->
                new ReportUserError(
                    run.source() + ": no para " + paraId + " in this run (paras: "
                        + run.paras().stream().map(p -> String.valueOf(p.id()))
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /**
   * Computes the diagram.
   *
   * @param run the run
   * @param para one of its paras
   * @param window the relay blocks to show, or null for {@link PipelineWindow#defaultFor}
   * @return the diagram
   * @throws ReportUserError if the window starts after the run's last relay block
   */
  public static PipelineDiagram of(RunView run, ParaView para, PipelineWindow window) {
    RelayView relay = run.relay();
    int last = relay.lastBlockNumber();
    if (window == null) {
      window = PipelineWindow.defaultFor(para, relay);
    } else if (last >= 0 && window.from() > last) {
      throw new ReportUserError(
          "--window " + window.from() + ":" + window.to() + " starts after the run's last relay block ("
              + last + ")");
    } else if (last >= 0 && window.to() > last) {
      window = new PipelineWindow(window.from(), last);
    }
    // A candidate still pending at the end of the run stays pending up to the last known block.
    int end = last >= 0 ? Math.min(last, window.to()) : window.to();

    List<PipelineRow> rows = new ArrayList<>();
    Map<Integer, Integer> seen = new TreeMap<>();
    for (CandidateView c : para.candidates()) {
      int lastActive = c.lastActiveBlock();
      if (c.relayParent() > window.to() || lastActive < window.from()) {
        continue;
      }
      int dup = seen.merge(c.paraBlock(), 1, Integer::sum) - 1;
      String label = "P" + c.paraBlock() + "'".repeat(dup);
      rows.add(new PipelineRow(label, c, cells(c, window, end)));
    }

    List<PanicMark> marks = new ArrayList<>();
    int outside = 0;
    for (PanicView p : para.panics()) {
      int block = p.atMs() >= 0 ? relay.blockAt(p.atMs()) : -1;
      if (block >= 0 && window.contains(block)) {
        marks.add(new PanicMark(p, block));
      } else {
        outside++;
      }
    }
    return new PipelineDiagram(para.id(), para.backing(), window, rows, marks, outside);
  }

  private static Map<Integer, Stage> cells(CandidateView c, PipelineWindow w, int end) {
    Map<Integer, Stage> cells = new TreeMap<>();
    put(cells, w, c.relayParent(), Stage.BUILT);
    if (c.backedIn() != null) {
      for (int b = c.relayParent() + 1; b < c.backedIn(); b++) {
        put(cells, w, b, Stage.AWAITING_BACKING);
      }
      put(cells, w, c.backedIn(), Stage.BACKED);
      Integer done = c.includedIn() != null ? c.includedIn() : c.timedOutIn();
      int pendingUntil = done != null ? done - 1 : end;
      for (int b = c.backedIn() + 1; b <= pendingUntil; b++) {
        put(cells, w, b, Stage.PENDING_AVAILABILITY);
      }
    }
    if (c.includedIn() != null) {
      put(cells, w, c.includedIn(), Stage.INCLUDED);
    }
    if (c.timedOutIn() != null) {
      put(cells, w, c.timedOutIn(), Stage.TIMED_OUT);
    }
    return cells;
  }

  private static void put(Map<Integer, Stage> cells, PipelineWindow w, int block, Stage stage) {
    if (w.contains(block)) {
      cells.put(block, stage);
    }
  }

  /**
   * @param relayBlock a relay block number in the window
   * @return the panics marked in that block
   */
  public List<PanicMark> panicsAt(int relayBlock) {
    return panics.stream().filter(p -> p.relayBlock() == relayBlock).toList();
  }
}
