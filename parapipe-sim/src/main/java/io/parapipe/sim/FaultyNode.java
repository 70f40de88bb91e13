package io.parapipe.sim;

import io.parapipe.protocol.host.Exchange;
import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.RelayRoute;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.sim.scenario.Crash;
import io.parapipe.sim.scenario.Outage;
import io.parapipe.sim.scenario.Partition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Wraps a validator, or a collator that crashes ({@code faults.collator_crashes}), that suffers
 * faults ({@code [faults]}), so that protocol code does not know it is being faulted:
 *
 * <ul>
 *   <li>outages: while a window is open, messages it sends are lost and messages addressed to it
 *       are ignored on arrival; the node keeps running;
 *   <li>crashes: between the crash and the restart it sends nothing, receives nothing and runs no
 *       timer. A restart with the state kept resumes the node as it was, and the timers that fell
 *       due while it was down fire at the restart (the node's persisted state and its pending work
 *       survive); a restart with the state lost replaces it with a fresh node from
 *       {@code fresh}, whose timers are told apart from the dead node's by a generation tag;
 *   <li>partitions: while a window is open, messages from validators on another side are ignored
 *       on arrival (both ends filter, so each direction is cut once).
 * </ul>
 */
final class FaultyNode implements Node {
  /** A timer of the {@code generation}-th incarnation of the inner node. */
  private record Tagged(int generation, Timer timer) implements Timer {}

  /** The wrapper's own timers: the crash or restart of {@code crashes.get(index)}. */
  private record CrashAt(int index) implements Timer {}

  private record RestartAt(int index) implements Timer {}

  private final Supplier<Node> fresh;
  private final List<Outage> outages;
  private final List<Crash> crashes;
  private final List<Partition> partitions;
  private final int validator;
  private Node inner;
  private NodeContext real;
  private NodeContext innerCtx;
  private int generation;
  private boolean down;
  // The last restart that lost the node's state: what arrived before it went with the old node.
  private long stateLostAt = Long.MIN_VALUE;
  private final List<Timer> deferred = new ArrayList<>();
  // What the inner node offers its host (NodeContext.offer): withdrawn when a restart loses it.
  private final Set<Object> offered = new HashSet<>();

  /**
   * @param fresh makes a new instance of the node (with its state as at genesis)
   * @param validator the node's validator index, for the sides of partitions; -1 for a collator
   * @param outages the outages that cut off this node
   * @param crashes the crashes of this node
   * @param partitions every partition (the sides of the others matter too)
   */
  FaultyNode(Supplier<Node> fresh, int validator, List<Outage> outages, List<Crash> crashes,
      List<Partition> partitions) {
    this.fresh = fresh;
    this.inner = fresh.get();
    this.validator = validator;
    this.outages = List.copyOf(outages);
    this.crashes = List.copyOf(crashes);
    this.partitions = List.copyOf(partitions);
  }

  private boolean cutOff() {
    if (down) {
      return true;
    }
    long t = real.now();
    for (Outage o : outages) {
      if (o.covers(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a posted message that arrived at {@code t} would have been ignored had it been
   * delivered then: the node was down or cut off, or the sender was across a partition, or the
   * node has since restarted without its state.
   */
  private boolean missed(int from, long t) {
    return t < stateLostAt || cutOffAt(t) || partitionedFrom(from, t);
  }

  /** Whether the node is down or cut off by an outage at {@code t}. */
  private boolean cutOffAt(long t) {
    for (Crash c : crashes) {
      if (c.covers(t)) {
        return true;
      }
    }
    for (Outage o : outages) {
      if (o.covers(t)) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code from} is a validator on another side of an open partition. */
  private boolean partitionedFrom(int from) {
    return partitionedFrom(from, real.now());
  }

  private boolean partitionedFrom(int from, long t) {
    if (partitions.isEmpty()) {
      return false;
    }
    for (Partition p : partitions) {
      if (p.covers(t)) {
        int mine = p.sideOf(validator);
        int theirs = p.sideOf(from);
        if (mine >= 0 && theirs >= 0 && mine != theirs) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void start(NodeContext real) {
    this.real = real;
    this.innerCtx = new ForwardingContext(real) {
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
      public void post(Topic topic, Message m, long lifetimeMicros) {
        if (!cutOff()) {
          real.post(topic, m, lifetimeMicros);
        }
      }

      @Override
      public void post(Topic topic, Message m, long lifetimeMicros, long key) {
        if (!cutOff()) {
          real.post(topic, m, lifetimeMicros, key);
        }
      }

      @Override
      public void postRelayed(Topic topic, Message m, long lifetimeMicros, long key, int weight,
          RelayRoute route) {
        if (!cutOff()) {
          real.postRelayed(topic, m, lifetimeMicros, key, weight, route);
        }
      }

      @Override
      public void offer(Object key, int slot, int size, Object payload) {
        offered.add(key);
        real.offer(key, slot, size, payload);
      }

      @Override
      public void withdraw(Object key) {
        offered.remove(key);
        real.withdraw(key);
      }

      @Override
      public void wakeOnArrivals(Topic topic, long fromKey, int k, long urgentKey, Timer timer) {
        real.wakeOnArrivals(topic, fromKey, k, urgentKey,
            crashes.isEmpty() ? timer : new Tagged(generation, timer));
      }

      @Override
      public void wakeOnArrivals(Topic topic, long[] keys, int[] counts, int conditions,
          Timer timer) {
        real.wakeOnArrivals(topic, keys, counts, conditions,
            crashes.isEmpty() ? timer : new Tagged(generation, timer));
      }

      @Override
      public void takeArrived(Topic topic, PostSink sink) {
        real.takeArrived(topic, (from, at, m) -> {
          if (!missed(from, at)) {
            sink.accept(from, at, m);
          }
        });
      }

      @Override
      public Exchange.Outcome exchange(Exchange x) {
        // A request sent while cut off is lost; an answer arriving while cut off, or from across
        // a partition, or before a restart that lost the state, is ignored: it times out.
        return real.exchange(new Exchanges.Filtered(x, (from, sentAt, at, m) ->
            !cutOffAt(sentAt) && !missed(from, at)));
      }

      @Override
      public long schedule(long delayMicros, Timer timer) {
        return real.schedule(delayMicros, crashes.isEmpty() ? timer : new Tagged(generation, timer));
      }
    };
    for (int i = 0; i < crashes.size(); i++) {
      real.schedule(crashes.get(i).atMicros() - real.now(), new CrashAt(i));
      real.schedule(crashes.get(i).restartAtMicros() - real.now(), new RestartAt(i));
    }
    inner.start(innerCtx);
  }

  @Override
  public void onMessage(int from, Message m) {
    if (!cutOff() && !partitionedFrom(from)) {
      inner.onMessage(from, m);
    }
  }

  /**
   * No answer to a request that would arrive while the node is down or cut off, or from across
   * a partition; else the inner node's, from its state now (a restart that loses the state
   * between now and the arrival is not seen: the old node answers).
   */
  @Override
  public Message answer(int from, Message request, long atMicros) {
    if (real == null || missed(from, atMicros)) {
      return null;
    }
    return inner.answer(from, request, atMicros);
  }

  /**
   * Whether a relayed post's hop from {@code from} arriving at {@code atMicros} gets through: not
   * while the node is down or cut off, nor from across a partition (the host asks when it draws
   * the hops; a restart that loses the state later drops what arrived before it, at the take).
   */
  @Override
  public boolean hears(int from, long atMicros) {
    return !missed(from, atMicros);
  }

  @Override
  public boolean screensArrivals() {
    return true;
  }

  /** As the node's own: a request it would not hear is screened with {@link #hears}. */
  @Override
  public boolean answersFromOffers() {
    return inner.answersFromOffers();
  }

  @Override
  public void onTimer(Timer timer) {
    if (timer instanceof Tagged t) {
      if (t.generation() != generation) {
        return; // a timer of an incarnation that crashed with its state lost
      }
      if (down) {
        deferred.add(t.timer());
      } else {
        inner.onTimer(t.timer());
      }
    } else if (timer instanceof CrashAt) {
      down = true;
    } else if (timer instanceof RestartAt r) {
      down = false;
      Crash c = crashes.get(r.index());
      real.emit(new NodeRestarted(c.stateLost()));
      if (c.stateLost()) {
        stateLostAt = real.now();
        deferred.clear();
        generation++;
        // The lost state offered answers the new node does not have.
        for (Object key : offered) {
          real.withdraw(key);
        }
        offered.clear();
        inner = fresh.get();
        inner.start(innerCtx);
      } else {
        List<Timer> due = List.copyOf(deferred);
        deferred.clear();
        for (Timer t : due) {
          inner.onTimer(t);
        }
      }
    } else {
      inner.onTimer(timer);
    }
  }
}
