package io.parapipe.bench;

import io.parapipe.sim.kernel.KernelWorkload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel throughput in events per second on the {@link KernelWorkload} (token passing with
 * gossip and timers over the default network). One operation is one processed event; each
 * invocation processes {@value #BATCH} events of one long-running simulation.
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main KernelBenchmark} (see
 * docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class KernelBenchmark {
  static final int BATCH = 1_000_000;

  /** Number of nodes. */
  @Param({"1000"})
  public int nodes;

  /** Receivers of each gossip broadcast. */
  @Param({"8"})
  public int fanout;

  private KernelWorkload workload;

  /** Builds the network once per trial; the simulation then runs on across invocations. */
  @Setup(Level.Trial)
  public void setUp() {
    workload = new KernelWorkload(nodes, fanout, 16, 1);
  }

  /** Processes {@value #BATCH} events. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long events() {
    return workload.runEvents(BATCH);
  }
}
