package io.parapipe.protocol.para.runtime;

/**
 * The exact upstream panic texts the runtime model produces, in one place so they can be checked
 * against polkadot-sdk. Formatted messages are built by the rule that raises them.
 */
public final class PanicMessages {
  private PanicMessages() {}

  /** {@code pallet_aura::on_initialize}, {@code AllowMultipleBlocksPerSlot = false}. */
  public static final String SLOT_MUST_INCREASE = "Slot must increase";
  /** {@code pallet_aura::on_initialize}, {@code AllowMultipleBlocksPerSlot = true}. */
  public static final String SLOT_MUST_NOT_DECREASE = "Slot must not decrease";
  /** {@code pallet_aura::on_initialize}: prefix of the disabled-author panic; the index follows. */
  public static final String VALIDATOR_WITH_INDEX = "Validator with index ";
  /** {@code pallet_aura::on_initialize}: suffix of the disabled-author panic. */
  public static final String IS_DISABLED =
      " is disabled and should not be attempting to author blocks.";
  /** aura-ext (H1) {@code on_initialize} when the para slot goes back. */
  public static final String SLOT_MOVED_BACKWARDS_H1 = "slot moved backwards";
  /** {@code RelayNumberStrictlyIncreases}. */
  public static final String RELAY_NUMBER_STRICTLY =
      "Relay chain block number needs to strictly increase between Parachain blocks!";
  /** {@code RelayNumberMonotonicallyIncreases}. */
  public static final String RELAY_NUMBER_MONOTONICALLY =
      "Relay chain block number needs to monotonically increase between Parachain blocks!";
  /** {@code set_validation_data}: the proof does not match the relay parent storage root. */
  public static final String INVALID_RELAY_CHAIN_STATE_PROOF = "Invalid relay chain state proof";
  /** H1 hook: {@code assert_eq!(slot, para_slot_from_relay, ...)}. */
  public static final String SLOT_NUMBER_MISMATCH = "slot number mismatch";
  /** H1 hook, and the prefix of the H2/H3 message. */
  public static final String AUTHORED_BLOCKS_LIMIT = "authored blocks limit is reached for the slot";
  /** H1 hook: {@code SlotInfo} missing. */
  public static final String SLOT_INFO_INSERTED = "slot info is inserted on block initialization";
  /** H2/H3 hook: prefix of the backwards-relay-slot panic. */
  public static final String SLOT_MOVED_BACKWARDS = "Slot moved backwards";
  /** H2 hook: prefix of the para-slot-ahead panic. */
  public static final String PARA_SLOT_TOO_FAR_IN_FUTURE = "Parachain slot is too far in the future";
  /** H3 hook: prefix of the para-slot-mismatch panic. */
  public static final String PARA_SLOT_MUST_MATCH = "Parachain slot must match relay-derived slot";
  /** {@code maybe_drop_included_ancestors}, {@code ExpectParentIncluded}. */
  public static final String EXPECTED_PARENT_INCLUDED = "expected parent to be included";
  /** {@code maybe_drop_included_ancestors}, no head in the proof and no fallback. */
  public static final String INCLUDED_HEAD_NOT_PRESENT = "included head not present in relay storage proof";
  /** Capacity assertion, P1. */
  public static final String NO_SPACE_LEFT_P1 = "no space left for the block in the unincluded segment";
  /** Capacity assertion, P2: prefix; {@code : new_len(n) < capacity(c)} follows. */
  public static final String NO_SPACE_LEFT_P2 = "No space left for the block in the unincluded segment";
  /** {@code pallet_timestamp::set}. */
  public static final String TIMESTAMP_MINIMUM_PERIOD =
      "Timestamp must increment by at least <MinimumPeriod> between sequential blocks";
  /** {@code pallet_aura::on_timestamp_set}. */
  public static final String TIMESTAMP_SLOT_MUST_MATCH = "Timestamp slot must match `CurrentSlot`";
  /** parachain-system {@code on_finalize}: prefix; {@code : <error Debug>} follows. */
  public static final String SEGMENT_LIMITS_EXCEEDED = "unincluded segment limits exceeded";
}
