package io.parapipe.protocol.para.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * aura-ext's {@code FixedVelocityConsensusHook<T, RELAY_CHAIN_SLOT_DURATION_MILLIS, V, C>} in
 * revision H1, H2 or H3 (reference §3.2). Returns capacity {@code Value(max(C, 1))};
 * {@code velocity = max(V, 1)}; the para slot derived from the relay slot is
 * {@code floor(relay_slot × RELAY_MS / para_slot_duration)}.
 *
 * @param revision H1, H2 or H3
 * @param relaySlotDurationMs {@code RELAY_CHAIN_SLOT_DURATION_MILLIS}
 * @param velocity V
 * @param capacity C
 */
public record FixedVelocityConsensusHook(
    AuraExtRevision revision, long relaySlotDurationMs, int velocity, int capacity) implements ConsensusHook {

  /** Requires a revision. */
  public FixedVelocityConsensusHook {
    Objects.requireNonNull(revision, "revision");
  }

  private int effectiveVelocity() {
    return Math.max(velocity, 1);
  }

  @Override
  public HookOutcome onStateProof(long relaySlot, long paraSlot, long paraSlotDurationMs, AuraExtState auraExt) {
    int v = effectiveVelocity();
    long derived = Slots.paraSlotFromRelay(relaySlot, relaySlotDurationMs, paraSlotDurationMs);
    UnincludedSegmentCapacity cap = UnincludedSegmentCapacity.of(Math.max(capacity, 1));
    if (revision == AuraExtRevision.H1) {
      SlotInfo info = auraExt.slotInfo()
          .orElseThrow(() -> RuntimePanicException.of(PanicMessages.SLOT_INFO_INSERTED));
      if (info.slot() != derived) {
        throw RuntimePanic.assertEqFailed(PanicMessages.SLOT_NUMBER_MISMATCH,
            Slots.debug(info.slot()), Slots.debug(derived)).toException();
      }
      if (Integer.toUnsignedLong(info.authored()) > v + 1L) {
        throw RuntimePanicException.of(PanicMessages.AUTHORED_BLOCKS_LIMIT);
      }
      return new HookOutcome(cap, auraExt);
    }
    // H2 / H3: track blocks per relay slot.
    long slot;
    int authored;
    Optional<SlotInfo> stored = auraExt.relaySlotInfo();
    if (stored.isEmpty() || Long.compareUnsigned(stored.get().slot(), relaySlot) < 0) {
      slot = relaySlot;
      authored = 0;
    } else if (stored.get().slot() == relaySlot) {
      slot = stored.get().slot();
      authored = stored.get().authored();
    } else {
      throw RuntimePanicException.of(PanicMessages.SLOT_MOVED_BACKWARDS + ": stored_slot="
          + Slots.debug(stored.get().slot()) + ", relay_chain_slot=" + Slots.debug(relaySlot));
    }
    if (Integer.toUnsignedLong(authored) > v) {
      throw RuntimePanicException.of(PanicMessages.AUTHORED_BLOCKS_LIMIT + ": relay_chain_slot="
          + Slots.debug(slot) + ", authored=" + Integer.toUnsignedString(authored) + ", velocity=" + v);
    }
    AuraExtState after = auraExt.withRelaySlotInfo(new SlotInfo(slot, authored + 1));
    boolean violated = revision == AuraExtRevision.H2
        ? Long.compareUnsigned(paraSlot, derived) > 0
        : paraSlot != derived;
    if (violated) {
      String prefix = revision == AuraExtRevision.H2
          ? PanicMessages.PARA_SLOT_TOO_FAR_IN_FUTURE
          : PanicMessages.PARA_SLOT_MUST_MATCH;
      throw RuntimePanicException.of(prefix + ": parachain_slot=" + Slots.debug(paraSlot)
          + ", derived_from_relay_slot=" + Slots.debug(derived) + " velocity=" + v
          + ", relay_chain_slot=" + Slots.debug(slot));
    }
    return new HookOutcome(cap, after);
  }

  /**
   * {@code can_build_upon(included_hash, new_slot)}: true when nothing is tracked yet; false when
   * the segment after the included block already holds C blocks (raw C, not {@code max(C, 1)});
   * otherwise, in the tracked slot, true while fewer than V+1 blocks were authored, and for
   * another slot true only if it is later.
   */
  @Override
  public boolean canBuildUpon(AuraExtState auraExt, int sizeAfterIncluded, long slot) {
    Optional<SlotInfo> tracked =
        revision == AuraExtRevision.H1 ? auraExt.slotInfo() : auraExt.relaySlotInfo();
    if (tracked.isEmpty()) {
      return true;
    }
    if (Integer.compareUnsigned(sizeAfterIncluded, capacity) >= 0) {
      return false;
    }
    SlotInfo info = tracked.get();
    if (info.slot() == slot) {
      return Integer.toUnsignedLong(info.authored()) < effectiveVelocity() + 1L;
    }
    return Long.compareUnsigned(info.slot(), slot) < 0;
  }

  /**
   * H1's aura-ext {@code on_initialize} bookkeeping (runs after {@code pallet_aura} set
   * {@code CurrentSlot}): same slot → {@code authored + 1}; later slot → {@code (slot, 1)};
   * earlier slot → panic {@code "slot moved backwards"}.
   */
  public static AuraExtState onInitializeH1(AuraExtState auraExt, long newSlot) {
    Optional<SlotInfo> stored = auraExt.slotInfo();
    if (stored.isEmpty() || Long.compareUnsigned(stored.get().slot(), newSlot) < 0) {
      return auraExt.withSlotInfo(new SlotInfo(newSlot, 1));
    }
    if (stored.get().slot() == newSlot) {
      return auraExt.withSlotInfo(new SlotInfo(newSlot, stored.get().authored() + 1));
    }
    throw RuntimePanicException.of(PanicMessages.SLOT_MOVED_BACKWARDS_H1);
  }
}
