package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * Information about a relay-chain block ({@code inclusion_emulator::RelayChainBlockInfo}).
 *
 * @param hash the block hash
 * @param number the block number
 * @param storageRoot the block's state root
 */
public record RelayChainBlockInfo(Hash hash, int number, Hash storageRoot) {
  /** Rejects nulls. */
  public RelayChainBlockInfo {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(storageRoot, "storageRoot");
  }
}
