package io.parapipe.protocol.para.node;

/** Which cumulus collator a node runs. */
public enum CollatorKind {
  /** {@code collators::basic}: relay-chain driven, builds on the head in the collation request. */
  BASIC,
  /** {@code collators::lookahead} (L2): builds on the unincluded segment, up to 2 blocks per relay parent. */
  LOOKAHEAD
}
