package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParachainRuntime;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.Slots;
import io.parapipe.protocol.primitives.Hash;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A claimed Aura slot ({@code SlotClaim}): the author index, the para slot, and the timestamp the
 * block's timestamp inherent will carry.
 *
 * @param authorIndex {@code para_slot % authorities}
 * @param paraSlot the para slot of the Aura pre-digest
 * @param timestampMs the timestamp for the block
 */
public record SlotClaim(int authorIndex, long paraSlot, long timestampMs) {

  /**
   * Claims {@code paraSlot} if its Aura author ({@code para_slot % authorities} at the parent)
   * is one of ours.
   *
   * @param ownsAuthorIndex whether the keystore holds the key of an authority index
   */
  public static Optional<SlotClaim> claim(
      long paraSlot, long timestampMs, ParachainState parent, IntPredicate ownsAuthorIndex) {
    int author = Slots.authorIndex(paraSlot, parent.authoritiesCount());
    return ownsAuthorIndex.test(author)
        ? Optional.of(new SlotClaim(author, paraSlot, timestampMs))
        : Optional.empty();
  }

  /**
   * The client-side {@code can_build_upon} (reference §3.4): (1) claim the para slot; (2) if the
   * parent is the included block, answer the claim without asking the runtime (it cannot know the
   * included block's hash); (3) pass the relay slot to {@code AuraUnincludedSegmentApi} v2, the
   * para slot to v1; (4) claim iff the runtime answers true.
   *
   * @param paraSlot the para slot to author in
   * @param relaySlot the relay parent's slot
   * @param timestampMs the timestamp for the block
   * @param parent the parent's state (the runtime API is called at it)
   * @param includedHash the head included at the relay parent
   * @param ownsAuthorIndex whether the keystore holds the key of an authority index
   */
  public static Optional<SlotClaim> canBuildUpon(long paraSlot, long relaySlot, long timestampMs,
      ParachainState parent, Hash includedHash, IntPredicate ownsAuthorIndex) {
    Optional<SlotClaim> claim = claim(paraSlot, timestampMs, parent, ownsAuthorIndex);
    if (claim.isEmpty() || parent.headHash().equals(includedHash)) {
      return claim;
    }
    long slot = parent.config().unincludedSegmentApiVersion() > 1 ? relaySlot : paraSlot;
    return ParachainRuntime.canBuildUpon(parent, includedHash, slot) ? claim : Optional.empty();
  }
}
