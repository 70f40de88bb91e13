fn main() {
	println!("not a parachain");
}
