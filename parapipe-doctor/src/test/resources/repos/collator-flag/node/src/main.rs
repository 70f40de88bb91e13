//! Swift collator.
mod service;

fn main() {
	let config = cli::parse();
	service::start_node(config, true);
}
