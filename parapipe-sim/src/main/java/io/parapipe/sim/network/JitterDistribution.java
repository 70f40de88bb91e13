package io.parapipe.sim.network;

/** How the extra per-message delay on top of the base latency is drawn. */
public enum JitterDistribution {
  /** No jitter: every message takes exactly the base latency. */
  NONE,
  /** Uniform on the integers {@code 0 .. 2 × mean} µs (inclusive), so the mean is {@code mean}. */
  UNIFORM,
  /**
   * Exponential with the given mean, rounded to whole microseconds: most messages are fast, a
   * few are much slower, as on the open internet.
   */
  EXPONENTIAL
}
