//! Consensus wiring: the collator is imported where it is started.
use std::{sync::Arc, time::Duration};

fn start_consensus(client: Arc<Client>, task_manager: &TaskManager) {
	use cumulus_client_consensus_aura::collators::lookahead::{self as aura, Params as AuraParams};

	let params = AuraParams {
		para_client: client.clone(),
		relay_chain_slot_duration: Duration::from_secs(6),
		authoring_duration: Duration::from_millis(2000),
	};
	let fut = aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _>(params);
	task_manager.spawn_essential_handle().spawn("aura", None, fut);
}
