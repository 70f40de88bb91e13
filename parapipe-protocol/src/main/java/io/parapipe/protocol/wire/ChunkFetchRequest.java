package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A validator requests an erasure chunk of a candidate ({@code ChunkFetchingV1}): its own chunk
 * from a backer (availability distribution), or any validator's chunk to reconstruct the data
 * (availability recovery, {@code recovery = true}; the answer says which of the two it serves).
 *
 * <p>{@code deadlineMicros}: the requester's timeout expires then, and it resets the stream; a
 * message whose transmission could not start by then is not sent (see {@link Message#deadlineMicros()}).
 */
public record ChunkFetchRequest(Hash candidateHash, int chunkIndex, boolean recovery, long deadlineMicros)
    implements Message {
  /** A request of availability distribution, without a deadline. */
  public ChunkFetchRequest(Hash candidateHash, int chunkIndex) {
    this(candidateHash, chunkIndex, false, Long.MAX_VALUE);
  }

  /** The size of every chunk request on the wire. */
  public static final int BYTES = SMALL;

  @Override
  public int sizeBytes() {
    return BYTES;
  }
}
