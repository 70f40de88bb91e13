package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;

/**
 * A validator requests an advertised collation.
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record CollationFetchRequest(ParaId para, Hash relayParent, Hash candidateHash, long deadlineMicros)
    implements Message {
  /** A request without a deadline. */
  public CollationFetchRequest(ParaId para, Hash relayParent, Hash candidateHash) {
    this(para, relayParent, candidateHash, Long.MAX_VALUE);
  }
}
