package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate whose membership is asked about ({@code HypotheticalCandidate}): complete (fetched
 * and validated) or incomplete (only advertised: hash, para, parent head hash, relay parent).
 */
public sealed interface HypotheticalCandidate extends HypotheticalOrConcreteCandidate
    permits HypotheticalCandidate.Complete, HypotheticalCandidate.Incomplete {

  /** The candidate's para. */
  ParaId candidatePara();

  /**
   * A complete candidate. As upstream, its output head hash is the descriptor's {@code para_head}.
   *
   * @param candidateHash the candidate hash
   * @param receipt the committed receipt
   * @param pvd its persisted validation data
   */
  record Complete(Hash candidateHash, CommittedCandidateReceipt receipt, PersistedValidationData pvd)
      implements HypotheticalCandidate {
    /** Rejects nulls. */
    public Complete {
      Objects.requireNonNull(candidateHash, "candidateHash");
      Objects.requireNonNull(receipt, "receipt");
      Objects.requireNonNull(pvd, "pvd");
    }

    /** A complete candidate using the receipt's own hash. */
    public static Complete of(CommittedCandidateReceipt receipt, PersistedValidationData pvd) {
      return new Complete(receipt.hash(), receipt, pvd);
    }

    @Override
    public ParaId candidatePara() {
      return receipt.descriptor().paraId();
    }

    @Override
    public Optional<CandidateCommitments> commitments() {
      return Optional.of(receipt.commitments());
    }

    @Override
    public Optional<PersistedValidationData> persistedValidationData() {
      return Optional.of(pvd);
    }

    @Override
    public Optional<Hash> validationCodeHash() {
      return Optional.of(receipt.descriptor().validationCodeHash());
    }

    @Override
    public Hash parentHeadDataHash() {
      return pvd.parentHead().hash();
    }

    @Override
    public Optional<Hash> outputHeadDataHash() {
      return Optional.of(receipt.descriptor().paraHead());
    }

    @Override
    public Hash relayParent() {
      return receipt.descriptor().relayParent();
    }
  }

  /**
   * An incomplete candidate: what a collator advertises before the collation is fetched.
   *
   * @param candidateHash the candidate hash
   * @param candidatePara the para
   * @param parentHeadDataHash the parent head hash
   * @param candidateRelayParent the relay parent
   */
  record Incomplete(Hash candidateHash, ParaId candidatePara, Hash parentHeadDataHash, Hash candidateRelayParent)
      implements HypotheticalCandidate {
    /** Rejects nulls. */
    public Incomplete {
      Objects.requireNonNull(candidateHash, "candidateHash");
      Objects.requireNonNull(candidatePara, "candidatePara");
      Objects.requireNonNull(parentHeadDataHash, "parentHeadDataHash");
      Objects.requireNonNull(candidateRelayParent, "candidateRelayParent");
    }

    @Override
    public Optional<CandidateCommitments> commitments() {
      return Optional.empty();
    }

    @Override
    public Optional<PersistedValidationData> persistedValidationData() {
      return Optional.empty();
    }

    @Override
    public Optional<Hash> validationCodeHash() {
      return Optional.empty();
    }

    @Override
    public Optional<Hash> outputHeadDataHash() {
      return Optional.empty();
    }

    @Override
    public Hash relayParent() {
      return candidateRelayParent;
    }
  }
}
