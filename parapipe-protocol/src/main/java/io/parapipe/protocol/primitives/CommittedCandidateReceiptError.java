package io.parapipe.protocol.primitives;

/**
 * {@code CommittedCandidateReceiptError}: why a candidate's UMP signals or its core index do not
 * hold ({@code polkadot/primitives/src/vstaging/mod.rs}). The messages are upstream's.
 */
public enum CommittedCandidateReceiptError implements UpstreamError {
  /** Several cores assigned, no {@code SelectCore}, and the descriptor's core is not one of them. */
  INVALID_CORE_INDEX("InvalidCoreIndex", "The specified core index is invalid"),
  /** The core the signal selects is not the descriptor's core. */
  CORE_INDEX_MISMATCH("CoreIndexMismatch", "The core index in commitments doesn't match the one in descriptor"),
  /** The selector does not pick a core (cannot happen with a non-empty core set; kept for the name). */
  INVALID_SELECTED_CORE("InvalidSelectedCore", "The core selector or claim queue offset is invalid"),
  /** A message after the separator is not an {@code UMPSignal}. */
  UMP_SIGNAL_DECODE("UmpSignalDecode", "Could not decode UMP signal"),
  /** The para has no core at the claimed claim-queue depth of the relay parent. */
  NO_ASSIGNMENT("NoAssignment", "The parachain is not assigned to any core at specified claim queue offset"),
  /** The descriptor's internal version is not known. */
  UNKNOWN_VERSION("UnknownVersion", "Unknown internal version"),
  /** More than two messages after the separator. */
  TOO_MANY_UMP_SIGNALS("TooManyUMPSignals", "Too many UMP signals"),
  /** The same kind of signal twice. */
  DUPLICATE_UMP_SIGNAL("DuplicateUMPSignal", "Duplicate UMP signal"),
  /** A V1 descriptor with UMP signals: once a para sends signals, V1 receipts are not allowed. */
  UMP_SIGNAL_WITH_V1_DECRIPTOR("UMPSignalWithV1Decriptor", "Version 1 receipt does not support ump signals");

  private final String upstreamName;
  private final String message;

  CommittedCandidateReceiptError(String upstreamName, String message) {
    this.upstreamName = upstreamName;
    this.message = message;
  }

  @Override
  public String upstreamName() {
    return upstreamName;
  }

  /** Upstream's error message. */
  public String message() {
    return message;
  }
}
