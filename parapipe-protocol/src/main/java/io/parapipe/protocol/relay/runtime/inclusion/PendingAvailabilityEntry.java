package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Objects;

/**
 * One candidate waiting for availability: upstream's storage record
 * {@code inclusion::CandidatePendingAvailability} (not the runtime-API type of the same name in
 * primitives).
 *
 * @param core the core it occupies
 * @param candidate the committed receipt (its hash is the candidate hash)
 * @param availabilityVotes one bit per validator: who has reported its chunk
 * @param backers one bit per validator: who backed it
 * @param relayParentNumber the relay parent's number
 * @param backedInNumber the relay block it was backed in
 * @param backingGroup the group that backed it
 */
public record PendingAvailabilityEntry(
    CoreIndex core,
    CommittedCandidateReceipt candidate,
    BitVec availabilityVotes,
    BitVec backers,
    int relayParentNumber,
    int backedInNumber,
    GroupIndex backingGroup) {

  /** Rejects nulls. */
  public PendingAvailabilityEntry {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(availabilityVotes, "availabilityVotes");
    Objects.requireNonNull(backers, "backers");
    Objects.requireNonNull(backingGroup, "backingGroup");
  }

  /** The candidate hash. */
  public Hash hash() {
    return candidate.hash();
  }

  /** The para. */
  public ParaId paraId() {
    return candidate.paraId();
  }

  /** The descriptor. */
  public CandidateDescriptor descriptor() {
    return candidate.descriptor();
  }

  /** The commitments. */
  public CandidateCommitments commitments() {
    return candidate.commitments();
  }

  /** A copy with other availability votes. */
  public PendingAvailabilityEntry withAvailabilityVotes(BitVec votes) {
    return new PendingAvailabilityEntry(core, candidate, votes, backers, relayParentNumber, backedInNumber, backingGroup);
  }
}
