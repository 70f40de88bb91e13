package io.parapipe.protocol.primitives;

/** The {@code InconsistentError} variants of the host configuration that parapipe checks. */
public enum InconsistentError {
  /** {@code group_rotation_frequency == 0}. */
  ZERO_GROUP_ROTATION_FREQUENCY("ZeroGroupRotationFrequency", "group_rotation_frequency must be at least 1"),
  /** {@code paras_availability_period == 0}. */
  ZERO_PARAS_AVAILABILITY_PERIOD("ZeroParasAvailabilityPeriod", "paras_availability_period must be at least 1"),
  /** {@code no_show_slots == 0}. */
  ZERO_NO_SHOW_SLOTS("ZeroNoShowSlots", "no_show_slots must be at least 1"),
  /** Code size above {@code MAX_CODE_SIZE}. */
  MAX_CODE_SIZE_EXCEED_HARD_LIMIT("MaxCodeSizeExceedHardLimit", "max_code_size must not exceed 3 MiB"),
  /** Head size above {@code MAX_HEAD_DATA_SIZE}. */
  MAX_HEAD_DATA_SIZE_EXCEED_HARD_LIMIT("MaxHeadDataSizeExceedHardLimit", "max_head_data_size must not exceed 1 MiB"),
  /** PoV size above the network's response limit. */
  MAX_POV_SIZE_EXCEED_HARD_LIMIT("MaxPovSizeExceedHardLimit", "max_pov_size must not exceed 16 MiB"),
  /** {@code minimum_validation_upgrade_delay <= paras_availability_period}. */
  MINIMUM_VALIDATION_UPGRADE_DELAY_LESS_THAN_CHAIN_AVAILABILITY_PERIOD(
      "MinimumValidationUpgradeDelayLessThanChainAvailabilityPeriod",
      "minimum_validation_upgrade_delay must be greater than paras_availability_period"),
  /** {@code validation_upgrade_delay <= 1}. */
  VALIDATION_UPGRADE_DELAY_IS_TOO_LOW("ValidationUpgradeDelayIsTooLow", "validation_upgrade_delay must be at least 2"),
  /** UMP message size above 128 KiB. */
  MAX_UPWARD_MESSAGE_SIZE_EXCEEDED("MaxUpwardMessageSizeExceeded", "max_upward_message_size must not exceed 128 KiB"),
  /** {@code minimum_backing_votes == 0}. */
  ZERO_MINIMUM_BACKING_VOTES("ZeroMinimumBackingVotes", "minimum_backing_votes must be at least 1"),
  /** {@code ttl < lookahead}. */
  LOOKAHEAD_EXCEEDS_TTL("LookaheadExceedsTTL", "scheduling_lookahead must not exceed the ttl"),
  /** {@code lookahead == 0}. */
  LOOKAHEAD_ZERO("LookaheadZero", "scheduling_lookahead must be at least 1"),
  /** {@code n_delay_tranches == 0}. */
  ZERO_DELAY_TRANCHES("ZeroDelayTranches", "n_delay_tranches must be at least 1");

  private final String upstreamName;
  private final String explanation;

  InconsistentError(String upstreamName, String explanation) {
    this.upstreamName = upstreamName;
    this.explanation = explanation;
  }

  /** The variant's name in polkadot-sdk. */
  public String upstreamName() {
    return upstreamName;
  }

  /** What the rule requires, in words. */
  public String explanation() {
    return explanation;
  }
}
