package io.parapipe.protocol.relay.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import org.junit.jupiter.api.Test;

class BlockTreeTest {
  record B(Hash hash, Hash parent, int number) {}

  static final BlockTree.Shape<B> SHAPE = new BlockTree.Shape<>() {
    public Hash hash(B b) {
      return b.hash();
    }

    public Hash parentHash(B b) {
      return b.parent();
    }

    public int number(B b) {
      return b.number();
    }
  };

  static B b(long id, long parent, int number) {
    return new B(Hash.fromLong(id), Hash.fromLong(parent), number);
  }

  @Test
  void followsTheLongestChainAndKeepsTheFirstSeenOnTies() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    t.add(b(1, 0, 1));
    t.add(b(2, 1, 2));
    var fork = t.add(b(3, 1, 2));
    assertThat(fork.bestChanged()).isFalse();
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(2));
    assertThat(t.leaves()).extracting(B::number).containsExactly(2, 2);
    var longer = t.add(b(4, 3, 3));
    assertThat(longer.bestChanged()).isTrue();
    assertThat(longer.deactivated()).containsExactly(Hash.fromLong(3));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(4));
  }

  @Test
  void aBlockArrivingBeforeItsParentIsImportedWithIt() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    assertThat(t.add(b(2, 1, 2)).imported()).isEmpty();
    var out = t.add(b(1, 0, 1));
    assertThat(out.imported()).extracting(B::number).containsExactly(1, 2);
    assertThat(out.activated()).extracting(B::number).containsExactly(2);
    assertThat(t.best().number()).isEqualTo(2);
  }

  @Test
  void finalityPrunesLeavesOfOtherForks() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    t.add(b(1, 0, 1));
    t.add(b(2, 1, 2));
    t.add(b(3, 0, 1));
    assertThat(t.finalize(Hash.fromLong(2))).containsExactly(Hash.fromLong(3));
    assertThat(t.leaves()).extracting(B::number).containsExactly(2);
    assertThat(t.isDescendantOf(Hash.fromLong(2), Hash.fromLong(1))).isTrue();
    assertThat(t.isDescendantOf(Hash.fromLong(3), Hash.fromLong(1))).isFalse();
    assertThat(t.ancestors(Hash.fromLong(2), 5)).extracting(B::number).containsExactly(1, 0);
  }

  @Test
  void aBlockOffTheFinalizedChainIsRefusedAndNeverBecomesBest() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    t.add(b(1, 0, 1));
    t.add(b(2, 1, 2));
    t.add(b(22, 1, 2)); // a fork at #2, seen before finality
    t.finalize(Hash.fromLong(2));
    // A sibling of the finalized block that arrives after finality (its author missed #2).
    assertThat(t.add(b(23, 1, 2)).imported()).isEmpty();
    assertThat(t.contains(Hash.fromLong(23))).isFalse();
    // A longer chain on the fork the finality abandoned: refused, with what waited for it.
    assertThat(t.add(b(33, 32, 4)).imported()).isEmpty();
    assertThat(t.add(b(32, 22, 3)).imported()).isEmpty();
    assertThat(t.contains(Hash.fromLong(33))).isFalse();
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(2));
    // The finalized chain grows as before.
    assertThat(t.add(b(3, 2, 3)).imported()).extracting(B::number).containsExactly(3);
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(3));
  }

  @Test
  void pruningForgetsBlocksBelowFinalityAndKeepsTheFinalizedBlock() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    for (int n = 1; n <= 10; n++) {
      t.add(b(n, n - 1, n));
      if (n == 3) {
        t.add(b(103, 2, 3)); // a fork at #3, dead once #6 is finalized
      }
    }
    t.finalize(Hash.fromLong(6));
    t.add(b(107, 6, 7)); // a fork leaf above finality
    // Asked for #8, it stops at the finalized #6: what lies above must stay walkable down to it.
    assertThat(t.pruneBelow(8)).isEqualTo(7); // #0..#5 and the dead fork
    assertThat(t.size()).isEqualTo(6); // #6..#10 and the fork leaf
    assertThat(t.contains(Hash.fromLong(103))).isFalse();
    assertThat(t.get(Hash.fromLong(5))).isEmpty();
    assertThat(t.contains(Hash.fromLong(6))).isTrue();
    assertThat(t.leaves()).extracting(B::number).containsExactly(7, 10);
    // Ancestry walks stop where the tree was pruned.
    assertThat(t.ancestors(Hash.fromLong(8), 9)).extracting(B::number).containsExactly(7, 6);
    assertThat(t.pruneBelow(8)).isZero(); // idempotent
    // The chain keeps growing on top of what is left.
    assertThat(t.add(b(11, 10, 11)).imported()).extracting(B::number).containsExactly(11);
    assertThat(t.best().number()).isEqualTo(11);
  }

  @Test
  void aBlockWaitingForAPrunedParentIsDroppedByTheNextPrune() {
    BlockTree<B> kept = chainOfSixPrunedBelowFourWithAnOrphanAtFour();
    reimportOneToThree(kept);
    assertThat(kept.contains(Hash.fromLong(204))).isTrue(); // it waited for #3

    BlockTree<B> t = chainOfSixPrunedBelowFourWithAnOrphanAtFour();
    t.pruneBelow(5);
    reimportOneToThree(t);
    assertThat(t.contains(Hash.fromLong(204))).isFalse();
  }

  private static BlockTree<B> chainOfSixPrunedBelowFourWithAnOrphanAtFour() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0));
    for (int n = 1; n <= 6; n++) {
      t.add(b(n, n - 1, n));
      if (n == 2) {
        t.add(b(102, 1, 2)); // a fork leaf, never finalized away: this tree never finalizes
      }
    }
    assertThat(t.pruneBelow(4)).isEqualTo(4); // #1..#3 and the fork; genesis is the finalized block
    assertThat(t.leaves()).extracting(B::number).containsExactly(6);
    assertThat(t.add(b(204, 3, 4)).imported()).isEmpty();
    return t;
  }

  private static void reimportOneToThree(BlockTree<B> t) {
    for (int n = 1; n <= 3; n++) {
      t.add(b(n, n - 1, n));
    }
  }
}
