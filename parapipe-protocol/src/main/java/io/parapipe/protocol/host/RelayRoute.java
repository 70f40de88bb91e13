package io.parapipe.protocol.host;

/**
 * How a message posted with {@link NodeContext#postRelayed(Topic, Message, long, long,
 * RelayRoute)} spreads: each node that gets it sends it on once, when it first has it, to the
 * nodes this names (upstream's approval distribution: the grid routing required by the
 * originator's position, and a few peers at random). A host that draws the whole spread at once
 * asks it for every node the message reaches, in the order the message reaches them.
 */
public interface RelayRoute {
  /** The most nodes {@link #forwards} names for any node. */
  int maxForwards();

  /**
   * Writes to {@code out}, in sending order, the nodes that {@code node} sends the message to
   * when it first has it, from {@code source} (-1 for the origin, which made it), and returns how
   * many. May draw randomness: it is asked once per node and message.
   */
  int forwards(int node, int source, int[] out);
}
