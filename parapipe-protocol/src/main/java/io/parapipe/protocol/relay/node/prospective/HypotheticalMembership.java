package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.List;

/**
 * The answer for one candidate of a {@link HypotheticalMembershipRequest}.
 *
 * @param candidate the candidate asked about
 * @param membership the active leaves whose fragment chain could take it
 */
public record HypotheticalMembership(HypotheticalCandidate candidate, List<Hash> membership) {
  /** Copies the list. */
  public HypotheticalMembership {
    membership = List.copyOf(membership);
  }
}
