package io.parapipe.protocol.relay.runtime.scheduler;

/**
 * {@code AvailabilityTimeoutStatus}: whether a candidate backed at some block has timed out.
 *
 * @param timedOut true if the core is freed in this block
 * @param liveUntil the block at which the candidate times out
 */
public record AvailabilityTimeoutStatus(boolean timedOut, int liveUntil) {}
