package io.parapipe.protocol.para.collator;

/**
 * F1's answer when the pending block is not known locally and alternative branches are ignored;
 * the revisions disagree (reference §6.3 version note).
 */
public enum UnknownPendingPolicy {
  /** Return no parents (test revision [b0d7d52d], {@code find_potential_parents_unknown_pending}). The default. */
  RETURN_EMPTY,
  /** Return only the included block (code revision [a23d5a98]). */
  RETURN_INCLUDED
}
