package io.parapipe.report.pipeline;

import io.parapipe.report.ReportUserError;
import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.ParaView;
import io.parapipe.report.run.RelayView;

/**
 * An inclusive range of relay block numbers shown as columns of a pipeline diagram.
 *
 * @param from first relay block number
 * @param to last relay block number, at least {@code from}
 */
public record PipelineWindow(int from, int to) {
  /** Columns of the default window. */
  public static final int DEFAULT_WIDTH = 16;

  /** Checks the bounds. */
  public PipelineWindow {
    if (from < 0 || to < from) {
      throw new ReportUserError(
          "window " + from + ":" + to + " is empty or negative; give FROM:TO with 0 <= FROM <= TO");
    }
  }

  /** @return the number of relay blocks in the window */
  public int width() {
    return to - from + 1;
  }

  /**
   * @param block a relay block number
   * @return true if the window shows it
   */
  public boolean contains(int block) {
    return block >= from && block <= to;
  }

  /**
   * Parses the {@code --window} option.
   *
   * @param text {@code FROM:TO}, relay block numbers, both inclusive
   * @return the window
   * @throws ReportUserError if the text is not two numbers separated by a colon
   */
  public static PipelineWindow parse(String text) {
    String[] parts = text.trim().split(":", -1);
    if (parts.length == 2) {
      try {
        return new PipelineWindow(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
    }
    throw new ReportUserError(
        "--window '" + text + "': expected FROM:TO, two relay block numbers, e.g. 20:35");
  }

  /**
   * The window shown when none is given: {@value #DEFAULT_WIDTH} relay blocks from the end of
   * the warm-up, taken as the relay parent of the first candidate built on or after the para's
   * first inclusion, so that the first row starts at its relay parent. Clipped to the end of the
   * run.
   *
   * @param para the para drawn
   * @param relay the run's relay chain
   * @return the default window
   */
  public static PipelineWindow defaultFor(ParaView para, RelayView relay) {
    int firstInclusion = Integer.MAX_VALUE;
    for (CandidateView c : para.candidates()) {
      if (c.includedIn() != null) {
        firstInclusion = Math.min(firstInclusion, c.includedIn());
      }
    }
    int from = -1;
    if (firstInclusion != Integer.MAX_VALUE) {
      int best = Integer.MAX_VALUE;
      for (CandidateView c : para.candidates()) {
        if (c.relayParent() >= firstInclusion) {
          best = Math.min(best, c.relayParent());
        }
      }
      from = best == Integer.MAX_VALUE ? firstInclusion : best;
    } else if (!para.candidates().isEmpty()) {
      from = para.candidates().get(0).relayParent();
    } else if (!relay.chain().isEmpty()) {
      from = relay.chain().get(0).number();
    } else {
      from = 1;
    }
    from = Math.max(0, from);
    int to = from + DEFAULT_WIDTH - 1;
    int last = relay.lastBlockNumber();
    if (last >= 0 && to > last) {
      to = Math.max(from, last);
    }
    return new PipelineWindow(from, to);
  }
}
