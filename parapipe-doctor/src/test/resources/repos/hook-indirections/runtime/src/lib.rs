//! Shrike: a synthetic runtime for the doctor's tests. Parachain-system's hook is a wrapper
//! around a generic alias; the unincluded-segment API answers through a helper function.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use shrike_common::{ConsensusHook, RelayTimestampCheckHook};

pub const MILLISECS_PER_BLOCK: u64 = 6000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

impl cumulus_pallet_parachain_system::Config for Runtime {
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type ConsensusHook = RelayTimestampCheckHook<Runtime, ConsensusHook<Runtime>>;
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

type SegmentHook = ConsensusHook<Runtime>;

impl Runtime {
	fn impl_can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
		SegmentHook::can_build_upon(included_hash, slot)
	}
}

impl_runtime_apis! {
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
			Runtime::impl_can_build_upon(included_hash, slot)
		}
	}
}
