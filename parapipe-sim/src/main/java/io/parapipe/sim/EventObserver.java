package io.parapipe.sim;

import io.parapipe.protocol.host.ProtocolEvent;

/** Sees every event a node emits, in the order the simulation processes them. */
public interface EventObserver {
  /**
   * @param timeMicros virtual time of the event
   * @param node the emitting node's id
   * @param event the event
   */
  void onEvent(long timeMicros, int node, ProtocolEvent event);
}
