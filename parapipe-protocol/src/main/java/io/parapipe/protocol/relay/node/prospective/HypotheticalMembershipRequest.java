package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Which active leaves could take these candidates ({@code HypotheticalMembershipRequest}).
 *
 * @param candidates the candidates
 * @param fragmentChainRelayParent if present, only this active leaf is considered
 */
public record HypotheticalMembershipRequest(
    List<HypotheticalCandidate> candidates, Optional<Hash> fragmentChainRelayParent) {
  /** Copies the list. */
  public HypotheticalMembershipRequest {
    candidates = List.copyOf(candidates);
  }
}
