package io.parapipe.sim.results;

import java.util.Arrays;

/**
 * A {@link Distribution} with both tails: durations in milliseconds rounded to 0.1 ms,
 * nearest-rank percentiles. Used where the shape of the spread is the figure (does the mean lie
 * between p5 and p95?), not only its centre and upper tail.
 *
 * @param count number of values
 * @param mean arithmetic mean
 * @param p5 nearest-rank 5th percentile
 * @param p50 nearest-rank median
 * @param p95 nearest-rank 95th percentile
 * @param p99 nearest-rank 99th percentile
 * @param max largest value
 */
public record Spread(int count, double mean, double p5, double p50, double p95, double p99, double max) {
  /** The spread of no values. */
  public static final Spread EMPTY = new Spread(0, 0, 0, 0, 0, 0, 0);

  /**
   * Summarises durations given in microseconds.
   *
   * @param micros the values; the array is sorted in place
   * @param n how many leading entries of {@code micros} to use
   */
  public static Spread ofMicros(long[] micros, int n) {
    if (n == 0) {
      return EMPTY;
    }
    Arrays.sort(micros, 0, n);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += micros[i];
    }
    return new Spread(n, Distribution.roundMs(sum / (double) n),
        Distribution.roundMs(Distribution.nearestRank(micros, n, 5)),
        Distribution.roundMs(Distribution.nearestRank(micros, n, 50)),
        Distribution.roundMs(Distribution.nearestRank(micros, n, 95)),
        Distribution.roundMs(Distribution.nearestRank(micros, n, 99)),
        Distribution.roundMs(micros[n - 1]));
  }
}
