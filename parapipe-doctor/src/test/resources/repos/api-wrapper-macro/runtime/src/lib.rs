//! Kestrel: a synthetic runtime for the doctor's tests. Its runtime APIs are written inside a
//! wrapper macro of its own, which calls impl_runtime_apis!.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use kestrel_runtime_common::impl_common_runtime_apis;

pub const MILLISECS_PER_BLOCK: u64 = 6000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<Runtime, 6000, 1, 3>;

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
		ParachainSystem: cumulus_pallet_parachain_system = 1,
		Aura: pallet_aura = 2,
	}
);

impl_common_runtime_apis! {
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}
}
