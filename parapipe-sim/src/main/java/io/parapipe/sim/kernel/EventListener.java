package io.parapipe.sim.kernel;

import io.parapipe.protocol.host.ProtocolEvent;

/**
 * Observes the {@link ProtocolEvent}s nodes emit through {@code NodeContext.emit}. Called
 * synchronously, in emission order, on the simulation thread; must not change the simulation.
 */
@FunctionalInterface
public interface EventListener {
  /**
   * A node emitted an event.
   *
   * @param timeMicros the virtual time of the emission
   * @param node the emitting node's id
   * @param event what it emitted
   */
  void onEvent(long timeMicros, int node, ProtocolEvent event);
}
