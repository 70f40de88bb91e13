package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One node's {@link NodeContext} in a simulation: everything goes to the {@link Engine}. */
final class SimContext implements NodeContext {
  private final Engine engine;
  private final int self;
  // Lookups only, never iterated.
  private final Map<String, SplitMix64> streams = new HashMap<>();

  SimContext(Engine engine, int self) {
    this.engine = engine;
    this.self = self;
  }

  @Override
  public int self() {
    return self;
  }

  @Override
  public long now() {
    return engine.now();
  }

  @Override
  public void send(int to, Message m) {
    engine.send(self, to, m);
  }

  @Override
  public void broadcast(Topic topic, Message m) {
    engine.broadcast(self, topic, m);
  }

  @Override
  public void post(Topic topic, Message m, long lifetimeMicros) {
    engine.post(self, topic, m, lifetimeMicros);
  }

  @Override
  public void post(Topic topic, Message m, long lifetimeMicros, long key) {
    engine.post(self, topic, m, lifetimeMicros, key);
  }

  @Override
  public void postRelayed(Topic topic, Message m, long lifetimeMicros, long key, int weight,
      RelayRoute route) {
    engine.postRelayed(self, topic, m, lifetimeMicros, key, weight, route);
  }

  @Override
  public void offer(Object key, int slot, int size, Object payload) {
    engine.offer(self, key, slot, size, payload);
  }

  @Override
  public void withdraw(Object key) {
    engine.withdraw(self, key);
  }

  @Override
  public void takeArrived(Topic topic, PostSink sink) {
    engine.takeArrived(self, topic, sink);
  }

  @Override
  public void wakeOnArrivals(Topic topic, long fromKey, int k, long urgentKey, Timer timer) {
    engine.wakeOnArrivals(self, topic, fromKey, k, urgentKey, timer);
  }

  @Override
  public void wakeOnArrivals(Topic topic, long[] keys, int[] counts, int conditions,
      Timer timer) {
    engine.wakeOnArrivals(self, topic, keys, counts, conditions, timer);
  }

  @Override
  public Exchange.Outcome exchange(Exchange x) {
    return engine.exchange(self, x);
  }

  @Override
  public long schedule(long delayMicros, Timer timer) {
    return engine.schedule(self, delayMicros, timer);
  }

  @Override
  public void cancel(long timerId) {
    engine.cancel(self, timerId);
  }

  @Override
  public RandomGenerator random(String purpose) {
    SplitMix64 r = streams.get(purpose);
    if (r == null) {
      r = engine.nodeStream(self, purpose);
      streams.put(purpose, r);
    }
    return r;
  }

  @Override
  public void emit(ProtocolEvent event) {
    engine.emit(self, event);
  }

  @Override
  public String toString() {
    return "SimContext[node " + self + "]";
  }
}
