package io.parapipe.protocol.relay.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.primitives.Hash;
import org.junit.jupiter.api.Test;

/** BABE's fork choice in {@link BlockTree}: most primary blocks first, then the longest chain. */
class BabeForkChoiceTest {
  /** A block with its chain's primary-block count. */
  record B(Hash hash, Hash parent, int number, int weight) {}

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

    @Override
    public long weight(B b) {
      return b.weight();
    }
  };

  static B b(long id, long parent, int number, int weight) {
    return new B(Hash.fromLong(id), Hash.fromLong(parent), number, weight);
  }

  @Test
  void aPrimarySiblingSeenSecondBecomesBest() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0, 0));
    t.add(b(1, 0, 1, 0)); // secondary
    var primary = t.add(b(2, 0, 1, 1));
    assertThat(primary.bestChanged()).isTrue();
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(2));
  }

  @Test
  void moreprimaryBlocksBeatALongerChain() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0, 0));
    t.add(b(1, 0, 1, 1)); // primary
    t.add(b(2, 0, 1, 0));
    t.add(b(3, 2, 2, 0));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(1));
  }

  @Test
  void equalWeightFallsBackToTheLongestChainThenTheFirstSeen() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0, 0));
    t.add(b(1, 0, 1, 1));
    t.add(b(2, 0, 1, 1));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(1));
    t.add(b(3, 2, 2, 1));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(3));
  }

  @Test
  void afterFinalityTheHeaviestRemainingLeafIsBest() {
    BlockTree<B> t = new BlockTree<>(SHAPE, b(0, 999, 0, 0));
    t.add(b(1, 0, 1, 1));
    t.add(b(2, 0, 1, 0));
    t.add(b(3, 2, 2, 0));
    t.add(b(4, 3, 3, 0));
    t.add(b(6, 1, 2, 2));
    t.add(b(5, 2, 2, 1));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(6));
    t.finalize(Hash.fromLong(2));
    assertThat(t.best().hash()).isEqualTo(Hash.fromLong(5)); // heavier than the longer 4
  }
}
