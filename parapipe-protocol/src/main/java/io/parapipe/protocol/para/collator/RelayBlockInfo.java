package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * What a collator reads from a relay chain header.
 *
 * @param hash the block hash
 * @param parentHash the parent's hash
 * @param number the block number
 * @param stateRoot the state root (the {@code relay_parent_storage_root} of candidates built on it)
 * @param babeSlot the slot of the BABE pre-digest
 * @param epochChange whether the header carries a BABE epoch-change digest
 */
public record RelayBlockInfo(
    Hash hash, Hash parentHash, int number, Hash stateRoot, long babeSlot, boolean epochChange) {
  /** Requires the hashes. */
  public RelayBlockInfo {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
  }
}
