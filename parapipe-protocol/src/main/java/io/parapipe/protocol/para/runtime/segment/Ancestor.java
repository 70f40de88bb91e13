package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.Hash;
import java.util.Objects;
import java.util.Optional;

/**
 * One unincluded ancestor ({@code Ancestor<H>}): its outbound traffic, its head hash (unknown
 * while the block itself executes, filled in by the child's {@code on_initialize}), and the
 * go-ahead signal it consumed, if any.
 *
 * @param usedBandwidth the block's outbound traffic
 * @param paraHeadHash the block's head hash, once known
 * @param consumedGoAheadSignal the upgrade signal the block consumed
 */
public record Ancestor(
    UsedBandwidth usedBandwidth, Optional<Hash> paraHeadHash, Optional<UpgradeGoAhead> consumedGoAheadSignal) {

  /** Requires all components. */
  public Ancestor {
    Objects.requireNonNull(usedBandwidth, "usedBandwidth");
    Objects.requireNonNull(paraHeadHash, "paraHeadHash");
    Objects.requireNonNull(consumedGoAheadSignal, "consumedGoAheadSignal");
  }

  /** {@code new_unchecked}: an ancestor whose head hash is not known yet. */
  public static Ancestor newUnchecked(UsedBandwidth used, Optional<UpgradeGoAhead> goAhead) {
    return new Ancestor(used, Optional.empty(), goAhead);
  }

  /** {@code replace_para_head_hash}: a copy with the head hash set. */
  public Ancestor withParaHeadHash(Hash hash) {
    return new Ancestor(usedBandwidth, Optional.of(hash), consumedGoAheadSignal);
  }
}
