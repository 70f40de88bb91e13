package io.parapipe.protocol.primitives;

/**
 * The step a GRANDPA vote belongs to in its round (upstream {@code finality_grandpa::Prevote} and
 * {@code Precommit}; the primary's proposal is not modelled).
 */
public enum GrandpaVoteStep {
  /** First step: a vote for the best block the voter would finalize. */
  PREVOTE,
  /** Second step: a vote for the GHOST of a supermajority of prevotes. */
  PRECOMMIT
}
