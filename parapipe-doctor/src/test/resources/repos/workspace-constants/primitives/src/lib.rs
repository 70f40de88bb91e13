//! Falcon primitives: constants shared by the runtime and the node.
#![cfg_attr(not(feature = "std"), no_std)]

pub mod constants;
