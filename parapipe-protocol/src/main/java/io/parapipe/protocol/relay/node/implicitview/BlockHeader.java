package io.parapipe.protocol.relay.node.implicitview;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * The parts of a relay block header the implicit view needs.
 *
 * @param hash the block hash
 * @param parentHash the parent's hash
 * @param number the block number
 */
public record BlockHeader(Hash hash, Hash parentHash, int number) {
  /** Rejects nulls. */
  public BlockHeader {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(parentHash, "parentHash");
  }
}
