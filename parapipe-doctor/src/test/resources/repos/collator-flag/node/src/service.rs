//! Service wiring: the collator depends on `async_backing`, which `main` passes.
use std::{sync::Arc, time::Duration};

use cumulus_client_consensus_aura::collators::{basic as basic_aura, lookahead as aura};

pub fn start_node(config: Configuration, async_backing: bool) {
	let client = new_partial(&config);
	start_consensus(client, async_backing, &task_manager);
}

fn start_consensus(client: Arc<Client>, async_backing: bool, task_manager: &TaskManager) {
	if async_backing {
		let params = aura::Params {
			para_client: client.clone(),
			authoring_duration: Duration::from_millis(2000),
		};
		task_manager.spawn_essential_handle().spawn("aura", None, aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _>(params));
	} else {
		let params = basic_aura::Params {
			para_client: client.clone(),
			authoring_duration: Duration::from_millis(500),
		};
		task_manager.spawn_essential_handle().spawn("aura", None, basic_aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _>(params));
	}
}
