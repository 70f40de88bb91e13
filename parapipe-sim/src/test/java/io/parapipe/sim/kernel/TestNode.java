package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.Node;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A scriptable node for tests: records what it sees into a log shared by all nodes of a test. */
public final class TestNode implements Node {
  /** A labelled message of a given size. */
  public record Msg(String label, int size) implements Message {
    public Msg(String label) {
      this(label, SMALL);
    }

    @Override
    public int sizeBytes() {
      return size;
    }
  }

  /** A labelled timer. */
  public record Tick(String label) implements Timer {}

  /** Something a node saw. */
  public record Seen(long time, int node, String what) {}

  public final List<Seen> log;
  public NodeContext ctx;
  public boolean started;
  public Consumer<TestNode> onStart = n -> {};
  public BiConsumer<Integer, Message> onMessage = (f, m) -> {};
  public Consumer<Timer> onTimer = t -> {};

  public TestNode(List<Seen> log) {
    this.log = log;
  }

  public TestNode() {
    this(new ArrayList<>());
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    started = true;
    log.add(new Seen(context.now(), context.self(), "start"));
    onStart.accept(this);
  }

  @Override
  public void onMessage(int from, Message m) {
    String label = m instanceof Msg msg ? msg.label() : m.toString();
    log.add(new Seen(ctx.now(), ctx.self(), "msg " + label + " from " + from));
    onMessage.accept(from, m);
  }

  @Override
  public void onTimer(Timer timer) {
    String label = timer instanceof Tick t ? t.label() : timer.toString();
    log.add(new Seen(ctx.now(), ctx.self(), "timer " + label));
    onTimer.accept(timer);
  }

  /** The log entries of node {@code id} that are not its start. */
  public static List<Seen> of(List<Seen> log, int id) {
    return log.stream().filter(s -> s.node() == id && !s.what().equals("start")).toList();
  }
}
