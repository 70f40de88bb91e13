package io.parapipe.report.pipeline;

/** Where a candidate stands in one relay block, as drawn in a pipeline diagram. */
public enum Stage {
  /** The relay block is the candidate's relay parent: the para block was built on it. */
  BUILT("P", "built on this relay parent"),
  /** After the relay parent, before a relay block backed it (seconding, attesting, waiting). */
  AWAITING_BACKING("-", "awaiting backing"),
  /** A relay block backed it: its receipt occupies a core. */
  BACKED("B", "backed"),
  /** Backed in an earlier block, waiting for availability (erasure chunks, bitfields). */
  PENDING_AVAILABILITY("=", "pending availability"),
  /** The relay block included it. */
  INCLUDED("I", "included"),
  /** Its availability timed out in this relay block and the core was freed. */
  TIMED_OUT("T", "timed out");

  private final String symbol;
  private final String meaning;

  Stage(String symbol, String meaning) {
    this.symbol = symbol;
    this.meaning = meaning;
  }

  /** @return the one-character ASCII symbol of the stage */
  public String symbol() {
    return symbol;
  }

  /** @return the stage in words, for legends */
  public String meaning() {
    return meaning;
  }
}
