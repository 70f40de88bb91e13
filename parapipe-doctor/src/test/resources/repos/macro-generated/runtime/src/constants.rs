//! Timing constants; the pallets are configured from them by `impl_openzeppelin_*!`.
pub const MILLISECS_PER_BLOCK: u64 = 6000;
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
