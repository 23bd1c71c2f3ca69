//! One module per lockfile format.

pub mod bun;
mod manifest;
pub mod npm;
pub mod pnpm;
pub mod yaml_guard;
pub mod yarn;
mod yarn_berry;
mod yarn_classic;

pub use manifest::{manifest_deps, manifest_identity};
