package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.kernel.TestNode.Seen;
import io.parapipe.sim.kernel.TestNode.Tick;
import io.parapipe.sim.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  private static final NetworkConfig NET =
      NetworkConfig.DEFAULT.withBandwidth(1_000_000).withMessageLoss(0.05);

  /** A gossiping network with timers, cancellations, loss and contention; returns its log. */
  private static List<Seen> run(long seed) {
    List<Seen> log = new ArrayList<>();
    Engine e = new Engine(seed, NET);
    int n = 30;
    for (int i = 0; i < n; i++) {
      TestNode node = new TestNode(log);
      long[] pending = new long[1];
      node.onStart = self -> {
        RandomGenerator r = self.ctx.random("test");
        self.ctx.send(r.nextInt(n), new Msg("hello", 2_000));
        pending[0] = self.ctx.schedule(r.nextLong(100_000), new Tick("tick"));
      };
      node.onMessage = (from, m) -> {
        RandomGenerator r = node.ctx.random("test");
        if (((Msg) m).label().equals("hello")) { // gossip is terminal: no explosion
          node.ctx.send(r.nextInt(n), new Msg("hello", 1 + r.nextInt(20_000)));
          if (r.nextInt(4) == 0) {
            node.ctx.broadcast(Topic.VALIDATORS, new Msg("gossip", 500));
          }
        }
      };
      node.onTimer = t -> {
        RandomGenerator r = node.ctx.random("timers");
        node.ctx.cancel(pending[0]);
        pending[0] = node.ctx.schedule(r.nextLong(200_000), new Tick("tick"));
        node.ctx.schedule(r.nextLong(100_000), new Tick("other"));
      };
      int id = e.addNode(node);
      if (id % 3 == 0) {
        e.network().subscribe(Topic.VALIDATORS, id);
      }
    }
    e.run(3_000_000);
    return log;
  }

  @Test
  void sameSeedGivesTheSameDeliveryLog() {
    List<Seen> a = run(7);
    List<Seen> b = run(7);
    assertThat(a.size()).isGreaterThan(1_000);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void differentSeedsGiveDifferentLogs() {
    assertThat(run(7)).isNotEqualTo(run(8));
  }

  @Test
  void kernelWorkloadIsDeterministic() {
    KernelWorkload a = new KernelWorkload(200, 8, 16, 5);
    KernelWorkload b = new KernelWorkload(200, 8, 16, 5);
    KernelWorkload c = new KernelWorkload(200, 8, 16, 6);
    assertThat(a.runEvents(200_000)).isEqualTo(200_000);
    b.runEvents(200_000);
    c.runEvents(200_000);
    assertThat(a.engine().now()).isEqualTo(b.engine().now()).isNotEqualTo(c.engine().now());
    assertThat(a.engine().pendingEvents()).isEqualTo(b.engine().pendingEvents());
    // And it continues exactly.
    a.runEvents(1);
    assertThat(a.engine().eventsProcessed()).isEqualTo(200_001);
  }
}
