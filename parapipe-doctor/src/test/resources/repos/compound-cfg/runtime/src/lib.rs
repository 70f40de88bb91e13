//! Lark: a synthetic runtime for the doctor's tests. Its parachain pieces exist unless it is
//! built for a development chain without a relay; the lint build has them in any case.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::traits::{ConstBool, ConstU32, ConstU64};

pub const MILLISECS_PER_BLOCK: u64 = 6000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

#[cfg(any(not(feature = "no-relay"), feature = "lint-check"))]
const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
#[cfg(any(not(feature = "no-relay"), feature = "lint-check"))]
const BLOCK_PROCESSING_VELOCITY: u32 = 1;
#[cfg(any(not(feature = "no-relay"), feature = "lint-check"))]
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;

#[cfg(any(not(feature = "no-relay"), feature = "lint-check"))]
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

#[cfg(any(not(feature = "no-relay"), feature = "lint-check", feature = "bridging"))]
impl cumulus_pallet_parachain_system::Config for Runtime {
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type MinimumPeriod = ConstU64<0>;
}

impl pallet_aura::Config for Runtime {
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Aura: pallet_aura = 2,
	}
);

impl_runtime_apis! {
	#[cfg(any(not(feature = "no-relay"), feature = "lint-check"))]
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}
}
