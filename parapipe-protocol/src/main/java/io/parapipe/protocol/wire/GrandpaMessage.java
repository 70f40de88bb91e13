package io.parapipe.protocol.wire;

import io.parapipe.protocol.host.Message;

/**
 * A message of GRANDPA's gossip protocol ({@code sc-consensus-grandpa}'s
 * {@code communication/gossip.rs}: {@code GossipMessage}): votes, commits, neighbour packets and
 * catch-up requests and answers.
 */
public sealed interface GrandpaMessage extends Message
    permits GrandpaVoteMessage, GrandpaCommitMessage, GrandpaNeighbourPacket,
        GrandpaCatchUpRequest, GrandpaCatchUpMessage {
  /** The sender's authority index. */
  int validator();

  /** The authority set the message belongs to. */
  long setId();
}
