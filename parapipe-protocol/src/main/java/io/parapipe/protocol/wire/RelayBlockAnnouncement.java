package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Block;

/**
 * A relay block, gossiped to every relay-chain node. The block is opaque to the wire; relay-chain
 * nodes read it as their own block type.
 */
public record RelayBlockAnnouncement(Block block) implements Message {
  @Override
  public int sizeBytes() {
    return block.sizeBytes();
  }
}
