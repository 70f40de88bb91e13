package io.parapipe.protocol.relay.node.prospective;

/**
 * The ancestors given to {@link Scope#withAncestors} are not contiguous and descending
 * ({@code fragment_chain::UnexpectedAncestor}).
 *
 * @param number the offending ancestor's number
 * @param prev the previously seen block number
 */
public record UnexpectedAncestor(int number, int prev) {}
