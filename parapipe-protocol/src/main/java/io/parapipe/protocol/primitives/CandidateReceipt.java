package io.parapipe.protocol.primitives;

/**
 * A candidate receipt: descriptor plus the hash of the commitments. Its hash is the canonical
 * candidate hash.
 *
 * @param descriptor the descriptor
 * @param commitmentsHash hash of the {@link CandidateCommitments}
 */
public record CandidateReceipt(CandidateDescriptor descriptor, Hash commitmentsHash) {
  /** The candidate hash: BLAKE2b-256 of the SCALE-encoded receipt. */
  public Hash hash() {
    ScaleWriter w = new ScaleWriter();
    descriptor.writeTo(w);
    commitmentsHash.writeTo(w);
    return w.blake2b256();
  }
}
