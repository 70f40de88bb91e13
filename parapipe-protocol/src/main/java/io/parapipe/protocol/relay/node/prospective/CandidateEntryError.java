package io.parapipe.protocol.relay.node.prospective;

/** Why a candidate entry cannot be built ({@code fragment_chain::CandidateEntryError}). */
public enum CandidateEntryError {
  /** The PVD's hash differs from the descriptor's {@code persisted_validation_data_hash}. */
  PERSISTED_VALIDATION_DATA_MISMATCH(
      "PersistedValidationDataMismatch",
      "Candidate does not match the persisted validation data provided alongside it"),
  /** The parent head equals the output head. */
  ZERO_LENGTH_CYCLE(
      "ZeroLengthCycle", "Candidate's parent head is equal to its output head. Would introduce a cycle");

  private final String upstreamName;
  private final String message;

  CandidateEntryError(String upstreamName, String message) {
    this.upstreamName = upstreamName;
    this.message = message;
  }

  /** The upstream variant name. */
  public String upstreamName() {
    return upstreamName;
  }

  /** The upstream error message. */
  public String message() {
    return message;
  }
}
