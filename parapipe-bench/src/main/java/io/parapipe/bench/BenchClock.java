package io.parapipe.bench;

import io.parapipe.protocol.host.Message;
import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A node context for benchmarks of one node's protocol code: the benchmark moves the clock;
 * sends, broadcasts and events go nowhere, timers are numbered and never fire.
 */
final class BenchClock implements NodeContext {
  /** The time the node reads, in microseconds; the benchmark advances it. */
  long now;
  private long timers;
  private final SplittableRandom random = new SplittableRandom(1);

  @Override
  public int self() {
    return 0;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public void send(int to, Message m) {}

  @Override
  public void broadcast(Topic topic, Message m) {}

  @Override
  public long schedule(long delayMicros, Timer timer) {
    return ++timers;
  }

  @Override
  public void cancel(long timerId) {}

  @Override
  public RandomGenerator random(String purpose) {
    return random;
  }

  @Override
  public void emit(ProtocolEvent event) {}
}
