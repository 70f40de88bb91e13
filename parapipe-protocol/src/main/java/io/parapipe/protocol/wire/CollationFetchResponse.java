package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;

/**
 * A collator answers a fetch with the candidate, its validation data and the PoV.
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record CollationFetchResponse(CommittedCandidateReceipt candidate, PersistedValidationData validationData, PoV pov,
    long deadlineMicros) implements Message {
  /** A response without a deadline. */
  public CollationFetchResponse(CommittedCandidateReceipt candidate, PersistedValidationData validationData, PoV pov) {
    this(candidate, validationData, pov, Long.MAX_VALUE);
  }

  @Override
  public int sizeBytes() {
    return 1024 + pov.sizeBytes();
  }
}
