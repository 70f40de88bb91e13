package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BackingState;
import io.parapipe.protocol.primitives.CandidatePendingAvailability;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.relay.node.implicitview.ImplicitView;
import io.parapipe.protocol.relay.node.implicitview.RelayBlock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The prospective-parachains subsystem of one validator node (upstream {@code lib.rs}, Era B):
 * one {@link FragmentChain} per tracked relay block and scheduled para, kept for the active leaves
 * and for their ancestors that the implicit view still retains. Messages are method calls.
 *
 * <p>In {@link ProspectiveChainsMode#ON_DEMAND} the chains of paras outside this node's backing
 * group are not kept: each tracked relay block keeps every scheduled para's scope and candidates
 * pending availability (the chain's starting point), each para the seconded candidates heard of
 * (with their backed state), and a chain is built from both when it is read, as a chain of the
 * previous relay block would be re-admitted by {@link FragmentChain#populateFromPrevious}.
 *
 * <p>Pure and deterministic: the chain and runtime are read only through the
 * {@link ProspectiveRuntime} port; iteration follows insertion order.
 */
public final class ProspectiveParachains {
  private final ProspectiveRuntime runtime;
  private final ProspectiveChainsMode mode;
  private final SharedChainBases shared;
  /**
   * On demand: each tracked relay block's scheduled paras with their scope and candidates pending
   * availability, whether or not a chain is kept for them.
   */
  private final Map<Hash, SortedMap<ParaId, ChainBase>> bases = new LinkedHashMap<>();
  /** On demand: the seconded candidates admitted so far, per para, with their backed state. */
  private final Map<ParaId, CandidateStorage> heard = new HashMap<>();

  /** {@code per_relay_parent}: fragment chains per tracked relay block, by para. */
  private final Map<Hash, SortedMap<ParaId, FragmentChain>> perRelayParent = new LinkedHashMap<>();
  private final Set<Hash> activeLeaves = new LinkedHashSet<>();
  private final ImplicitView implicitView = new ImplicitView();

  /** A subsystem reading the chain through {@code runtime}, keeping every chain (upstream's way). */
  public ProspectiveParachains(ProspectiveRuntime runtime) {
    this(runtime, ProspectiveChainsMode.EXACT);
  }

  /** A subsystem reading the chain through {@code runtime}, keeping its chains as {@code mode} says. */
  public ProspectiveParachains(ProspectiveRuntime runtime, ProspectiveChainsMode mode) {
    this(runtime, mode, SharedChainBases.none());
  }

  /**
   * A subsystem as {@link #ProspectiveParachains(ProspectiveRuntime, ProspectiveChainsMode)} that
   * reads and offers the chain bases of each leaf through {@code shared}.
   */
  public ProspectiveParachains(ProspectiveRuntime runtime, ProspectiveChainsMode mode,
      SharedChainBases shared) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.shared = Objects.requireNonNull(shared, "shared");
  }

  /**
   * Handles an active-leaves update ({@code handle_active_leaves_update}, §4.8 of the notes).
   *
   * <p>For the activated leaf (skipped if also deactivated): if the runtime does not support async
   * backing, returns at once (no deactivation, no pruning, as upstream). Otherwise fetches the
   * scheduled paras (every para in the claim queue at any depth), the leaf's block info (missing:
   * activation skipped), its ancestry (at most {@code allowed_ancestry_len}, stopping at a session
   * change), and for each para with a backing state builds the scope and the chain from the
   * candidates pending availability, then inherits from the parent block's chain if tracked.
   * Then deactivates leaves and prunes every relay block the implicit view no longer holds.
   *
   * @param activated the newly activated leaf, if any
   * @param deactivated the leaves no longer active
   */
  public void handleActiveLeavesUpdate(Optional<Hash> activated, Collection<Hash> deactivated) {
    if (activated.isPresent() && !deactivated.contains(activated.get())) {
      Hash hash = activated.get();
      Optional<AsyncBackingParams> mode = runtime.asyncBackingParams(hash);
      if (mode.isEmpty()) {
        // Async backing disabled: not part of any allowed ancestry.
        return;
      }
      activateLeaf(hash, mode.get());
    }
    for (Hash leaf : deactivated) {
      activeLeaves.remove(leaf);
      implicitView.deactivateLeaf(leaf);
    }
    Set<Hash> remaining = implicitView.allAllowedRelayParents();
    perRelayParent.keySet().retainAll(remaining);
    if (mode == ProspectiveChainsMode.ON_DEMAND) {
      bases.keySet().retainAll(remaining);
      pruneHeard(remaining);
    }
  }

  /** Forgets heard candidates whose relay parent is no longer tracked: no chain could take them. */
  private void pruneHeard(Set<Hash> remaining) {
    for (CandidateStorage storage : heard.values()) {
      List<Hash> stale = null;
      for (CandidateEntry e : storage.candidates()) {
        if (!remaining.contains(e.relayParent())) {
          if (stale == null) {
            stale = new ArrayList<>();
          }
          stale.add(e.candidateHash());
        }
      }
      if (stale != null) {
        stale.forEach(storage::removeCandidate);
      }
    }
  }

  private void activateLeaf(Hash hash, AsyncBackingParams params) {
    Set<ParaId> scheduledParas = new TreeSet<>();
    runtime.claimQueue(hash).values().forEach(scheduledParas::addAll);

    Optional<RelayChainBlockInfo> maybeBlockInfo = runtime.blockInfo(hash);
    if (maybeBlockInfo.isEmpty()) {
      return;
    }
    RelayChainBlockInfo blockInfo = maybeBlockInfo.get();
    List<RelayChainBlockInfo> ancestry = fetchAncestry(hash, params.allowedAncestryLen());

    SortedMap<ParaId, FragmentChain> prevChains =
        ancestry.isEmpty() ? null : perRelayParent.get(ancestry.get(0).hash());

    boolean onDemand = mode == ProspectiveChainsMode.ON_DEMAND;
    Set<ParaId> kept = onDemand ? keptParas(hash, ancestry) : null;
    SortedMap<ParaId, ChainBase> prevBases =
        onDemand && !ancestry.isEmpty() ? bases.get(ancestry.get(0).hash()) : null;
    SortedMap<ParaId, ChainBase> leafBases = shared.lookup(hash, ancestry);
    pendingReused = new HashMap<>();
    if (leafBases == null) {
      leafBases = chainBases(hash, blockInfo, params, scheduledParas, ancestry);
      shared.offer(hash, ancestry, leafBases);
    }
    SortedMap<ParaId, FragmentChain> chains = new TreeMap<>();
    for (Map.Entry<ParaId, ChainBase> e : leafBases.entrySet()) {
      ParaId para = e.getKey();
      ChainBase base = e.getValue();
      if (onDemand && !kept.contains(para)) {
        continue;
      }
      FragmentChain chain = FragmentChain.init(base.scope(), base.pending().copy());
      FragmentChain prev = prevChains == null ? null : prevChains.get(para);
      if (prev != null) {
        chain.populateFromPrevious(prev);
      } else if (prevBases != null && prevBases.containsKey(para)) {
        // The para was scheduled at the parent but its chain was not kept there.
        populateFromHeard(chain, para);
      }
      chains.put(para, chain);
    }
    if (onDemand) {
      bases.put(hash, leafBases);
    }
    // Only what this leaf used is kept: a candidate no longer pending is never asked for again.
    pendingCache = pendingReused;
    pendingReused = null;

    perRelayParent.put(hash, chains);
    activeLeaves.add(hash);
    List<RelayBlock> ancestorBlocks = new ArrayList<>(ancestry.size());
    for (RelayChainBlockInfo a : ancestry) {
      ancestorBlocks.add(new RelayBlock(a.hash(), a.number()));
    }
    implicitView.activateLeafFromProspectiveParachains(
        new RelayBlock(blockInfo.hash(), blockInfo.number()), ancestorBlocks);
  }

  /**
   * The chain base of each scheduled para with a backing state at a new leaf, in para order: its
   * scope (sharing one set of ancestor tables between paras) and its candidates pending
   * availability. Never changed afterwards.
   */
  private SortedMap<ParaId, ChainBase> chainBases(Hash hash, RelayChainBlockInfo blockInfo,
      AsyncBackingParams params, Set<ParaId> scheduledParas, List<RelayChainBlockInfo> ancestry) {
    SortedMap<ParaId, ChainBase> out = new TreeMap<>();
    Scope sibling = null;
    for (ParaId para : scheduledParas) {
      Optional<BackingState> backingState = runtime.backingState(hash, para);
      if (backingState.isEmpty()) {
        continue;
      }
      Constraints constraints = Constraints.fromPrimitive(backingState.get().constraints());
      List<ImportablePendingAvailability> pending = preprocessCandidatesPendingAvailability(
          constraints.requiredParent(), backingState.get().pendingAvailability());

      CandidateStorage pendingStorage = new CandidateStorage();
      List<PendingAvailability> compactPending = new ArrayList<>(pending.size());
      for (ImportablePendingAvailability c : pending) {
        Optional<FragmentChainError> added = pendingStorage.addPendingAvailabilityCandidate(
            c.compact().candidateHash(), c.candidate(), c.persistedValidationData());
        if (added.isPresent() && !(added.get() instanceof FragmentChainError.CandidateAlreadyKnown)) {
          // Scraped an invalid candidate pending availability: the scope keeps only the ones
          // before it, as the storage does.
          break;
        }
        compactPending.add(c.compact());
      }

      Result<Scope, UnexpectedAncestor> scope = Scope.withAncestorsLike(sibling,
          blockInfo, constraints, compactPending, params.maxCandidateDepth(), ancestry);
      if (scope.isErr()) {
        continue;
      }
      sibling = scope.value();
      out.put(para, new ChainBase(scope.value(), pendingStorage));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * On demand: the paras whose chains are kept at a new leaf, those this node's group is assigned
   * at the leaf or at an ancestor it may still back candidates at.
   */
  private Set<ParaId> keptParas(Hash leaf, List<RelayChainBlockInfo> ancestry) {
    Set<ParaId> kept = new HashSet<>(runtime.backedParas(leaf));
    for (RelayChainBlockInfo a : ancestry) {
      kept.addAll(runtime.backedParas(a.hash()));
    }
    return kept;
  }

  /** Re-admits the heard candidates of {@code para} into a chain, as if inherited. */
  private void populateFromHeard(FragmentChain chain, ParaId para) {
    CandidateStorage storage = heard.get(para);
    if (storage != null && storage.len() > 0) {
      chain.populateFromPrevious(FragmentChain.withUncheckedUnconnected(chain.scope(), storage));
    }
  }

  /**
   * The chain of {@code para} at a tracked relay block: the kept one, or on demand one built from
   * the block's scope and the heard candidates; null if the para has none there.
   */
  private FragmentChain chainAt(Hash relayBlock, ParaId para) {
    SortedMap<ParaId, FragmentChain> chains = perRelayParent.get(relayBlock);
    FragmentChain chain = chains == null ? null : chains.get(para);
    if (chain != null || mode != ProspectiveChainsMode.ON_DEMAND) {
      return chain;
    }
    SortedMap<ParaId, ChainBase> leafBases = bases.get(relayBlock);
    ChainBase base = leafBases == null ? null : leafBases.get(para);
    if (base == null) {
      return null;
    }
    FragmentChain built = FragmentChain.init(base.scope(), base.pending().copy());
    populateFromHeard(built, para);
    return built;
  }

  /**
   * The leaf's ancestors usable as relay parents ({@code fetch_ancestry}): at most {@code k},
   * stopping at the first unknown block or the first whose children are in another session than
   * the leaf's children.
   */
  private List<RelayChainBlockInfo> fetchAncestry(Hash leaf, int k) {
    if (k == 0) {
      return List.of();
    }
    List<Hash> hashes = runtime.ancestors(leaf, k);
    SessionIndex requiredSession = runtime.sessionIndexForChild(leaf);
    List<RelayChainBlockInfo> ancestry = new ArrayList<>(hashes.size());
    for (Hash h : hashes) {
      Optional<RelayChainBlockInfo> info = runtime.blockInfo(h);
      if (info.isEmpty()) {
        break;
      }
      // The relay chain cannot accept candidates from a previous session.
      if (!runtime.sessionIndexForChild(h).equals(requiredSession)) {
        break;
      }
      ancestry.add(info.get());
    }
    return ancestry;
  }

  /** A candidate pending availability with its reconstructed validation data. */
  private record ImportablePendingAvailability(
      CommittedCandidateReceipt candidate, PersistedValidationData persistedValidationData, PendingAvailability compact) {}

  /**
   * Rebuilds each pending candidate's PVD from the running required parent and its relay parent's
   * header ({@code preprocess_candidates_pending_availability}); stops at the first unknown relay
   * parent.
   */
  private List<ImportablePendingAvailability> preprocessCandidatesPendingAvailability(
      HeadData requiredParent, List<CandidatePendingAvailability> pendingAvailability) {
    List<ImportablePendingAvailability> importable = new ArrayList<>(pendingAvailability.size());
    HeadData parent = requiredParent;
    for (CandidatePendingAvailability pending : pendingAvailability) {
      Optional<RelayChainBlockInfo> relayParent = runtime.blockInfo(pending.descriptor().relayParent());
      if (relayParent.isEmpty()) {
        break;
      }
      RelayChainBlockInfo rp = relayParent.get();
      ImportablePendingAvailability cached = pendingReused.get(pending.candidateHash());
      if (cached == null) {
        cached = pendingCache.get(pending.candidateHash());
      }
      if (cached == null || !cached.persistedValidationData().parentHead().equals(parent)
          || !cached.compact().relayParent().equals(rp)) {
        // The runtime's record carries the candidate hash; the PVD is rebuilt once per candidate
        // and reused at later leaves while the candidate stays pending.
        cached = new ImportablePendingAvailability(
            CommittedCandidateReceipt.withKnownHash(pending.descriptor(), pending.commitments(),
                pending.candidateHash()),
            new PersistedValidationData(parent, rp.number(), rp.storageRoot(), pending.maxPovSize()),
            new PendingAvailability(pending.candidateHash(), rp));
      }
      pendingReused.put(pending.candidateHash(), cached);
      importable.add(cached);
      parent = pending.commitments().headData();
    }
    return importable;
  }

  /**
   * Pending candidates rebuilt at the last activated leaf, reused at the next one (a lookup cache).
   * It holds only the candidates that leaf used, so it stays as small as what is pending: a
   * cache cleared only when it grew large held thousands of stale entries per validator, the
   * largest share of a 500-validator network's heap.
   */
  private Map<Hash, ImportablePendingAvailability> pendingCache = new HashMap<>();

  /** The candidates the leaf being activated rebuilt or reused: the next leaf's cache. */
  private Map<Hash, ImportablePendingAvailability> pendingReused;

  /**
   * Keeps a newly seconded candidate ({@code IntroduceSecondedCandidate}) in the unconnected storage
   * of every tracked relay block (active leaves and retained former leaves) whose chain for the para
   * admits it.
   *
   * @return true iff it was added to, or already known by, at least one chain; false also for a PVD
   *     mismatch or a zero-length cycle
   */
  public boolean introduceSecondedCandidate(IntroduceSecondedCandidateRequest request) {
    CommittedCandidateReceipt candidate = request.candidateReceipt();
    Result<CandidateEntry, CandidateEntryError> entry =
        CandidateEntry.newSeconded(candidate.hash(), candidate, request.persistedValidationData());
    if (entry.isErr()) {
      return false;
    }
    boolean added = false;
    // Former leaves still in the implicit view are updated too, so that their future children
    // inherit the candidate.
    for (Map.Entry<Hash, SortedMap<ParaId, FragmentChain>> e : perRelayParent.entrySet()) {
      FragmentChain chain = e.getValue().get(request.candidatePara());
      if (chain == null) {
        if (mode == ProspectiveChainsMode.ON_DEMAND && !added
            && inUnkeptScope(e.getKey(), request.candidatePara(), candidate.descriptor().relayParent())) {
          added = true;
        }
        continue;
      }
      Optional<FragmentChainError> error = chain.tryAddingSecondedCandidate(entry.value());
      if (error.isEmpty() || error.get() instanceof FragmentChainError.CandidateAlreadyKnown) {
        added = true;
      }
    }
    if (added && mode == ProspectiveChainsMode.ON_DEMAND) {
      heard.computeIfAbsent(request.candidatePara(), p -> new CandidateStorage()).addCandidateEntry(entry.value());
    }
    return added;
  }

  /**
   * On demand, the admission of a candidate at a relay block whose chain of the para is not kept:
   * its relay parent is in the para's scope there. The kept chain's further rules (depth, forks,
   * cycles) are applied when a chain is built from the heard candidates.
   */
  private boolean inUnkeptScope(Hash relayBlock, ParaId para, Hash candidateRelayParent) {
    SortedMap<ParaId, ChainBase> leafBases = bases.get(relayBlock);
    ChainBase base = leafBases == null ? null : leafBases.get(para);
    return base != null && base.scope().ancestorOrNull(candidateRelayParent) != null;
  }

  /**
   * Notes that a candidate was backed ({@code CandidateBacked}), in every tracked chain of the para
   * that holds it unconnected. Fire and forget: unknown candidates are ignored.
   */
  public void candidateBacked(ParaId para, Hash candidateHash) {
    CandidateStorage heardOfPara = heard.get(para);
    if (heardOfPara != null) {
      heardOfPara.markBacked(candidateHash);
    }
    for (SortedMap<ParaId, FragmentChain> chains : perRelayParent.values()) {
      FragmentChain chain = chains.get(para);
      if (chain == null || chain.isCandidateBacked(candidateHash)) {
        continue;
      }
      if (chain.containsUnconnectedCandidate(candidateHash)) {
        chain.candidateBacked(candidateHash);
      }
    }
  }

  /**
   * Up to {@code count} candidates of {@code para} that can be backed next at an active leaf, after
   * the given ancestors ({@code GetBackableCandidates}); empty for an inactive leaf.
   */
  public List<BackableCandidate> getBackableCandidates(Hash leaf, ParaId para, int count, Set<Hash> ancestors) {
    if (!activeLeaves.contains(leaf)) {
      return List.of();
    }
    FragmentChain chain = chainAt(leaf, para);
    if (chain == null) {
      return List.of();
    }
    return chain.findBackableChain(ancestors, count);
  }

  /**
   * For each candidate, the active leaves (only {@code fragmentChainRelayParent} if given) whose
   * chain for its para could take it: admitted as potential or already known
   * ({@code GetHypotheticalMembership}).
   */
  public List<HypotheticalMembership> getHypotheticalMembership(HypotheticalMembershipRequest request) {
    List<List<Hash>> memberships = new ArrayList<>(request.candidates().size());
    for (int i = 0; i < request.candidates().size(); i++) {
      memberships.add(new ArrayList<>());
    }
    for (Hash leaf : activeLeaves) {
      if (request.fragmentChainRelayParent().isPresent()
          && !request.fragmentChainRelayParent().get().equals(leaf)) {
        continue;
      }
      if (!perRelayParent.containsKey(leaf)) {
        continue;
      }
      Map<ParaId, FragmentChain> chains = new HashMap<>();
      for (int i = 0; i < request.candidates().size(); i++) {
        HypotheticalCandidate candidate = request.candidates().get(i);
        ParaId para = candidate.candidatePara();
        FragmentChain chain = chains.containsKey(para) ? chains.get(para) : chainAt(leaf, para);
        chains.put(para, chain);
        if (chain == null) {
          continue;
        }
        Optional<FragmentChainError> error = chain.canAddCandidateAsPotential(candidate);
        if (error.isEmpty() || error.get() instanceof FragmentChainError.CandidateAlreadyKnown) {
          memberships.get(i).add(leaf);
        }
      }
    }
    List<HypotheticalMembership> out = new ArrayList<>(memberships.size());
    for (int i = 0; i < memberships.size(); i++) {
      out.add(new HypotheticalMembership(request.candidates().get(i), memberships.get(i)));
    }
    return out;
  }

  /**
   * For an active leaf, each para's earliest allowed relay-parent number
   * ({@code GetMinimumRelayParents}); empty for an inactive leaf. Feed this to
   * {@link ImplicitView#activateLeaf}.
   */
  public SortedMap<ParaId, Integer> getMinimumRelayParents(Hash leaf) {
    SortedMap<ParaId, Integer> out = new TreeMap<>();
    if (!activeLeaves.contains(leaf)) {
      return out;
    }
    if (mode == ProspectiveChainsMode.ON_DEMAND) {
      SortedMap<ParaId, ChainBase> leafBases = bases.get(leaf);
      if (leafBases != null) {
        for (Map.Entry<ParaId, ChainBase> e : leafBases.entrySet()) {
          out.put(e.getKey(), e.getValue().scope().earliestRelayParent().number());
        }
      }
      return out;
    }
    SortedMap<ParaId, FragmentChain> chains = perRelayParent.get(leaf);
    if (chains != null) {
      for (Map.Entry<ParaId, FragmentChain> e : chains.entrySet()) {
        out.put(e.getKey(), e.getValue().scope().earliestRelayParent().number());
      }
    }
    return out;
  }

  /**
   * The persisted validation data of a prospective candidate ({@code GetProspectiveValidationData}),
   * from the active leaves' chains of the para: relay-parent info from a scope containing it, the
   * parent head data from any chain (unless supplied), the max PoV size from the base constraints
   * of a chain whose scope contains the relay parent. Empty unless all three are found.
   */
  public Optional<PersistedValidationData> getProspectiveValidationData(ProspectiveValidationDataRequest request) {
    HeadData headData = request.parentHeadData() instanceof ParentHeadData.WithData w ? w.headData() : null;
    Hash parentHeadHash = request.parentHeadData().hash();
    RelayChainBlockInfo relayParentInfo = null;
    Integer maxPovSize = null;
    for (Hash leaf : activeLeaves) {
      if (headData != null && relayParentInfo != null && maxPovSize != null) {
        break;
      }
      FragmentChain chain = chainAt(leaf, request.paraId());
      if (chain == null) {
        continue;
      }
      RelayChainBlockInfo inScope = chain.scope().ancestorOrNull(request.candidateRelayParent());
      if (relayParentInfo == null) {
        relayParentInfo = inScope;
      }
      if (headData == null) {
        headData = chain.getHeadDataByHash(parentHeadHash).orElse(null);
      }
      // Assumes max_pov_size changes only at session boundaries, which scopes never cross.
      if (maxPovSize == null && inScope != null) {
        maxPovSize = chain.scope().baseConstraints().maxPovSize();
      }
    }
    if (headData == null || relayParentInfo == null || maxPovSize == null) {
      return Optional.empty();
    }
    return Optional.of(new PersistedValidationData(
        headData, relayParentInfo.number(), relayParentInfo.storageRoot(), maxPovSize));
  }

  /** The active leaves (unmodifiable, activation order). */
  public Set<Hash> activeLeaves() {
    return Collections.unmodifiableSet(activeLeaves);
  }

  /** The relay blocks with fragment chains: active leaves and retained former leaves. */
  public Set<Hash> trackedRelayParents() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(perRelayParent.keySet()));
  }

  /**
   * The fragment chain of a para at a tracked relay block, for inspection; on demand, a chain not
   * kept is built afresh (a copy: changing it changes nothing here).
   */
  public Optional<FragmentChain> fragmentChain(Hash relayParent, ParaId para) {
    return Optional.ofNullable(chainAt(relayParent, para));
  }

  /** Whether the chain of {@code para} at {@code relayParent} is kept (always, unless on demand). */
  public boolean keepsChain(Hash relayParent, ParaId para) {
    SortedMap<ParaId, FragmentChain> chains = perRelayParent.get(relayParent);
    return chains != null && chains.containsKey(para);
  }

  /** How this subsystem keeps its chains. */
  public ProspectiveChainsMode mode() {
    return mode;
  }

  /** The relay blocks the subsystem's implicit view retains. */
  public Set<Hash> retainedRelayBlocks() {
    return Collections.unmodifiableSet(new HashSet<>(implicitView.allAllowedRelayParents()));
  }
}
