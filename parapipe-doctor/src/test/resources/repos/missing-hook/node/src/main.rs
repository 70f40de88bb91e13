mod service;

fn main() {
	service::start_node();
}
