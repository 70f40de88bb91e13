package io.parapipe.protocol.testing;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A NodeContext for unit tests: time moves only when the test says so, sent messages and
 * emitted events are recorded, timers fire when the test advances the clock past them.
 */
public final class ManualContext implements NodeContext {
  /** A scheduled timer. */
  public record Scheduled(long at, long id, Timer timer) {}

  /** A recorded send ({@code to = -1} for broadcasts). */
  public record Sent(int to, Topic topic, Message message) {}

  private final int self;
  private long now;
  private long nextId = 1;
  public final List<Scheduled> timers = new ArrayList<>();
  public final List<Sent> sent = new ArrayList<>();
  public final List<ProtocolEvent> events = new ArrayList<>();

  public ManualContext(int self) {
    this.self = self;
  }

  @Override
  public int self() {
    return self;
  }

  @Override
  public long now() {
    return now;
  }

  /** Sets the clock (never backwards). */
  public void setNow(long t) {
    if (t < now) {
      throw new IllegalArgumentException("time moves forward");
    }
    now = t;
  }

  @Override
  public void send(int to, Message m) {
    sent.add(new Sent(to, null, m));
  }

  @Override
  public void broadcast(Topic topic, Message m) {
    sent.add(new Sent(-1, topic, m));
  }

  @Override
  public long schedule(long delayMicros, Timer timer) {
    long id = nextId++;
    timers.add(new Scheduled(now + delayMicros, id, timer));
    timers.sort((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.id, b.id));
    return id;
  }

  @Override
  public void cancel(long timerId) {
    timers.removeIf(s -> s.id == timerId);
  }

  /** Removes and returns the timers due at or before {@code t}, advancing the clock to each. */
  public List<Timer> due(long t) {
    List<Timer> out = new ArrayList<>();
    while (!timers.isEmpty() && timers.get(0).at <= t) {
      Scheduled s = timers.remove(0);
      now = Math.max(now, s.at);
      out.add(s.timer);
    }
    now = Math.max(now, t);
    return out;
  }

  /**
   * Fires timers in time order up to {@code t}, one at a time, with the clock at each timer's
   * time; timers scheduled by the handler fire too if they are due by {@code t}.
   */
  public void fireUntil(long t, java.util.function.Consumer<Timer> handler) {
    while (!timers.isEmpty() && timers.get(0).at <= t) {
      Scheduled s = timers.remove(0);
      now = Math.max(now, s.at);
      handler.accept(s.timer);
    }
    now = Math.max(now, t);
  }

  @Override
  public RandomGenerator random(String purpose) {
    return new SplittableRandom(purpose.hashCode() * 31L + self);
  }

  @Override
  public void emit(ProtocolEvent event) {
    events.add(event);
  }
}
