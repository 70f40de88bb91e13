package io.parapipe.protocol.primitives;


/**
 * A backing statement ({@code Statement}): {@code Seconded} introduces a candidate and counts as
 * an implicit validity vote; {@code Valid} is an explicit vote for a known candidate. Signatures are
 * not modelled: the sender's validator index attributes a statement.
 */
public sealed interface Statement {
  /** The candidate the statement is about. */
  Hash candidateHash();

  /**
   * {@code Seconded(receipt, pvd)}.
   *
   * @param receipt the full receipt
   * @param validationData the validation data it was validated against
   */
  record Seconded(CommittedCandidateReceipt receipt, PersistedValidationData validationData)
      implements Statement {
    @Override
    public Hash candidateHash() {
      return receipt.hash();
    }
  }

  /**
   * {@code Valid(candidate_hash)}.
   *
   * @param candidateHash the candidate
   */
  record Valid(Hash candidateHash) implements Statement {}
}
