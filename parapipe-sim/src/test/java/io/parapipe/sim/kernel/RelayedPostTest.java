package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.network.GossipMode;
import io.parapipe.sim.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/**
 * {@code NodeContext.postRelayed}: node 0 sends to 1 and 2, 1 forwards to 3, 2 forwards to 3
 * and 4. Links take 10 ms, and 1,000 B at 1 MB/s take 1 ms to leave an uplink.
 */
class RelayedPostTest {
  private static final long LATENCY = 10_000;
  private static final long TX = 1_000;
  private static final Msg POST = new Msg("approval", 1_000);
  /** 0 sends to 1 and 2; 1 on to 3; 2 on to 3 and 4; 3 and 4 to nobody. */
  static final RelayRoute ROUTE = new RelayRoute() {
    private final int[][] to = {{1, 2}, {3}, {3, 4}, {}, {}};

    @Override
    public int maxForwards() {
      return 2;
    }

    @Override
    public int forwards(int node, int source, int[] out) {
      System.arraycopy(to[node], 0, out, 0, to[node].length);
      return to[node].length;
    }
  };

  /** A node that takes what reached it when told to, and may refuse hops from some senders. */
  private static final class Receiver implements Node {
    NodeContext ctx;
    final List<String> got = new ArrayList<>();
    final BiPredicate<Integer, Long> hears;

    Receiver(BiPredicate<Integer, Long> hears) {
      this.hears = hears;
    }

    @Override
    public void start(NodeContext c) {
      ctx = c;
    }

    @Override
    public void onMessage(int from, Message m) {
      got.add("message from " + from + " at " + ctx.now());
    }

    @Override
    public void onTimer(Timer t) {
      got.add("woken at " + ctx.now());
      ctx.takeArrived(Topic.APPROVALS, (from, at, m) -> got.add("took from " + from + " at " + at));
    }

    @Override
    public boolean hears(int from, long atMicros) {
      return hears == null || hears.test(from, atMicros);
    }

    @Override
    public boolean screensArrivals() {
      return hears != null;
    }
  }

  private final List<Receiver> nodes = new ArrayList<>();

  private Engine engine(GossipMode mode, BiPredicate<Integer, Long> thirdHears) {
    Engine e = new Engine(1, NetworkConfig.IDEAL.withLatency(LATENCY).withBandwidth(1_000_000));
    e.setGossipMode(mode);
    for (int i = 0; i < 5; i++) {
      Receiver r = new Receiver(i == 3 ? thirdHears : null);
      nodes.add(r);
      e.addNode(r);
    }
    e.run(0);
    return e;
  }

  /** Posts from node 0 at time 0, has every node take at 100 ms, and runs to then. */
  private void postAndTake(Engine e) {
    e.context(0).postRelayed(Topic.APPROVALS, POST, 1_000_000, 7, 1, ROUTE);
    for (int i = 1; i < 5; i++) {
      e.context(i).schedule(100_000, new TestNode.Tick("take"));
    }
    e.run(100_000);
  }

  @Test
  void exactGossipSendsTheFirstHopOnlyAndTheReceiversForward() {
    Engine e = engine(GossipMode.EXACT, null);
    postAndTake(e);
    assertThat(nodes.get(1).got).containsExactly("message from 0 at " + (TX + LATENCY),
        "woken at 100000");
    assertThat(nodes.get(2).got).containsExactly("message from 0 at " + (2 * TX + LATENCY),
        "woken at 100000");
    assertThat(nodes.get(3).got).containsExactly("woken at 100000");
  }

  @Test
  void thresholdGossipDrawsBothHopsAndFilesTheEarliestArrival() {
    Engine e = engine(GossipMode.THRESHOLD, null);
    postAndTake(e);
    // 1 gets it after one transmission, 2 after two (the sender's uplink sends one at a time).
    assertThat(nodes.get(1).got).containsExactly("woken at 100000", "took from -1 at 11000");
    assertThat(nodes.get(2).got).containsExactly("woken at 100000", "took from -1 at 12000");
    // 3 along 1 (11 + 1 + 10 ms) before along 2 (12 + 1 + 10); 4 after 2's forward to 3.
    assertThat(nodes.get(3).got).containsExactly("woken at 100000", "took from -1 at 22000");
    assertThat(nodes.get(4).got).containsExactly("woken at 100000", "took from -1 at 24000");
    assertThat(e.eventsProcessed()).isEqualTo(4); // the takes: no event per message
  }

  @Test
  void aHopTheReceiverWouldNotHearDoesNotCount() {
    Engine e = engine(GossipMode.THRESHOLD, (from, at) -> from != 1);
    postAndTake(e);
    assertThat(nodes.get(3).got).containsExactly("woken at 100000", "took from -1 at 23000");
  }

  @Test
  void anOfflineForwarderForwardsNothing() {
    Engine e = engine(GossipMode.THRESHOLD, null);
    e.network().setOffline(1);
    postAndTake(e);
    assertThat(nodes.get(3).got).containsExactly("woken at 100000", "took from -1 at 23000");
    assertThat(nodes.get(1).got).isEmpty();
  }

  @Test
  void aWakeRequestFiresAtTheArrivalThatMeetsIt() {
    Engine e = engine(GossipMode.THRESHOLD, null);
    e.context(4).wakeOnArrivals(Topic.APPROVALS, 7, 1, Long.MAX_VALUE, new TestNode.Tick("k"));
    e.context(0).postRelayed(Topic.APPROVALS, POST, 1_000_000, 7, 1, ROUTE);
    e.run(100_000);
    assertThat(nodes.get(4).got).containsExactly("woken at 24000", "took from -1 at 24000");
  }

  @Test
  void aWakeRequestWithACountPerKeyFiresWhenOneKeysCountIsIn() {
    Engine e = engine(GossipMode.THRESHOLD, null);
    // Node 0's uplink sends the posts 2 ms apart: they reach node 4 at 24, 26 and 28 ms. The
    // count of 2 under key 7 is met at the third's arrival (the second keyed 7), the count of 2
    // under 8 never; a count over a range of keys would have been met at 26 ms.
    e.context(4).wakeOnArrivals(Topic.APPROVALS, new long[] {8, 7}, new int[] {2, 2}, 2,
        new TestNode.Tick("k"));
    e.context(0).postRelayed(Topic.APPROVALS, POST, 1_000_000, 7, 1, ROUTE);
    e.context(0).postRelayed(Topic.APPROVALS, POST, 1_000_000, 8, 1, ROUTE);
    e.context(0).postRelayed(Topic.APPROVALS, POST, 1_000_000, 7, 1, ROUTE);
    e.run(100_000);
    assertThat(nodes.get(4).got).first().isEqualTo("woken at 28000");
    assertThat(nodes.get(4).got).hasSize(4); // the wake's take: all three had arrived
  }

  @Test
  void underExactGossipAWakeRequestPerKeyDoesNothing() {
    Engine e = engine(GossipMode.EXACT, null);
    e.context(4).wakeOnArrivals(Topic.APPROVALS, new long[] {7}, new int[] {1}, 1,
        new TestNode.Tick("k"));
    e.run(100_000);
    assertThat(nodes.get(4).got).isEmpty();
  }
}
