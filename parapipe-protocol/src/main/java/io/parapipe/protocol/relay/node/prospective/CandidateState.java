package io.parapipe.protocol.relay.node.prospective;

/** The backing state of a stored candidate ({@code fragment_chain::CandidateState}). */
public enum CandidateState {
  /** Seconded by a validator of the backing group. */
  SECONDED,
  /** Reached the backing threshold of its group. */
  BACKED
}
