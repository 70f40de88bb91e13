package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.List;

/** The outcome of {@link Inclusion#checkBackingVotes}. */
public sealed interface BackingCheck {
  /**
   * One attributed backing vote.
   *
   * @param validator the voter's index in the active validator set
   * @param attestation its vote
   */
  record Backer(ValidatorIndex validator, ValidityAttestation attestation) {}

  /**
   * Enough valid votes.
   *
   * @param backers one bit per validator: who backed
   * @param votes the votes attributed to validators, in group order
   */
  record Ok(BitVec backers, List<Backer> votes) implements BackingCheck {}

  /**
   * The votes fail.
   *
   * @param error {@code InvalidBacking} or {@code InsufficientBacking}
   */
  record Err(InclusionError error) implements BackingCheck {}
}
