//! What Falcon's runtimes share: the block budget, and the time constants re-exported.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight};

pub use primitives::constants::time::*;

/// Half a second of compute: the budget was never raised for async backing.
pub const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_div(2), 5 * 1024 * 1024);
