//! Plover's runtimes share their pallet configuration and runtime APIs through macros.
#![cfg_attr(not(feature = "std"), no_std)]

pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;

#[macro_export]
macro_rules! impl_consensus_config {
	() => {
		use $crate::{BLOCK_PROCESSING_VELOCITY, UNINCLUDED_SEGMENT_CAPACITY};

		type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
			Runtime,
			6000,
			BLOCK_PROCESSING_VELOCITY,
			UNINCLUDED_SEGMENT_CAPACITY,
		>;

		#[cfg(feature = "parachain")]
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
			type SlotDuration = ConstU64<6000>;
		}
	};
}

#[macro_export]
macro_rules! create_runtime_api {
	() => {
		impl_runtime_apis! {
			#[cfg(feature = "parachain")]
			impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
				fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
					ConsensusHook::can_build_upon(included_hash, slot)
				}
			}
		}
	};
}
