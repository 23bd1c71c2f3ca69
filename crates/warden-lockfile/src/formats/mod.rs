//! One module per lockfile format.

pub mod bun;
mod manifest;
pub mod npm;
pub mod pnpm;
pub mod yarn;

pub use manifest::{manifest_deps, manifest_identity};
