//! Saffron runs on the polkadot-omni-node library.
use polkadot_omni_node_lib::{run, runtime::DefaultRuntimeResolver, CliConfig as CliConfigT, RunConfig};

fn main() -> color_eyre::eyre::Result<()> {
	let config = RunConfig::new(Box::new(DefaultRuntimeResolver), Box::new(chain_spec::ChainSpecLoader));
	Ok(run::<CliConfig>(config)?)
}
