package io.parapipe.protocol.relay.runtime.inclusion;

/**
 * The vote thresholds of polkadot primitives: Byzantine fault tolerance, availability
 * supermajority and the effective backing threshold.
 */
public final class Thresholds {
  private Thresholds() {}

  /** {@code byzantine_threshold(n) = (n − 1) / 3} (saturating): the most faulty validators tolerated. */
  public static int byzantineThreshold(int n) {
    requireNonNegative(n);
    return n == 0 ? 0 : (n - 1) / 3;
  }

  /**
   * {@code supermajority_threshold(n) = n − byzantine_threshold(n)}: availability votes a candidate
   * needs before it is enacted (4→3, 6→5, 7→5, 9→7).
   */
  public static int supermajorityThreshold(int n) {
    return n - byzantineThreshold(n);
  }

  /**
   * {@code effective_minimum_backing_votes(group_len, configured) = min(group_len, configured)}: a
   * group smaller than the configured threshold can still back alone.
   */
  public static int effectiveMinimumBackingVotes(int groupLen, int configuredMinimumBackingVotes) {
    requireNonNegative(groupLen);
    requireNonNegative(configuredMinimumBackingVotes);
    return Math.min(groupLen, configuredMinimumBackingVotes);
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must be non-negative: " + n);
    }
  }
}
