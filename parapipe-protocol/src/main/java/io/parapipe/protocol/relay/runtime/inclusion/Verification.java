package io.parapipe.protocol.relay.runtime.inclusion;

/** The outcome of {@link CandidateCheckContext#verifyBackedCandidate}. */
public sealed interface Verification {
  /**
   * The candidate passed every check.
   *
   * @param relayParentNumber the number of its relay parent
   */
  record Ok(int relayParentNumber) implements Verification {}

  /**
   * The candidate failed.
   *
   * @param error the first failed check
   */
  record Err(InclusionError error) implements Verification {}
}
