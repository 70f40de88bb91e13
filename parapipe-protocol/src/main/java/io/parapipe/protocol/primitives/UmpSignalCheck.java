package io.parapipe.protocol.primitives;

/**
 * The outcome of reading a candidate's UMP signals ({@code ump_signals}) or checking them against
 * the claim queue ({@code parse_ump_signals}): the signals, or the error.
 */
public sealed interface UmpSignalCheck {
  /**
   * The signals are well formed (and, for {@code parse_ump_signals}, agree with the descriptor).
   *
   * @param signals the signals read
   */
  record Valid(CandidateUmpSignals signals) implements UmpSignalCheck {}

  /**
   * The check failed.
   *
   * @param error why
   */
  record Invalid(CommittedCandidateReceiptError error) implements UmpSignalCheck {}

  /** True for {@link Valid}. */
  default boolean isValid() {
    return this instanceof Valid;
  }
}
