package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.Optional;

/**
 * A candidate as far as the admission rule ({@link FragmentChain#canAddCandidateAsPotential})
 * needs to know it: complete (with commitments and validation data) or hypothetical (only hashes)
 * ({@code inclusion_emulator::HypotheticalOrConcreteCandidate}).
 */
public interface HypotheticalOrConcreteCandidate {
  /** The commitments, if known. */
  Optional<CandidateCommitments> commitments();

  /** The persisted validation data, if known. */
  Optional<PersistedValidationData> persistedValidationData();

  /** The validation code hash, if known. */
  Optional<Hash> validationCodeHash();

  /** The hash of the parent head data. */
  Hash parentHeadDataHash();

  /** The hash of the output head data, if known. */
  Optional<Hash> outputHeadDataHash();

  /** The relay parent's hash. */
  Hash relayParent();

  /** The candidate hash. */
  Hash candidateHash();
}
