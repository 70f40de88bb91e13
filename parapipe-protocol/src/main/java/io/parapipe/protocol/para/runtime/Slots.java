package io.parapipe.protocol.para.runtime;

/**
 * Slot arithmetic of {@code sp-consensus-slots} and cumulus (reference §5). Slots, timestamps
 * and durations are upstream {@code u64}; parapipe keeps them in non-negative {@code long}s and
 * milliseconds.
 */
public final class Slots {
  private Slots() {}

  /** {@code Slot::from_timestamp(ts, dur)} = {@code floor(ts / dur)}. */
  public static long fromTimestamp(long timestampMs, long slotDurationMs) {
    requirePositive(slotDurationMs);
    return Long.divideUnsigned(timestampMs, slotDurationMs);
  }

  /** {@code slot.timestamp(dur)} = {@code slot × dur}, saturating at {@code Long.MAX_VALUE}. */
  public static long timestamp(long slot, long slotDurationMs) {
    return saturatingMul(slot, slotDurationMs);
  }

  /**
   * The relay chain timestamp cumulus uses: {@code relay_slot × RELAY_CHAIN_SLOT_DURATION_MILLIS}
   * (saturating), as in {@code relay_slot_and_timestamp} and the aura-ext hook.
   */
  public static long relayTimestamp(long relaySlot, long relaySlotDurationMs) {
    return saturatingMul(relaySlot, relaySlotDurationMs);
  }

  /**
   * The para slot derived from a relay slot:
   * {@code floor(relay_slot × RELAY_MS / PARA_MS)}. Used by the aura-ext hook, the lookahead
   * collator ({@code slot_now}) and the slot-based collator.
   */
  public static long paraSlotFromRelay(long relaySlot, long relaySlotDurationMs, long paraSlotDurationMs) {
    return fromTimestamp(relayTimestamp(relaySlot, relaySlotDurationMs), paraSlotDurationMs);
  }

  /** The Aura author index of a slot: {@code slot % authorities}. */
  public static int authorIndex(long slot, int authorities) {
    if (authorities <= 0) {
      throw new IllegalArgumentException("no authorities");
    }
    return (int) Long.remainderUnsigned(slot, authorities);
  }

  /**
   * Whether two slots have different Aura authors ({@code check_different_slot_authors}): with
   * at most one authority they never differ.
   */
  public static boolean differentAuthors(long slot, long otherSlot, int authorities) {
    if (authorities <= 1) {
      return false;
    }
    return authorIndex(slot, authorities) != authorIndex(otherSlot, authorities);
  }

  /** Rust's {@code Debug} of a {@code Slot}: {@code Slot(42)}. */
  public static String debug(long slot) {
    return "Slot(" + Long.toUnsignedString(slot) + ")";
  }

  static long saturatingMul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi != 0 || lo < 0) {
      return Long.MAX_VALUE;
    }
    return lo;
  }

  private static void requirePositive(long d) {
    if (d <= 0) {
      throw new IllegalArgumentException("slot duration must be positive: " + d);
    }
  }
}
