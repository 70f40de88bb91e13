package io.parapipe.protocol.relay.runtime.inclusion;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backed candidate as the block author puts it into the inherent ({@code BackedCandidate}).
 *
 * <p>Upstream packs the {@code ElasticScalingMVP} core index into 8 extra bits at the end of
 * {@code validator_indices}; here it is a separate optional field, and {@code validatorIndices}
 * always holds exactly the group bits.
 *
 * @param candidate the committed receipt
 * @param validityVotes one vote per set bit of {@code validatorIndices}, in bit order
 * @param validatorIndices one bit per member of the backing group, in group order
 * @param injectedCoreIndex the core index injected under {@code ElasticScalingMVP}, if any
 */
public record BackedCandidate(
    CommittedCandidateReceipt candidate,
    List<ValidityAttestation> validityVotes,
    BitVec validatorIndices,
    Optional<CoreIndex> injectedCoreIndex) {

  /** Copies the vote list and rejects nulls. */
  public BackedCandidate {
    Objects.requireNonNull(candidate, "candidate");
    validityVotes = List.copyOf(validityVotes);
    Objects.requireNonNull(validatorIndices, "validatorIndices");
    Objects.requireNonNull(injectedCoreIndex, "injectedCoreIndex");
  }

  /** The candidate hash. */
  public Hash hash() {
    return candidate.hash();
  }

  /** The candidate's descriptor. */
  public CandidateDescriptor descriptor() {
    return candidate.descriptor();
  }

  /** The candidate's para. */
  public ParaId paraId() {
    return candidate.paraId();
  }
}
