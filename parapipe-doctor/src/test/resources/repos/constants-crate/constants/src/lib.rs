//! Constants shared by the Saffron runtimes (a synthetic system-chain-like layout).
#![cfg_attr(not(feature = "std"), no_std)]

pub mod consensus {
	/// Blocks authored per relay chain block.
	pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
	/// The relay chain's slot, in milliseconds.
	pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6_000;

	pub mod async_backing {
		/// Unincluded blocks the runtime accepts.
		pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
		/// Blocks are produced every relay block.
		pub const MILLISECS_PER_BLOCK: u64 = 6_000;
		/// Aura slots are longer than blocks: several blocks share a slot.
		pub const SLOT_DURATION: u64 = 4 * MILLISECS_PER_BLOCK;
	}
}

pub mod weights {
	use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight};

	/// Two seconds of compute per block.
	pub const MAXIMUM_BLOCK_WEIGHT: Weight =
		Weight::from_parts(2_000 * WEIGHT_REF_TIME_PER_MILLIS, 10 * 1024 * 1024);
}

pub use weights::MAXIMUM_BLOCK_WEIGHT;
