package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * An erasure chunk (its size), or {@code found = false}.
 */
public record ChunkFetchResponse(Hash candidateHash, int chunkIndex, int chunkSize, boolean found) implements Message {
  @Override
  public int sizeBytes() {
    return 128 + chunkSize;
  }
}
