/**
 * The parachain runtime rules as an immutable per-block state and pure functions:
 * {@code cumulus-pallet-parachain-system} (unincluded segment, {@code set_validation_data},
 * {@code CheckAssociatedRelayNumber}), the consensus hooks ({@code ExpectParentIncluded},
 * {@code FixedCapacityUnincludedSegment}, aura-ext {@code FixedVelocityConsensusHook} in
 * revisions H1/H2/H3), {@code pallet_aura}, {@code pallet_timestamp} and the
 * {@code AuraUnincludedSegmentApi}. Entry point: {@link io.parapipe.protocol.para.runtime.ParachainRuntime}.
 * See {@code docs/parachain-runtime.md}.
 */
package io.parapipe.protocol.para.runtime;
