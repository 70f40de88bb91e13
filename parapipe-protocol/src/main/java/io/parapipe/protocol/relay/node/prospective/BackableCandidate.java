package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;

/**
 * A candidate that can be backed on chain next, as {@code GetBackableCandidates} returns it.
 *
 * @param candidateHash the candidate hash
 * @param relayParent the candidate's relay parent
 */
public record BackableCandidate(Hash candidateHash, Hash relayParent) {}
