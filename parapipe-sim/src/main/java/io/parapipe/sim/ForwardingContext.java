package io.parapipe.sim;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import java.util.random.RandomGenerator;

/**
 * A node's context that passes every call on to the host's: what a fault wrapper hands its inner
 * node, overriding only what the fault changes. Passing on every method here, default ones
 * included, keeps a wrapper from falling back to a default's behaviour unnoticed (a legacy
 * validator's approvals once went out as messages under threshold gossip that way).
 */
class ForwardingContext implements NodeContext {
  /** The host's context. */
  protected final NodeContext real;

  ForwardingContext(NodeContext real) {
    this.real = real;
  }

  @Override
  public int self() {
    return real.self();
  }

  @Override
  public long now() {
    return real.now();
  }

  @Override
  public void send(int to, Message m) {
    real.send(to, m);
  }

  @Override
  public void broadcast(Topic topic, Message m) {
    real.broadcast(topic, m);
  }

  @Override
  public void post(Topic topic, Message m, long lifetimeMicros) {
    real.post(topic, m, lifetimeMicros);
  }

  @Override
  public void takeArrived(Topic topic, PostSink sink) {
    real.takeArrived(topic, sink);
  }

  @Override
  public void post(Topic topic, Message m, long lifetimeMicros, long key) {
    real.post(topic, m, lifetimeMicros, key);
  }

  @Override
  public void postRelayed(Topic topic, Message m, long lifetimeMicros, long key, int weight,
      RelayRoute route) {
    real.postRelayed(topic, m, lifetimeMicros, key, weight, route);
  }

  @Override
  public void wakeOnArrivals(Topic topic, long fromKey, int k, long urgentKey, Timer timer) {
    real.wakeOnArrivals(topic, fromKey, k, urgentKey, timer);
  }

  @Override
  public void wakeOnArrivals(Topic topic, long[] keys, int[] counts, int conditions,
      Timer timer) {
    real.wakeOnArrivals(topic, keys, counts, conditions, timer);
  }

  @Override
  public void offer(Object key, int slot, int size, Object payload) {
    real.offer(key, slot, size, payload);
  }

  @Override
  public void withdraw(Object key) {
    real.withdraw(key);
  }

  @Override
  public Exchange.Outcome exchange(Exchange x) {
    return real.exchange(x);
  }

  @Override
  public long schedule(long delayMicros, Timer timer) {
    return real.schedule(delayMicros, timer);
  }

  @Override
  public void cancel(long timerId) {
    real.cancel(timerId);
  }

  @Override
  public RandomGenerator random(String purpose) {
    return real.random(purpose);
  }

  @Override
  public void emit(ProtocolEvent event) {
    real.emit(event);
  }
}
