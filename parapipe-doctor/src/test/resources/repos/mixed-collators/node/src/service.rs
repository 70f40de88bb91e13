//! Consensus wiring: the collator is chosen on the command line.
use std::time::Duration;

use cumulus_client_consensus_aura::collators::{basic as basic_aura, lookahead as aura};

fn start_basic(params: Common) {
	let params = basic_aura::Params {
		para_client: params.client,
		authoring_duration: Duration::from_millis(500),
	};
	spawn(basic_aura::run::<Block, AuthorityPair, _, _, _, _, _, _>(params));
}

fn start_lookahead(params: Common) {
	let params = aura::Params {
		para_client: params.client,
		authoring_duration: Duration::from_millis(2000),
	};
	spawn(aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _>(params));
}
