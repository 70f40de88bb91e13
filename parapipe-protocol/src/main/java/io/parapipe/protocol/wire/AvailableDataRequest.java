package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * An approval checker asks a backer for a candidate's available data (the PoV).
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record AvailableDataRequest(Hash candidateHash, long deadlineMicros) implements Message {
  /** A request without a deadline. */
  public AvailableDataRequest(Hash candidateHash) {
    this(candidateHash, Long.MAX_VALUE);
  }
}
