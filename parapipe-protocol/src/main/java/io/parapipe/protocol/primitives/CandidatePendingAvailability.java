package io.parapipe.protocol.primitives;

/**
 * A backed candidate waiting for availability, as the runtime API reports it.
 *
 * @param candidateHash the candidate hash
 * @param descriptor its descriptor
 * @param commitments its commitments
 * @param relayParentNumber its relay parent's number
 * @param maxPovSize the PoV limit it was backed under
 */
public record CandidatePendingAvailability(
    Hash candidateHash,
    CandidateDescriptor descriptor,
    CandidateCommitments commitments,
    int relayParentNumber,
    int maxPovSize) {}
