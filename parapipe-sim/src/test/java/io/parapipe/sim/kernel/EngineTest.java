package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.sim.kernel.TestNode.Msg;
import io.parapipe.sim.kernel.TestNode.Seen;
import io.parapipe.sim.kernel.TestNode.Tick;
import io.parapipe.sim.network.NetworkConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  private final List<Seen> log = new ArrayList<>();

  private Engine ideal() {
    return new Engine(1, NetworkConfig.IDEAL);
  }

  private List<String> whats() {
    return log.stream().filter(s -> !s.what().equals("start")).map(s -> s.time() + " " + s.what()).toList();
  }

  @Test
  void nodesStartAtTimeZeroInIdOrder() {
    Engine e = ideal();
    for (int i = 0; i < 3; i++) {
      assertThat(e.addNode(new TestNode(log))).isEqualTo(i);
    }
    assertThat(log).isEmpty();
    e.run(0);
    assertThat(log).containsExactly(
        new Seen(0, 0, "start"), new Seen(0, 1, "start"), new Seen(0, 2, "start"));
    assertThat(e.isStarted()).isTrue();
    assertThatThrownBy(() -> e.addNode(new TestNode(log))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eventsAreOrderedByTimeThenInsertion() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> {
      self.ctx.schedule(30, new Tick("c"));
      self.ctx.schedule(10, new Tick("a1"));
      self.ctx.schedule(20, new Tick("b"));
      self.ctx.schedule(10, new Tick("a2"));
      self.ctx.schedule(0, new Tick("z"));
    };
    e.addNode(n);
    e.run(1_000);
    assertThat(whats()).containsExactly(
        "0 timer z", "10 timer a1", "10 timer a2", "20 timer b", "30 timer c");
    assertThat(e.eventsProcessed()).isEqualTo(5);
    assertThat(e.now()).isEqualTo(30);
  }

  @Test
  void timersAndMessagesAtTheSameInstantFollowInsertionOrder() {
    Engine e = ideal(); // zero latency: a send arrives at the current instant
    TestNode a = new TestNode(log);
    TestNode b = new TestNode(log);
    a.onStart = self -> self.ctx.schedule(100, new Tick("go"));
    a.onTimer = t -> {
      if (!((Tick) t).label().equals("go")) {
        return;
      }
      // At t=100 queue, in this order: a message to b, a timer on a, a message to b, a self-send.
      a.ctx.send(1, new Msg("m1"));
      a.ctx.schedule(0, new Tick("t1"));
      a.ctx.send(1, new Msg("m2"));
      a.ctx.send(0, new Msg("self"));
    };
    e.addNode(a);
    e.addNode(b);
    e.run(100);
    assertThat(whats()).containsExactly(
        "100 timer go",
        "100 msg m1 from 0",
        "100 timer t1",
        "100 msg m2 from 0",
        "100 msg self from 0");
  }

  @Test
  void runProcessesUpToAndIncludingUntilAndContinues() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> {
      for (int t = 10; t <= 50; t += 10) {
        self.ctx.schedule(t, new Tick("t" + t));
      }
    };
    e.addNode(n);
    e.run(30);
    assertThat(whats()).containsExactly("10 timer t10", "20 timer t20", "30 timer t30");
    assertThat(e.now()).isEqualTo(30);
    e.run(35);
    assertThat(whats()).hasSize(3);
    e.run(Long.MAX_VALUE);
    assertThat(whats()).endsWith("40 timer t40", "50 timer t50");
    assertThat(e.eventsProcessed()).isEqualTo(5);
    assertThat(e.pendingEvents()).isZero();
  }

  @Test
  void cancelBeforeFireSuppressesTheTimer() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    long[] ids = new long[2];
    n.onStart = self -> {
      ids[0] = self.ctx.schedule(50, new Tick("cancelled"));
      ids[1] = self.ctx.schedule(60, new Tick("kept"));
      self.ctx.schedule(10, new Tick("canceller"));
    };
    n.onTimer = t -> {
      if (((Tick) t).label().equals("canceller")) {
        n.ctx.cancel(ids[0]);
        n.ctx.cancel(ids[0]); // double cancel: no-op
      }
    };
    e.addNode(n);
    e.run(1_000);
    assertThat(whats()).containsExactly("10 timer canceller", "60 timer kept");
    assertThat(e.eventsProcessed()).isEqualTo(2);
    assertThat(ids[0]).isNotEqualTo(ids[1]);
  }

  @Test
  void cancelAfterFireAndUnknownIdsAreNoOps() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    long[] first = new long[1];
    n.onStart = self -> first[0] = self.ctx.schedule(10, new Tick("first"));
    n.onTimer = t -> {
      if (((Tick) t).label().equals("first")) {
        // The fired timer's slot is reused by the next schedule: the stale id must not hit it.
        n.ctx.schedule(10, new Tick("second"));
        n.ctx.cancel(first[0]);
        n.ctx.cancel(0);
        n.ctx.cancel(-1);
        n.ctx.cancel(Long.MAX_VALUE);
        n.ctx.cancel(123_456_789_000L);
      }
    };
    e.addNode(n);
    e.run(1_000);
    assertThat(whats()).containsExactly("10 timer first", "20 timer second");
  }

  @Test
  void aNodeCannotCancelAnotherNodesTimer() {
    Engine e = ideal();
    TestNode a = new TestNode(log);
    TestNode b = new TestNode(log);
    long[] id = new long[1];
    a.onStart = self -> id[0] = self.ctx.schedule(10, new Tick("a's"));
    b.onStart = self -> self.ctx.cancel(id[0]);
    e.addNode(a);
    e.addNode(b);
    e.run(100);
    assertThat(whats()).containsExactly("10 timer a's");
  }

  @Test
  void manyCancelledTimersAreDroppedAndNotCounted() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> {
      for (int i = 0; i < 20_000; i++) {
        // Spread over the near heap, the ring and the far tier.
        long id = self.ctx.schedule(1 + i * 997L, new Tick("x" + i));
        if (i % 10 != 0) {
          self.ctx.cancel(id);
        }
      }
    };
    e.addNode(n);
    e.run(Long.MAX_VALUE);
    assertThat(e.eventsProcessed()).isEqualTo(2_000);
    List<String> fired = whats();
    assertThat(fired).hasSize(2_000);
    assertThat(fired.get(1)).isEqualTo((1 + 10 * 997L) + " timer x10");
    assertThat(e.pendingEvents()).isZero();
  }

  @Test
  void stopReturnsAfterTheCurrentEventAndRunContinues() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> {
      for (int t = 1; t <= 5; t++) {
        self.ctx.schedule(t, new Tick("t" + t));
      }
    };
    n.onTimer = t -> {
      if (((Tick) t).label().equals("t2")) {
        e.stop();
      }
    };
    e.addNode(n);
    e.run(100);
    assertThat(whats()).containsExactly("1 timer t1", "2 timer t2");
    e.run(100);
    assertThat(whats()).hasSize(5);
  }

  @Test
  void progressListenerIsToldEveryNEvents() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> {
      for (int t = 1; t <= 10; t++) {
        self.ctx.schedule(t * 100L, new Tick("t"));
      }
    };
    e.addNode(n);
    List<long[]> calls = new ArrayList<>();
    e.setProgressListener((now, count) -> calls.add(new long[] {now, count}), 4);
    e.run(Long.MAX_VALUE);
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)).containsExactly(400, 4);
    assertThat(calls.get(1)).containsExactly(800, 8);
  }

  @Test
  void emitReachesListenersWithTimeAndNode() {
    record Ping(int n) implements ProtocolEvent {}
    Engine e = ideal();
    TestNode a = new TestNode(log);
    TestNode b = new TestNode(log);
    b.onStart = self -> self.ctx.schedule(7, new Tick("emit"));
    b.onTimer = t -> b.ctx.emit(new Ping(42));
    e.addNode(a);
    e.addNode(b);
    List<String> seen = new ArrayList<>();
    e.addListener((t, node, ev) -> seen.add("first " + t + " " + node + " " + ev));
    e.addListener((t, node, ev) -> seen.add("second " + t + " " + node + " " + ev));
    e.run(10);
    assertThat(seen).containsExactly("first 7 1 Ping[n=42]", "second 7 1 Ping[n=42]");
  }

  @Test
  void exceptionsFromNodesPropagate() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> self.ctx.schedule(5, new Tick("boom"));
    n.onTimer = t -> {
      throw new IllegalStateException("bug in node");
    };
    e.addNode(n);
    assertThatThrownBy(() -> e.run(10)).hasMessage("bug in node");
    // The engine is not left "running".
    e.run(10);
  }

  @Test
  void runIsNotReentrantAndBadArgumentsAreRejected() {
    Engine e = ideal();
    TestNode n = new TestNode(log);
    n.onStart = self -> self.ctx.schedule(1, new Tick("t"));
    n.onTimer = t -> e.run(100);
    e.addNode(n);
    assertThatThrownBy(() -> e.run(10)).isInstanceOf(IllegalStateException.class);
    TestNode m = new TestNode(log);
    Engine e2 = ideal();
    e2.addNode(m);
    e2.run(0);
    assertThatThrownBy(() -> m.ctx.schedule(-1, new Tick("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.ctx.send(5, new Msg("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e2.run(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.ctx.schedule(Long.MAX_VALUE - 5, new Tick("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> e2.scheduleAt(0, Long.MAX_VALUE, new Tick("x")))
        .isInstanceOf(IllegalArgumentException.class);
    e2.run(Long.MAX_VALUE); // nothing queued, nothing stuck
  }

  @Test
  void scheduleAtInjectsTimersFromOutside() {
    Engine e = ideal();
    e.addNode(new TestNode(log));
    e.addNode(new TestNode(log));
    e.scheduleAt(1, 500, new Tick("fault"));
    long id = e.scheduleAt(0, 400, new Tick("cancelled"));
    e.cancelTimer(id);
    e.run(1_000);
    assertThat(whats()).containsExactly("500 timer fault");
    assertThatThrownBy(() -> e.scheduleAt(0, 10, new Tick("past")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomStreamsAreStablePerNodeAndPurpose() {
    Engine e = new Engine(99, NetworkConfig.IDEAL);
    TestNode a = new TestNode(log);
    TestNode b = new TestNode(log);
    e.addNode(a);
    e.addNode(b);
    e.run(0);
    assertThat(a.ctx.random("x")).isSameAs(a.ctx.random("x"));
    assertThat(a.ctx.random("x")).isNotSameAs(a.ctx.random("y"));
    long ax = a.ctx.random("x").nextLong();
    long bx = b.ctx.random("x").nextLong();
    long ay = a.ctx.random("y").nextLong();
    assertThat(ax).isNotEqualTo(bx).isNotEqualTo(ay);
    // Same (seed, node, purpose) in another engine: the same numbers.
    Engine again = new Engine(99, NetworkConfig.DEFAULT);
    TestNode a2 = new TestNode(log);
    again.addNode(a2);
    again.run(0);
    assertThat(a2.ctx.random("x").nextLong()).isEqualTo(ax);
  }

  @Test
  void streamSeedsArePinned() {
    // Changing the derivation silently changes every simulation; these values are fixed forever.
    assertThat(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 0, "collator"))
        .isEqualTo(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 0, "collator"));
    assertThat(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 0, "a"))
        .isNotEqualTo(StreamSeeds.derive(1, StreamSeeds.DOMAIN_KERNEL, 0, "a"))
        .isNotEqualTo(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 1, "a"))
        .isNotEqualTo(StreamSeeds.derive(2, StreamSeeds.DOMAIN_NODE, 0, "a"))
        .isNotEqualTo(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 0, "a\0"));
    assertThat(new SplitMix64(0).nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(StreamSeeds.derive(1, StreamSeeds.DOMAIN_NODE, 0, "collator"))
        .isEqualTo(PINNED_COLLATOR_SEED);
  }

  private static final long PINNED_COLLATOR_SEED = 8824799466265065838L;
}
