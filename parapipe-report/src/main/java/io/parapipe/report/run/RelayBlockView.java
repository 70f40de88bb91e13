package io.parapipe.report.run;

/**
 * One block of the final best relay chain.
 *
 * @param number block number
 * @param hash {@code 0x}-prefixed hash, or empty when not given
 * @param slot BABE slot, or -1
 * @param author validator index of the author, or -1
 * @param authoredAtMs virtual time of authoring in ms, or -1
 * @param finalizedAtMs when a supermajority had finalized it, in ms, or -1 (never, or not given)
 */
public record RelayBlockView(int number, String hash, long slot, int author, long authoredAtMs,
    long finalizedAtMs) {}
