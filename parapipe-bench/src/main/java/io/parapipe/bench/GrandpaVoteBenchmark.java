package io.parapipe.bench;

import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.chain.BlockTree;
import io.parapipe.protocol.relay.node.finality.GrandpaVoter;
import io.parapipe.protocol.wire.GrandpaMessage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One GRANDPA voter's work per round at network size: a new block is imported, the round starts,
 * and the other {@code validators − 1} voters' prevotes and precommits for it arrive. One
 * operation is one whole round; divide by {@code 2 × (validators − 1)} for the cost of a vote.
 * A network does this at every validator, so a round costs V² of it (docs/performance.md).
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main GrandpaVoteBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class GrandpaVoteBenchmark {
  /** Number of validators (voters). */
  @Param({"100", "500"})
  public int validators;

  record Block(Hash hash, Hash parent, int number) {}

  private static final BlockTree.Shape<Block> SHAPE = new BlockTree.Shape<>() {
    @Override
    public Hash hash(Block b) {
      return b.hash();
    }

    @Override
    public Hash parentHash(Block b) {
      return b.parent();
    }

    @Override
    public int number(Block b) {
      return b.number();
    }
  };

  private BenchClock clock;
  private BlockTree<Block> tree;
  private GrandpaVoter<Block> voter;
  private Block head;
  private int finalized;

  /** A fresh voter on a chain of one block per trial; the rounds then run on. */
  @Setup(Level.Trial)
  public void setUp() {
    clock = new BenchClock();
    head = new Block(Hash.fromLong(1_000_000), Hash.ZERO, 0);
    tree = new BlockTree<>(SHAPE, head);
    voter = new GrandpaVoter<>(clock, 0, validators, 1_000_000, tree, SHAPE, h -> true,
        new GrandpaVoter.Actions() {
          @Override
          public void broadcast(GrandpaMessage m) {}

          @Override
          public void send(int validator, GrandpaMessage m) {}

          @Override
          public void onFinalized(Hash block, int number) {
            finalized = number;
          }
        });
  }

  /** Imports the next block and lets every other voter's prevote and precommit for it arrive. */
  @Benchmark
  public int round() {
    clock.now += 6_000_000;
    Block next = new Block(Hash.fromLong(1_000_000 + head.number() + 1), head.hash(),
        head.number() + 1);
    tree.add(next);
    head = next;
    voter.onChainChanged();
    long round = voter.round();
    for (int v = 1; v < validators; v++) {
      voter.onVote(v, round, GrandpaVoteStep.PREVOTE, next.hash(), next.number());
    }
    for (int v = 1; v < validators; v++) {
      voter.onVote(v, round, GrandpaVoteStep.PRECOMMIT, next.hash(), next.number());
    }
    if (finalized != next.number()) {
      throw new IllegalStateException("round " + round + " did not finalize #" + next.number());
    }
    return finalized;
  }
}
