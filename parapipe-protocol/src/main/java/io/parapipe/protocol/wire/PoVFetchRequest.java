package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A backer asks the seconder for a candidate's PoV to validate it.
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record PoVFetchRequest(Hash relayParent, Hash candidateHash, long deadlineMicros) implements Message {
  /** A request without a deadline. */
  public PoVFetchRequest(Hash relayParent, Hash candidateHash) {
    this(relayParent, candidateHash, Long.MAX_VALUE);
  }
}
