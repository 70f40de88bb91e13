package io.parapipe.protocol.para.collator.slotbased;

import io.parapipe.protocol.para.runtime.Slots;

/** Small rules of the slot-based collator's block-builder task (S2). */
public final class SlotBasedCollator {
  private SlotBasedCollator() {}

  /**
   * A para slot and the timestamp a block in it carries.
   *
   * @param paraSlot the para slot
   * @param timestampMs its timestamp
   */
  public record SlotAndTimestamp(long paraSlot, long timestampMs) {}

  /**
   * {@code adjust_para_to_relay_parent_slot}: the para slot derived from the relay parent's slot,
   * {@code floor(relay_slot × relay_ms / para_ms)}, and the start of that para slot as timestamp
   * (which can be earlier than the relay slot's start).
   */
  public static SlotAndTimestamp paraSlotAndTimestamp(long relaySlot, long relaySlotDurationMs, long paraSlotDurationMs) {
    long slot = Slots.paraSlotFromRelay(relaySlot, relaySlotDurationMs, paraSlotDurationMs);
    return new SlotAndTimestamp(slot, Slots.timestamp(slot, paraSlotDurationMs));
  }
}
