package io.parapipe.protocol.para.node;

import io.parapipe.protocol.para.collator.BackingGroupPreConnect;
import io.parapipe.protocol.para.collator.BuildOrder;
import io.parapipe.protocol.para.collator.LookaheadCollator;
import io.parapipe.protocol.para.collator.ParaBlockTree;
import io.parapipe.protocol.para.collator.ParentSearch;
import io.parapipe.protocol.para.collator.ParentSearchParams;
import io.parapipe.protocol.para.collator.ParentSearchResult;
import io.parapipe.protocol.para.collator.ParentSearchRevision;
import io.parapipe.protocol.para.collator.PotentialParent;
import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.para.collator.SlotClaim;
import io.parapipe.protocol.para.collator.UnknownPendingPolicy;
import io.parapipe.protocol.para.collator.slotbased.CoreSelection;
import io.parapipe.protocol.para.collator.slotbased.RelayParentOffset;
import io.parapipe.protocol.para.collator.slotbased.SlotBasedCollator;
import io.parapipe.protocol.para.collator.slotbased.SlotTimer;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.relay.node.chain.RelayBlock;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * The slot-based collator's block-builder task (S2,
 * {@code cumulus/client/consensus/aura/src/collators/slot_based/block_builder_task.rs}) as a
 * step the node calls at each wake-up of its {@link SlotTimer}. One attempt:
 * <ol>
 *   <li>the relay parent is the best relay block, or {@code RelayParentOffset} blocks below it
 *       ({@link RelayParentOffset#findDescendants});
 *   <li>the para slot and timestamp derive from the relay parent's slot
 *       ({@code adjust_para_to_relay_parent_slot});
 *   <li>the parent is the deepest potential parent (F1 {@code find_potential_parents}, or F2);
 *   <li>the core is {@code determine_core}'s: the para's cores at claim-queue depth
 *       {@code RelayParentOffset} of the relay parent, at the selector after the parent's
 *       ({@link CoreSelection}); the core count feeds the slot timer;
 *   <li>the backing-group pre-connect helper is updated with the attempt's Aura slot;
 *   <li>{@code can_build_upon} must claim the slot;
 *   <li>the authoring duration is adjusted to the slot timing; none left means no block.
 * </ol>
 * The node then builds the block with a {@code CoreInfo} pre-digest and hands it to the collation
 * task, which submits it on the selected core; {@link #built} records the selector used.
 */
final class SlotBasedBlockBuilder {
  /** Relay parents whose last claimed selector is remembered ({@code RelayChainDataCache}). */
  private static final int KEPT_RELAY_PARENTS = 16;

  /** What an attempt decided. */
  sealed interface Attempt permits Build, Skip {}

  /**
   * Build a block.
   *
   * @param order the build order (slot claim, validation data, PoV budget, core, relay parent)
   * @param parent the parent's state
   * @param relayParent the relay parent
   * @param core the selected core and its {@code CoreInfo}
   * @param authoringMicros the adjusted authoring duration
   */
  record Build(BuildOrder order, ParachainState parent, RelayBlock relayParent,
      CoreSelection.Core core, long authoringMicros) implements Attempt {}

  /**
   * No block this time.
   *
   * @param reason why (upstream's log text where there is one)
   */
  record Skip(String reason) implements Attempt {}

  private final ParaId para;
  private final IntPredicate ownsAuthorIndex;
  private SlotTimer timer;
  private BackingGroupPreConnect preConnect = BackingGroupPreConnect.initial();
  private final Map<Hash, Integer> lastClaimedCoreSelector = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Integer> e) {
      return size() > KEPT_RELAY_PARENTS;
    }
  };

  /**
   * @param slotOffsetMs {@code slot_offset}
   * @param relaySlotDurationMs the relay chain's slot duration
   * @param ownsAuthorIndex whether the keystore holds the key of an Aura authority index
   */
  SlotBasedBlockBuilder(ParaId para, long slotOffsetMs, long relaySlotDurationMs, IntPredicate ownsAuthorIndex) {
    this.para = para;
    this.ownsAuthorIndex = ownsAuthorIndex;
    this.timer = SlotTimer.withOffset(slotOffsetMs, relaySlotDurationMs);
  }

  /** {@code wait_until_next_slot}: when to attempt next and for which Aura slot. */
  SlotTimer.Tick nextAttempt(long paraSlotDurationMs, long nowMs) {
    SlotTimer.Tick t = timer.nextSlot(paraSlotDurationMs, nowMs);
    timer = t.timer();
    return t;
  }

  /**
   * The pre-connect helper's message for an attempt in {@code auraSlot}.
   *
   * @param authorities Aura authorities at the best para block
   */
  BackingGroupPreConnect.Action preConnect(long auraSlot, int authorities) {
    BackingGroupPreConnect.Update u = preConnect.update(auraSlot, authorities, ownsAuthorIndex);
    preConnect = u.helper();
    return u.action();
  }

  /**
   * One block-production attempt.
   *
   * @param nowMs the wall clock, milliseconds since the Unix epoch
   * @param best the best relay block
   * @param relay the relay chain as the para client sees it
   * @param tree the para block tree
   * @param states the state of an imported para block, or null
   * @param bestPara the best para block's state (runtime constants are read there)
   * @param settings the node's settings in force
   */
  Attempt attempt(long nowMs, RelayBlock best, Function<Hash, Optional<RelayBlock>> relayBlocks,
      RelayChainView relay, ParaBlockTree tree, Function<Hash, ParachainState> states,
      ParachainState bestPara, CollatorSettings settings) {
    int offset = bestPara.config().relayParentOffset();
    long paraSlotMs = bestPara.config().auraSlotDurationMs();
    RelayParentOffset.Outcome found = RelayParentOffset.findDescendants(relay, best.hash(), offset);
    if (!(found instanceof RelayParentOffset.RelayParentData data)) {
      return new Skip("no relay parent at offset " + offset);
    }
    RelayBlockInfo rpInfo = data.relayParent();
    Optional<RelayBlock> rpBlock = relayBlocks.apply(rpInfo.hash());
    if (rpBlock.isEmpty()) {
      return new Skip("relay parent not imported");
    }
    RelayBlock rp = rpBlock.get();
    RuntimeApi api = rp.state().api();
    SlotBasedCollator.SlotAndTimestamp slot =
        SlotBasedCollator.paraSlotAndTimestamp(rpInfo.babeSlot(), timer.relaySlotDurationMs(), paraSlotMs);

    ParaBlockHeader included;
    ParaBlockHeader parentHeader;
    int lookback = Math.max(api.hostConfiguration().schedulerParams().lookahead() - 1, 0);
    if (settings.parentSearch() == ParentSearchRevision.F1) {
      List<PotentialParent> parents = ParentSearch.findPotentialParents(
          new ParentSearchParams(rpInfo.hash(), para, lookback, LookaheadCollator.PARENT_SEARCH_DEPTH, true),
          tree, relay, UnknownPendingPolicy.RETURN_EMPTY);
      Optional<PotentialParent> inc = parents.stream().filter(p -> p.depth() == 0).findFirst();
      if (inc.isEmpty()) {
        return new Skip("no included block among the potential parents");
      }
      included = inc.get().header();
      parentHeader = LookaheadCollator.deepest(parents).header();
    } else {
      Optional<ParentSearchResult> r = ParentSearch.findParentForBuilding(rpInfo.hash(), para, lookback,
          tree, relay, h -> true);
      if (r.isEmpty()) {
        return new Skip("no parent to build on");
      }
      included = r.get().includedHeader();
      parentHeader = r.get().bestParentHeader();
    }
    ParachainState parent = states.apply(parentHeader.hash());
    if (parent == null) {
      return new Skip("parent state not imported");
    }

    List<CoreIndex> cores = new ArrayList<>(api.claimQueueTransposed().coresAt(para, offset));
    Integer last = lastClaimedCoreSelector.get(rpInfo.hash());
    CoreSelection.Outcome chosen = CoreSelection.determineCore(cores, rpInfo, parentHeader,
        last == null ? OptionalInt.empty() : OptionalInt.of(last), offset);
    if (chosen instanceof CoreSelection.NoCoreScheduled) {
      return new Skip("No core scheduled");
    }
    if (!(chosen instanceof CoreSelection.Core core)) {
      return new Skip("Failed to determine core");
    }
    timer = timer.updateScheduling(core.numberOfCores());

    Optional<SlotClaim> claim = SlotClaim.canBuildUpon(slot.paraSlot(), rpInfo.babeSlot(), slot.timestampMs(),
        parent, included.hash(), ownsAuthorIndex);
    if (claim.isEmpty()) {
      return new Skip("Not building block.");
    }
    OptionalLong authoring = timer.adjustAuthoringDuration(settings.authoringDurationMicros() / 1000,
        paraSlotMs, nowMs, parent.authoritiesCount());
    if (authoring.isEmpty()) {
      return new Skip("Not enough time left in the slot to build a block");
    }
    int maxPov = api.hostConfiguration().maxPovSize();
    PersistedValidationData pvd = new PersistedValidationData(parentHeader.headData(), rpInfo.number(),
        rpInfo.stateRoot(), maxPov);
    BuildOrder order = new BuildOrder(claim.get(), pvd,
        LookaheadCollator.allowedPovSize(maxPov, OptionalInt.of(settings.maxPovPercentage())),
        core.coreIndex(), rpInfo);
    return new Build(order, parent, rp, core, authoring.getAsLong() * 1000);
  }

  /** {@code *last_claimed_core_selector = Some(core.core_selector())} for the relay parent. */
  void built(Hash relayParent, int selector) {
    lastClaimedCoreSelector.put(relayParent, selector);
  }
}
