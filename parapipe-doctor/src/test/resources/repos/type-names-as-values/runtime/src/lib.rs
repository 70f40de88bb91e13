//! Wren: a synthetic runtime for the doctor's tests. Two settings are types named like the
//! setting: one with a `Get` impl the doctor reads, one decided by storage at run time.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::traits::{ConstBool, ConstU32, ConstU64, Get};

pub const MILLISECS_PER_BLOCK: u64 = 6000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<Runtime, 6000, 1, 3>;

/// Half a slot, as before async backing.
pub struct MinimumPeriod;
impl Get<u64> for MinimumPeriod {
	fn get() -> u64 {
		SLOT_DURATION / 2
	}
}

/// Governance may switch the offset off.
pub struct AsyncBacking;
impl Get<u32> for AsyncBacking {
	fn get() -> u32 {
		if Parameters::offset_disabled() {
			0
		} else {
			1
		}
	}
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
	type RelayParentOffset = AsyncBacking;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type MinimumPeriod = MinimumPeriod;
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

impl_runtime_apis! {
	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}
}
