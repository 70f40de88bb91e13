package io.parapipe.protocol.relay.runtime.inclusion;

/**
 * A backing vote ({@code ValidityAttestation}). Signatures are not modelled: the vote is
 * attributed by its position among the set bits of {@link BackedCandidate#validatorIndices()} and
 * always verifies.
 */
public enum ValidityAttestation {
  /** {@code Implicit}: the validator seconded the candidate (codec index 1). */
  IMPLICIT(1),
  /** {@code Explicit}: the validator attested validity of a candidate someone else seconded (codec index 2). */
  EXPLICIT(2);

  private final int codecIndex;

  ValidityAttestation(int codecIndex) {
    this.codecIndex = codecIndex;
  }

  /** The SCALE variant index upstream. */
  public int codecIndex() {
    return codecIndex;
  }
}
