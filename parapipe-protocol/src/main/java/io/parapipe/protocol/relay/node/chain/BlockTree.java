package io.parapipe.protocol.relay.node.chain;

import io.parapipe.protocol.primitives.Hash;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A node's local view of a chain: the blocks it imported, its best block, its leaves, and its
 * finalized block. The best block follows BABE's fork choice (sc-consensus-babe's block import):
 * the chain with the most primary blocks ({@link Shape#weight}), then the longest, the first seen
 * winning ties.
 * Blocks that arrive before their parent wait and are imported with it.
 *
 * @param <B> the block type
 */
public final class BlockTree<B> {
  /** How to read a block's place in the chain. */
  public interface Shape<B> {
    /** The block's hash. */
    Hash hash(B block);

    /** Its parent's hash. */
    Hash parentHash(B block);

    /** Its number. */
    int number(B block);

    /** Fork-choice weight of the chain ending in the block (BABE: its primary blocks); 0 if unused. */
    default long weight(B block) {
      return 0;
    }
  }

  /** What an import changed: blocks newly imported (in order), leaves activated and deactivated. */
  public record ImportOutcome<B>(List<B> imported, List<B> activated, List<Hash> deactivated,
      boolean bestChanged) {}

  /**
   * How many blocks below finality a node keeps: Substrate keeps the state of the last 256 blocks
   * by default ({@code --state-pruning}, {@code substrate/client/cli/src/params/pruning_params.rs}),
   * and a block here carries its state. Older canonical bodies stay in an upstream node's database;
   * here a node can no longer send them to a peer syncing from that far behind. This is the
   * default; a node's configuration may keep more or fewer.
   */
  public static final int KEPT_BELOW_FINALITY = 256;

  private final Shape<B> shape;
  // Lookups only; nothing iterates these maps, so hash order cannot leak into results.
  private final Map<Hash, B> blocks = new HashMap<>();
  private final Map<Hash, List<Hash>> children = new HashMap<>();
  private final Map<Hash, List<B>> waitingForParent = new HashMap<>();
  private final TreeSet<B> leaves;
  /** Imported blocks in import order: a parent always comes before its children. */
  private final ArrayDeque<B> importOrder = new ArrayDeque<>();
  private B best;
  private B finalized;

  /** A tree holding only {@code genesis}, which is best, finalized and the only leaf. */
  public BlockTree(Shape<B> shape, B genesis) {
    this.shape = shape;
    this.leaves = new TreeSet<>(Comparator.<B>comparingInt(shape::number)
        .thenComparing(shape::hash));
    blocks.put(shape.hash(genesis), genesis);
    importOrder.add(genesis);
    leaves.add(genesis);
    best = genesis;
    finalized = genesis;
  }

  /**
   * Imports a block (and any blocks that were waiting for it). Duplicates are ignored, and so is a
   * block off the finalized chain (at or below the finalized height, or on a fork that branched
   * off below the finalized block).
   */
  public ImportOutcome<B> add(B block) {
    Hash h = shape.hash(block);
    if (blocks.containsKey(h)) {
      return new ImportOutcome<>(List.of(), List.of(), List.of(), false);
    }
    Hash parent = shape.parentHash(block);
    if (!blocks.containsKey(parent)) {
      waitingForParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(block);
      return new ImportOutcome<>(List.of(), List.of(), List.of(), false);
    }
    List<B> imported = new ArrayList<>();
    List<B> activated = new ArrayList<>();
    List<Hash> deactivated = new ArrayList<>();
    B oldBest = best;
    List<B> queue = new ArrayList<>();
    queue.add(block);
    while (!queue.isEmpty()) {
      B b = queue.remove(0);
      Hash bh = shape.hash(b);
      if (blocks.containsKey(bh)) {
        continue;
      }
      if (!extendsFinalized(b)) {
        // Refused with its waiting descendants: they could only be refused in turn.
        waitingForParent.remove(bh);
        continue;
      }
      blocks.put(bh, b);
      importOrder.add(b);
      B p = blocks.get(shape.parentHash(b));
      children.computeIfAbsent(shape.hash(p), k -> new ArrayList<>()).add(bh);
      if (leaves.remove(p)) {
        deactivated.add(shape.hash(p));
      }
      leaves.add(b);
      activated.add(b);
      imported.add(b);
      if (better(b, best)) {
        best = b;
      }
      List<B> waiting = waitingForParent.remove(bh);
      if (waiting != null) {
        queue.addAll(waiting);
      }
    }
    activated.removeIf(b -> !leaves.contains(b));
    return new ImportOutcome<>(imported, activated, deactivated, best != oldBest);
  }

  /**
   * Whether a block whose parent is imported lies on the finalized chain: above the finalized
   * block and descending from it. Substrate's client refuses any other block
   * ({@code sp_blockchain::Error::NotInFinalizedChain}, {@code client/service/src/client/client.rs}),
   * so a fork block that arrives after finality passed its height (its author missed the block
   * that was finalized) can never become best and pull the voters' targets off the finalized
   * chain.
   */
  private boolean extendsFinalized(B b) {
    int f = shape.number(finalized);
    if (shape.number(b) <= f) {
      return false;
    }
    if (f == 0) {
      return true; // every block descends from genesis (collators' trees never finalize)
    }
    B x = blocks.get(shape.parentHash(b));
    while (x != null && shape.number(x) > f) {
      x = blocks.get(shape.parentHash(x));
    }
    return x == finalized;
  }

  /**
   * BABE's rule: a block becomes best if its chain has more primary blocks, or as many and is
   * longer. Equal chains keep the block seen first.
   */
  private boolean better(B candidate, B current) {
    long w = shape.weight(candidate);
    long cw = shape.weight(current);
    return w > cw || (w == cw && shape.number(candidate) > shape.number(current));
  }

  /** True if the block is imported. */
  public boolean contains(Hash h) {
    return blocks.containsKey(h);
  }

  /** The imported block with this hash. */
  public Optional<B> get(Hash h) {
    return Optional.ofNullable(blocks.get(h));
  }

  /** The best block. */
  public B best() {
    return best;
  }

  /** The finalized block. */
  public B finalized() {
    return finalized;
  }

  /** The leaves, ordered by number then hash. */
  public List<B> leaves() {
    return List.copyOf(leaves);
  }

  /** The parent of an imported block, if imported. */
  public Optional<B> parent(B block) {
    return Optional.ofNullable(blocks.get(shape.parentHash(block)));
  }

  /** Hashes of the imported children of a block, in import order. */
  public List<Hash> children(Hash h) {
    List<Hash> c = children.get(h);
    return c == null ? List.of() : Collections.unmodifiableList(c);
  }

  /** Up to {@code k} imported ancestors of {@code h}, parent first. */
  public List<B> ancestors(Hash h, int k) {
    List<B> out = new ArrayList<>();
    B b = blocks.get(h);
    while (b != null && out.size() < k) {
      b = blocks.get(shape.parentHash(b));
      if (b != null) {
        out.add(b);
      }
    }
    return out;
  }

  /** The ancestor of {@code h} (or {@code h} itself) with number {@code n}, if imported. */
  public Optional<B> ancestorAt(Hash h, int n) {
    B b = blocks.get(h);
    while (b != null && shape.number(b) > n) {
      b = blocks.get(shape.parentHash(b));
    }
    return b != null && shape.number(b) == n ? Optional.of(b) : Optional.empty();
  }

  /** True if {@code descendant} is {@code ancestor} or lies below it. */
  public boolean isDescendantOf(Hash descendant, Hash ancestor) {
    B a = blocks.get(ancestor);
    if (a == null) {
      return false;
    }
    return ancestorAt(descendant, shape.number(a)).map(b -> shape.hash(b).equals(ancestor))
        .orElse(false);
  }

  /**
   * Forgets the blocks numbered below {@code number}, as a node prunes what lies deep below
   * finality, so that a long run's memory does not grow with its length. The best and finalized
   * blocks are kept whatever their number; a leaf that low is a dead fork's and goes too (finality
   * has already dropped such leaves in a tree that finalizes). A forgotten block is no longer
   * {@link #contains contained}, nor answered by {@link #get}; ancestry walks stop at it. Blocks
   * go in import order, so a fork block imported late waits for the blocks imported before it.
   * Nothing above the finalized block is forgotten: a new block's way down to the finalized block
   * must stay walkable ({@link #add}); a tree that never finalized checks no ancestry, and its
   * owner may prune it anywhere.
   *
   * @return the number of blocks forgotten
   */
  public int pruneBelow(int number) {
    int f = shape.number(finalized);
    int below = f == 0 ? number : Math.min(number, f);
    int n = 0;
    List<B> kept = null;
    while (!importOrder.isEmpty() && shape.number(importOrder.peekFirst()) < below) {
      B b = importOrder.pollFirst();
      if (b == best || b == finalized) {
        if (kept == null) {
          kept = new ArrayList<>(2);
        }
        kept.add(b);
        continue;
      }
      Hash h = shape.hash(b);
      leaves.remove(b);
      blocks.remove(h);
      children.remove(h);
      n++;
    }
    if (kept != null) {
      for (int i = kept.size() - 1; i >= 0; i--) {
        importOrder.addFirst(kept.get(i));
      }
    }
    if (n > 0 && !waitingForParent.isEmpty()) {
      // A block still waiting for a parent this old could only be refused once the parent came.
      waitingForParent.values().removeIf(w -> shape.number(w.get(0)) <= below);
    }
    return n;
  }

  /** How many blocks the tree holds (for tests and memory figures). */
  public int size() {
    return blocks.size();
  }

  /**
   * Marks {@code h} finalized if it descends from the current finalized block, and deactivates
   * the leaves that do not descend from it.
   *
   * @return the leaves deactivated, or empty if nothing changed
   */
  public List<Hash> finalize(Hash h) {
    B b = blocks.get(h);
    if (b == null || shape.number(b) <= shape.number(finalized)
        || !isDescendantOf(h, shape.hash(finalized))) {
      return List.of();
    }
    finalized = b;
    List<Hash> dropped = new ArrayList<>();
    for (B leaf : List.copyOf(leaves)) {
      if (!isDescendantOf(shape.hash(leaf), h)) {
        leaves.remove(leaf);
        dropped.add(shape.hash(leaf));
      }
    }
    if (!isDescendantOf(shape.hash(best), h)) {
      best = b;
      for (B leaf : leaves) {
        if (better(leaf, best)) {
          best = leaf;
        }
      }
    }
    return dropped;
  }
}
