package io.parapipe.sim.results;

import java.util.Arrays;

/**
 * How much the validators sent or received, each averaged over the run, in Mbit/s rounded to
 * 0.001 (a kbit/s, so that ratios between small networks' figures stay exact enough):
 * the sizes of the messages the model puts on the network ({@code kernel.transfer_bytes}), not a
 * peak rate. Nearest-rank percentiles over the validators.
 *
 * @param count number of validators
 * @param mean arithmetic mean
 * @param p5 nearest-rank 5th percentile
 * @param p50 nearest-rank median
 * @param p95 nearest-rank 95th percentile
 * @param max the busiest validator
 */
public record Bandwidth(int count, double mean, double p5, double p50, double p95, double max) {
  /** The bandwidth of no validators. */
  public static final Bandwidth EMPTY = new Bandwidth(0, 0, 0, 0, 0, 0);

  /**
   * The spread of per-validator byte counts over {@code micros} of virtual time.
   *
   * @param bytes one count per validator (copied, not changed)
   */
  public static Bandwidth ofBytes(long[] bytes, long micros) {
    int n = bytes.length;
    if (n == 0 || micros <= 0) {
      return EMPTY;
    }
    long[] sorted = bytes.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long b : sorted) {
      sum += b;
    }
    return new Bandwidth(n, mbits(sum / n, micros),
        mbits(Distribution.nearestRank(sorted, n, 5), micros),
        mbits(Distribution.nearestRank(sorted, n, 50), micros),
        mbits(Distribution.nearestRank(sorted, n, 95), micros),
        mbits(sorted[n - 1], micros));
  }

  /** Bytes over microseconds as Mbit/s (bits per microsecond), rounded to 0.001. */
  private static double mbits(double bytes, long micros) {
    return Math.round(bytes * 8 / micros * 1000) / 1000.0;
  }
}
