package io.parapipe.bench;

import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.relay.node.approval.ApprovalVoting;
import io.parapipe.protocol.relay.node.approval.NoShowCover;
import java.util.ArrayList;
import java.util.List;
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
 * One validator's approval import per relay block at network size: a block including a
 * candidate on each of the {@code validators / 5} cores is imported, {@code needed_approvals}
 * (30) checkers' approvals of each candidate arrive, each twice (the grid's two paths), and
 * finality prunes the block. One operation is one block; divide by {@code 2 × 30 × cores} for
 * the cost of an approval delivered. A network does this at every validator, V² a block.
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main ApprovalImportBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class ApprovalImportBenchmark {
  private static final int NEEDED = 30;

  /** Number of validators; the block has one candidate per core, validators / 5 cores. */
  @Param({"100", "500"})
  public int validators;

  private BenchClock clock;
  private ApprovalVoting voting;
  private int cores;
  private Hash head;
  private int number;
  /** The approvals of one block: candidate {@code c}'s approvers, one single-bit vector each. */
  private int[][] approvers;
  private BitVec[] bits;

  /** A fresh validator per trial; blocks then follow each other. */
  @Setup(Level.Trial)
  public void setUp() {
    clock = new BenchClock();
    cores = validators / 5;
    head = Hash.fromLong(1_000_000);
    voting = new ApprovalVoting(clock, 0, validators, NEEDED, 12_000_000, 7, head,
        NoShowCover.PER_NO_SHOW, new ApprovalVoting.Actions() {
          @Override
          public void recoverAndExecute(Hash block, Hash candidate) {}

          @Override
          public void broadcastApprovals(Hash block, BitVec candidateIndices, List<Hash> candidates) {}

          @Override
          public void onApproved(Hash block) {}
        });
    approvers = new int[cores][NEEDED];
    bits = new BitVec[cores];
    for (int c = 0; c < cores; c++) {
      bits[c] = BitVec.of(cores, c);
      for (int k = 0; k < NEEDED; k++) {
        approvers[c][k] = 1 + (c * 7 + k * 13) % (validators - 1);
      }
    }
  }

  /** Imports the next block, delivers its approvals twice each, and finalizes it. */
  @Benchmark
  public boolean block() {
    clock.now += 6_000_000;
    number++;
    Hash block = Hash.fromLong(1_000_000 + number);
    List<Hash> included = new ArrayList<>(cores);
    for (int c = 0; c < cores; c++) {
      included.add(Hash.fromLong(((long) number << 20) + c));
    }
    voting.onBlockImported(block, head, number, included);
    head = block;
    for (int path = 0; path < 2; path++) {
      for (int c = 0; c < cores; c++) {
        for (int v : approvers[c]) {
          voting.onApprovals(v, block, bits[c]);
        }
      }
    }
    boolean approved = voting.isApproved(block);
    if (!approved) {
      throw new IllegalStateException("block " + number + " not approved");
    }
    voting.pruneFinalized(block);
    return approved;
  }
}
