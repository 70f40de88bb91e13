package io.parapipe.report.run;

/**
 * Summary statistics of one figure as the results file gives them. A statistic the file does not
 * give is {@code NaN}.
 *
 * @param mean arithmetic mean
 * @param p50 median
 * @param p95 95th percentile
 * @param max maximum
 */
public record Stat(double mean, double p50, double p95, double max) {
  /** A figure the run did not report at all. */
  public static final Stat UNKNOWN = new Stat(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** @return true when the mean is known */
  public boolean hasMean() {
    return !Double.isNaN(mean);
  }
}
