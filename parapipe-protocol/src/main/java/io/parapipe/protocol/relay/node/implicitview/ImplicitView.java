package io.parapipe.protocol.relay.node.implicitview;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The implicit view of the relay chain derived from the active leaves
 * ({@code backing_implicit_view::View}, Era B): for each leaf, the contiguous ancestry down to the
 * lowest minimum relay parent of any para, and per para the slice of it candidates may use as
 * relay parent. Blocks are kept while some active leaf still needs them; pruning is by block
 * number, as upstream. Iteration follows insertion order.
 */
public final class ImplicitView {
  /** Always retain this many blocks below each active leaf ({@code MINIMUM_RETAIN_LENGTH}). */
  public static final int MINIMUM_RETAIN_LENGTH = 2;

  /** Minimum relay parents of a former or current leaf, and its contiguous ancestry. */
  private record AllowedRelayParents(SortedMap<ParaId, Integer> minimumRelayParents, List<Hash> contiguous) {
    List<Hash> allowedFor(Optional<ParaId> para, int baseNumber) {
      if (para.isEmpty()) {
        return contiguous;
      }
      Integer paraMin = minimumRelayParents.get(para.get());
      if (paraMin == null || baseNumber < paraMin) {
        return List.of();
      }
      // A difference of 0 still allows the block itself.
      int len = (int) Math.min((long) baseNumber - paraMin + 1, contiguous.size());
      return contiguous.subList(0, len);
    }
  }

  /** A stored block; {@code allowed} only for blocks that were active leaves. */
  private record BlockInfo(int number, AllowedRelayParents allowed, Hash parentHash) {}

  private final Map<Hash, Integer> leaves = new LinkedHashMap<>();
  private final Map<Hash, BlockInfo> blockInfoStorage = new LinkedHashMap<>();

  /** An empty view. */
  public ImplicitView() {}

  /** The active leaves (unmodifiable, activation order). */
  public Set<Hash> leaves() {
    return Collections.unmodifiableSet(leaves.keySet());
  }

  /** Whether the block is an active leaf. */
  public boolean containsLeaf(Hash leafHash) {
    return leaves.containsKey(leafHash);
  }

  /**
   * Activates a leaf (backing and collator protocol use, {@code activate_leaf}): loads the
   * ancestry down to the lowest of {@code minimumRelayParents} (the answer of prospective
   * parachains' {@code GetMinimumRelayParents} for this leaf), reusing stored headers.
   *
   * @return empty on success; {@link FetchError.AlreadyKnown} for an active leaf;
   *     {@link FetchError.BlockHeaderUnavailable} if a needed header is unknown
   */
  public Optional<FetchError> activateLeaf(
      Hash leafHash, HeaderSource headers, Map<ParaId, Integer> minimumRelayParents) {
    if (leaves.containsKey(leafHash)) {
      return Optional.of(new FetchError.AlreadyKnown());
    }
    Optional<BlockHeader> maybeLeaf = headers.header(leafHash);
    if (maybeLeaf.isEmpty()) {
      return Optional.of(new FetchError.BlockHeaderUnavailable(leafHash));
    }
    BlockHeader leaf = maybeLeaf.get();
    int minMin = leaf.number();
    for (int n : minimumRelayParents.values()) {
      minMin = Math.min(minMin, n);
    }

    List<Hash> ancestry = new ArrayList<>(Math.max(1, leaf.number() - minMin + 1));
    ancestry.add(leafHash);
    if (leaf.number() > 0) {
      int nextNumber = leaf.number() - 1;
      Hash nextHash = leaf.parentHash();
      while (nextNumber >= minMin) {
        BlockInfo stored = blockInfoStorage.get(nextHash);
        Hash parent;
        if (stored != null && stored.parentHash() != null) {
          parent = stored.parentHash();
        } else {
          Optional<BlockHeader> header = headers.header(nextHash);
          if (header.isEmpty()) {
            return Optional.of(new FetchError.BlockHeaderUnavailable(nextHash));
          }
          parent = header.get().parentHash();
          blockInfoStorage.put(nextHash, new BlockInfo(
              nextNumber, stored == null ? null : stored.allowed(), parent));
        }
        ancestry.add(nextHash);
        if (nextNumber == 0) {
          break;
        }
        nextNumber--;
        nextHash = parent;
      }
    }

    int retainMinimum = Math.min(minMin, Math.max(0, leaf.number() - MINIMUM_RETAIN_LENGTH));
    leaves.put(leafHash, retainMinimum);
    blockInfoStorage.put(leafHash, new BlockInfo(
        leaf.number(),
        new AllowedRelayParents(
            Collections.unmodifiableSortedMap(new TreeMap<>(minimumRelayParents)),
            Collections.unmodifiableList(ancestry)),
        leaf.parentHash()));
    return Optional.empty();
  }

  /**
   * Activates a leaf with an ancestry prospective parachains already fetched
   * ({@code activate_leaf_from_prospective_parachains}); no per-para minimums are recorded. A
   * no-op for active leaves.
   *
   * @param leaf the leaf
   * @param ancestors its ancestors, newest first, contiguous
   */
  public void activateLeafFromProspectiveParachains(RelayBlock leaf, List<RelayBlock> ancestors) {
    if (leaves.containsKey(leaf.hash())) {
      return;
    }
    int lowest = ancestors.isEmpty() ? 0 : ancestors.get(ancestors.size() - 1).number();
    leaves.put(leaf.hash(), Math.min(lowest, Math.max(0, leaf.number() - MINIMUM_RETAIN_LENGTH)));
    List<Hash> contiguous = new ArrayList<>(ancestors.size());
    for (int i = 0; i < ancestors.size(); i++) {
      RelayBlock ancestor = ancestors.get(i);
      Hash parent = i + 1 < ancestors.size() ? ancestors.get(i + 1).hash() : null;
      blockInfoStorage.put(ancestor.hash(), new BlockInfo(ancestor.number(), null, parent));
      contiguous.add(ancestor.hash());
    }
    Hash leafParent = ancestors.isEmpty() ? null : ancestors.get(0).hash();
    blockInfoStorage.put(leaf.hash(), new BlockInfo(
        leaf.number(),
        new AllowedRelayParents(Collections.emptySortedMap(), Collections.unmodifiableList(contiguous)),
        leafParent));
  }

  /**
   * Deactivates a leaf and prunes every stored block below the lowest retain-minimum of the
   * remaining leaves (everything if none remain).
   *
   * @return the pruned block hashes
   */
  public List<Hash> deactivateLeaf(Hash leafHash) {
    List<Hash> removed = new ArrayList<>();
    if (leaves.remove(leafHash) == null) {
      return removed;
    }
    Integer minimum = null;
    for (int retain : leaves.values()) {
      minimum = minimum == null ? retain : Math.min(minimum, retain);
    }
    Iterator<Map.Entry<Hash, BlockInfo>> it = blockInfoStorage.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Hash, BlockInfo> e = it.next();
      if (minimum == null || e.getValue().number() < minimum) {
        removed.add(e.getKey());
        it.remove();
      }
    }
    return removed;
  }

  /**
   * Every block the view stores (unmodifiable view). Not every one is an allowed relay parent of a
   * current leaf: some are only retained; use {@link #knownAllowedRelayParentsUnder} for that.
   */
  public Set<Hash> allAllowedRelayParents() {
    return Collections.unmodifiableSet(blockInfoStorage.keySet());
  }

  /**
   * The relay parents allowed for candidates of {@code para} (all paras if empty) that could be
   * backed in a child of {@code block}, newest first, the block itself included
   * ({@code known_allowed_relay_parents_under}). Empty optional if the block was never an active
   * leaf or is no longer stored; an empty list if nothing is allowed for the para.
   */
  public Optional<List<Hash>> knownAllowedRelayParentsUnder(Hash block, Optional<ParaId> para) {
    BlockInfo info = blockInfoStorage.get(block);
    if (info == null || info.allowed() == null) {
      return Optional.empty();
    }
    return Optional.of(info.allowed().allowedFor(para, info.number()));
  }
}
