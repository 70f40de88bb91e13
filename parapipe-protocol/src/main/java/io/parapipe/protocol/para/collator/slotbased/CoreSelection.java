package io.parapipe.protocol.para.collator.slotbased;

import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.runtime.DigestItem;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The slot-based collator's {@code determine_core} (S2). */
public final class CoreSelection {
  private CoreSelection() {}

  /** The outcome of {@link #determineCore}. */
  public sealed interface Outcome permits Core, NoCoreScheduled, MissingRelayParentDigest {}

  /**
   * The core to build for.
   *
   * @param selector the {@code CoreSelector}
   * @param coreIndex the selected core
   * @param claimQueueOffset the claim queue depth the cores were read at
   * @param numberOfCores cores assigned to the para at that depth
   */
  public record Core(int selector, CoreIndex coreIndex, int claimQueueOffset, int numberOfCores) implements Outcome {
    /** The {@code CoreInfo} pre-digest for a block built on this core. */
    public DigestItem.CumulusCoreInfo coreInfo() {
      return new DigestItem.CumulusCoreInfo(selector, claimQueueOffset, numberOfCores);
    }
  }

  /** No core at the selector ("No core scheduled"): the selector is past the last core. */
  public record NoCoreScheduled() implements Outcome {}

  /** The parent has neither a relay-parent nor an RPSR digest: upstream's error. */
  public record MissingRelayParentDigest() implements Outcome {}

  /**
   * {@code determine_core}: the selector is 0 on a new relay parent (the parent is genesis, or was
   * built on another relay parent); otherwise the parent's {@code CoreInfo} selector + 1, or, if
   * the parent has none, {@code last_claimed_core_selector} + 1 (0 + 1 if none). The core is
   * {@code cores[selector]}.
   *
   * @param coresAtDepth the cores the claim queue assigns to the para at depth {@code relayParentOffset}, ordered
   * @param relayParent the relay parent
   * @param parent the para parent's header
   * @param lastClaimedCoreSelector the selector the collator last used on this relay parent
   * @param relayParentOffset the runtime's {@code RelayParentOffset}
   */
  public static Outcome determineCore(List<CoreIndex> coresAtDepth, RelayBlockInfo relayParent,
      ParaBlockHeader parent, OptionalInt lastClaimedCoreSelector, int relayParentOffset) {
    boolean newRelayParent;
    if (parent.number() == 0) {
      newRelayParent = true;
    } else {
      Optional<Hash> rp = parent.relayParent();
      if (rp.isPresent()) {
        newRelayParent = !rp.get().equals(relayParent.hash());
      } else {
        Optional<DigestItem.RelayParentStorageRoot> rpsr = parent.relayParentStorageRoot();
        if (rpsr.isEmpty()) {
          return new MissingRelayParentDigest();
        }
        newRelayParent = !(rpsr.get().storageRoot().equals(relayParent.stateRoot())
            && rpsr.get().relayParentNumber() == relayParent.number());
      }
    }
    int selector;
    if (newRelayParent) {
      selector = 0;
    } else {
      Optional<DigestItem.CumulusCoreInfo> info = parent.coreInfo();
      selector = info.isPresent() ? info.get().selector() + 1 : lastClaimedCoreSelector.orElse(0) + 1;
    }
    if (selector >= coresAtDepth.size()) {
      return new NoCoreScheduled();
    }
    return new Core(selector, coresAtDepth.get(selector), relayParentOffset, coresAtDepth.size());
  }
}
