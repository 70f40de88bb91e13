mod service;
fn main() {}
