package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Objects;

/**
 * {@code ParentSearchParams} of F1 {@code find_potential_parents}.
 *
 * @param relayParent the relay parent the new block will use
 * @param paraId the para
 * @param ancestryLookback how many relay ancestors of {@code relayParent} a parent's own relay
 *     parent may be
 * @param maxDepth how deep parents may be relative to the included block (depth 0)
 * @param ignoreAlternativeBranches only consider branches containing the pending block
 */
public record ParentSearchParams(
    Hash relayParent, ParaId paraId, int ancestryLookback, int maxDepth, boolean ignoreAlternativeBranches) {
  /** Requires the ids; counters non-negative. */
  public ParentSearchParams {
    Objects.requireNonNull(relayParent, "relayParent");
    Objects.requireNonNull(paraId, "paraId");
    if (ancestryLookback < 0 || maxDepth < 0) {
      throw new IllegalArgumentException("ancestry_lookback and max_depth are usize");
    }
  }
}
