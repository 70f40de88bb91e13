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

  /**
   * Whether a message from node {@code from} arriving at {@code atMicros} would reach this node's
   * protocol, for a host drawing a {@link NodeContext#postRelayed} post's hops ahead of time
   * (a fault wrapper knows when it will be cut off, or partitioned from {@code from}). Asked only
   * of nodes whose {@link #screensArrivals} is true.
   */
  default boolean hears(int from, long atMicros) {
    return true;
  }

  /**
   * True if this node keeps {@link NodeContext#offer}s of everything it answers to drawn exchanges
   * that have an {@link Exchange#offerKey}, with no offer meaning a refusal; asked once, when the
   * node joins the host. A host may then answer such requests from the offers.
   */
  default boolean answersFromOffers() {
    return false;
  }

  /** True if {@link #hears} may say no; asked once, when the node joins the host. */
  default boolean screensArrivals() {
    return false;
  }
}
