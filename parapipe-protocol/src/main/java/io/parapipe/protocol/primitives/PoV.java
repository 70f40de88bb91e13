package io.parapipe.protocol.primitives;

/**
 * A proof of validity as the simulation models it: its hash, its size on the wire, the
 * {@code ref_time} of the para block inside it, which drives PVF execution time, and what
 * executing it yields. No real state proof is carried, and validators do not re-run the para
 * runtime: the PoV records the commitments its block produced when it was built, which is what
 * {@code validate_block} returns for it.
 *
 * @param hash the {@code pov_hash} the descriptor commits to
 * @param sizeBytes the compressed PoV size in bytes
 * @param blockRefTime the para block's consumed {@code ref_time} in picoseconds
 * @param outputCommitmentsHash hash of the {@link CandidateCommitments} the PVF outputs for this
 *     PoV; a receipt whose commitments differ fails validation with
 *     {@code CommitmentsHashMismatch}
 * @param blockValid false if {@code validate_block} fails on this PoV (a collator that sent a
 *     PoV its block cannot be proven from): the PVF reports an execution error
 */
public record PoV(Hash hash, int sizeBytes, long blockRefTime, Hash outputCommitmentsHash,
    boolean blockValid) {
  /** A PoV that {@code validate_block} accepts. */
  public PoV(Hash hash, int sizeBytes, long blockRefTime, Hash outputCommitmentsHash) {
    this(hash, sizeBytes, blockRefTime, outputCommitmentsHash, true);
  }
}
