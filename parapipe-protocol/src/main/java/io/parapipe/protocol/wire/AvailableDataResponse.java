package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;

/**
 * The available data, or null if not held.
 */
public record AvailableDataResponse(Hash candidateHash, PoV pov) implements Message {
  @Override
  public int sizeBytes() {
    return 64 + (pov == null ? 0 : pov.sizeBytes());
  }
}
