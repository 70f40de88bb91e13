package io.parapipe.protocol.relay.node.finality;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.primitives.GrandpaVoteStep;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.wire.GrandpaVoteMessage;

/**
 * The gossip that carries GRANDPA votes (upstream {@code sc-consensus-grandpa}'s communication
 * layer): this voter's votes go to every validator, other validators' votes go to the voter.
 * Neighbour packets and per-peer round filtering are not modelled; the voter itself ignores
 * votes for rounds it has left.
 */
public final class GrandpaGossip {
  /** Where received votes go (the voter). */
  public interface VoteSink {
    /** A vote from {@code validator}. */
    void onVote(int validator, long round, GrandpaVoteStep step, Hash target, int targetNumber);
  }

  private final NodeContext ctx;
  private final int self;
  private final VoteSink sink;

  /**
   * @param self this validator's index in vote messages
   * @param sink receives other validators' votes
   */
  public GrandpaGossip(NodeContext ctx, int self, VoteSink sink) {
    this.ctx = ctx;
    this.self = self;
    this.sink = sink;
  }

  /** A vote arrived from the network. */
  public void onMessage(GrandpaVoteMessage v) {
    sink.onVote(v.validator(), v.round(), v.step(), v.target(), v.targetNumber());
  }

  /** Gossips this voter's vote to every validator. */
  public void broadcastVote(long round, GrandpaVoteStep step, Hash target, int targetNumber) {
    ctx.broadcast(Topic.VALIDATORS, new GrandpaVoteMessage(round, step, target, targetNumber, self));
  }
}
