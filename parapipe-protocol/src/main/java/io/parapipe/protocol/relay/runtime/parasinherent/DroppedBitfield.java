package io.parapipe.protocol.relay.runtime.parasinherent;

import io.parapipe.protocol.primitives.ValidatorIndex;

/**
 * A bitfield {@code sanitize_bitfields} dropped.
 *
 * @param validatorIndex the claimed signer
 * @param reason why
 */
public record DroppedBitfield(ValidatorIndex validatorIndex, Reason reason) {
  /** The checks of {@code sanitize_bitfields}, in upstream order (signatures are not modelled). */
  public enum Reason {
    /** Not exactly one bit per availability core. */
    WRONG_LENGTH,
    /** Validator indices must be strictly ascending: at most one bitfield per validator. */
    NOT_ASCENDING,
    /** The validator index is not in the active set. */
    VALIDATOR_OUT_OF_RANGE
  }
}
