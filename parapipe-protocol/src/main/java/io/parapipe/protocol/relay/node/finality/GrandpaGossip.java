package io.parapipe.protocol.relay.node.finality;

import io.parapipe.protocol.host.NodeContext;
import io.parapipe.protocol.host.Topic;
import io.parapipe.protocol.wire.GrandpaMessage;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * The gossip that carries GRANDPA messages (upstream {@code sc-consensus-grandpa}'s communication
 * layer): votes and commits go to every validator, neighbour packets' answers and catch-ups to one
 * validator; everything received goes to the voter, which filters by set and round.
 */
public final class GrandpaGossip {
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
    ctx.broadcast(Topic.VALIDATORS, m);
  }

  /** Sends a message to the validator with authority index {@code validator}. */
  public void send(int validator, GrandpaMessage m) {
    ctx.send(nodeOfAuthority.applyAsInt(validator), m);
  }
}
