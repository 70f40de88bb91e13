package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A prospective parachain block known to be valid under its operating constraints
 * ({@code inclusion_emulator::Fragment}): relay parent, constraints, candidate and the
 * modifications it makes to the constraints of its child.
 */
public final class Fragment {
  private final RelayChainBlockInfo relayParent;
  private final Constraints operatingConstraints;
  private final ProspectiveCandidate candidate;
  private final ConstraintModifications modifications;

  private Fragment(
      RelayChainBlockInfo relayParent,
      Constraints operatingConstraints,
      ProspectiveCandidate candidate,
      ConstraintModifications modifications) {
    this.relayParent = relayParent;
    this.operatingConstraints = operatingConstraints;
    this.candidate = candidate;
    this.modifications = modifications;
  }

  /**
   * Creates a fragment ({@code Fragment::new}); fails if the candidate's inputs or outputs do not
   * satisfy the operating constraints. Does not check the PoV size or any signature.
   */
  public static Result<Fragment, FragmentValidityError> create(
      RelayChainBlockInfo relayParent, Constraints operatingConstraints, ProspectiveCandidate candidate) {
    Result<ConstraintModifications, FragmentValidityError> mods = checkAgainstConstraints(
        relayParent,
        operatingConstraints,
        candidate.commitments(),
        candidate.validationCodeHash(),
        candidate.persistedValidationData());
    if (mods.isErr()) {
      return Result.err(mods.error());
    }
    return Result.ok(new Fragment(relayParent, operatingConstraints, candidate, mods.value()));
  }

  /**
   * Checks a candidate against operating constraints and returns the modifications it makes
   * ({@code Fragment::check_against_constraints}). Order of checks: HRMP recipients ascending
   * while computing the modifications; then {@link #validateCommitments}; then the persisted
   * validation data; the DMP advancement rule; UMP messages per candidate; and finally
   * {@link Constraints#checkModifications} as {@code OutputsInvalid}.
   */
  public static Result<ConstraintModifications, FragmentValidityError> checkAgainstConstraints(
      RelayChainBlockInfo relayParent,
      Constraints constraints,
      CandidateCommitments commitments,
      Hash validationCodeHash,
      PersistedValidationData persistedValidationData) {
    // UMP signals follow the first empty message (the separator) and are not counted.
    int umpMessagesSent = 0;
    int umpBytesSent = 0;
    for (byte[] message : commitments.upwardMessages()) {
      if (message.length == 0) {
        break;
      }
      umpMessagesSent++;
      umpBytesSent += message.length;
    }

    HrmpWatermarkUpdate watermark = commitments.hrmpWatermark() == relayParent.number()
        ? new HrmpWatermarkUpdate.Head(commitments.hrmpWatermark())
        : new HrmpWatermarkUpdate.Trunk(commitments.hrmpWatermark());

    TreeMap<ParaId, OutboundHrmpChannelModification> outbound = new TreeMap<>();
    List<OutboundHrmpMessage> horizontal = commitments.horizontalMessages();
    ParaId lastRecipient = null;
    for (int i = 0; i < horizontal.size(); i++) {
      OutboundHrmpMessage message = horizontal.get(i);
      if (lastRecipient != null && lastRecipient.compareTo(message.recipient()) >= 0) {
        return Result.err(new FragmentValidityError.HrmpMessagesDescendingOrDuplicate(i));
      }
      lastRecipient = message.recipient();
      outbound.merge(
          message.recipient(),
          new OutboundHrmpChannelModification(message.data().length, 1),
          OutboundHrmpChannelModification::plus);
    }

    boolean codeUpgradeApplied = constraints.futureValidationCode()
        .map(f -> relayParent.number() >= f.at())
        .orElse(false);

    ConstraintModifications modifications = new ConstraintModifications(
        Optional.of(commitments.headData()),
        Optional.of(watermark),
        outbound,
        umpMessagesSent,
        umpBytesSent,
        commitments.processedDownwardMessages(),
        codeUpgradeApplied);

    Optional<FragmentValidityError> invalid = validateAgainstConstraints(
        constraints, relayParent, commitments, persistedValidationData, validationCodeHash, modifications);
    if (invalid.isPresent()) {
      return Result.err(invalid.get());
    }
    return Result.ok(modifications);
  }

  /**
   * Checks the commitments alone against the constraints ({@code validate_commitments}): code hash,
   * head size, relay-parent age, upgrade restriction, code size, HRMP messages per candidate.
   */
  public static Optional<FragmentValidityError> validateCommitments(
      Constraints constraints,
      RelayChainBlockInfo relayParent,
      CandidateCommitments commitments,
      Hash validationCodeHash) {
    if (!constraints.validationCodeHash().equals(validationCodeHash)) {
      return Optional.of(new FragmentValidityError.ValidationCodeMismatch(
          constraints.validationCodeHash(), validationCodeHash));
    }
    if (commitments.headData().size() > constraints.maxHeadDataSize()) {
      return Optional.of(new FragmentValidityError.HeadDataTooLarge(
          constraints.maxHeadDataSize(), commitments.headData().size()));
    }
    if (relayParent.number() < constraints.minRelayParentNumber()) {
      return Optional.of(new FragmentValidityError.RelayParentTooOld(
          constraints.minRelayParentNumber(), relayParent.number()));
    }
    if (commitments.newValidationCode().isPresent() && constraints.upgradeRestriction().isPresent()) {
      return Optional.of(new FragmentValidityError.CodeUpgradeRestricted());
    }
    int announcedCodeSize = commitments.newValidationCode().map(code -> code.length).orElse(0);
    if (announcedCodeSize > constraints.maxCodeSize()) {
      return Optional.of(new FragmentValidityError.CodeSizeTooLarge(
          constraints.maxCodeSize(), announcedCodeSize));
    }
    if (commitments.horizontalMessages().size() > constraints.maxHrmpNumPerCandidate()) {
      return Optional.of(new FragmentValidityError.HrmpMessagesPerCandidateOverflow(
          constraints.maxHrmpNumPerCandidate(), commitments.horizontalMessages().size()));
    }
    return Optional.empty();
  }

  private static Optional<FragmentValidityError> validateAgainstConstraints(
      Constraints constraints,
      RelayChainBlockInfo relayParent,
      CandidateCommitments commitments,
      PersistedValidationData persistedValidationData,
      Hash validationCodeHash,
      ConstraintModifications modifications) {
    Optional<FragmentValidityError> commitmentsError =
        validateCommitments(constraints, relayParent, commitments, validationCodeHash);
    if (commitmentsError.isPresent()) {
      return commitmentsError;
    }
    PersistedValidationData expected = new PersistedValidationData(
        constraints.requiredParent(),
        relayParent.number(),
        relayParent.storageRoot(),
        constraints.maxPovSize());
    if (!expected.equals(persistedValidationData)) {
      return Optional.of(new FragmentValidityError.PersistedValidationDataMismatch(
          expected, persistedValidationData));
    }
    if (modifications.dmpMessagesProcessed() == 0
        && !constraints.dmpRemainingMessages().isEmpty()
        && constraints.dmpRemainingMessages().get(0) <= relayParent.number()) {
      return Optional.of(new FragmentValidityError.DmpAdvancementRule());
    }
    if (modifications.umpMessagesSent() > constraints.maxUmpNumPerCandidate()) {
      return Optional.of(new FragmentValidityError.UmpMessagesPerCandidateOverflow(
          constraints.maxUmpNumPerCandidate(), commitments.upwardMessages().size()));
    }
    return constraints.checkModifications(modifications).map(FragmentValidityError.OutputsInvalid::new);
  }

  /** The relay parent. */
  public RelayChainBlockInfo relayParent() {
    return relayParent;
  }

  /** The constraints this fragment operates under. */
  public Constraints operatingConstraints() {
    return operatingConstraints;
  }

  /** The candidate. */
  public ProspectiveCandidate candidate() {
    return candidate;
  }

  /** The modifications this candidate makes to its child's constraints. */
  public ConstraintModifications constraintModifications() {
    return modifications;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fragment f
        && f.relayParent.equals(relayParent)
        && f.operatingConstraints.equals(operatingConstraints)
        && f.candidate.equals(candidate)
        && f.modifications.equals(modifications);
  }

  @Override
  public int hashCode() {
    return Objects.hash(relayParent, candidate.persistedValidationData(), modifications);
  }

  @Override
  public String toString() {
    return "Fragment(rp #" + relayParent.number() + ", head " + candidate.commitments().headData() + ")";
  }
}
