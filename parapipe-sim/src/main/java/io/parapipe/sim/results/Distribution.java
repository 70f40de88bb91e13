package io.parapipe.sim.results;

import java.util.Arrays;

/**
 * Summary of a set of durations, in milliseconds rounded to 0.1 ms. Percentiles use the
 * nearest-rank method everywhere in parapipe: the p-th percentile of N sorted values is the value
 * at 1-based rank {@code ceil(p / 100 * N)}, so it is always one of the observed values. An empty
 * set has {@code count = 0} and every other figure 0.
 *
 * @param count number of values
 * @param mean arithmetic mean
 * @param p50 nearest-rank median
 * @param p95 nearest-rank 95th percentile
 * @param max largest value
 */
public record Distribution(int count, double mean, double p50, double p95, double max) {
  /** The distribution of no values. */
  public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0);

  /**
   * Summarises durations given in microseconds.
   *
   * @param micros the values; the array is sorted in place
   * @param n how many leading entries of {@code micros} to use
   */
  public static Distribution ofMicros(long[] micros, int n) {
    if (n == 0) {
      return EMPTY;
    }
    Arrays.sort(micros, 0, n);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += micros[i];
    }
    return new Distribution(n, roundMs(sum / (double) n), roundMs(nearestRank(micros, n, 50)),
        roundMs(nearestRank(micros, n, 95)), roundMs(micros[n - 1]));
  }

  /**
   * The nearest-rank percentile of the first {@code n} values of a sorted array.
   *
   * @param sorted ascending values
   * @param n number of values used, at least 1
   * @param percent 0 (exclusive) to 100 (inclusive)
   */
  public static long nearestRank(long[] sorted, int n, int percent) {
    // ceil(percent * n / 100) with integers, so no floating-point rounding decides the rank.
    int rank = (int) ((percent * (long) n + 99) / 100);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** Microseconds to milliseconds, rounded to the nearest 0.1 ms (halves up). */
  public static double roundMs(double micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
