package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.Optional;

/**
 * A candidate kept by a {@link CandidateStorage} ({@code fragment_chain::CandidateEntry}).
 * Immutable, so that one entry can be shared by the fragment chains of several leaves; a change of
 * state produces a new entry.
 */
public final class CandidateEntry implements HypotheticalOrConcreteCandidate {
  private final Hash candidateHash;
  private final Hash parentHeadDataHash;
  private final Hash outputHeadDataHash;
  private final Hash relayParent;
  private final ProspectiveCandidate candidate;
  private final CandidateState state;
  // Cached so that the admission rule does not allocate.
  private final Optional<Hash> outputHeadDataHashOpt;

  CandidateEntry(
      Hash candidateHash,
      Hash parentHeadDataHash,
      Hash outputHeadDataHash,
      Hash relayParent,
      ProspectiveCandidate candidate,
      CandidateState state) {
    this.candidateHash = candidateHash;
    this.parentHeadDataHash = parentHeadDataHash;
    this.outputHeadDataHash = outputHeadDataHash;
    this.relayParent = relayParent;
    this.candidate = candidate;
    this.state = state;
    this.outputHeadDataHashOpt = Optional.of(outputHeadDataHash);
  }

  /**
   * Builds an entry ({@code CandidateEntry::new}): fails with
   * {@link CandidateEntryError#PERSISTED_VALIDATION_DATA_MISMATCH} if the PVD's hash differs from
   * the descriptor's, then with {@link CandidateEntryError#ZERO_LENGTH_CYCLE} if the candidate
   * outputs its own parent head.
   */
  public static Result<CandidateEntry, CandidateEntryError> create(
      Hash candidateHash,
      CommittedCandidateReceipt candidate,
      PersistedValidationData persistedValidationData,
      CandidateState state) {
    if (!persistedValidationData.hash().equals(candidate.descriptor().persistedValidationDataHash())) {
      return Result.err(CandidateEntryError.PERSISTED_VALIDATION_DATA_MISMATCH);
    }
    Hash parentHeadDataHash = persistedValidationData.parentHead().hash();
    Hash outputHeadDataHash = candidate.commitments().headData().hash();
    if (parentHeadDataHash.equals(outputHeadDataHash)) {
      return Result.err(CandidateEntryError.ZERO_LENGTH_CYCLE);
    }
    return Result.ok(new CandidateEntry(
        candidateHash,
        parentHeadDataHash,
        outputHeadDataHash,
        candidate.descriptor().relayParent(),
        new ProspectiveCandidate(
            candidate.commitments(),
            persistedValidationData,
            candidate.descriptor().povHash(),
            candidate.descriptor().validationCodeHash()),
        state));
  }

  /** A seconded entry ({@code CandidateEntry::new_seconded}). */
  public static Result<CandidateEntry, CandidateEntryError> newSeconded(
      Hash candidateHash, CommittedCandidateReceipt candidate, PersistedValidationData pvd) {
    return create(candidateHash, candidate, pvd, CandidateState.SECONDED);
  }

  /** This entry in another state (the same entry if the state is unchanged). */
  public CandidateEntry withState(CandidateState newState) {
    if (newState == state) {
      return this;
    }
    return new CandidateEntry(
        candidateHash, parentHeadDataHash, outputHeadDataHash, relayParent, candidate, newState);
  }

  /** The backing state. */
  public CandidateState state() {
    return state;
  }

  /** The prospective candidate. */
  public ProspectiveCandidate candidate() {
    return candidate;
  }

  /** The hash of the output head data. */
  public Hash outputHeadDataHashValue() {
    return outputHeadDataHash;
  }

  @Override
  public Hash candidateHash() {
    return candidateHash;
  }

  @Override
  public Hash parentHeadDataHash() {
    return parentHeadDataHash;
  }

  @Override
  public Optional<Hash> outputHeadDataHash() {
    return outputHeadDataHashOpt;
  }

  @Override
  public Hash relayParent() {
    return relayParent;
  }

  @Override
  public Optional<CandidateCommitments> commitments() {
    return Optional.of(candidate.commitments());
  }

  @Override
  public Optional<PersistedValidationData> persistedValidationData() {
    return Optional.of(candidate.persistedValidationData());
  }

  @Override
  public Optional<Hash> validationCodeHash() {
    return Optional.of(candidate.validationCodeHash());
  }

  @Override
  public String toString() {
    return "CandidateEntry(" + candidateHash.shortHex() + ", " + state + ")";
  }
}
