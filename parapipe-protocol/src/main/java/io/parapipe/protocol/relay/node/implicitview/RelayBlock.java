package io.parapipe.protocol.relay.node.implicitview;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * A relay block by hash and number, as prospective parachains hands its ancestry to the view.
 *
 * @param hash the block hash
 * @param number the block number
 */
public record RelayBlock(Hash hash, int number) {
  /** Rejects null. */
  public RelayBlock {
    Objects.requireNonNull(hash, "hash");
  }
}
