package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;

/**
 * A candidate that is on chain but pending availability, as a {@link Scope} records it
 * ({@code fragment_chain::PendingAvailability}).
 *
 * @param candidateHash the candidate hash
 * @param relayParent its relay parent (possibly out of the scope)
 */
public record PendingAvailability(Hash candidateHash, RelayChainBlockInfo relayParent) {
  /** Rejects nulls. */
  public PendingAvailability {
    Objects.requireNonNull(candidateHash, "candidateHash");
    Objects.requireNonNull(relayParent, "relayParent");
  }
}
