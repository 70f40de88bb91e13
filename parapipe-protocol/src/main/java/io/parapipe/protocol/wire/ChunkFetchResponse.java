package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;

/**
 * An erasure chunk (its size), or {@code found = false}. Erasure coding is sized, not computed:
 * {@code data} names the available data the chunk belongs to, so that a validator holding
 * enough chunks can "reconstruct" it; only {@code chunkSize} bytes travel.
 *
 * @param recovery echoes the request's purpose
 * @param data the available data the chunk is part of (null when not found)
 * @param deadlineMicros the request's deadline (see {@link Message#deadlineMicros()})
 */
public record ChunkFetchResponse(Hash candidateHash, int chunkIndex, int chunkSize, boolean found,
    boolean recovery, PoV data, long deadlineMicros) implements Message {
  /** An answer to availability distribution, without a deadline. */
  public ChunkFetchResponse(Hash candidateHash, int chunkIndex, int chunkSize, boolean found) {
    this(candidateHash, chunkIndex, chunkSize, found, false, null, Long.MAX_VALUE);
  }

  /** An answer to a recovery request, without a deadline. */
  public ChunkFetchResponse(Hash candidateHash, int chunkIndex, int chunkSize, boolean found,
      boolean recovery, PoV data) {
    this(candidateHash, chunkIndex, chunkSize, found, recovery, data, Long.MAX_VALUE);
  }

  @Override
  public int sizeBytes() {
    return bytesFor(chunkSize);
  }

  /** The size on the wire of an answer carrying {@code chunkSize} bytes of chunk (0 for none). */
  public static int bytesFor(int chunkSize) {
    return 128 + chunkSize;
  }
}
