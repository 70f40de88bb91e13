//! What Kestrel's runtimes share: a wrapper around impl_runtime_apis! that adds the common APIs
//! to the ones each runtime passes in.
#![cfg_attr(not(feature = "std"), no_std)]

#[macro_export]
macro_rules! impl_common_runtime_apis {
	{$($custom:tt)*} => {
		impl_runtime_apis! {
			$($custom)*

			impl sp_api::Core<Block> for Runtime {
				fn version() -> RuntimeVersion {
					VERSION
				}
			}
		}
	};
}
