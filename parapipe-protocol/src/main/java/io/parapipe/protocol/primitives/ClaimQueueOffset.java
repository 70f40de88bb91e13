package io.parapipe.protocol.primitives;

/**
 * {@code ClaimQueueOffset(u8)}: the claim-queue depth, counted from the candidate's relay parent,
 * at which the candidate claims a core ({@code polkadot/primitives/src/vstaging/mod.rs}).
 *
 * @param value 0 to 255
 */
public record ClaimQueueOffset(int value) {
  /** {@code DEFAULT_CLAIM_QUEUE_OFFSET}: used when a candidate sends no {@code SelectCore} signal. */
  public static final ClaimQueueOffset DEFAULT = new ClaimQueueOffset(0);

  /** Checks the u8 range. */
  public ClaimQueueOffset {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException("ClaimQueueOffset is a u8: " + value);
    }
  }
}
