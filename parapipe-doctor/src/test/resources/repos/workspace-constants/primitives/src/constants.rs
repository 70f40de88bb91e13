//! Constants, grouped as the runtime uses them.

pub mod time {
	/// The block time the chain aims at.
	pub const MILLISECS_PER_BLOCK: u64 = 6000;
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
}

pub mod chain {
	pub const RELAY_PARENT_OFFSET: u32 = 0;
	/// Blocks accepted before the relay chain includes them.
	pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = (2 + RELAY_PARENT_OFFSET) * BLOCK_PROCESSING_VELOCITY + 1;
	pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
	pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
}
