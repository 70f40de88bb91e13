package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;

/**
 * The PoV, or null if the responder does not have it.
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record PoVFetchResponse(Hash relayParent, Hash candidateHash, PoV pov, long deadlineMicros) implements Message {
  /** A response without a deadline. */
  public PoVFetchResponse(Hash relayParent, Hash candidateHash, PoV pov) {
    this(relayParent, candidateHash, pov, Long.MAX_VALUE);
  }

  @Override
  public int sizeBytes() {
    return 64 + (pov == null ? 0 : pov.sizeBytes());
  }
}
