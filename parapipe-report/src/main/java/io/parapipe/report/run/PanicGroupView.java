package io.parapipe.report.run;

/**
 * A para's runtime panics that share a message once hashes and asserted values are set aside:
 * an entry of the results' {@code panic_groups} (docs/results-schema.md). For a file without
 * them, the panics are grouped by their exact message and the relay blocks are unknown.
 *
 * @param message the shared message ({@code 0x...} for hashes, {@code ...} for the values of a
 *     failed {@code assert_eq!})
 * @param count how many panics
 * @param firstRelayBlock the newest best-chain relay block at the first panic, or -1
 * @param lastRelayBlock the same at the last panic, or -1
 * @param firstAtMs virtual time of the first panic in ms, or -1
 * @param lastAtMs virtual time of the last panic in ms, or -1
 * @param example the exact message of the first panic
 */
public record PanicGroupView(String message, int count, int firstRelayBlock, int lastRelayBlock,
    long firstAtMs, long lastAtMs, String example) {}
