package io.parapipe.protocol.para.runtime;

/**
 * What {@code ConsensusHook::on_state_proof} gives back when it does not panic.
 *
 * @param capacity the capacity for the capacity assertion
 * @param auraExt aura-ext storage after the hook (H2/H3 update {@code RelaySlotInfo})
 */
public record HookOutcome(UnincludedSegmentCapacity capacity, AuraExtState auraExt) {}
