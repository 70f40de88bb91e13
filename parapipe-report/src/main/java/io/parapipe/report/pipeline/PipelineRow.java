package io.parapipe.report.pipeline;

import io.parapipe.report.run.CandidateView;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One candidate's row of a pipeline diagram.
 *
 * @param label row label, {@code P<para block>}, with a prime for a second candidate of the same
 *     para block
 * @param candidate the candidate
 * @param cells its stage in each relay block of the window where it has one, by relay block number
 */
public record PipelineRow(String label, CandidateView candidate, Map<Integer, Stage> cells) {
  /** Copies the cells in relay block order. */
  public PipelineRow {
    cells = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(cells));
  }

  /**
   * @param relayBlock a relay block number
   * @return the candidate's stage in it, if any
   */
  public Optional<Stage> at(int relayBlock) {
    return Optional.ofNullable(cells.get(relayBlock));
  }
}
