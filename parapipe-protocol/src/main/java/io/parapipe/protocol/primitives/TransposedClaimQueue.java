package io.parapipe.protocol.primitives;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code TransposedClaimQueue}: para → depth → the cores on which the para has that claim
 * ({@code transpose_claim_queue}, {@code polkadot/primitives/src/vstaging/mod.rs}). A para queued
 * twice on one core has that core at two depths.
 *
 * <p>The transposition is computed on first use and kept: the runtime stores one per allowed
 * relay parent and only reads it when a candidate is checked.
 */
public final class TransposedClaimQueue {
  /** The claim queue with no claims. */
  public static final TransposedClaimQueue EMPTY = of(Collections.emptySortedMap());

  private final SortedMap<CoreIndex, List<ParaId>> claimQueue;
  private SortedMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> transposed;

  private TransposedClaimQueue(SortedMap<CoreIndex, List<ParaId>> claimQueue) {
    this.claimQueue = claimQueue;
  }

  /**
   * The transposition of {@code claimQueue} (core → paras, front first). The map is kept, not
   * copied: callers pass the runtime's immutable claim queue.
   */
  public static TransposedClaimQueue of(SortedMap<CoreIndex, List<ParaId>> claimQueue) {
    return new TransposedClaimQueue(claimQueue);
  }

  /** The claim queue this was made from. */
  public SortedMap<CoreIndex, List<ParaId>> claimQueue() {
    return claimQueue;
  }

  /** Para → depth → cores, every level sorted. */
  public SortedMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> asMap() {
    SortedMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> t = transposed;
    if (t == null) {
      TreeMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> m = new TreeMap<>();
      claimQueue.forEach((core, paras) -> {
        for (int depth = 0; depth < paras.size(); depth++) {
          m.computeIfAbsent(paras.get(depth), p -> new TreeMap<>())
              .computeIfAbsent(depth, d -> new TreeSet<>()).add(core);
        }
      });
      TreeMap<ParaId, SortedMap<Integer, SortedSet<CoreIndex>>> frozen = new TreeMap<>();
      m.forEach((para, depths) -> {
        TreeMap<Integer, SortedSet<CoreIndex>> d = new TreeMap<>();
        depths.forEach((k, v) -> d.put(k, Collections.unmodifiableSortedSet(v)));
        frozen.put(para, Collections.unmodifiableSortedMap(d));
      });
      t = Collections.unmodifiableSortedMap(frozen);
      transposed = t;
    }
    return t;
  }

  /** The para's cores at {@code depth}, ascending; empty if it has none there. */
  public SortedSet<CoreIndex> coresAt(ParaId para, int depth) {
    SortedMap<Integer, SortedSet<CoreIndex>> depths = asMap().get(para);
    if (depths == null) {
      return Collections.emptySortedSet();
    }
    SortedSet<CoreIndex> cores = depths.get(depth);
    return cores == null ? Collections.emptySortedSet() : cores;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransposedClaimQueue t && t.claimQueue.equals(claimQueue);
  }

  @Override
  public int hashCode() {
    return claimQueue.hashCode();
  }

  @Override
  public String toString() {
    return "TransposedClaimQueue" + asMap();
  }
}
