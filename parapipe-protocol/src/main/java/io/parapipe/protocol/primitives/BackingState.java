package io.parapipe.protocol.primitives;

import java.util.List;

/**
 * The runtime API {@code ParaBackingState(para)}: the para's base constraints and its candidates
 * pending availability, in chain order.
 *
 * @param constraints the base constraints at the queried relay block
 * @param pendingAvailability candidates pending availability, oldest first
 */
public record BackingState(Constraints constraints, List<CandidatePendingAvailability> pendingAvailability) {}
