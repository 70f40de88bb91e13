use std::time::Duration;

use cumulus_client_consensus_aura::collators::lookahead::{self as aura, Params as AuraParams};

fn start_consensus() {
	let params = AuraParams {
		block_import,
		para_client,
		authoring_duration: Duration::from_millis(2000),
		reinitialize: false,
	};
	let fut = aura::run::<Block, AuthorityPair, _, _, _, _, _, _, _, _>(params);
	spawn(fut);
}
