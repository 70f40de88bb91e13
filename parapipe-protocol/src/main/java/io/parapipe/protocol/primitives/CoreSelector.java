package io.parapipe.protocol.primitives;

/**
 * {@code CoreSelector(u8)}: which of the para's cores at the claimed claim-queue depth a candidate
 * commits to, counted modulo their number ({@code polkadot/primitives/src/vstaging/mod.rs}).
 * Collators use a counter that increases with each block built on one relay parent.
 *
 * @param value 0 to 255
 */
public record CoreSelector(int value) {
  /** Checks the u8 range. */
  public CoreSelector {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException("CoreSelector is a u8: " + value);
    }
  }
}
