package io.parapipe.protocol.para.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * aura-ext's slot-tracking storage.
 *
 * @param slotInfo H1 {@code SlotInfo} (para slot), killed by the v0→v1 migration
 * @param relaySlotInfo H2/H3 {@code RelaySlotInfo} (relay slot)
 */
public record AuraExtState(Optional<SlotInfo> slotInfo, Optional<SlotInfo> relaySlotInfo) {
  /** Nothing tracked (genesis). */
  public static final AuraExtState EMPTY = new AuraExtState(Optional.empty(), Optional.empty());

  /** Requires both components. */
  public AuraExtState {
    Objects.requireNonNull(slotInfo, "slotInfo");
    Objects.requireNonNull(relaySlotInfo, "relaySlotInfo");
  }

  /** Copy with {@code SlotInfo} set. */
  public AuraExtState withSlotInfo(SlotInfo v) {
    return new AuraExtState(Optional.of(v), relaySlotInfo);
  }

  /** Copy with {@code RelaySlotInfo} set. */
  public AuraExtState withRelaySlotInfo(SlotInfo v) {
    return new AuraExtState(slotInfo, Optional.of(v));
  }

  /** {@code MigrateV0ToV1}: kills {@code SlotInfo}. */
  public AuraExtState migrateV0ToV1() {
    return new AuraExtState(Optional.empty(), relaySlotInfo);
  }
}
