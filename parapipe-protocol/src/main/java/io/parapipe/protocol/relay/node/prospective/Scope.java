package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The scope of a {@link FragmentChain} ({@code fragment_chain::Scope}): the leaf being built on,
 * the ancestors candidates may use as relay parent, the candidates pending availability, the base
 * constraints (from the latest included head) and the maximum depth. Immutable.
 */
public final class Scope {
  private final RelayChainBlockInfo relayParent;
  private final NavigableMap<Integer, RelayChainBlockInfo> ancestors;
  private final Map<Hash, RelayChainBlockInfo> ancestorsByHash;
  private final List<PendingAvailability> pendingAvailability;
  private final Constraints baseConstraints;
  private final int maxDepth;

  private Scope(
      RelayChainBlockInfo relayParent,
      NavigableMap<Integer, RelayChainBlockInfo> ancestors,
      Map<Hash, RelayChainBlockInfo> ancestorsByHash,
      List<PendingAvailability> pendingAvailability,
      Constraints baseConstraints,
      int maxDepth) {
    this.relayParent = relayParent;
    this.ancestors = ancestors;
    this.ancestorsByHash = ancestorsByHash;
    this.pendingAvailability = pendingAvailability;
    this.baseConstraints = baseConstraints;
    this.maxDepth = maxDepth;
  }

  /**
   * Defines a scope ({@code Scope::with_ancestors}). Ancestors are given newest first, starting at
   * the parent of {@code relayParent}, in steps of one block; they are consumed only down to the
   * base constraints' {@code min_relay_parent_number}. Zero ancestors are allowed. Only ancestors
   * whose children share the session of the relay parent's children should be given.
   *
   * @return the scope, or {@link UnexpectedAncestor} if the ancestors skip blocks, are unordered
   *     or go below block 0
   */
  public static Result<Scope, UnexpectedAncestor> withAncestors(
      RelayChainBlockInfo relayParent,
      Constraints baseConstraints,
      List<PendingAvailability> pendingAvailability,
      int maxDepth,
      List<RelayChainBlockInfo> ancestors) {
    TreeMap<Integer, RelayChainBlockInfo> byNumber = new TreeMap<>();
    Map<Hash, RelayChainBlockInfo> byHash = new HashMap<>();
    int prev = relayParent.number();
    for (RelayChainBlockInfo ancestor : ancestors) {
      if (prev == 0 || ancestor.number() != prev - 1) {
        return Result.err(new UnexpectedAncestor(ancestor.number(), prev));
      }
      if (prev == baseConstraints.minRelayParentNumber()) {
        break;
      }
      prev = ancestor.number();
      byHash.put(ancestor.hash(), ancestor);
      byNumber.put(ancestor.number(), ancestor);
    }
    return Result.ok(new Scope(
        relayParent,
        Collections.unmodifiableNavigableMap(byNumber),
        Collections.unmodifiableMap(byHash),
        List.copyOf(pendingAvailability),
        baseConstraints,
        maxDepth));
  }

  /**
   * {@link #withAncestors} for another para at the same leaf: when {@code sibling} was made from
   * the same relay parent, the same ancestors and the same {@code min_relay_parent_number}, its
   * (immutable) ancestor tables are shared instead of rebuilt, as they would come out equal. A
   * validator activating a leaf builds one scope per scheduled para, a hundred on Polkadot.
   *
   * @param sibling a scope built at this leaf for another para from the same {@code ancestors},
   *     or null
   */
  static Result<Scope, UnexpectedAncestor> withAncestorsLike(
      Scope sibling,
      RelayChainBlockInfo relayParent,
      Constraints baseConstraints,
      List<PendingAvailability> pendingAvailability,
      int maxDepth,
      List<RelayChainBlockInfo> ancestors) {
    if (sibling == null || !sibling.relayParent.equals(relayParent)
        || sibling.baseConstraints.minRelayParentNumber() != baseConstraints.minRelayParentNumber()) {
      return withAncestors(relayParent, baseConstraints, pendingAvailability, maxDepth, ancestors);
    }
    return Result.ok(new Scope(
        relayParent,
        sibling.ancestors,
        sibling.ancestorsByHash,
        List.copyOf(pendingAvailability),
        baseConstraints,
        maxDepth));
  }

  /** The earliest relay parent allowed: the oldest ancestor, else the relay parent itself. */
  public RelayChainBlockInfo earliestRelayParent() {
    return ancestors.isEmpty() ? relayParent : ancestors.firstEntry().getValue();
  }

  /** The relay parent or one of the ancestors, by hash. */
  public Optional<RelayChainBlockInfo> ancestor(Hash hash) {
    return Optional.ofNullable(ancestorOrNull(hash));
  }

  RelayChainBlockInfo ancestorOrNull(Hash hash) {
    if (hash.equals(relayParent.hash())) {
      return relayParent;
    }
    return ancestorsByHash.get(hash);
  }

  /** The relay parent (the leaf) this scope builds on. */
  public RelayChainBlockInfo relayParent() {
    return relayParent;
  }

  /** The ancestors in scope, by number (ascending). */
  public NavigableMap<Integer, RelayChainBlockInfo> ancestors() {
    return ancestors;
  }

  /** The ancestors in scope, by hash. */
  public Map<Hash, RelayChainBlockInfo> ancestorsByHash() {
    return ancestorsByHash;
  }

  /** The candidates pending availability, in chain order. */
  public List<PendingAvailability> pendingAvailability() {
    return pendingAvailability;
  }

  /** The base constraints, derived from the latest included candidate. */
  public Constraints baseConstraints() {
    return baseConstraints;
  }

  /** The maximum depth ({@code max_candidate_depth}); the best chain holds at most one more. */
  public int maxDepth() {
    return maxDepth;
  }

  /** The pending-availability record of a candidate, if it is pending in this scope. */
  public Optional<PendingAvailability> getPendingAvailability(Hash candidateHash) {
    return Optional.ofNullable(pendingOrNull(candidateHash));
  }

  PendingAvailability pendingOrNull(Hash candidateHash) {
    for (PendingAvailability p : pendingAvailability) {
      if (p.candidateHash().equals(candidateHash)) {
        return p;
      }
    }
    return null;
  }
}
