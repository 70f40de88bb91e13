package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The best chain of backed (or pending-availability) candidates, each building on the previous
 * one's output ({@code fragment_chain::BackedChain}), with indexes by parent head, by output head
 * and by candidate hash.
 */
final class BackedChain {
  private final ArrayList<FragmentNode> chain;
  private final Map<Hash, Hash> byParentHead;
  private final Map<Hash, Hash> byOutputHead;
  private final Set<Hash> candidates;

  BackedChain() {
    chain = new ArrayList<>();
    byParentHead = new HashMap<>();
    byOutputHead = new HashMap<>();
    candidates = new HashSet<>();
  }

  private BackedChain(BackedChain o) {
    chain = new ArrayList<>(o.chain);
    byParentHead = new HashMap<>(o.byParentHead);
    byOutputHead = new HashMap<>(o.byOutputHead);
    candidates = new HashSet<>(o.candidates);
  }

  BackedChain copy() {
    return new BackedChain(this);
  }

  void push(FragmentNode node) {
    candidates.add(node.candidateHash());
    byParentHead.put(node.parentHeadDataHash(), node.candidateHash());
    byOutputHead.put(node.outputHeadDataHash(), node.candidateHash());
    chain.add(node);
  }

  /** Empties the chain, returning the removed nodes in order. */
  List<FragmentNode> clear() {
    byParentHead.clear();
    byOutputHead.clear();
    candidates.clear();
    List<FragmentNode> removed = new ArrayList<>(chain);
    chain.clear();
    return removed;
  }

  /**
   * Removes every node after the one whose output has the given hash, returning them in order;
   * nothing if no node outputs it.
   *
   * <p>Upstream Era B ({@code revert_to_parent_hash} at {@code 9e14ae91}) inspects
   * {@code chain[0]} instead of {@code chain[index]} inside its loop, which reverts only when the
   * first node is the parent and then un-indexes the wrong nodes. parapipe implements the evident
   * intent (and later upstream behaviour): find the node by its output, drop the suffix after it.
   */
  List<FragmentNode> revertToParentHash(Hash parentHeadDataHash) {
    int found = -1;
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).outputHeadDataHash().equals(parentHeadDataHash)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      return List.of();
    }
    List<FragmentNode> suffix = chain.subList(found + 1, chain.size());
    List<FragmentNode> removed = new ArrayList<>(suffix);
    for (FragmentNode node : removed) {
      byParentHead.remove(node.parentHeadDataHash());
      byOutputHead.remove(node.outputHeadDataHash());
      candidates.remove(node.candidateHash());
    }
    suffix.clear();
    return removed;
  }

  boolean contains(Hash candidateHash) {
    return candidates.contains(candidateHash);
  }

  int size() {
    return chain.size();
  }

  boolean isEmpty() {
    return chain.isEmpty();
  }

  FragmentNode last() {
    return chain.isEmpty() ? null : chain.get(chain.size() - 1);
  }

  FragmentNode get(int index) {
    return chain.get(index);
  }

  List<FragmentNode> nodes() {
    return Collections.unmodifiableList(chain);
  }

  /** The chain candidate whose parent head has this hash, or null. */
  Hash byParentHead(Hash headHash) {
    return byParentHead.get(headHash);
  }

  /** The chain candidate whose output head has this hash, or null. */
  Hash byOutputHead(Hash headHash) {
    return byOutputHead.get(headHash);
  }

  boolean hasParentHead(Hash headHash) {
    return byParentHead.containsKey(headHash);
  }

  boolean hasOutputHead(Hash headHash) {
    return byOutputHead.containsKey(headHash);
  }
}
