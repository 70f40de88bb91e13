package io.parapipe.protocol.para.runtime;

/**
 * aura-ext's {@code (Slot, u32)} pair: H1's {@code SlotInfo} (para slot, blocks authored in it)
 * and H2/H3's {@code RelaySlotInfo} (relay slot, blocks authored in it).
 *
 * @param slot the slot
 * @param authored blocks authored in that slot so far, this block included
 */
public record SlotInfo(long slot, int authored) {}
