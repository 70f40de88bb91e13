package io.parapipe.sim;

import java.util.List;
import java.util.Map;

/**
 * What the kernel reports after a run, beside the events.
 *
 * @param eventsProcessed kernel events (message deliveries and timers)
 * @param transfers messages put on the network, one per receiver (see {@code Engine#transfers})
 * @param transferBytes their bytes
 * @param traffic the transfers by message type, in name order
 * @param validatorBytesSent per validator (by index, as {@code validatorNodes}), the bytes of the
 *     transfers its node sent
 * @param validatorBytesReceived likewise, those sent to it
 * @param wallMillis wall-clock time of the run (kept apart from deterministic results)
 * @param endMicros virtual time at which the run stopped
 * @param validatorNodes node ids of the relay validators, by validator index
 * @param collatorNodes node ids of each para's collators, by para id then collator index
 */
public record SimulationSummary(
    long eventsProcessed,
    long transfers,
    long transferBytes,
    List<Traffic> traffic,
    long[] validatorBytesSent,
    long[] validatorBytesReceived,
    long wallMillis,
    long endMicros,
    List<Integer> validatorNodes,
    Map<Integer, List<Integer>> collatorNodes) {}
