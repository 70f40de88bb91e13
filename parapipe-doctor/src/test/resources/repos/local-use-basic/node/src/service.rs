//! Consensus wiring: the basic collator is imported where it is started.
use std::{sync::Arc, time::Duration};

pub fn start_consensus(client: Arc<Client>, task_manager: &TaskManager) {
	use cumulus_client_consensus_aura::collators::basic::{
		self as basic_aura, Params as BasicAuraParams,
	};

	let params = BasicAuraParams {
		para_client: client.clone(),
		relay_chain_slot_duration: Duration::from_secs(6),
		authoring_duration: Duration::from_millis(500),
	};
	let fut = basic_aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _>(params);
	task_manager.spawn_essential_handle().spawn("aura", None, fut);
}
