package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PoV;

/**
 * The PoV, or null if the responder does not have it.
 */
public record PoVFetchResponse(Hash relayParent, Hash candidateHash, PoV pov) implements Message {
  @Override
  public int sizeBytes() {
    return 64 + (pov == null ? 0 : pov.sizeBytes());
  }
}
