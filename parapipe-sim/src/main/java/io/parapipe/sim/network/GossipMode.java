package io.parapipe.sim.network;

/**
 * How the kernel delivers gossip that receivers read at a decision point ({@code
 * NodeContext.post}), chosen by {@code [network] gossip}.
 */
public enum GossipMode {
  /** Every delivery is an event: the receiver's handler runs when the message arrives. */
  EXACT,
  /**
   * Arrival times are computed per receiver as in {@link #EXACT} (same latency, jitter and loss
   * draws), but nothing is delivered until the receiver asks, at its decision point, what has
   * arrived. Receivers' downlinks are not charged for these messages.
   */
  THRESHOLD;

  /** The mode named by a scenario key value ({@code "exact"} or {@code "threshold"}). */
  public static GossipMode fromKey(String key) {
    return switch (key) {
      case "exact" -> EXACT;
      case "threshold" -> THRESHOLD;
      default -> throw new IllegalArgumentException("unknown gossip mode " + key);
    };
  }
}
