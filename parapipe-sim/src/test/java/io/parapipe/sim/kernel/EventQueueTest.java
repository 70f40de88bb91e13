package io.parapipe.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  /** One step of a random schedule: push at now + delay, pop, reschedule the top, or cancel. */
  record Op(int kind, long delay, int pick) {}

  @Provide
  Arbitrary<List<Op>> schedules() {
    // Delays from "same instant" through the near heap and the ring to the far tier (hours).
    Arbitrary<Long> delay =
        Arbitraries.oneOf(
            Arbitraries.just(0L),
            Arbitraries.longs().between(0, 100), // crowds one bucket: sorted run and heap mode
            Arbitraries.longs().between(0, 2_000),
            Arbitraries.longs().between(0, 5_000_000),
            Arbitraries.longs().between(0, 10_000_000_000L));
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 9), delay, Arbitraries.integers().between(0, 1000))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(600);
  }

  /**
   * For any schedule, events come out in non-decreasing (time, seq) order, exactly the pushed and
   * not cancelled ones, and in the same order as a sorted reference model.
   */
  @Property(tries = 300)
  void popsInTimeThenSequenceOrder(@ForAll("schedules") List<Op> ops) {
    EventQueue q = new EventQueue(16);
    TreeSet<long[]> model =
        new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<Long> live = new ArrayList<>(); // handles of queued timers
    long now = 0;
    long seq = 0;
    long pushed = 0;
    long popped = 0;
    long cancelled = 0;
    long lastTime = Long.MIN_VALUE;
    long lastSeq = Long.MIN_VALUE;
    for (Op op : ops) {
      if (op.kind() <= 5) { // push
        long t = now + op.delay();
        int s = q.allocate(EventQueue.TIMER, 0, 0, null, seq);
        q.push(s, t);
        model.add(new long[] {t, seq, s});
        live.add(q.handle(s));
        seq++;
        pushed++;
      } else if (op.kind() == 6 && !live.isEmpty()) { // cancel a queued timer
        long h = live.remove(op.pick() % live.size());
        int s = q.resolve(h, EventQueue.TIMER);
        assertThat(s).isNotNegative();
        q.cancel(s);
        model.removeIf(e -> e[2] == s);
        cancelled++;
      } else if (op.kind() == 7 && !q.isEmpty() && q.kind[q.topSlot()] != EventQueue.CANCELLED) {
        // reschedule the top to a later time, keeping its sequence
        long[] top = model.pollFirst();
        assertThat(q.topTime()).isEqualTo(top[0]);
        long t = q.topTime() + op.delay();
        q.rescheduleTop(t);
        model.add(new long[] {t, top[1], top[2]});
      } else { // pop (skipping cancelled entries, as the engine does)
        while (!q.isEmpty() && q.kind[q.topSlot()] == EventQueue.CANCELLED) {
          int s = q.topSlot();
          q.removeTop();
          q.release(s);
        }
        if (q.isEmpty()) {
          assertThat(model).isEmpty();
          continue;
        }
        long t = q.topTime();
        long sq = q.topSeq();
        int s = q.topSlot();
        assertThat(t > lastTime || (t == lastTime && sq > lastSeq)).isTrue();
        long[] expected = model.pollFirst();
        assertThat(new long[] {t, sq, s}).containsExactly(expected);
        assertThat(q.aux[s]).isEqualTo(sq); // payload travels with the entry
        live.remove(q.handle(s));
        q.removeTop();
        q.release(s);
        lastTime = t;
        lastSeq = sq;
        now = t;
        popped++;
      }
    }
    // Drain.
    while (!q.isEmpty()) {
      int s = q.topSlot();
      if (q.kind[s] != EventQueue.CANCELLED) {
        long t = q.topTime();
        long sq = q.topSeq();
        assertThat(t > lastTime || (t == lastTime && sq > lastSeq)).isTrue();
        assertThat(model.pollFirst()).containsExactly(t, sq, s);
        lastTime = t;
        lastSeq = sq;
        popped++;
      }
      q.removeTop();
      q.release(s);
    }
    assertThat(model).isEmpty();
    assertThat(popped).isEqualTo(pushed - cancelled);
    assertThat(q.size()).isZero();
  }

  @Test
  void crowdedBucketsSwitchToTheHeapAndKeepOrder() {
    EventQueue q = new EventQueue(16);
    SplitMix64 r = new SplitMix64(4);
    List<long[]> expected = new ArrayList<>();
    long seq = 0;
    // 300 events inside one 128 µs bucket, then more pushed into the near tier while popping.
    for (int i = 0; i < 300; i++) {
      long t = 1_000 + r.nextLong(100);
      q.push(q.allocate(EventQueue.TIMER, 0, 0, null, 0), t);
      expected.add(new long[] {t, seq++});
    }
    List<long[]> got = new ArrayList<>();
    int extra = 0;
    while (!q.isEmpty()) {
      long t = q.topTime();
      got.add(new long[] {t, q.topSeq()});
      int s = q.topSlot();
      q.removeTop();
      q.release(s);
      if (extra < 200) {
        long later = t + r.nextLong(50);
        q.push(q.allocate(EventQueue.TIMER, 0, 0, null, 0), later);
        expected.add(new long[] {later, seq++});
        extra++;
      }
    }
    expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    assertThat(got).hasSize(500);
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i)).containsExactly(expected.get(i));
    }
  }

  @Test
  void staleHandlesDoNotResolve() {
    EventQueue q = new EventQueue(16);
    int s = q.allocate(EventQueue.TIMER, 3, 0, null, 0);
    long h = q.handle(s);
    assertThat(h).isNotZero();
    assertThat(q.resolve(h, EventQueue.TIMER)).isEqualTo(s);
    assertThat(q.resolve(h, EventQueue.MESSAGE)).isEqualTo(-1);
    q.release(s);
    assertThat(q.resolve(h, EventQueue.TIMER)).isEqualTo(-1);
    int again = q.allocate(EventQueue.TIMER, 3, 0, null, 0);
    assertThat(again).isEqualTo(s); // the slot is reused ...
    assertThat(q.resolve(h, EventQueue.TIMER)).isEqualTo(-1); // ... under a new generation
    assertThat(q.resolve(q.handle(again), EventQueue.TIMER)).isEqualTo(s);
  }

  @Test
  void farEventsAfterAnEmptyRingArriveInOrder() {
    EventQueue q = new EventQueue(16);
    long[] times = {3_600_000_000L, 7, 86_400_000_000L, 3_600_000_000L, 5_000_000, 7};
    for (long t : times) {
      q.push(q.allocate(EventQueue.TIMER, 0, 0, null, 0), t);
    }
    List<Long> out = new ArrayList<>();
    while (!q.isEmpty()) {
      out.add(q.topTime());
      int s = q.topSlot();
      q.removeTop();
      q.release(s);
    }
    assertThat(out).containsExactly(7L, 7L, 5_000_000L, 3_600_000_000L, 3_600_000_000L, 86_400_000_000L);
  }
}
