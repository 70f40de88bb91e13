package io.parapipe.protocol.host;

/**
 * A protocol participant as a state machine: it reacts to messages and timers and acts only
 * through its {@link NodeContext}.
 */
public interface Node {
  /** Called once before any message or timer, with the context to keep. */
  void start(NodeContext ctx);

  /** A message from node {@code from} arrived. */
  void onMessage(int from, Message m);

  /** A timer this node scheduled fired. */
  void onTimer(Timer timer);
}
