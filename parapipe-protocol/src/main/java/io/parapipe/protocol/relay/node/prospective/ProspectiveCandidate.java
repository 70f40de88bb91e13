package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.Objects;

/**
 * The parts of a candidate that matter to the inclusion emulator, independent of any session
 * ({@code inclusion_emulator::ProspectiveCandidate}). Shared, never copied, between the fragment
 * chains of every leaf (upstream wraps it in an {@code Arc}).
 *
 * @param commitments the outputs of execution
 * @param persistedValidationData the validation data the candidate was built with
 * @param povHash the PoV hash
 * @param validationCodeHash the validation code hash used
 */
public record ProspectiveCandidate(
    CandidateCommitments commitments,
    PersistedValidationData persistedValidationData,
    Hash povHash,
    Hash validationCodeHash) {
  /** Rejects nulls. */
  public ProspectiveCandidate {
    Objects.requireNonNull(commitments, "commitments");
    Objects.requireNonNull(persistedValidationData, "persistedValidationData");
    Objects.requireNonNull(povHash, "povHash");
    Objects.requireNonNull(validationCodeHash, "validationCodeHash");
  }
}
