mod service;

fn main() {
	service::run();
}
