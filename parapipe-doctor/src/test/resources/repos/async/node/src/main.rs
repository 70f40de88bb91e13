//! Orchid collator node.
mod service;

fn main() -> sc_cli::Result<()> {
	service::run()
}
