//! Collator node of a synthetic parachain.
mod service;

fn main() -> sc_cli::Result<()> {
	service::run()
}
