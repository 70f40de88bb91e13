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

  /**
   * The answer this node would send to {@code request} from {@code from} arriving at {@code
   * atMicros}, computed from its state now and changing nothing, for a host drawing an {@link
   * Exchange}; null if it would send none (it does not answer such requests this way, or a fault
   * wrapper knows it will be cut off then).
   */
  default Message answer(int from, Message request, long atMicros) {
    return null;
  }
}
