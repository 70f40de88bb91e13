package io.parapipe.protocol.para.collator.slotbased;

import io.parapipe.protocol.para.collator.RelayBlockInfo;
import io.parapipe.protocol.para.collator.RelayChainView;
import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code offset_relay_parent_find_descendants} (S2): with a runtime {@code RelayParentOffset} of
 * {@code n}, the collator builds on the relay block {@code n} blocks below the best one and puts
 * the {@code n} blocks above it into the inherent.
 */
public final class RelayParentOffset {
  private RelayParentOffset() {}

  /** The outcome of {@link #findDescendants}. */
  public sealed interface Outcome permits RelayParentData, EpochChange, MissingHeader {}

  /**
   * The relay parent and its descendants up to the best block, oldest first.
   *
   * @param relayParent the relay parent
   * @param descendants the blocks above it, oldest first (empty for offset 0)
   */
  public record RelayParentData(RelayBlockInfo relayParent, List<RelayBlockInfo> descendants) implements Outcome {
    /** Copies the list. */
    public RelayParentData {
      descendants = List.copyOf(descendants);
    }

    /** {@code descendants_len}. */
    public int descendantsLen() {
      return descendants.size();
    }

    /** {@code into_inherent_descendant_list}: relay parent then descendants, or empty if there are none. */
    public List<RelayBlockInfo> intoInherentDescendantList() {
      if (descendants.isEmpty()) {
        return List.of();
      }
      List<RelayBlockInfo> l = new ArrayList<>(descendants.size() + 1);
      l.add(relayParent);
      l.addAll(descendants);
      return List.copyOf(l);
    }
  }

  /** The best block or a traversed descendant changes the BABE epoch: no block is built (upstream {@code Ok(None)}). */
  public record EpochChange() implements Outcome {}

  /**
   * A header on the way was unknown (upstream's error).
   *
   * @param hash the missing header's hash
   */
  public record MissingHeader(Hash hash) implements Outcome {}

  /**
   * Walks {@code offset} blocks back from {@code best}.
   *
   * @param relay the relay client
   * @param best the best relay block's hash
   * @param offset the relay parent offset
   */
  public static Outcome findDescendants(RelayChainView relay, Hash best, int offset) {
    Optional<RelayBlockInfo> bestHeader = relay.header(best);
    if (bestHeader.isEmpty()) {
      return new MissingHeader(best);
    }
    if (offset == 0) {
      return new RelayParentData(bestHeader.get(), List.of());
    }
    if (bestHeader.get().epochChange()) {
      return new EpochChange();
    }
    List<RelayBlockInfo> descendants = new ArrayList<>();
    descendants.add(bestHeader.get());
    while (descendants.size() < offset) {
      Hash parent = descendants.get(0).parentHash();
      Optional<RelayBlockInfo> next = relay.header(parent);
      if (next.isEmpty()) {
        return new MissingHeader(parent);
      }
      if (next.get().epochChange()) {
        return new EpochChange();
      }
      descendants.add(0, next.get());
    }
    Hash rpHash = descendants.get(0).parentHash();
    Optional<RelayBlockInfo> relayParent = relay.header(rpHash);
    if (relayParent.isEmpty()) {
      return new MissingHeader(rpHash);
    }
    return new RelayParentData(relayParent.get(), descendants);
  }
}
