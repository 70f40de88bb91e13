package io.parapipe.protocol.primitives;

/**
 * A receipt carrying the full commitments. Its hash is that of the plain receipt, computed once.
 */
public final class CommittedCandidateReceipt {
  private final CandidateDescriptor descriptor;
  private final CandidateCommitments commitments;
  private final Hash hash;

  /** Builds the receipt and computes the candidate hash. */
  public CommittedCandidateReceipt(CandidateDescriptor descriptor, CandidateCommitments commitments) {
    this.descriptor = descriptor;
    this.commitments = commitments;
    this.hash = toPlain().hash();
  }

  private CommittedCandidateReceipt(CandidateDescriptor descriptor, CandidateCommitments commitments,
      Hash hash) {
    this.descriptor = descriptor;
    this.commitments = commitments;
    this.hash = hash;
  }

  /**
   * A receipt whose hash the caller already knows from a trusted source (the relay runtime's
   * record of a candidate pending availability), so it is not recomputed.
   */
  public static CommittedCandidateReceipt withKnownHash(CandidateDescriptor descriptor,
      CandidateCommitments commitments, Hash hash) {
    return new CommittedCandidateReceipt(descriptor, commitments, hash);
  }

  /** The descriptor. */
  public CandidateDescriptor descriptor() {
    return descriptor;
  }

  /** The commitments. */
  public CandidateCommitments commitments() {
    return commitments;
  }

  /** The plain receipt: descriptor plus commitments hash. */
  public CandidateReceipt toPlain() {
    return new CandidateReceipt(descriptor, commitments.hash());
  }

  /** The candidate hash. */
  public Hash hash() {
    return hash;
  }

  /** Shorthand for {@code descriptor().paraId()}. */
  public ParaId paraId() {
    return descriptor.paraId();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommittedCandidateReceipt c && c.hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Candidate(" + hash.shortHex() + ", para " + descriptor.paraId() + ")";
  }
}
