package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;

/**
 * A validator's approvals of candidates included in a relay block, naming each candidate by its
 * index among the block's included candidates (the order of the block's {@code CandidateIncluded}
 * events), as upstream's {@code IndirectSignedApprovalVoteV2} does with its
 * {@code candidate_indices: CandidateBitfield} (polkadot-sdk
 * {@code polkadot/node/primitives/src/approval.rs}, module {@code v2}); the receiver maps an index
 * back to the candidate through the block.
 *
 * @param block the relay block that included the candidates
 * @param validator the approving validator's index
 * @param candidateIndices bit {@code i} set: the block's {@code i}th included candidate is approved
 */
public record ApprovalsMessage(Hash block, int validator, BitVec candidateIndices)
    implements Message {
  /**
   * 128 bytes plus 32 per approved candidate, as when the message named candidates by hash.
   * Upstream's message is smaller (a bitfield of a few bytes, not 32 bytes per candidate); the
   * size is kept so that network timing, and with it every trace, stays as it was: shrinking it is
   * a separate change, to be measured on its own.
   */
  @Override
  public int sizeBytes() {
    return 128 + 32 * candidateIndices.countOnes();
  }
}
