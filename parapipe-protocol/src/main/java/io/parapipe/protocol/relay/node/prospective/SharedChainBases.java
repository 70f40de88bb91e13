package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The chain bases (scope and candidates pending availability) of every scheduled para at a relay
 * block, made by the first validator that activates the block as a leaf and read by the others.
 * They are a function of the block, its ancestry and the runtime's answers there, which are the
 * same at every honest validator, so a network need not build and keep them once per validator.
 * A validator whose ancestry differs (it lacks a block) builds its own, unshared.
 *
 * <p>One instance per simulation (it is not thread-safe); what it keeps changes the cost of a run,
 * never its outcome. It keeps the last {@link #KEPT_LEAVES} leaves.
 */
public final class SharedChainBases {
  /** More than the relay blocks any validator tracks at once, forks included. */
  static final int KEPT_LEAVES = 64;

  private record Entry(List<RelayChainBlockInfo> ancestry, SortedMap<ParaId, ChainBase> bases) {}

  private final boolean sharing;
  // Lookups and eviction by age only: its order never reaches a result.
  private final Map<Hash, Entry> byLeaf = new LinkedHashMap<>(KEPT_LEAVES * 2, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash, Entry> eldest) {
      return size() > KEPT_LEAVES;
    }
  };

  private SharedChainBases(boolean sharing) {
    this.sharing = sharing;
  }

  /** A store shared by the validators of one simulation. */
  public static SharedChainBases create() {
    return new SharedChainBases(true);
  }

  /** No sharing: every validator builds its own bases (tests of one node). */
  public static SharedChainBases none() {
    return new SharedChainBases(false);
  }

  /** The bases at {@code leaf} made from the same ancestry, or null. */
  SortedMap<ParaId, ChainBase> lookup(Hash leaf, List<RelayChainBlockInfo> ancestry) {
    Entry e = sharing ? byLeaf.get(leaf) : null;
    return e != null && e.ancestry().equals(ancestry) ? e.bases() : null;
  }

  /** Offers the bases a validator made at {@code leaf}; {@code bases} must not change again. */
  void offer(Hash leaf, List<RelayChainBlockInfo> ancestry, SortedMap<ParaId, ChainBase> bases) {
    if (sharing && !byLeaf.containsKey(leaf)) {
      byLeaf.put(leaf, new Entry(List.copyOf(ancestry), bases));
    }
  }
}
