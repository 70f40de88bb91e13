package io.parapipe.sim;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.scenario.Outage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Wraps a node that suffers network outages: while a window is open, messages it sends are lost
 * and messages addressed to it are ignored on arrival. The node itself keeps running.
 */
final class OutageNode implements Node {
  private final Node inner;
  private final List<Outage> outages;
  private NodeContext ctx;

  OutageNode(Node inner, List<Outage> outages) {
    this.inner = inner;
    this.outages = List.copyOf(outages);
  }

  private boolean cutOff() {
    long t = ctx.now();
    for (Outage o : outages) {
      if (o.covers(t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void start(NodeContext real) {
    this.ctx = real;
    inner.start(new NodeContext() {
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
        if (!cutOff()) {
          real.send(to, m);
        }
      }

      @Override
      public void broadcast(Topic topic, Message m) {
        if (!cutOff()) {
          real.broadcast(topic, m);
        }
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
    });
  }

  @Override
  public void onMessage(int from, Message m) {
    if (!cutOff()) {
      inner.onMessage(from, m);
    }
  }

  @Override
  public void onTimer(Timer timer) {
    inner.onTimer(timer);
  }
}
