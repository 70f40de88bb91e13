//! Nimbus consensus wiring: the lookahead variant of the Nimbus collator.
use std::time::Duration;

use nimbus_consensus::collators::lookahead as nimbus_lookahead;

fn start_consensus(client: Arc<FullClient>, block_authoring_duration: u64, task_manager: &TaskManager) {
	let params = nimbus_lookahead::Params {
		additional_digests_provider: (),
		additional_relay_keys: vec![],
		authoring_duration: Duration::from_millis(block_authoring_duration),
		block_import,
		code_hash_provider,
		collator_key,
		collator_service,
		create_inherent_data_providers,
		force_authoring,
		keystore,
		overseer_handle,
		para_backend: backend,
		para_client: client,
		para_id,
		proposer,
		relay_chain_slot_duration: Duration::from_secs(6),
		relay_client: relay_chain_interface,
		slot_duration: None,
		full_pov_size: true,
	};
	task_manager.spawn_essential_handle().spawn("nimbus", None, nimbus_lookahead::run::<Block, _, _, _, _, _, _, _, _, _, _>(params));
}
