package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.PoV;

/**
 * A collator answers a fetch with the candidate, its validation data and the PoV.
 */
public record CollationFetchResponse(CommittedCandidateReceipt candidate, PersistedValidationData validationData, PoV pov) implements Message {
  @Override
  public int sizeBytes() {
    return 1024 + pov.sizeBytes();
  }
}
