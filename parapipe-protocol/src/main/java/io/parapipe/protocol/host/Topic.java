package io.parapipe.protocol.host;

import io.parapipe.protocol.primitives.ParaId;

/**
 * A broadcast audience. The host decides who subscribes; the protocol only names the audience.
 * A broadcast is one envelope delivered to every subscriber except the sender.
 *
 * @param kind the audience kind
 * @param key a para id for per-para audiences, else 0
 */
public record Topic(Kind kind, int key) {
  /** Audience kinds. */
  public enum Kind {
    /** Every relay validator. */
    VALIDATORS,
    /** Every node that follows the relay chain: validators and collators. */
    RELAY_CHAIN,
    /** The collators (and full nodes) of one para. */
    PARA_NETWORK
  }

  /** Every relay validator (statement, bitfield, approval and finality gossip). */
  public static final Topic VALIDATORS = new Topic(Kind.VALIDATORS, 0);
  /**
   * GRANDPA votes: every relay validator, as {@link #VALIDATORS}, on a topic of their own so that
   * under threshold gossip they are posted on a board of their own, which voters read when they
   * decide.
   */
  public static final Topic GRANDPA_VOTES = new Topic(Kind.VALIDATORS, 1);
  /**
   * Approvals: every relay validator, along the 2D grid ({@link NodeContext#postRelayed}); a topic
   * of their own so that under threshold gossip they wait on a board of their own until a
   * validator's approval voting reads them.
   */
  public static final Topic APPROVALS = new Topic(Kind.VALIDATORS, 2);
  /** Every relay-chain follower (block announcements). */
  public static final Topic RELAY_CHAIN = new Topic(Kind.RELAY_CHAIN, 0);

  /** The para's own network (para block announcements). */
  public static Topic paraNetwork(ParaId para) {
    return new Topic(Kind.PARA_NETWORK, para.value());
  }
}
