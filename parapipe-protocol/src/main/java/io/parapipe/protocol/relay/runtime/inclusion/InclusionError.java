package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.UpstreamError;

/**
 * The {@code inclusion::Error} variants a backed candidate can fail with, in the order
 * {@code verify_backed_candidate} and {@code process_candidates} check them.
 */
public enum InclusionError implements UpstreamError {
  /** The relay parent is not in the allowed-relay-parents buffer, or moves backwards. */
  DISALLOWED_RELAY_PARENT("DisallowedRelayParent", "the relay parent is not allowed"),
  /** The descriptor's PVD hash differs from the one rebuilt on chain. */
  VALIDATION_DATA_HASH_MISMATCH("ValidationDataHashMismatch", "the persisted validation data hash does not match"),
  /** The para has no current validation code. */
  UNSCHEDULED_CANDIDATE("UnscheduledCandidate", "the para has no current validation code"),
  /** The descriptor's code hash is not the para's current one. */
  INVALID_VALIDATION_CODE_HASH("InvalidValidationCodeHash", "the validation code hash is not the current one"),
  /** {@code para_head} is not the hash of the committed head data. */
  PARA_HEAD_MISMATCH("ParaHeadMismatch",
      "para_head is not the hash of the committed head data"),
  /** Head data above {@code max_head_data_size}. */
  HEAD_DATA_TOO_LARGE("HeadDataTooLarge", "head data exceeds max_head_data_size"),
  /** A code upgrade while upgrades are not allowed (parapipe: code upgrades are not modelled). */
  PREMATURE_CODE_UPGRADE("PrematureCodeUpgrade", "code upgrade not allowed (parapipe does not model code upgrades)"),
  /** New code above {@code max_code_size}. */
  NEW_CODE_TOO_LARGE("NewCodeTooLarge", "new validation code exceeds max_code_size"),
  /** {@code processed_downward_messages} breaks the DMP rules. */
  INCORRECT_DOWNWARD_MESSAGE_HANDLING("IncorrectDownwardMessageHandling",
      "processed_downward_messages breaks the DMP rules"),
  /** UMP messages break the queue limits. */
  INVALID_UPWARD_MESSAGES("InvalidUpwardMessages", "an upward message breaks the UMP limits"),
  /** The HRMP watermark is not acceptable. */
  HRMP_WATERMARK_MISHANDLING("HrmpWatermarkMishandling",
      "the HRMP watermark is not acceptable"),
  /** An HRMP message breaks the channel rules. */
  INVALID_OUTBOUND_HRMP("InvalidOutboundHrmp", "an outbound HRMP message is not acceptable"),
  /** No group is assigned to the core at {@code relay_parent_number + 1}. */
  INVALID_ASSIGNMENT("InvalidAssignment", "no group is assigned to the core at relay_parent_number + 1"),
  /** The group index does not exist. */
  INVALID_GROUP_INDEX("InvalidGroupIndex", "the group index does not exist"),
  /** Backing votes malformed: wrong bit-vector length, more votes than members, or a vote that does not verify. */
  INVALID_BACKING("InvalidBacking", "malformed backing votes"),
  /** Fewer valid votes than {@code effective_minimum_backing_votes}. */
  INSUFFICIENT_BACKING("InsufficientBacking", "fewer backing votes than effective_minimum_backing_votes");

  private final String upstreamName;
  private final String doc;

  InclusionError(String upstreamName, String doc) {
    this.upstreamName = upstreamName;
    this.doc = doc;
  }

  @Override
  public String upstreamName() {
    return upstreamName;
  }

  /** What the error means, in words. */
  public String doc() {
    return doc;
  }
}
