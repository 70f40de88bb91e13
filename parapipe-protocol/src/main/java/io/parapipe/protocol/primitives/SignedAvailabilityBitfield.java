package io.parapipe.protocol.primitives;

import java.util.Objects;

/**
 * A validator's availability bitfield ({@code SignedAvailabilityBitfield}): bit {@code i} says "I
 * hold my chunk of the candidate occupying core {@code i}". The signature is not modelled; the
 * bitfield is attributed to {@code validatorIndex} and always verifies.
 *
 * @param validatorIndex the signer's index in the session's active validator set
 * @param bits one bit per availability core
 */
public record SignedAvailabilityBitfield(ValidatorIndex validatorIndex, BitVec bits) {
  /** Rejects nulls. */
  public SignedAvailabilityBitfield {
    Objects.requireNonNull(validatorIndex, "validatorIndex");
    Objects.requireNonNull(bits, "bits");
  }
}
