package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.relay.node.chain.RelayBlock;

/**
 * A relay block, gossiped to every relay-chain node.
 */
public record RelayBlockAnnouncement(RelayBlock block) implements Message {
  @Override
  public int sizeBytes() {
    return block.sizeBytes();
  }
}
