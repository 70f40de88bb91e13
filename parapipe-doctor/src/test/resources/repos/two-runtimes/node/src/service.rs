//! Consensus wiring.
use std::{sync::Arc, time::Duration};

use cumulus_client_consensus_aura::collators::lookahead::{self as aura, Params as AuraParams};

fn start_consensus(
	client: Arc<ParachainClient>,
	relay_chain_interface: Arc<dyn RelayChainInterface>,
	task_manager: &TaskManager,
) -> Result<(), sc_service::Error> {
	let params = AuraParams {
		create_inherent_data_providers: move |_, ()| async move { Ok(()) },
		block_import: client.clone(),
		para_client: client.clone(),
		relay_client: relay_chain_interface,
		keystore,
		collator_key,
		para_id,
		proposer,
		collator_service,
		authoring_duration: Duration::from_millis(2000),
	};
	let fut = aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _>(params);
	task_manager.spawn_essential_handle().spawn("aura", None, fut);
	Ok(())
}
