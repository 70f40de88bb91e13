package io.parapipe.protocol.para.node;

/**
 * A collator that builds valid para blocks but submits collations the relay chain must refuse,
 * to show upstream's checks at work. An honest collator is {@link #NONE}. The descriptor and
 * signal misbehaviours are modelled for the slot-based collator; the PoV and withholding ones for
 * every kind.
 */
public enum CollatorMisbehaviour {
  /** Builds collations as upstream does. */
  NONE,
  /**
   * An outdated node, built before RFC-103: V1 descriptors (collator id and signature), while
   * the runtime sends its {@code SelectCore} signal.
   */
  V1_DESCRIPTOR,
  /**
   * Writes the next of the para's cores into the descriptor and submits there, while the block's
   * {@code SelectCore} signal commits to the core the selector picked.
   */
  WRONG_CORE_INDEX,
  /**
   * Leaves the UMP signals out of the commitments its receipts carry, although the runtime
   * produced them.
   */
  STRIP_UMP_SIGNALS,
  /**
   * Sends a PoV that {@code validate_block} fails on: backers' PVF reports
   * {@code ExecutionError} and nobody seconds it.
   */
  INVALID_POV,
  /**
   * Sends a PoV larger than the {@code max_pov_size} of its validation data: candidate validation
   * refuses it as {@code ParamsTooLarge} before running the PVF.
   */
  OVERSIZED_POV,
  /**
   * Advertises its collations but never answers a fetch: each backer's request times out and it
   * fetches the next advertised collation, if any. The node itself behaves honestly; the
   * simulation host drops the fetch requests.
   */
  WITHHELD_COLLATION
}
