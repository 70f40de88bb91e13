//! Heron: a synthetic Nimbus-based runtime (no pallet_aura).
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::{
	traits::{ConstBool, ConstU64},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};

pub const MILLISECS_PER_BLOCK: u64 = 6_000;
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u64 = 6_000;

/// Half a relay slot.
pub const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX)
	.saturating_mul(2);

const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
const BLOCK_PROCESSING_VELOCITY: u32 = 1;

type ConsensusHook = pallet_async_backing::consensus_hook::FixedVelocityConsensusHook<
	Runtime,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type ConsensusHook = ConsensusHook;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<{ RELAY_CHAIN_SLOT_DURATION_MILLIS / 2 }>;
	type WeightInfo = ();
}

impl pallet_author_inherent::Config for Runtime {
	type SlotBeacon = RelaychainDataProvider<Self>;
	type AccountLookup = AuthorMapping;
	type CanAuthor = AuthorFilter;
	type AuthorId = AccountId;
	type WeightInfo = ();
}

impl pallet_async_backing::Config for Runtime {
	type AllowMultipleBlocksPerSlot = ConstBool<true>;
	type GetAndVerifySlot = pallet_async_backing::RelaySlot;
	type ExpectedBlockTime = ConstU64<MILLISECS_PER_BLOCK>;
}

construct_runtime! {
	pub enum Runtime {
		System: frame_system = 0,
		ParachainSystem: cumulus_pallet_parachain_system = 1,
		Timestamp: pallet_timestamp = 2,
		AuthorInherent: pallet_author_inherent = 20,
		AsyncBacking: pallet_async_backing = 21,
	}
}

impl_runtime_apis! {
	impl async_backing_primitives::UnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: async_backing_primitives::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}
}
