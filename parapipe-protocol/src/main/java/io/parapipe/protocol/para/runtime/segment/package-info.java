/**
 * The unincluded segment of {@code cumulus-pallet-parachain-system} (upstream file
 * {@code unincluded_segment.rs}): per-ancestor bandwidth usage, the aggregated segment tracker,
 * and the outbound bandwidth limits they are checked against. All values are immutable; every
 * update returns a new value or a {@link io.parapipe.protocol.para.runtime.segment.BandwidthUpdateError}.
 *
 * <p>Upstream {@code u32} counters are held in {@code long}s in {@code [0, 2^32 - 1]}; additions
 * saturate at {@code u32::MAX} as upstream's {@code saturating_add} does.
 */
package io.parapipe.protocol.para.runtime.segment;
