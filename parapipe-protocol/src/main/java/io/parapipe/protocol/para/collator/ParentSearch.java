package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The collator's parent search (upstream {@code cumulus/client/consensus/common/src/parent_search.rs}):
 * F1 {@link #findPotentialParents} (2024–2025, all potential parents with depth and alignment) and
 * F2 {@link #findParentForBuilding} (newest, PR #10998: only the deepest valid block).
 */
public final class ParentSearch {
  private ParentSearch() {}

  /** A relay block acceptable as a para block's relay parent: its hash and state root. */
  private record AncestryEntry(Hash hash, Hash stateRoot) {}

  /** Blocks on the path from the included block to the pending block (excluding the included, including the pending). */
  private record Route(List<Hash> enacted) {}

  /**
   * F1 {@code find_potential_parents}. Returns the included block (depth 0) first, then the blocks
   * on the path to the pending block, then the depth-first search order; empty if the included
   * block is unknown locally, if the included block is not an ancestor of the pending block, or if
   * the pending block is unknown and {@code policy} says so.
   */
  public static List<PotentialParent> findPotentialParents(
      ParentSearchParams params, ParaBlockTree tree, RelayChainView relay, UnknownPendingPolicy policy) {
    Optional<ParaBlockHeader> includedHeader = fetchIncluded(relay, tree, params.paraId(), params.relayParent());
    if (includedHeader.isEmpty()) {
      return List.of();
    }
    ParaBlockHeader included = includedHeader.get();
    Hash includedHash = included.hash();
    List<PotentialParent> onlyIncluded = List.of(new PotentialParent(includedHash, included, 0, true));
    if (params.maxDepth() == 0) {
      return onlyIncluded;
    }

    // Pending: PVD with OccupiedCoreAssumption::Included, ignored if equal to the included head.
    Optional<ParaBlockHeader> pending = Optional.empty();
    Optional<ParaBlockHeader> pendingDecoded = relay
        .validationDataAssumingIncluded(params.relayParent(), params.paraId())
        .flatMap(p -> ParaBlockHeader.decode(p.parentHead()))
        .filter(h -> !h.hash().equals(includedHash));
    if (pendingDecoded.isPresent()) {
      if (tree.header(pendingDecoded.get().hash()).isPresent()) {
        pending = pendingDecoded;
      } else if (params.ignoreAlternativeBranches()) {
        // "Failed to get header for pending block."
        return policy == UnknownPendingPolicy.RETURN_EMPTY ? List.of() : onlyIncluded;
      }
    }

    Optional<Route> route = Optional.empty();
    if (pending.isPresent()) {
      Optional<Optional<Route>> r = treeRoute(tree, included, pending.get());
      if (r.isEmpty()) {
        return List.of(); // a missing header: upstream propagates the error
      }
      route = r.get();
    }

    List<PotentialParent> frontier = new ArrayList<>();
    List<PotentialParent> potentialParents = new ArrayList<>();
    if (pending.isPresent() && params.ignoreAlternativeBranches()) {
      if (route.isEmpty()) {
        // "Included block not an ancestor of pending block. This should not happen."
        return List.of();
      }
      potentialParents.addAll(onlyIncluded);
      List<Hash> enacted = route.get().enacted();
      int onPath = Math.min(Math.max(enacted.size() - 1, 0), params.maxDepth());
      for (int i = 0; i < onPath; i++) {
        Optional<ParaBlockHeader> h = tree.header(enacted.get(i));
        if (h.isPresent()) {
          potentialParents.add(new PotentialParent(enacted.get(i), h.get(), 1 + i, true));
        }
      }
      frontier.add(new PotentialParent(pending.get().hash(), pending.get(), enacted.size(), true));
    } else {
      frontier.addAll(onlyIncluded);
    }
    if (potentialParents.size() > params.maxDepth()) {
      return List.copyOf(potentialParents);
    }

    List<AncestryEntry> ancestry = relayParentAncestry(relay, params.relayParent(), params.ancestryLookback(), false);
    return searchChildBranchesForParents(frontier, route, includedHash, pending.map(ParaBlockHeader::hash),
        tree, params.maxDepth(), params.ignoreAlternativeBranches(), ancestry, potentialParents);
  }

  private static List<PotentialParent> searchChildBranchesForParents(
      List<PotentialParent> frontier, Optional<Route> routeToPending, Hash includedHash,
      Optional<Hash> pendingHash, ParaBlockTree tree, int maxDepth, boolean ignoreAlternativeBranches,
      List<AncestryEntry> ancestry, List<PotentialParent> potentialParents) {
    Optional<Integer> pendingDistance = routeToPending.map(r -> r.enacted().size());
    Set<Hash> path = routeToPending.map(r -> (Set<Hash>) new HashSet<>(r.enacted())).orElse(null);
    while (!frontier.isEmpty()) {
      PotentialParent entry = frontier.remove(frontier.size() - 1);
      boolean isPending = pendingHash.filter(entry.hash()::equals).isPresent();
      boolean isIncluded = includedHash.equals(entry.hash());
      // The pending and included blocks are always allowed: they are already on chain.
      boolean isPotential = isPending || isIncluded || relayParentInAncestry(entry.header(), ancestry);
      int childDepth = entry.depth() + 1;
      if (isPotential) {
        potentialParents.add(entry);
      }
      if (!isPotential || childDepth > maxDepth) {
        continue;
      }
      for (Hash child : tree.children(entry.hash())) {
        boolean aligned = entry.alignedWithPending()
            && (pendingDistance.map(d -> childDepth > d).orElse(true)
                || pendingHash.map(child::equals).orElse(true)
                || path == null || path.contains(child));
        if (ignoreAlternativeBranches && !aligned) {
          continue;
        }
        Optional<ParaBlockHeader> header = tree.header(child);
        if (header.isEmpty()) {
          continue;
        }
        frontier.add(new PotentialParent(child, header.get(), childDepth, aligned));
      }
    }
    return List.copyOf(potentialParents);
  }

  /**
   * F2 {@code find_parent_for_building}: the deepest block descending from the pending block (or
   * the included block if none is pending) whose relay parent lies in the allowed relay ancestry
   * and which {@code blockFilter} accepts. Empty if the included or pending block is unknown
   * locally, or the included block is not an ancestor of the pending one.
   *
   * @param relayParent the relay parent the new block will use
   * @param paraId the para
   * @param ancestryLookback how many relay ancestors a parent's relay parent may be
   * @param blockFilter an extra test for candidate parents ({@code block_filter}); accept-all if
   *     none is needed
   */
  public static Optional<ParentSearchResult> findParentForBuilding(
      Hash relayParent, ParaId paraId, int ancestryLookback, ParaBlockTree tree, RelayChainView relay,
      Predicate<ParaBlockHeader> blockFilter) {
    Optional<ParaBlockHeader> includedHeader = fetchIncluded(relay, tree, paraId, relayParent);
    if (includedHeader.isEmpty()) {
      return Optional.empty();
    }
    ParaBlockHeader included = includedHeader.get();
    Optional<ParaBlockHeader> pending = relay.validationDataAssumingIncluded(relayParent, paraId)
        .flatMap(p -> ParaBlockHeader.decode(p.parentHead()))
        .filter(h -> !h.hash().equals(included.hash()));
    ParaBlockHeader start = included;
    if (pending.isPresent()) {
      if (tree.header(pending.get().hash()).isEmpty()) {
        return Optional.empty(); // "Failed to get header for pending block."
      }
      Optional<Optional<Route>> route = treeRoute(tree, included, pending.get());
      if (route.isEmpty() || route.get().isEmpty()) {
        return Optional.empty();
      }
      start = pending.get();
    }
    List<AncestryEntry> ancestry = relayParentAncestry(relay, relayParent, ancestryLookback, true);
    ParaBlockHeader best = start;
    List<Hash> stack = new ArrayList<>(tree.children(start.hash()));
    while (!stack.isEmpty()) {
      Hash h = stack.remove(stack.size() - 1);
      Optional<ParaBlockHeader> header = tree.header(h);
      if (header.isEmpty() || !relayParentInAncestry(header.get(), ancestry) || !blockFilter.test(header.get())) {
        continue;
      }
      if (Integer.compareUnsigned(header.get().number(), best.number()) > 0) {
        best = header.get();
      }
      stack.addAll(tree.children(h));
    }
    return Optional.of(new ParentSearchResult(included, best));
  }

  /** The included head at the relay parent, if decodable and known locally. */
  private static Optional<ParaBlockHeader> fetchIncluded(
      RelayChainView relay, ParaBlockTree tree, ParaId paraId, Hash relayParent) {
    Optional<HeadData> head = relay.validationDataAssumingTimedOut(relayParent, paraId)
        .map(PersistedValidationData::parentHead);
    Optional<ParaBlockHeader> header = head.flatMap(ParaBlockHeader::decode);
    // "Failed to get header for included block."
    return header.filter(h -> tree.header(h.hash()).isPresent());
  }

  /**
   * {@code tree_route(included, pending)}: empty outer Optional if a header is missing; empty
   * inner Optional if the included block is not an ancestor of the pending one (retracted blocks).
   */
  private static Optional<Optional<Route>> treeRoute(ParaBlockTree tree, ParaBlockHeader from, ParaBlockHeader to) {
    List<Hash> enacted = new ArrayList<>();
    ParaBlockHeader cur = to;
    while (Integer.compareUnsigned(cur.number(), from.number()) > 0) {
      enacted.add(0, cur.hash());
      Optional<ParaBlockHeader> parent = tree.header(cur.parentHash());
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      cur = parent.get();
    }
    if (!cur.hash().equals(from.hash())) {
      return Optional.of(Optional.empty());
    }
    return Optional.of(Optional.of(new Route(List.copyOf(enacted))));
  }

  /**
   * {@code build_relay_parent_ancestry}: up to {@code lookback + 1} relay blocks from the relay
   * parent back, never past block #1. F1 stops at a session change; F2 tolerates up to two
   * earlier sessions.
   */
  private static List<AncestryEntry> relayParentAncestry(
      RelayChainView relay, Hash relayParent, int lookback, boolean toleratePastSessions) {
    List<AncestryEntry> ancestry = new ArrayList<>();
    Hash current = relayParent;
    SessionIndex required = null;
    while (ancestry.size() <= lookback) {
      Optional<RelayBlockInfo> header = relay.header(current);
      if (header.isEmpty()) {
        break;
      }
      SessionIndex session = relay.sessionIndexForChild(current);
      if (required == null) {
        required = session;
      } else if (toleratePastSessions
          ? Integer.toUnsignedLong(required.value()) - Integer.toUnsignedLong(session.value()) > 2
          : !session.equals(required)) {
        break;
      }
      ancestry.add(new AncestryEntry(current, header.get().stateRoot()));
      current = header.get().parentHash();
      if (header.get().number() == 1) {
        break;
      }
    }
    return ancestry;
  }

  private static boolean relayParentInAncestry(ParaBlockHeader header, List<AncestryEntry> ancestry) {
    Optional<Hash> rp = header.relayParent();
    if (rp.isPresent()) {
      for (AncestryEntry e : ancestry) {
        if (e.hash().equals(rp.get())) {
          return true;
        }
      }
    }
    Optional<Hash> root = header.relayParentStorageRoot().map(r -> r.storageRoot());
    if (root.isPresent()) {
      for (AncestryEntry e : ancestry) {
        if (e.stateRoot().equals(root.get())) {
          return true;
        }
      }
    }
    return false;
  }
}
