package io.parapipe.protocol.para.runtime.segment;

import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code UnincludedSegment} storage item: ancestors of the next block that are not included
 * as of the relay parent, oldest first. Immutable.
 */
public final class UnincludedSegment {
  /** The empty segment (upstream default). */
  public static final UnincludedSegment EMPTY = new UnincludedSegment(List.of());

  private final List<Ancestor> ancestors;

  private UnincludedSegment(List<Ancestor> ancestors) {
    this.ancestors = ancestors;
  }

  /** A segment of the given ancestors, oldest first. */
  public static UnincludedSegment of(List<Ancestor> ancestors) {
    return new UnincludedSegment(List.copyOf(ancestors));
  }

  /** The ancestors, oldest first. */
  public List<Ancestor> ancestors() {
    return ancestors;
  }

  /** Number of ancestors. */
  public int size() {
    return ancestors.size();
  }

  /** True if there are no ancestors. */
  public boolean isEmpty() {
    return ancestors.isEmpty();
  }

  /** A copy with {@code ancestor} appended as the newest. */
  public UnincludedSegment append(Ancestor ancestor) {
    List<Ancestor> l = new ArrayList<>(ancestors.size() + 1);
    l.addAll(ancestors);
    l.add(ancestor);
    return new UnincludedSegment(Collections.unmodifiableList(l));
  }

  /**
   * A copy with the newest ancestor's head hash set (parachain-system {@code on_initialize}: the
   * parent's hash is only known when its child starts). The empty segment is returned unchanged.
   */
  public UnincludedSegment withLastHeadHash(Hash parentHash) {
    if (ancestors.isEmpty()) {
      return this;
    }
    List<Ancestor> l = new ArrayList<>(ancestors);
    l.set(l.size() - 1, l.get(l.size() - 1).withParaHeadHash(parentHash));
    return new UnincludedSegment(Collections.unmodifiableList(l));
  }

  /**
   * The index of the first ancestor whose head hash is {@code hash}, or -1.
   *
   * @throws IllegalStateException {@code "para head hash is updated during block initialization; qed"}
   *     when an ancestor before the match has no hash (cannot happen once {@link #withLastHeadHash}
   *     ran)
   */
  public int indexOfHeadHash(Hash hash) {
    for (int i = 0; i < ancestors.size(); i++) {
      Optional<Hash> h = ancestors.get(i).paraHeadHash();
      if (h.isEmpty()) {
        throw new IllegalStateException("para head hash is updated during block initialization; qed");
      }
      if (h.get().equals(hash)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy without the oldest {@code n} ancestors. */
  public UnincludedSegment dropOldest(int n) {
    return new UnincludedSegment(List.copyOf(ancestors.subList(n, ancestors.size())));
  }

  /**
   * {@code size_after_included}: how many ancestors follow the one whose head hash is
   * {@code includedHash}; all of them if none matches (ancestors without a hash never match).
   */
  public int sizeAfterIncluded(Hash includedHash) {
    return sizeAfterIncluded(includedHash, ancestors);
  }

  /** {@link #sizeAfterIncluded(Hash)} over a plain list. */
  public static int sizeAfterIncluded(Hash includedHash, List<Ancestor> segment) {
    for (int p = 0; p < segment.size(); p++) {
      if (segment.get(p).paraHeadHash().filter(includedHash::equals).isPresent()) {
        return segment.size() - (p + 1);
      }
    }
    return segment.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnincludedSegment s && s.ancestors.equals(ancestors);
  }

  @Override
  public int hashCode() {
    return ancestors.hashCode();
  }

  @Override
  public String toString() {
    return "UnincludedSegment" + ancestors;
  }
}
