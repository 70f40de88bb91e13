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
   * Gossips a message that receivers do not act on when it arrives but read at a decision point
   * (an availability bitfield, which only a block author reads, when it proposes). With exact
   * gossip this is {@link #broadcast}: every receiver gets it through its message handler. With
   * threshold gossip the host computes each receiver's arrival in the same way but hands the
   * message over only when that receiver calls {@link #takeArrived}, so receivers that never
   * decide cost nothing.
   *
   * @param lifetimeMicros how long after sending the message is still worth reading; a host may
   *     forget it after that
   */
  default void post(Topic topic, Message m, long lifetimeMicros) {
    broadcast(topic, m);
  }

  /**
   * Hands {@code sink}, in arrival order, the messages {@link #post}ed on {@code topic} that have
   * reached this node by now and were not taken before. With exact gossip nothing waits (they
   * came through the message handler) and this does nothing.
   */
  default void takeArrived(Topic topic, PostSink sink) {}

  /**
   * {@link #post(Topic, Message, long)} with a key that {@link #wakeOnArrivals} selects posts by
   * (GRANDPA keys its votes by set and round).
   */
  default void post(Topic topic, Message m, long lifetimeMicros, long key) {
    post(topic, m, lifetimeMicros);
  }

  /**
   * Gossips a message that spreads from node to node (approvals along the 2D grid and to random
   * peers): this node sends it to {@code route.forwards(self, -1)}, and every node that gets it
   * sends it on, when it first has it, to the nodes {@code route} names for it. With exact gossip
   * this is this node's sends, one message each in order, and the receivers send it on themselves
   * (their protocol code follows the same route). With threshold gossip the host draws the whole
   * spread at once, each link as sending would draw it, and files each receiver's earliest
   * arrival under {@code key} on {@code topic}'s board, for {@link #takeArrived} and {@link
   * #wakeOnArrivals}; the receivers do not send it on, and take it from {@code from} -1 (it came
   * along several paths).
   *
   * @param lifetimeMicros how long after sending the message is still worth reading
   * @param weight what the post counts towards a weighted {@link #wakeOnArrivals(Topic, long[],
   *     int[], int, Timer)} condition, at least 1 (approvals: how many candidates it approves)
   */
  default void postRelayed(Topic topic, Message m, long lifetimeMicros, long key, int weight,
      RelayRoute route) {
    int[] out = new int[route.maxForwards()];
    int n = route.forwards(self(), -1, out);
    for (int i = 0; i < n; i++) {
      send(out[i], m);
    }
  }

  /**
   * Fires {@code timer} once, at the earliest of: the arrival here of the {@code k}-th post on
   * {@code topic} keyed at least {@code fromKey}, and the arrival of the first one keyed at least
   * {@code urgentKey}; counting posts not taken yet, those already here and those posted later.
   * Replaces this node's earlier request on the topic; {@link #takeArrived} on the topic drops it,
   * so a node asks again after taking. A receiver that acts only when a threshold of posts is in
   * (a GRANDPA voter at a supermajority of votes) thus costs one event per decision instead of one
   * per message. With exact gossip nothing waits on a board and this does nothing.
   *
   * @param k 0 for no count
   * @param urgentKey {@link Long#MAX_VALUE} for none
   */
  default void wakeOnArrivals(Topic topic, long fromKey, int k, long urgentKey, Timer timer) {}

  /**
   * Fires {@code timer} once, at the first moment when, for some {@code i < conditions}, posts on
   * {@code topic} keyed exactly {@code keys[i]} whose weights (1 for a plain post, see {@link
   * #postRelayed}) add up to {@code counts[i]} have reached this node, counting posts not taken
   * yet, those already here and those posted later (approval voting asks, for each block lacking
   * approvals, for as many candidate approvals as the block misses). Conditions with a
   * count of 0 are ignored. Replaces this node's earlier request on the topic; {@link
   * #takeArrived} on the topic drops it. The arrays are read during the call only. With exact
   * gossip this does nothing.
   */
  default void wakeOnArrivals(Topic topic, long[] keys, int[] counts, int conditions,
      Timer timer) {}

  /** The {@link #offer} slot of a node that answers requests for its key itself ({@link Node#answer}). */
  int ASK_NODE = -1;

  /**
   * Tells a host that draws exchanges what this node answers about {@code key} (an {@link
   * Exchange#offerKey}): requests for {@code slot} get {@code size} and {@code payload}, any
   * other slot a refusal; {@link #ASK_NODE} to be asked ({@link Node#answer}). Replaces this
   * node's earlier offer for the key. Only for a node whose {@link Node#answersFromOffers} is
   * true, which keeps its offers exactly what {@link Node#answer} would say: the host then answers
   * from a table laid out by key rather than from each peer's own state. A host that does not draw
   * ignores it.
   */
  default void offer(Object key, int slot, int size, Object payload) {}

  /** This node no longer offers anything about {@code key}: requests for it get a refusal. */
  default void withdraw(Object key) {}

  /**
   * Draws a whole request/response {@link Exchange} at once, without delivering anything: each
   * request's and answer's timings as sending them would draw, each peer's answer from {@link
   * Node#answer}. The caller acts on the outcome at {@link Exchange.Outcome#atMicros} (with a
   * timer), so the exchange costs one event instead of one per request, answer and timeout.
   *
   * @return the outcome, or null if this host exchanges by messages (the default, and the
   *     simulation's exact gossip): the caller then sends the requests itself
   */
  default Exchange.Outcome exchange(Exchange x) {
    return null;
  }

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
