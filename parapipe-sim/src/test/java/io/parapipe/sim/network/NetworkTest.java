package io.parapipe.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.kernel.Engine;
import io.parapipe.sim.kernel.TestNode;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.kernel.TestNode.Seen;
import io.parapipe.sim.kernel.TestNode.Tick;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static final long MB = 1_000_000;
  private final List<Seen> log = new ArrayList<>();

  private static NetworkConfig fixed(long latency, long bandwidth) {
    return NetworkConfig.IDEAL.withLatency(latency).withBandwidth(bandwidth);
  }

  private Engine withNodes(NetworkConfig config, int n) {
    Engine e = new Engine(1, config);
    for (int i = 0; i < n; i++) {
      e.addNode(new TestNode(log));
    }
    return e;
  }

  private TestNode node(Engine e, int id) {
    return (TestNode) e.node(id);
  }

  private List<Seen> received(int node) {
    return TestNode.of(log, node);
  }

  @Test
  void oneMegabyteOnOneMegabytePerSecondTakesOneSecondPlusLatency() {
    Engine e = withNodes(fixed(40_000, MB), 2);
    node(e, 0).onStart = self -> self.ctx.send(1, new Msg("big", (int) MB));
    e.run(Long.MAX_VALUE);
    assertThat(received(1)).containsExactly(new Seen(1_040_000, 1, "msg big from 0"));
  }

  @Test
  void backToBackSendsQueueOnTheUplink() {
    Engine e = withNodes(fixed(40_000, MB), 3);
    node(e, 0).onStart = self -> {
      self.ctx.send(1, new Msg("first", (int) MB));
      self.ctx.send(2, new Msg("second", (int) MB));
    };
    e.run(Long.MAX_VALUE);
    assertThat(received(1)).containsExactly(new Seen(1_040_000, 1, "msg first from 0"));
    // The second waits for the first to leave the uplink.
    assertThat(received(2)).containsExactly(new Seen(2_040_000, 2, "msg second from 0"));
    assertThat(e.network().uplinkFreeAt(0)).isEqualTo(2_000_000);
  }

  @Test
  void transmissionTimeRoundsUpToWholeMicroseconds() {
    Network n = new Network(fixed(0, 3));
    assertThat(n.transmissionMicros(1)).isEqualTo(333_334);
    assertThat(n.transmissionMicros(3)).isEqualTo(1_000_000);
    assertThat(n.transmissionMicros(0)).isZero();
    Network unlimited = new Network(NetworkConfig.IDEAL);
    assertThat(unlimited.transmissionMicros(Integer.MAX_VALUE)).isZero();
    Network gbit = new Network(NetworkConfig.DEFAULT);
    assertThat(gbit.transmissionMicros(5 * 1024 * 1024)).isEqualTo(41_944); // a 5 MiB PoV
  }

  @Test
  void aBusyDownlinkDelaysTheSecondOfTwoConcurrentArrivals() {
    Engine e = withNodes(fixed(10_000, MB), 3);
    node(e, 0).onStart = self -> self.ctx.send(2, new Msg("from0", (int) MB));
    node(e, 1).onStart = self -> self.ctx.send(2, new Msg("from1", (int) MB));
    e.run(Long.MAX_VALUE);
    // Both uplinks finish at 1 s; node 2's downlink takes 1 s per message.
    assertThat(received(2))
        .containsExactly(
            new Seen(1_010_000, 2, "msg from0 from 0"), new Seen(2_010_000, 2, "msg from1 from 1"));
  }

  @Test
  void aDownlinkIdleForTheTransmissionTimeDoesNotDelay() {
    Engine e = withNodes(fixed(10_000, MB), 3);
    node(e, 0).onStart = self -> self.ctx.send(2, new Msg("a", 1_000));
    node(e, 1).onStart = self -> self.ctx.schedule(1_000, new Tick("later"));
    node(e, 1).onTimer = t -> node(e, 1).ctx.send(2, new Msg("b", 1_000));
    e.run(Long.MAX_VALUE);
    // a: 1 ms transmission + 10 ms; b starts at 1 ms: arrives at 12 ms, after a's downlink freed.
    assertThat(received(2)).extracting(Seen::time).containsExactly(11_000L, 12_000L);
  }

  @Test
  void broadcastExcludesTheSenderAndReachesEverySubscriberOnce() {
    Engine e = withNodes(NetworkConfig.DEFAULT, 6);
    for (int id : new int[] {4, 0, 2, 3}) {
      e.network().subscribe(Topic.VALIDATORS, id);
    }
    e.network().subscribe(Topic.VALIDATORS, 2); // twice: still once
    node(e, 2).onStart = self -> self.ctx.broadcast(Topic.VALIDATORS, new Msg("statement"));
    e.run(Long.MAX_VALUE);
    assertThat(e.network().audience(Topic.VALIDATORS).toArray()).containsExactly(0, 2, 3, 4);
    assertThat(log.stream().filter(s -> s.what().startsWith("msg")).map(Seen::node))
        .containsExactlyInAnyOrder(0, 3, 4);
    assertThat(e.eventsProcessed()).isEqualTo(3);
    // Deliveries are in arrival order.
    List<Long> times = log.stream().filter(s -> s.what().startsWith("msg")).map(Seen::time).toList();
    assertThat(times).isSorted();
    assertThat(times).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(40_000));
  }

  @Test
  void largeAudiencesAreServedInArrivalOrderExactlyOnce() {
    for (int n : new int[] {20, 300}) { // the envelope's two sorting paths
      log.clear();
      Engine e = withNodes(NetworkConfig.DEFAULT, n);
      for (int id = 0; id < n; id++) {
        e.network().subscribe(Topic.VALIDATORS, id);
      }
      node(e, 7).onStart = self -> self.ctx.broadcast(Topic.VALIDATORS, new Msg("big audience"));
      e.run(Long.MAX_VALUE);
      List<Seen> got = log.stream().filter(s -> s.what().startsWith("msg")).toList();
      assertThat(got).extracting(Seen::node).doesNotHaveDuplicates().hasSize(n - 1).doesNotContain(7);
      assertThat(got).extracting(Seen::time).isSorted();
      // Exponential jitter spreads the arrivals.
      assertThat(got.get(got.size() - 1).time() - got.get(0).time()).isGreaterThan(20_000);
    }
  }

  @Test
  void broadcastPutsOneCopyOnTheUplinkThenFansOut() {
    Engine e = withNodes(fixed(5_000, MB), 4);
    for (int id = 0; id < 4; id++) {
      e.network().subscribe(Topic.RELAY_CHAIN, id);
    }
    node(e, 0).onStart = self -> self.ctx.broadcast(Topic.RELAY_CHAIN, new Msg("block", 500_000));
    e.run(Long.MAX_VALUE);
    for (int id = 1; id < 4; id++) {
      assertThat(received(id)).containsExactly(new Seen(505_000, id, "msg block from 0"));
    }
    assertThat(e.network().uplinkFreeAt(0)).isEqualTo(500_000);
  }

  @Test
  void broadcastToAnEmptyOrSelfOnlyTopicDoesNothing() {
    Engine e = withNodes(NetworkConfig.DEFAULT, 2);
    e.network().subscribe(Topic.RELAY_CHAIN, 0);
    node(e, 0).onStart = self -> {
      self.ctx.broadcast(Topic.RELAY_CHAIN, new Msg("x"));
      self.ctx.broadcast(Topic.VALIDATORS, new Msg("y"));
    };
    e.run(Long.MAX_VALUE);
    assertThat(e.eventsProcessed()).isZero();
    assertThat(e.network().uplinkFreeAt(0)).isZero();
  }

  @Test
  void messagesToSelfArriveAtOnceThroughTheQueue() {
    Engine e = withNodes(NetworkConfig.DEFAULT, 1);
    node(e, 0).onStart = self -> self.ctx.schedule(100, new Tick("t"));
    node(e, 0).onTimer = t -> {
      if (((Tick) t).label().equals("t")) {
        node(e, 0).ctx.send(0, new Msg("note", 10_000_000));
        node(e, 0).ctx.schedule(0, new Tick("after"));
      }
    };
    e.run(Long.MAX_VALUE);
    assertThat(received(0))
        .containsExactly(
            new Seen(100, 0, "timer t"), new Seen(100, 0, "msg note from 0"), new Seen(100, 0, "timer after"));
  }

  @Test
  void lossRateIsNearTheConfiguredProbability() {
    NetworkConfig lossy = fixed(1_000, NetworkConfig.UNLIMITED_BANDWIDTH).withMessageLoss(0.2);
    Engine e = withNodes(lossy, 11);
    for (int id = 0; id < 11; id++) {
      e.network().subscribe(Topic.VALIDATORS, id);
    }
    int rounds = 2_000;
    node(e, 0).onStart = self -> {
      for (int i = 0; i < rounds; i++) {
        self.ctx.send(1 + i % 10, new Msg("u"));
        self.ctx.broadcast(Topic.VALIDATORS, new Msg("b"));
      }
    };
    e.run(Long.MAX_VALUE);
    long sent = rounds + rounds * 10L;
    double delivered = e.eventsProcessed() / (double) sent;
    // 22,000 Bernoulli(0.8) trials: standard deviation 0.0027; the band is about 4 sigma.
    assertThat(delivered).isBetween(0.79, 0.81);
  }

  @Test
  void anOfflineNodeIsNeverStartedAndReceivesNothing() {
    Engine e = withNodes(NetworkConfig.DEFAULT, 3);
    for (int id = 0; id < 3; id++) {
      e.network().subscribe(Topic.VALIDATORS, id);
    }
    e.network().setOffline(1);
    node(e, 1).onStart = self -> self.ctx.send(0, new Msg("impossible"));
    node(e, 0).onStart = self -> {
      self.ctx.send(1, new Msg("direct"));
      self.ctx.broadcast(Topic.VALIDATORS, new Msg("gossip"));
    };
    e.scheduleAt(1, 10, new Tick("injected"));
    e.run(Long.MAX_VALUE);
    assertThat(node(e, 1).started).isFalse();
    assertThat(log).noneMatch(s -> s.node() == 1);
    assertThat(received(2)).containsExactly(new Seen(received(2).get(0).time(), 2, "msg gossip from 0"));
    assertThat(received(0)).isEmpty();
    assertThat(e.eventsProcessed()).isEqualTo(1);
  }

  @Test
  void aNodeTakenOfflineMidRunReceivesNothingMore() {
    Engine e = withNodes(fixed(1_000, NetworkConfig.UNLIMITED_BANDWIDTH), 2);
    node(e, 0).onStart = self -> {
      self.ctx.send(1, new Msg("early"));
      self.ctx.schedule(5_000, new Tick("late"));
    };
    node(e, 0).onTimer = t -> node(e, 0).ctx.send(1, new Msg("late"));
    node(e, 1).onStart = self -> self.ctx.schedule(10_000, new Tick("never"));
    e.run(2_000);
    e.network().setOffline(1);
    e.run(Long.MAX_VALUE);
    assertThat(received(1)).containsExactly(new Seen(1_000, 1, "msg early from 0"));
  }

  @Test
  void uniformJitterStaysInItsRangeWithTheRightMean() {
    NetworkConfig c = NetworkConfig.IDEAL.withLatency(10_000).withJitter(5_000, JitterDistribution.UNIFORM);
    Network n = new Network(c);
    var r = new io.parapipe.sim.kernel.SplitMix64(11);
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    int k = 100_000;
    for (int i = 0; i < k; i++) {
      long d = n.delayMicros(r);
      sum += d;
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertThat(min).isGreaterThanOrEqualTo(10_000).isLessThan(10_100);
    assertThat(max).isLessThanOrEqualTo(20_000).isGreaterThan(19_900);
    assertThat(sum / (double) k).isBetween(14_950.0, 15_050.0);
  }

  @Test
  void exponentialJitterHasTheConfiguredMean() {
    Network n = new Network(NetworkConfig.DEFAULT);
    var r = new io.parapipe.sim.kernel.SplitMix64(12);
    long sum = 0;
    long over = 0;
    int k = 200_000;
    for (int i = 0; i < k; i++) {
      long jitter = n.delayMicros(r) - 40_000;
      assertThat(jitter).isNotNegative();
      sum += jitter;
      if (jitter > 20_000 * Math.log(10)) {
        over++;
      }
    }
    assertThat(sum / (double) k).isBetween(19_850.0, 20_150.0);
    // P(X > mean·ln 10) = 0.1 for an exponential.
    assertThat(over / (double) k).isBetween(0.097, 0.103);
  }

  @Test
  void exponentialSampleMatchesTheExactLogarithm() {
    Network n = new Network(NetworkConfig.DEFAULT);
    var r = new io.parapipe.sim.kernel.SplitMix64(13);
    for (int i = 0; i < 100_000; i++) {
      long bits = r.nextLong();
      double exact = -StrictMath.log(((bits >>> 11) + 1) * 0x1.0p-53);
      assertThat(n.exponential(bits)).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-7));
    }
    assertThat(n.exponential(-1L)).isZero();
    assertThat(n.exponential(0L)).isCloseTo(53 * Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void configRejectsNonsense() {
    NetworkConfig ideal = NetworkConfig.IDEAL;
    assertThatThrownBy(() -> ideal.withLatency(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ideal.withBandwidth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ideal.withMessageLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ideal.withMessageLoss(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ideal.withJitter(NetworkConfig.MAX_JITTER_MEAN_MICROS + 1,
        JitterDistribution.UNIFORM)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ideal.withJitter(0, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void broadcastHeldUpByABusyDownlinkStillReachesEveryoneInArrivalOrder() {
    Engine e = withNodes(fixed(1_000, MB), 4);
    for (int id = 0; id < 4; id++) {
      e.network().subscribe(Topic.VALIDATORS, id);
    }
    // Node 2 keeps node 1's downlink busy until 101 ms with a 100 kB unicast.
    node(e, 2).onStart = self -> self.ctx.send(1, new Msg("bulk", 100_000));
    // Node 0 gossips 70 kB (bulk too) at 35 ms: on its uplink until 105 ms, arriving at 106 ms.
    node(e, 0).onStart = self -> self.ctx.schedule(35_000, new Tick("gossip"));
    node(e, 0).onTimer = t -> node(e, 0).ctx.broadcast(Topic.VALIDATORS, new Msg("g", 70_000));
    e.run(Long.MAX_VALUE);
    assertThat(received(2)).containsExactly(new Seen(106_000, 2, "msg g from 0"));
    assertThat(received(3)).containsExactly(new Seen(106_000, 3, "msg g from 0"));
    // Node 1 needed its downlink for [36, 106] ms but it was busy until 101 ms: done at 171 ms.
    assertThat(received(1))
        .containsExactly(new Seen(101_000, 1, "msg bulk from 2"), new Seen(171_000, 1, "msg g from 0"));
    assertThat(log.stream().filter(s -> s.what().startsWith("msg g")).map(Seen::node))
        .containsExactly(2, 3, 1);
  }

  @Test
  void downlinkIsFirstComeFirstServedByUncontendedArrival() {
    Engine e = withNodes(fixed(1_000, MB), 3);
    // 100 kB would complete at 101 ms, 70 kB at 71 ms; both are bulk and overlap on node 2's
    // downlink. The one that would finish first keeps its time; the other completes one
    // transmission time after the downlink frees: all 170 kB are through by 171 ms.
    node(e, 0).onStart = self -> self.ctx.send(2, new Msg("bulk", 100_000));
    node(e, 1).onStart = self -> self.ctx.send(2, new Msg("other", 70_000));
    e.run(Long.MAX_VALUE);
    assertThat(received(2))
        .containsExactly(new Seen(71_000, 2, "msg other from 1"), new Seen(171_000, 2, "msg bulk from 0"));
  }

  @Test
  void smallMessagesAreNotHeldUpBehindBulkTransfers() {
    Engine e = withNodes(fixed(1_000, MB), 3);
    // Node 0 uploads 1 MB to node 1 (a second), then a 1 kB vote to node 2 and one to node 1:
    // the votes take their own lane on both ends, as streams multiplexed over connections do.
    node(e, 0).onStart = self -> {
      self.ctx.send(1, new Msg("pov", 1_000_000));
      self.ctx.send(2, new Msg("vote", 1_000));
      self.ctx.send(1, new Msg("vote", 1_000));
    };
    e.run(Long.MAX_VALUE);
    assertThat(received(2)).containsExactly(new Seen(2_000, 2, "msg vote from 0"));
    assertThat(received(1)).containsExactly(new Seen(3_000, 1, "msg vote from 0"),
        new Seen(1_001_000, 1, "msg pov from 0"));
  }
}
