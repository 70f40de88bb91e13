package io.parapipe.protocol.relay.runtime.parasinherent;

/** {@code ProcessInherentDataContext}: who runs {@code process_inherent_data}. */
public enum ProcessInherentDataContext {
  /**
   * {@code ProvideInherent}: the block author builds the inherent; invalid items are dropped and
   * execution never fails on them.
   */
  PROVIDE_INHERENT,
  /**
   * {@code Enter}: block import; the author must have filtered already, so dropping any backed
   * candidate rejects the block with {@code CandidatesFilteredDuringExecution}.
   */
  ENTER
}
