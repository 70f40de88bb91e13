//! Consensus wiring: the slot-based collator.
use std::{sync::Arc, time::Duration};

use cumulus_client_consensus_aura::collators::slot_based::{self as slot_based, Params as SlotBasedParams};

fn start_consensus(client: Arc<Client>, task_manager: &TaskManager) {
	let params = SlotBasedParams {
		para_client: client.clone(),
		relay_chain_slot_duration: Duration::from_secs(6),
		slot_offset: Duration::from_secs(1),
		authoring_duration: Duration::from_millis(2000),
	};
	slot_based::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _, _>(params);
}
