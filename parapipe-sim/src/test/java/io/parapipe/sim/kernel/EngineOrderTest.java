package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.kernel.TestNode.Seen;
import io.parapipe.sim.kernel.TestNode.Tick;
import io.parapipe.sim.network.JitterDistribution;
import io.parapipe.sim.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class EngineOrderTest {
  /**
   * Nodes that react to every timer and message by scheduling, sending and cancelling at random:
   * the engine's clock never goes back, every scheduled timer fires unless cancelled, and every
   * message is delivered exactly once.
   */
  @Property(tries = 60)
  void clockNeverGoesBackAndNothingIsLostOrDuplicated(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 12) int nodes,
      @ForAll @LongRange(min = 0, max = 50_000) long latency) {
    NetworkConfig net = NetworkConfig.IDEAL.withLatency(latency)
        .withJitter(latency / 2, JitterDistribution.UNIFORM).withBandwidth(10_000_000);
    Engine e = new Engine(seed, net);
    List<Seen> log = new ArrayList<>();
    long[] scheduled = new long[1];
    java.util.Map<Long, String> labels = new java.util.HashMap<>();
    java.util.Set<String> fired = new java.util.HashSet<>();
    java.util.Set<String> cancelledBeforeFiring = new java.util.HashSet<>();
    long[] sent = new long[1];
    int budget = 400;
    for (int i = 0; i < nodes; i++) {
      TestNode n = new TestNode(log);
      List<Long> mine = new ArrayList<>();
      Runnable act = () -> {
        var r = n.ctx.random("act");
        if (scheduled[0] + sent[0] >= budget) {
          return;
        }
        switch (r.nextInt(4)) {
          case 0 -> {
            String label = "t" + scheduled[0]++;
            long id = n.ctx.schedule(r.nextInt(3) == 0 ? 0 : r.nextLong(2_000_000), new Tick(label));
            labels.put(id, label);
            mine.add(id);
          }
          case 1 -> {
            if (!mine.isEmpty()) {
              long id = mine.remove(r.nextInt(mine.size()));
              n.ctx.cancel(id); // a no-op if it already fired
              if (!fired.contains(labels.get(id))) {
                cancelledBeforeFiring.add(labels.get(id));
              }
            }
            String label = "t" + scheduled[0]++;
            long id = n.ctx.schedule(r.nextLong(100), new Tick(label));
            labels.put(id, label);
            mine.add(id);
          }
          default -> {
            n.ctx.send(r.nextInt(nodes), new Msg("m", 1 + r.nextInt(5_000)));
            sent[0]++;
          }
        }
      };
      n.onStart = self -> {
        act.run();
        act.run();
      };
      n.onTimer = t -> {
        fired.add(((Tick) t).label());
        act.run();
        act.run();
      };
      n.onMessage = (f, m) -> act.run();
      e.addNode(n);
    }
    e.run(Long.MAX_VALUE);
    List<Seen> events = log.stream().filter(s -> !s.what().equals("start")).toList();
    assertThat(events).extracting(Seen::time).isSorted();
    long timers = events.stream().filter(s -> s.what().startsWith("timer")).count();
    long messages = events.size() - timers;
    assertThat(messages).isEqualTo(sent[0]);
    // Exactly the timers not cancelled before firing fire, each once.
    assertThat(timers).isEqualTo(scheduled[0] - cancelledBeforeFiring.size());
    assertThat(fired).hasSize((int) timers).doesNotContainAnyElementsOf(cancelledBeforeFiring);
    assertThat(e.eventsProcessed()).isEqualTo(events.size());
    assertThat(e.pendingEvents()).isZero();
  }
}
