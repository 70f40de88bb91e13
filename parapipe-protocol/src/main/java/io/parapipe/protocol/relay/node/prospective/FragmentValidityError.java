package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.PersistedValidationData;

/**
 * Why a candidate is not valid under operating constraints
 * ({@code inclusion_emulator::FragmentValidityError}). Variant names and fields follow upstream.
 */
public sealed interface FragmentValidityError
    permits FragmentValidityError.ValidationCodeMismatch,
        FragmentValidityError.PersistedValidationDataMismatch,
        FragmentValidityError.OutputsInvalid,
        FragmentValidityError.CodeSizeTooLarge,
        FragmentValidityError.HeadDataTooLarge,
        FragmentValidityError.RelayParentTooOld,
        FragmentValidityError.DmpAdvancementRule,
        FragmentValidityError.UmpMessagesPerCandidateOverflow,
        FragmentValidityError.HrmpMessagesPerCandidateOverflow,
        FragmentValidityError.CodeUpgradeRestricted,
        FragmentValidityError.HrmpMessagesDescendingOrDuplicate {

  /**
   * The candidate's validation code differs from the constraints'.
   *
   * @param expected the constraints' code hash
   * @param got the candidate's code hash
   */
  record ValidationCodeMismatch(Hash expected, Hash got) implements FragmentValidityError {}

  /**
   * The persisted validation data differs from what the constraints imply.
   *
   * @param expected the expected data
   * @param got the candidate's data
   */
  record PersistedValidationDataMismatch(PersistedValidationData expected, PersistedValidationData got)
      implements FragmentValidityError {}

  /**
   * The candidate's outputs are invalid under the constraints.
   *
   * @param error the modification error
   */
  record OutputsInvalid(ModificationError error) implements FragmentValidityError {}

  /**
   * New validation code too large.
   *
   * @param maxAllowed the limit
   * @param newSize the announced code size
   */
  record CodeSizeTooLarge(int maxAllowed, int newSize) implements FragmentValidityError {}

  /**
   * Head data too large.
   *
   * @param maxAllowed the limit
   * @param newSize the head size
   */
  record HeadDataTooLarge(int maxAllowed, int newSize) implements FragmentValidityError {}

  /**
   * The relay parent is older than the constraints allow.
   *
   * @param minAllowed the minimum relay parent number
   * @param current the candidate's relay parent number
   */
  record RelayParentTooOld(int minAllowed, int current) implements FragmentValidityError {}

  /** The para must process at least one DMP message that was sent at or before its relay parent. */
  record DmpAdvancementRule() implements FragmentValidityError {}

  /**
   * Too many UMP messages in one candidate. As upstream, {@code messagesSubmitted} counts every
   * upward message of the commitments, signals included.
   *
   * @param messagesAllowed the per-candidate limit
   * @param messagesSubmitted the messages in the commitments
   */
  record UmpMessagesPerCandidateOverflow(int messagesAllowed, int messagesSubmitted)
      implements FragmentValidityError {}

  /**
   * Too many HRMP messages in one candidate.
   *
   * @param messagesAllowed the per-candidate limit
   * @param messagesSubmitted the messages in the commitments
   */
  record HrmpMessagesPerCandidateOverflow(int messagesAllowed, int messagesSubmitted)
      implements FragmentValidityError {}

  /** A code upgrade while upgrades are restricted. */
  record CodeUpgradeRestricted() implements FragmentValidityError {}

  /**
   * HRMP messages are not strictly ascending by recipient.
   *
   * @param index the index of the first offending message
   */
  record HrmpMessagesDescendingOrDuplicate(int index) implements FragmentValidityError {}
}
