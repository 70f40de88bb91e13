package io.parapipe.protocol.relay.runtime.paras;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code paras} pallet's state, immutable: registered paras with their included head, current
 * code hash and most recent context. Code upgrades are not modelled, so the code hash never
 * changes after genesis.
 */
public final class Paras {
  private final SortedMap<ParaId, ParaInfo> paras;

  private Paras(SortedMap<ParaId, ParaInfo> paras) {
    this.paras = paras;
  }

  /** The paras registered at genesis: {@code MostRecentContext} starts at 0. */
  public static Paras genesis(SortedMap<ParaId, ParaInfo> paras) {
    return new Paras(Collections.unmodifiableSortedMap(new TreeMap<>(paras)));
  }

  /** All paras, ascending. */
  public SortedMap<ParaId, ParaInfo> all() {
    return paras;
  }

  /** The para's record, if registered. */
  public Optional<ParaInfo> get(ParaId para) {
    return Optional.ofNullable(paras.get(para));
  }

  /** {@code Heads(para)}. */
  public Optional<HeadData> head(ParaId para) {
    return get(para).map(ParaInfo::head);
  }

  /** {@code CurrentCodeHash(para)}. */
  public Optional<Hash> currentCodeHash(ParaId para) {
    return get(para).map(ParaInfo::currentCodeHash);
  }

  /** {@code MostRecentContext(para)}. */
  public Optional<Integer> mostRecentContext(ParaId para) {
    return get(para).map(ParaInfo::mostRecentContext);
  }

  /**
   * {@code note_new_head}: record an enacted candidate's head and its relay parent number as the
   * most recent context.
   */
  public Paras noteNewHead(ParaId para, HeadData head, int relayParentNumber) {
    ParaInfo old = paras.get(para);
    if (old == null) {
      throw new IllegalStateException("note_new_head for unregistered para " + para);
    }
    TreeMap<ParaId, ParaInfo> next = new TreeMap<>(paras);
    next.put(para, new ParaInfo(head, old.currentCodeHash(), relayParentNumber));
    return new Paras(Collections.unmodifiableSortedMap(next));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Paras p && p.paras.equals(paras);
  }

  @Override
  public int hashCode() {
    return paras.hashCode();
  }

  @Override
  public String toString() {
    return "Paras" + paras;
  }
}
