package io.parapipe.protocol.para.runtime;

/** Revision of the aura-ext consensus hook (reference §0 and §3.2). */
public enum AuraExtRevision {
  /**
   * H1 (2023–2024): {@code SlotInfo = (para_slot, authored)} tracked in aura-ext
   * {@code on_initialize}; the para slot must equal the relay-derived one; at most V+1 blocks per
   * para slot. Runtime API v1 (para slot).
   */
  H1,
  /**
   * H2 (PR #6825, Dec 2024 on; the default): {@code RelaySlotInfo = (relay_slot, authored)} tracked
   * in the hook; at most V+1 blocks per relay slot; the para slot may not be ahead of the
   * relay-derived one. Runtime API v2 (relay slot).
   */
  H2,
  /** H3 (newest): as H2, but the para slot must equal the relay-derived one. */
  H3
}
