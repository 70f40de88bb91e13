package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.network.NetworkConfig;
import java.util.random.RandomGenerator;

/**
 * A synthetic message-passing workload that measures the kernel, used by {@code parapipe bench
 * kernel} and the JMH benchmark. Each node starts with a few tokens in flight; whoever receives a
 * token passes it to a random other node and, once in {@code broadcastEvery} receptions on
 * average, gossips to its group of {@code fanout} peers. Every node also runs a heartbeat timer
 * that re-arms a timeout and cancels the previous one, so timers and lazy cancellation are part of
 * the mix. The network is the scenario default (40 ms latency, exponential jitter of mean 20 ms,
 * 1 Gbit/s): realistic delays spread the events over time as in a real run.
 */
public final class KernelWorkload {
  /** Tokens each node puts in flight at start. */
  public static final int TOKENS_PER_NODE = 4;
  /** Heartbeat period of every node, µs. */
  public static final long HEARTBEAT_MICROS = 200_000;
  /** Timeout re-armed by every heartbeat (and so always cancelled before it fires), µs. */
  public static final long TIMEOUT_MICROS = 500_000;

  private static final Message TOKEN = new Message() {};
  private static final Message GOSSIP =
      new Message() {
        @Override
        public int sizeBytes() {
          return 1024;
        }
      };

  private enum Tick implements Timer {
    HEARTBEAT,
    TIMEOUT
  }

  private final Engine engine;

  /**
   * Builds the network (nothing runs yet).
   *
   * @param nodes number of nodes (≥ 2)
   * @param fanout receivers of each gossip broadcast: nodes are grouped by id into topics of
   *     {@code fanout + 1} members (0 disables gossip)
   * @param broadcastEvery a token reception gossips with probability {@code 1 / broadcastEvery}
   * @param seed the run's seed
   */
  public KernelWorkload(int nodes, int fanout, int broadcastEvery, long seed) {
    if (nodes < 2) {
      throw new IllegalArgumentException("nodes must be >= 2, got " + nodes);
    }
    if (fanout < 0 || fanout >= nodes) {
      throw new IllegalArgumentException("fanout must be in 0.." + (nodes - 1) + ", got " + fanout);
    }
    if (broadcastEvery < 1) {
      throw new IllegalArgumentException("broadcastEvery must be >= 1, got " + broadcastEvery);
    }
    engine = new Engine(seed, NetworkConfig.DEFAULT);
    for (int i = 0; i < nodes; i++) {
      Topic group = new Topic(Topic.Kind.PARA_NETWORK, fanout == 0 ? i : i / (fanout + 1));
      int id = engine.addNode(new Peer(nodes, fanout > 0, broadcastEvery, group));
      engine.network().subscribe(group, id);
    }
  }

  /** The engine, e.g. to read the clock or the event count. */
  public Engine engine() {
    return engine;
  }

  /**
   * Processes exactly {@code count} more events (the workload never runs dry).
   *
   * @return the engine's total of processed events afterwards
   */
  public long runEvents(long count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0, got " + count);
    }
    engine.setProgressListener((t, n) -> engine.stop(), count);
    engine.run(Long.MAX_VALUE);
    engine.setProgressListener(null, 0);
    return engine.eventsProcessed();
  }

  private static final class Peer implements Node {
    private final int nodes;
    private final boolean gossip;
    private final int broadcastEvery;
    private final Topic group;
    private NodeContext ctx;
    private RandomGenerator random;
    private long timeout;

    Peer(int nodes, boolean gossip, int broadcastEvery, Topic group) {
      this.nodes = nodes;
      this.gossip = gossip;
      this.broadcastEvery = broadcastEvery;
      this.group = group;
    }

    @Override
    public void start(NodeContext context) {
      ctx = context;
      random = context.random("bench");
      for (int i = 0; i < TOKENS_PER_NODE; i++) {
        passToken();
      }
      ctx.schedule(random.nextLong(HEARTBEAT_MICROS), Tick.HEARTBEAT);
    }

    @Override
    public void onMessage(int from, Message m) {
      if (m == TOKEN) {
        passToken();
        if (gossip && random.nextInt(broadcastEvery) == 0) {
          ctx.broadcast(group, GOSSIP);
        }
      }
    }

    @Override
    public void onTimer(Timer timer) {
      if (timer == Tick.HEARTBEAT) {
        ctx.cancel(timeout);
        timeout = ctx.schedule(TIMEOUT_MICROS, Tick.TIMEOUT);
        ctx.schedule(HEARTBEAT_MICROS, Tick.HEARTBEAT);
      }
    }

    private void passToken() {
      int target = random.nextInt(nodes - 1);
      ctx.send(target >= ctx.self() ? target + 1 : target, TOKEN);
    }
  }
}
