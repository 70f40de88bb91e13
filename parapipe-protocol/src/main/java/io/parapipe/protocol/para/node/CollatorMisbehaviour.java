package io.parapipe.protocol.para.node;

/**
 * A slot-based collator that builds valid para blocks but submits collations the relay chain
 * must refuse, to show upstream's checks at work. An honest collator is {@link #NONE}.
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
  STRIP_UMP_SIGNALS
}
