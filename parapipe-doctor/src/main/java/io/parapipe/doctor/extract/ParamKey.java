package io.parapipe.doctor.extract;

/**
 * The runtime parameters the doctor extracts, with their JSON names. Values are those
 * parachain-system, Aura and the timestamp pallet actually use (e.g. the capacity passed to the
 * consensus hook), not merely constants that happen to be defined.
 */
public enum ParamKey {
  /** Unincluded segment capacity the consensus hook returns. */
  UNINCLUDED_SEGMENT_CAPACITY("unincluded_segment_capacity"),
  /** Velocity {@code V} of {@code FixedVelocityConsensusHook}. */
  BLOCK_PROCESSING_VELOCITY("block_processing_velocity"),
  /** {@code RELAY_CHAIN_SLOT_DURATION_MILLIS} passed to the hook. */
  RELAY_CHAIN_SLOT_DURATION("relay_chain_slot_duration_ms"),
  /** Aura slot duration in ms. */
  SLOT_DURATION("slot_duration_ms"),
  /** {@code MILLISECS_PER_BLOCK}. */
  MILLISECS_PER_BLOCK("millisecs_per_block"),
  /** Aura {@code AllowMultipleBlocksPerSlot}. */
  ALLOW_MULTIPLE_BLOCKS_PER_SLOT("allow_multiple_blocks_per_slot"),
  /** The consensus hook type set on parachain-system. */
  CONSENSUS_HOOK("consensus_hook"),
  /** {@code CheckAssociatedRelayNumber}. */
  RELAY_NUMBER_POLICY("relay_number_policy"),
  /** {@code pallet_timestamp::MinimumPeriod} in ms. */
  MINIMUM_PERIOD("minimum_period_ms"),
  /** {@code MAXIMUM_BLOCK_WEIGHT} ref_time in ms. */
  MAX_BLOCK_WEIGHT("max_block_ref_time_ms"),
  /** Whether {@code AuraUnincludedSegmentApi} (or Nimbus' {@code UnincludedSegmentApi}) is implemented. */
  UNINCLUDED_SEGMENT_API("unincluded_segment_api"),
  /** The hook type {@code can_build_upon} is answered from. */
  UNINCLUDED_SEGMENT_API_HOOK("unincluded_segment_api_hook"),
  /** Parachain-system {@code SelectCore}. */
  SELECT_CORE("select_core"),
  /** Whether {@code GetCoreSelectorApi} is implemented. */
  CORE_SELECTOR_API("core_selector_api"),
  /** Whether the runtime enables parachain-system's {@code experimental-ump-signals} feature. */
  UMP_SIGNALS_FEATURE("ump_signals_feature"),
  /** Parachain-system {@code RelayParentOffset}. */
  RELAY_PARENT_OFFSET("relay_parent_offset"),
  /** Whether {@code register_validate_block!} still passes {@code CheckInherents}. */
  CHECK_INHERENTS("check_inherents");

  private final String json;

  ParamKey(String json) {
    this.json = json;
  }

  /** The JSON field name. */
  public String json() {
    return json;
  }
}
