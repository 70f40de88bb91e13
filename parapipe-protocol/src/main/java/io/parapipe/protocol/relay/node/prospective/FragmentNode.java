package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;

/**
 * A node of the best chain ({@code fragment_chain::FragmentNode}): a fragment and the cumulative
 * modifications of the chain up to and including it.
 *
 * @param fragment the fragment
 * @param candidateHash the candidate hash
 * @param cumulativeModifications modifications of every node from the chain's start to this one
 * @param parentHeadDataHash the parent head hash
 * @param outputHeadDataHash the output head hash
 */
record FragmentNode(
    Fragment fragment,
    Hash candidateHash,
    ConstraintModifications cumulativeModifications,
    Hash parentHeadDataHash,
    Hash outputHeadDataHash) {

  /** The relay parent's hash. */
  Hash relayParent() {
    return fragment.relayParent().hash();
  }

  /** Back to a storage entry: a chain node is always backed. */
  CandidateEntry toEntry() {
    return new CandidateEntry(
        candidateHash,
        parentHeadDataHash,
        outputHeadDataHash,
        relayParent(),
        fragment.candidate(),
        CandidateState.BACKED);
  }
}
