package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.para.node.ParaBlock;

/**
 * A para block, gossiped to the para's other collators.
 */
public record ParaBlockAnnouncement(ParaBlock block) implements Message {
  @Override
  public int sizeBytes() {
    return 512 + block.pov().sizeBytes();
  }
}
