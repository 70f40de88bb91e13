package io.parapipe.protocol.para.collator;

/** Which parent search a collator uses (reference §0). */
public enum ParentSearchRevision {
  /** F1 {@code find_potential_parents} with {@code max_depth} and {@code ignore_alternative_branches} (default). */
  F1,
  /** F2 {@code find_parent_for_building} (PR #10998): the deepest valid descendant of pending-or-included. */
  F2
}
