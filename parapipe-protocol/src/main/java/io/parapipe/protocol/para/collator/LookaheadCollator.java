package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.para.runtime.ParachainState;
import io.parapipe.protocol.para.runtime.Slots;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.function.IntPredicate;

/**
 * The lookahead collator's pure steps, revision L2 ({@code cumulus/client/consensus/aura/src/collators/lookahead.rs},
 * reference §6.2). For each imported relay block the node calls {@link #onRelayBlock}; if it
 * answers a {@link Round}, the node repeatedly calls {@link Round#nextBuild} with the parent's
 * state, builds the block, and continues with {@link Round#afterBuilt} — at most
 * {@value #MAX_BLOCKS_PER_RELAY_PARENT} blocks per relay parent.
 */
public final class LookaheadCollator {
  private LookaheadCollator() {}

  /** {@code PARENT_SEARCH_DEPTH} (L2; L1 used 10). */
  public static final int PARENT_SEARCH_DEPTH = 40;
  /** Blocks per relay parent: one plus the "filling" block allowed by V + 1. */
  public static final int MAX_BLOCKS_PER_RELAY_PARENT = 2;
  /** PoV budget when {@code max_pov_percentage} is not set. */
  public static final int DEFAULT_MAX_POV_PERCENTAGE = 85;
  /** {@code DEFAULT_CLAIM_QUEUE_OFFSET}. */
  public static final int DEFAULT_CLAIM_QUEUE_OFFSET = 0;

  /**
   * The collator's parameters, built by name from {@link #defaults} with the {@code with*} copies.
   *
   * @param paraId the para
   * @param relaySlotDurationMs {@code relay_chain_slot_duration}
   * @param maxPovPercentage {@code max_pov_percentage}; empty for the default 85 %
   * @param schedulingLookahead the relay's {@code scheduling_lookahead}; ancestry lookback is one less
   * @param parentSearch F1 (default) or F2
   * @param unknownPendingPolicy F1's answer for an unknown pending block
   * @param maxAncestryLookback the relay's {@code allowed_ancestry_len} when known, else empty
   */
  public record Params(ParaId paraId, long relaySlotDurationMs, OptionalInt maxAncestryLookback,
      OptionalInt maxPovPercentage, int schedulingLookahead, ParentSearchRevision parentSearch,
      UnknownPendingPolicy unknownPendingPolicy) {
    /** Parameters whose ancestry lookback follows {@code scheduling_lookahead}. */
    public Params(ParaId paraId, long relaySlotDurationMs, OptionalInt maxPovPercentage,
        int schedulingLookahead, ParentSearchRevision parentSearch, UnknownPendingPolicy unknownPendingPolicy) {
      this(paraId, relaySlotDurationMs, OptionalInt.empty(), maxPovPercentage, schedulingLookahead,
          parentSearch, unknownPendingPolicy);
    }

    /** Requires the ids. */
    public Params {
      Objects.requireNonNull(paraId, "paraId");
      Objects.requireNonNull(maxAncestryLookback, "maxAncestryLookback");
      Objects.requireNonNull(maxPovPercentage, "maxPovPercentage");
      Objects.requireNonNull(parentSearch, "parentSearch");
      Objects.requireNonNull(unknownPendingPolicy, "unknownPendingPolicy");
    }

    /** Defaults: 85 % PoV, {@code DEFAULT_SCHEDULING_LOOKAHEAD}, F1, unknown pending → []. */
    public static Params defaults(ParaId paraId, long relaySlotDurationMs) {
      return new Params(paraId, relaySlotDurationMs, OptionalInt.empty(),
          HostConfiguration.DEFAULT_SCHEDULING_LOOKAHEAD, ParentSearchRevision.F1, UnknownPendingPolicy.RETURN_EMPTY);
    }

    /** Copy with another {@code max_pov_percentage} (empty for the default 85 %). */
    public Params withMaxPovPercentage(OptionalInt percentage) {
      return new Params(paraId, relaySlotDurationMs, maxAncestryLookback, percentage,
          schedulingLookahead, parentSearch, unknownPendingPolicy);
    }

    /** Copy with another {@code scheduling_lookahead}. */
    public Params withSchedulingLookahead(int lookahead) {
      return new Params(paraId, relaySlotDurationMs, maxAncestryLookback, maxPovPercentage, lookahead,
          parentSearch, unknownPendingPolicy);
    }

    /** Copy with another parent search revision. */
    public Params withParentSearch(ParentSearchRevision revision) {
      return new Params(paraId, relaySlotDurationMs, maxAncestryLookback, maxPovPercentage,
          schedulingLookahead, revision, unknownPendingPolicy);
    }

    /** Copy with another answer of F1 for an unknown pending block. */
    public Params withUnknownPendingPolicy(UnknownPendingPolicy policy) {
      return new Params(paraId, relaySlotDurationMs, maxAncestryLookback, maxPovPercentage,
          schedulingLookahead, parentSearch, policy);
    }

    /**
     * Copy whose ancestry lookback is the relay's {@code allowed_ancestry_len}: cumulus's
     * {@code max_ancestry_lookback} for a relay runtime that bounds relay parents by the async
     * backing parameters, as this one does. Without it, a relay chain switched back to
     * {@code max_candidate_depth = 0, allowed_ancestry_len = 0} while {@code scheduling_lookahead}
     * stays 3 would have the collator build on its own unbacked block from an older relay parent,
     * which the validators can never back: 18 s instead of 12 s.
     */
    public Params withAncestryLookback(int allowedAncestryLen) {
      return new Params(paraId, relaySlotDurationMs, OptionalInt.of(allowedAncestryLen),
          maxPovPercentage, schedulingLookahead, parentSearch, unknownPendingPolicy);
    }

    /**
     * The relay ancestry a parent's relay parent may come from: {@code allowed_ancestry_len} when
     * known, else {@code scheduling_lookahead − 1} (saturating), newer cumulus's rule.
     */
    public int ancestryLookback() {
      if (maxAncestryLookback.isPresent()) {
        return maxAncestryLookback.getAsInt();
      }
      return Math.max(schedulingLookahead - 1, 0);
    }
  }

  /** What to do with an imported relay block. */
  public sealed interface Decision permits Skip, Round {}

  /**
   * Nothing is built on this relay parent.
   *
   * @param reason why (upstream's log text where there is one)
   */
  public record Skip(String reason) implements Decision {}

  /**
   * Building on one relay parent.
   *
   * @param params the collator's parameters
   * @param relayParent the relay parent
   * @param coreIndex the core from the claim queue
   * @param maxPovSize {@code max_pov_size} at the relay parent
   * @param includedHash the head included at the relay parent
   * @param parentHeader the block to build on next
   * @param parentDepth its depth above the included block
   * @param blocksBuilt blocks built on this relay parent so far
   */
  public record Round(Params params, RelayBlockInfo relayParent, CoreIndex coreIndex, int maxPovSize,
      Hash includedHash, ParaBlockHeader parentHeader, int parentDepth, int blocksBuilt) implements Decision {

    /**
     * The next block to build on {@link #parentHeader}, or empty when the round is over: two blocks
     * were built, or {@code can_build_upon} refuses (not our slot, segment full, velocity used up).
     * {@code slot_now = relay_slot × relay_ms / para_ms} with the para slot duration read at the
     * parent; the timestamp is {@code relay_slot × relay_ms}.
     *
     * @param parentState the state of {@link #parentHeader}
     * @param ownsAuthorIndex whether the keystore holds the key of an authority index
     */
    public Optional<BuildOrder> nextBuild(ParachainState parentState, IntPredicate ownsAuthorIndex) {
      if (!parentState.headHash().equals(parentHeader.hash())) {
        throw new IllegalArgumentException("state of " + parentState.headHash() + " given for parent " + parentHeader.hash());
      }
      if (blocksBuilt >= MAX_BLOCKS_PER_RELAY_PARENT) {
        return Optional.empty();
      }
      long relaySlot = relayParent.babeSlot();
      long timestamp = Slots.relayTimestamp(relaySlot, params.relaySlotDurationMs());
      long slotNow = Slots.fromTimestamp(timestamp, parentState.config().auraSlotDurationMs());
      return SlotClaim.canBuildUpon(slotNow, relaySlot, timestamp, parentState, includedHash, ownsAuthorIndex)
          .map(claim -> new BuildOrder(claim,
              new PersistedValidationData(parentHeader.headData(), relayParent.number(), relayParent.stateRoot(), maxPovSize),
              allowedPovSize(maxPovSize, params.maxPovPercentage()), coreIndex, relayParent));
    }

    /** The round after a block was built and imported: it is the next parent. */
    public Round afterBuilt(ParaBlockHeader newBlock) {
      return new Round(params, relayParent, coreIndex, maxPovSize, includedHash, newBlock,
          parentDepth + 1, blocksBuilt + 1);
    }
  }

  /**
   * Steps 1–3 for an imported relay block: the first core scheduled for the para at claim queue
   * offset 0, {@code max_pov_size} from the validation data (assuming the pending candidate
   * included), then the parent search — the included block (depth 0) and the deepest potential
   * parent (the last of maximal depth).
   *
   * @param claimQueue the claim queue at the relay parent: per core, the paras claimed at depths 0, 1, ...
   */
  public static Decision onRelayBlock(Params params, RelayBlockInfo relayParent,
      SortedMap<CoreIndex, List<ParaId>> claimQueue, ParaBlockTree tree, RelayChainView relay) {
    List<CoreIndex> cores = coresScheduledForPara(claimQueue, params.paraId(), DEFAULT_CLAIM_QUEUE_OFFSET);
    if (cores.isEmpty()) {
      return new Skip("Para is not scheduled on any core, skipping import notification");
    }
    Optional<PersistedValidationData> pvd = relay.validationDataAssumingIncluded(relayParent.hash(), params.paraId());
    if (pvd.isEmpty()) {
      return new Skip("no persisted validation data at the relay parent");
    }
    Hash includedHash;
    ParaBlockHeader parent;
    int depth;
    if (params.parentSearch() == ParentSearchRevision.F1) {
      List<PotentialParent> parents = ParentSearch.findPotentialParents(
          new ParentSearchParams(relayParent.hash(), params.paraId(), params.ancestryLookback(),
              PARENT_SEARCH_DEPTH, true),
          tree, relay, params.unknownPendingPolicy());
      Optional<PotentialParent> included = parents.stream().filter(p -> p.depth() == 0).findFirst();
      if (included.isEmpty()) {
        return new Skip("no included block among the potential parents");
      }
      PotentialParent deepest = deepest(parents);
      includedHash = included.get().hash();
      parent = deepest.header();
      depth = deepest.depth();
    } else {
      Optional<ParentSearchResult> r = ParentSearch.findParentForBuilding(
          relayParent.hash(), params.paraId(), params.ancestryLookback(), tree, relay, h -> true);
      if (r.isEmpty()) {
        return new Skip("no parent to build on");
      }
      includedHash = r.get().includedHeader().hash();
      parent = r.get().bestParentHeader();
      depth = r.get().unincludedSegmentLength();
    }
    return new Round(params, relayParent, cores.get(0), pvd.get().maxPovSize(), includedHash, parent, depth, 0);
  }

  /** {@code max_by_key(depth)}: the last potential parent of maximal depth. */
  public static PotentialParent deepest(List<PotentialParent> parents) {
    PotentialParent best = null;
    for (PotentialParent p : parents) {
      if (best == null || p.depth() >= best.depth()) {
        best = p;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no potential parents");
    }
    return best;
  }

  /**
   * {@code cores_scheduled_for_para}: the cores whose claim queue has {@code paraId} at
   * {@code depth}, ascending.
   */
  public static List<CoreIndex> coresScheduledForPara(
      SortedMap<CoreIndex, List<ParaId>> claimQueue, ParaId paraId, int depth) {
    List<CoreIndex> cores = new ArrayList<>();
    for (Map.Entry<CoreIndex, List<ParaId>> e : claimQueue.entrySet()) {
      List<ParaId> q = e.getValue();
      if (depth < q.size() && q.get(depth).equals(paraId)) {
        cores.add(e.getKey());
      }
    }
    return List.copyOf(cores);
  }

  /** The PoV budget: {@code max_pov_size × pct / 100}, 85 % by default. */
  public static long allowedPovSize(int maxPovSize, OptionalInt maxPovPercentage) {
    long pct = maxPovPercentage.orElse(DEFAULT_MAX_POV_PERCENTAGE);
    return Integer.toUnsignedLong(maxPovSize) * pct / 100;
  }
}
