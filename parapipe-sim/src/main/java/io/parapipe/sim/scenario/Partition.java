package io.parapipe.sim.scenario;

import java.util.List;

/**
 * A network partition among validators: from {@code atMicros} to {@code endMicros} a message
 * between validators on different sides is lost. Validators named on no side, and collators, reach
 * everyone.
 *
 * @param sides two or more disjoint lists of validator indices
 * @param atMicros start of the window
 * @param endMicros end of the window (exclusive; after {@code atMicros} once the loader has checked it)
 */
public record Partition(List<List<Integer>> sides, long atMicros, long endMicros) {
  /** True if the window covers {@code t}. */
  public boolean covers(long t) {
    return t >= atMicros && t < endMicros;
  }

  /** The side {@code validator} is on, or -1 if on none. */
  public int sideOf(int validator) {
    for (int s = 0; s < sides.size(); s++) {
      if (sides.get(s).contains(validator)) {
        return s;
      }
    }
    return -1;
  }
}
