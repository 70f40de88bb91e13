package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.Slots;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The basic Aura collator's pure rules ({@code cumulus/client/consensus/aura/src/collators/basic.rs}):
 * driven by the relay chain's collation requests, it builds on the head in the request's
 * validation data (the included head), claims the slot derived from the relay parent, produces
 * at most once per slot per relay chain fork (polkadot-sdk#3308), and caps the PoV at half the
 * limit. It never asks {@code can_build_upon}.
 */
public final class BasicCollator {
  private BasicCollator() {}

  /**
   * {@code claim_slot}: the para slot of the relay parent's timestamp
   * ({@code relay_slot × relay_ms / para_ms}, para slot duration read at the parent), claimed if
   * its author is ours; the timestamp is the relay parent's.
   */
  public static Optional<SlotClaim> claimSlot(RelayBlockInfo relayParent, long relaySlotDurationMs,
      ParachainState parent, IntPredicate ownsAuthorIndex) {
    long ts = Slots.relayTimestamp(relayParent.babeSlot(), relaySlotDurationMs);
    long slot = Slots.fromTimestamp(ts, parent.config().auraSlotDurationMs());
    return SlotClaim.claim(slot, ts, parent, ownsAuthorIndex);
  }

  /** The block's PoV budget: {@code max_pov_size / 2}. */
  public static long allowedPovSize(int maxPovSize) {
    return Integer.toUnsignedLong(maxPovSize) / 2;
  }

  /**
   * The "only produce once per slot" guard. The newest revision (per relay chain fork) skips a
   * request when the slot was already processed <em>and</em> the relay chain advanced past the
   * last processed relay parent; the first revision (PR #3308) skipped on the slot alone.
   *
   * @param lastProcessedSlot the last slot a block was attempted in (0 initially)
   * @param lastRelayChainBlock the relay parent number of that attempt (0 initially)
   * @param perRelayFork true for the newest revision
   */
  public record SlotGuard(long lastProcessedSlot, int lastRelayChainBlock, boolean perRelayFork) {
    /** The initial guard of the newest revision. */
    public static SlotGuard initial() {
      return new SlotGuard(0, 0, true);
    }

    /** Whether a request claiming {@code slot} on relay parent number {@code relayParentNumber} is skipped. */
    public boolean shouldSkip(long slot, int relayParentNumber) {
      boolean slotDone = Long.compareUnsigned(lastProcessedSlot, slot) >= 0;
      if (!perRelayFork) {
        return slotDone;
      }
      return slotDone && Integer.compareUnsigned(lastRelayChainBlock, relayParentNumber) < 0;
    }

    /** The guard after an attempt in {@code slot} on relay parent number {@code relayParentNumber}. */
    public SlotGuard processed(long slot, int relayParentNumber) {
      return new SlotGuard(slot, relayParentNumber, perRelayFork);
    }
  }
}
