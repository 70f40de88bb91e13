package io.parapipe.protocol.relay.node.prospective;

/**
 * Where a para's chain at a relay block starts: its scope and its candidates pending availability.
 * Never changed once made (chains start from a copy of {@code pending}), so validators may share
 * one ({@link SharedChainBases}).
 */
record ChainBase(Scope scope, CandidateStorage pending) {}
