package io.parapipe.protocol.para.node;

/** Which cumulus collator a node runs. */
public enum CollatorKind {
  /** {@code collators::basic}: relay-chain driven, builds on the head in the collation request. */
  BASIC,
  /** {@code collators::lookahead} (L2): builds on the unincluded segment, up to 2 blocks per relay parent. */
  LOOKAHEAD,
  /**
   * {@code collators::slot_based} (S2): a block-builder task on the slot timer, one block per
   * production interval ({@code 6 s / cores}, at least 500 ms), each submitted on the core its
   * {@code CoreSelector} picks; the elastic-scaling collator.
   */
  SLOT_BASED;

  private final String key = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

  /**
   * The kind's name in scenarios and traces ({@code "basic"}, {@code "lookahead"},
   * {@code "slot-based"}), made once: every authored para block's event carries it.
   */
  public String key() {
    return key;
  }
}
