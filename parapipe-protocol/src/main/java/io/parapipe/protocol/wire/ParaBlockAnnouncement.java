package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Block;

/**
 * A para block, gossiped to the para's other collators. The block is opaque to the wire; the
 * para's nodes read it as their own block type.
 */
public record ParaBlockAnnouncement(Block block) implements Message {
  @Override
  public int sizeBytes() {
    return block.sizeBytes();
  }
}
