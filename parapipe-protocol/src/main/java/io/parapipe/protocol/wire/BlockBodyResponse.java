package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Block;
import io.parapipe.protocol.primitives.Hash;

/**
 * The answer to a {@link BlockBodyRequest}: the block, or null if the responder does not have it
 * (substrate's block response then carries no blocks). It is as large as the block.
 *
 * @param hash the requested block
 * @param block the block, or null
 * @param deadlineMicros the request's deadline (see {@link Message#deadlineMicros()})
 */
public record BlockBodyResponse(Hash hash, Block block, long deadlineMicros) implements Message {
  @Override
  public int sizeBytes() {
    // The response's framing (the block's hash and the protobuf fields around it) is small.
    return 48 + (block == null ? 0 : block.sizeBytes());
  }
}
