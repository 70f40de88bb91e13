//! Shrike's shared runtime pieces: the consensus hook as a generic alias, and a wrapper hook that
//! checks the relay timestamp before handing over to the hook it wraps.
#![cfg_attr(not(feature = "std"), no_std)]

use core::marker::PhantomData;

pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;

pub type ConsensusHook<Runtime> = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

/// Checks the relay chain timestamp, then asks `Inner`.
pub struct RelayTimestampCheckHook<Runtime, Inner>(PhantomData<(Runtime, Inner)>);
