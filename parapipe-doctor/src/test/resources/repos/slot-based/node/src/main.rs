//! Pipit collator.
mod service;

fn main() {
	service::run()
}
