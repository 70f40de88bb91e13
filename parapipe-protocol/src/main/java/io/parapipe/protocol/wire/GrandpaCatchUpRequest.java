package io.parapipe.protocol.wire;

/**
 * A GRANDPA catch-up request (upstream {@code CatchUpRequestMessage}): the sender is at
 * {@code round} and a peer's neighbour packet showed the peer at least
 * {@code CATCH_UP_THRESHOLD} rounds ahead.
 */
public record GrandpaCatchUpRequest(long setId, long round, int validator) implements GrandpaMessage {}
