package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.Hash;

/**
 * A relay block's header, sent on the block-announces notification protocol to a node's sync peers
 * after it imported (or authored) the block ({@code BlockAnnounce} in substrate's
 * {@code sc-network-sync}: the header, whether it is the announcer's new best, and no extra data
 * on the relay chain). A peer that lacks the block asks the announcer for it with a
 * {@link BlockBodyRequest}.
 *
 * @param hash the block
 * @param parentHash its parent
 * @param number its number
 */
public record BlockAnnounce(Hash hash, Hash parentHash, int number) implements Message {
  /**
   * A relay block header on the wire: parent hash, number, state and extrinsics roots and the
   * digest with BABE's pre-digest and seal, as {@code RelayBlock} sizes it (256 bytes), plus the
   * announcement's state byte and its empty data field.
   */
  public static final int SIZE_BYTES = 256 + 2;

  @Override
  public int sizeBytes() {
    return SIZE_BYTES;
  }
}
