package io.parapipe.protocol.relay.node.finality;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.PostSink;
import io.parapipe.protocol.host.Timer;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.wire.GrandpaMessage;
import io.parapipe.protocol.wire.GrandpaVoteMessage;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * The gossip that carries GRANDPA messages (upstream {@code sc-consensus-grandpa}'s communication
 * layer): votes and commits go to every validator, neighbour packets' answers and catch-ups to one
 * validator; everything received goes to the voter, which filters by set and round.
 *
 * <p>Votes are posted ({@link NodeContext#post}) on {@link Topic#GRANDPA_VOTES}, keyed by set and
 * round: with exact gossip that is a broadcast like any other; with threshold gossip the voter
 * takes the votes that have reached it when it decides, and asks to be woken when enough more
 * could change its mind ({@link #wakeOnVotes}).
 */
public final class GrandpaGossip {
  /**
   * How long a posted vote stays readable: longer than a voter waits between looks at a round it
   * still holds (upstream keeps the current and the two previous rounds live).
   */
  static final long VOTE_LIFETIME_MICROS = 30_000_000;

  private final NodeContext ctx;
  private final IntUnaryOperator nodeOfAuthority;
  private final Consumer<GrandpaMessage> sink;

  /**
   * @param nodeOfAuthority the network node of an authority index
   * @param sink receives other validators' messages (the voter)
   */
  public GrandpaGossip(NodeContext ctx, IntUnaryOperator nodeOfAuthority, Consumer<GrandpaMessage> sink) {
    this.ctx = ctx;
    this.nodeOfAuthority = nodeOfAuthority;
    this.sink = sink;
  }

  /** A message arrived from the network. */
  public void onMessage(GrandpaMessage m) {
    sink.accept(m);
  }

  /** Gossips a message to every validator. */
  public void broadcast(GrandpaMessage m) {
    if (m instanceof GrandpaVoteMessage v) {
      ctx.post(Topic.GRANDPA_VOTES, v, VOTE_LIFETIME_MICROS, voteKey(v.setId(), v.round()));
    } else {
      ctx.broadcast(Topic.VALIDATORS, m);
    }
  }

  /** The key of a vote of round {@code round} of set {@code setId}: later rounds, larger keys. */
  public static long voteKey(long setId, long round) {
    return (setId << 32) + round;
  }

  /** Hands {@code to}, in arrival order, the posted votes that reached this node and were not taken. */
  public void takeVotes(Consumer<GrandpaMessage> to) {
    ctx.takeArrived(Topic.GRANDPA_VOTES, sinkTo(to));
  }

  private Consumer<GrandpaMessage> lastTo;
  private PostSink lastSink;

  private PostSink sinkTo(Consumer<GrandpaMessage> to) {
    if (to != lastTo) {
      lastTo = to;
      lastSink = (from, at, m) -> to.accept((GrandpaMessage) m);
    }
    return lastSink;
  }

  /**
   * Wakes this node with {@code timer} at the {@code k}-th untaken vote of round key {@code
   * fromKey} or later to reach it, or at the first of round key {@code urgentKey} or later
   * ({@link NodeContext#wakeOnArrivals}).
   */
  public void wakeOnVotes(long fromKey, int k, long urgentKey, Timer timer) {
    ctx.wakeOnArrivals(Topic.GRANDPA_VOTES, fromKey, k, urgentKey, timer);
  }

  /** Sends a message to the validator with authority index {@code validator}. */
  public void send(int validator, GrandpaMessage m) {
    ctx.send(nodeOfAuthority.applyAsInt(validator), m);
  }
}
