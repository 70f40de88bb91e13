package io.parapipe.sim.scenario;

/**
 * A window in which every message takes {@code extraMicros} longer on the wire than the network's
 * latency and jitter say (congestion on the path, a slow route), whoever sends it.
 *
 * @param atMicros start of the window (messages sent from then on)
 * @param endMicros end of the window (exclusive; after {@code atMicros} once the loader has checked it)
 * @param extraMicros the added one-way delay
 */
public record LatencySpike(long atMicros, long endMicros, long extraMicros) {}
