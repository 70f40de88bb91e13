package io.parapipe.protocol.host;

import java.util.random.RandomGenerator;

/**
 * The only way protocol code touches the world. The simulation host implements it over virtual
 * time and a simulated network; a live host would implement it over a real clock and sockets.
 */
public interface NodeContext {
  /** This node's id. */
  int self();

  /** Current time in microseconds (virtual in the simulation). */
  long now();

  /** Sends a message to one node. */
  void send(int to, Message m);

  /** Sends one envelope to every subscriber of {@code topic} except this node. */
  void broadcast(Topic topic, Message m);

  /**
   * Fires {@code timer} on this node after {@code delayMicros}.
   *
   * @return an id for {@link #cancel}
   */
  long schedule(long delayMicros, Timer timer);

  /** Cancels a scheduled timer; a no-op if it already fired or was cancelled. */
  void cancel(long timerId);

  /**
   * A random stream seeded from the run's seed, this node and {@code purpose}. The same purpose
   * always returns the same stream object.
   */
  RandomGenerator random(String purpose);

  /** Reports an event to whoever observes this node. */
  void emit(ProtocolEvent event);
}
