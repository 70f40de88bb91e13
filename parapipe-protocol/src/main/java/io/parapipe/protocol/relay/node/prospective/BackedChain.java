package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The best chain of backed (or pending-availability) candidates, each building on the previous
 * one's output ({@code fragment_chain::BackedChain}), with indexes by parent head, by output head
 * and by candidate hash.
 *
 * <p>Upstream keeps three hash maps beside the chain. The chain is short (at most
 * {@code max_candidate_depth + 1} candidates plus those pending availability), and a network of
 * 500 validators holds some 150,000 of these chains, so the indexes here are scans of the chain
 * itself: the same answers (parent heads, output heads and candidates in a chain are distinct,
 * since the chain has no cycles), without three maps per chain.
 */
final class BackedChain {
  private final ArrayList<FragmentNode> chain;

  BackedChain() {
    chain = new ArrayList<>(4);
  }

  private BackedChain(BackedChain o) {
    chain = new ArrayList<>(o.chain);
  }

  BackedChain copy() {
    return new BackedChain(this);
  }

  void push(FragmentNode node) {
    chain.add(node);
  }

  /** Empties the chain, returning the removed nodes in order. */
  List<FragmentNode> clear() {
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
    suffix.clear();
    return removed;
  }

  boolean contains(Hash candidateHash) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      if (same(chain.get(i).candidateHash(), candidateHash)) {
        return true;
      }
    }
    return false;
  }

  /** Hash equality, trying identity first: the chain usually holds the very instance asked for. */
  private static boolean same(Hash a, Hash b) {
    return a == b || a.equals(b);
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
    for (int i = chain.size() - 1; i >= 0; i--) {
      FragmentNode node = chain.get(i);
      if (same(node.parentHeadDataHash(), headHash)) {
        return node.candidateHash();
      }
    }
    return null;
  }

  /** The chain candidate whose output head has this hash, or null. */
  Hash byOutputHead(Hash headHash) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      FragmentNode node = chain.get(i);
      if (same(node.outputHeadDataHash(), headHash)) {
        return node.candidateHash();
      }
    }
    return null;
  }

  boolean hasParentHead(Hash headHash) {
    return byParentHead(headHash) != null;
  }

  boolean hasOutputHead(Hash headHash) {
    return byOutputHead(headHash) != null;
  }
}
