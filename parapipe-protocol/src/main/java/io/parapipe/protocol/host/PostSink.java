package io.parapipe.protocol.host;

/** Receives the posted messages a node takes with {@link NodeContext#takeArrived}. */
@FunctionalInterface
public interface PostSink {
  /**
   * One posted message that has reached this node.
   *
   * @param from the sender's node id; -1 for a relayed post, which came along several paths
   * @param arrivedAtMicros when it arrived (at or before now)
   * @param m the message
   */
  void accept(int from, long arrivedAtMicros, Message m);
}
