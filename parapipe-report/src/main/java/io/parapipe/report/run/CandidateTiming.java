package io.parapipe.report.run;

/**
 * When a candidate first reached each backing step anywhere in the network, from the trace.
 * Steps the trace does not show are -1.
 *
 * @param advertisedUs first {@code collation_advertised}, virtual microseconds
 * @param secondedUs first {@code candidate_seconded}
 * @param attestedUs first {@code candidate_attested} (backing threshold reached)
 */
public record CandidateTiming(long advertisedUs, long secondedUs, long attestedUs) {
  static final CandidateTiming NONE = new CandidateTiming(-1, -1, -1);

  CandidateTiming withAdvertised(long t) {
    return advertisedUs >= 0 ? this : new CandidateTiming(t, secondedUs, attestedUs);
  }

  CandidateTiming withSeconded(long t) {
    return secondedUs >= 0 ? this : new CandidateTiming(advertisedUs, t, attestedUs);
  }

  CandidateTiming withAttested(long t) {
    return attestedUs >= 0 ? this : new CandidateTiming(advertisedUs, secondedUs, t);
  }
}
