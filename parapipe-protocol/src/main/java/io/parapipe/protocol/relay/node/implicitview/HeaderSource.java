package io.parapipe.protocol.relay.node.implicitview;

import io.parapipe.protocol.primitives.Hash;
import java.util.Optional;

/** Where the implicit view reads relay block headers from ({@code ChainApiMessage::BlockHeader}). */
@FunctionalInterface
public interface HeaderSource {
  /** The header of the block, or empty if unknown. */
  Optional<BlockHeader> header(Hash hash);
}
