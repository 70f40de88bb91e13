//! Pallet configuration through the abstraction macros.
use openzeppelin_pallet_abstractions::{impl_openzeppelin_consensus, impl_openzeppelin_system, ConsensusConfig, SystemConfig};

use crate::*;

pub struct OpenZeppelinRuntime;

impl SystemConfig for OpenZeppelinRuntime {
	type AccountId = AccountId;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl ConsensusConfig for OpenZeppelinRuntime {
	type CollatorSelectionUpdateOrigin = EnsureRoot<AccountId>;
}

impl_openzeppelin_system!(OpenZeppelinRuntime);
impl_openzeppelin_consensus!(OpenZeppelinRuntime);
