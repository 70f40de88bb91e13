package io.parapipe.protocol.wire;

/**
 * A GRANDPA neighbour packet (upstream {@code NeighborPacket}): where the sender is, so that peers
 * can send it what it lacks (the last commit) or ask it for a catch-up.
 *
 * @param round the sender's current round
 * @param finalizedNumber the sender's last finalized block number
 */
public record GrandpaNeighbourPacket(long setId, long round, int finalizedNumber, int validator)
    implements GrandpaMessage {}
