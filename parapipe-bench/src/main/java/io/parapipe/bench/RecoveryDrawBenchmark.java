package io.parapipe.bench;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.NetworkConfig;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
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
 * Drawn chunk recoveries under threshold gossip, the load of {@code polkadot-scale}'s approval
 * checkers without the rest of the protocol: every validator recovers one candidate a simulated
 * second (30 checkers of 100 candidates a 6 s block at 500 validators is 6 a block each), asking
 * the holders of the n/3 systematic chunks of a 2 MiB PoV, at most 50 requests in flight
 * (upstream's {@code N_PARALLEL}), over the default network (40 ms latency, exponential jitter,
 * 1 Gbit/s). Holders answer from their node ({@link Node#answer}), not from offers. One operation
 * is one simulated second: {@code validators × validators / 3} answers drawn, each searching and
 * booking the holder's uplink calendar and the checker's downlink calendar.
 *
 * <p>Run: {@code java -cp <bench classpath> org.openjdk.jmh.Main RecoveryDrawBenchmark} (see
 * docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
public class RecoveryDrawBenchmark {
  /** Number of validators; every one checks and every one holds chunks. */
  @Param({"100", "500"})
  public int validators;

  static final long SECOND = 1_000_000;
  static final int POV_BYTES = 2 * 1024 * 1024;
  /** Upstream's {@code N_PARALLEL} in availability-recovery: chunk requests in flight. */
  static final int IN_FLIGHT = 50;

  private Engine engine;
  private Checker[] checkers;
  private long until;

  /** Builds the network once per trial; the simulation then runs on across invocations. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = new Engine(1, NetworkConfig.DEFAULT);
    engine.setGossipMode(GossipMode.THRESHOLD);
    checkers = new Checker[validators];
    for (int v = 0; v < validators; v++) {
      checkers[v] = new Checker(validators);
      engine.addNode(checkers[v]);
    }
    until = 0;
  }

  /** Runs one more simulated second; returns the recoveries completed so far. */
  @Benchmark
  public long second() {
    until += SECOND;
    engine.run(until);
    long done = 0;
    for (Checker c : checkers) {
      done += c.recovered;
    }
    return done;
  }

  private record Recover() implements Timer {}

  private static final Recover RECOVER = new Recover();

  private record ChunkRequest(int index) implements Message {}

  private record Chunk(int bytes) implements Message {
    @Override
    public int sizeBytes() {
      return bytes;
    }
  }

  /** A validator: recovers a candidate each second, and answers others' chunk requests. */
  private static final class Checker implements Node {
    private final int n;
    private final int threshold;
    private final Chunk chunk;
    private NodeContext ctx;
    private RandomGenerator random;
    long recovered;

    Checker(int n) {
      this.n = n;
      this.threshold = (n - 1) / 3 + 1;
      // Erasure coding to n chunks, any n/3 of which recover: each about 3/n of the data.
      this.chunk = new Chunk((int) Math.min(Integer.MAX_VALUE, 3L * POV_BYTES / n));
    }

    @Override
    public void start(NodeContext ctx) {
      this.ctx = ctx;
      this.random = ctx.random("recovery-bench");
      ctx.schedule(random.nextLong(SECOND), RECOVER);
    }

    @Override
    public void onMessage(int from, Message m) {}

    @Override
    public void onTimer(Timer timer) {
      // The systematic chunks of a candidate on a random core: held by n/3 consecutive validators.
      int shift = random.nextInt(n);
      int self = ctx.self();
      Exchange.Outcome out = ctx.exchange(new Exchange() {
        @Override
        public int inFlightWanted(int missing, int responses, int errors) {
          return Math.min(IN_FLIGHT, missing);
        }

        @Override
        public int peers() {
          return threshold;
        }

        @Override
        public int peer(int i) {
          int p = (i + shift) % n;
          return p == self ? (p + threshold) % n : p;
        }

        @Override
        public int needed() {
          return threshold;
        }

        @Override
        public long timeoutMicros() {
          return SECOND;
        }

        @Override
        public Message request(int i, long deadlineMicros) {
          return new ChunkRequest(i);
        }

        @Override
        public boolean useful(Message response) {
          return response instanceof Chunk;
        }
      });
      if (out != null && out.complete(threshold)) {
        recovered++;
      }
      ctx.schedule(SECOND, RECOVER);
    }

    @Override
    public Message answer(int from, Message request, long atMicros) {
      return chunk;
    }
  }
}
