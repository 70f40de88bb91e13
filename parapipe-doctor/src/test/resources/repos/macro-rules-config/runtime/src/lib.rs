//! Plover: a synthetic runtime for the doctor's tests. Its configuration comes from macros of a
//! common crate; without the `parachain` feature it is a standalone development chain.
#![cfg_attr(not(feature = "std"), no_std)]

use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use plover_common::{create_runtime_api, impl_consensus_config};

construct_runtime!(
	pub enum Runtime {
		System: frame_system = 0,
		Aura: pallet_aura = 2,
	}
);

impl_consensus_config!();
create_runtime_api!();
