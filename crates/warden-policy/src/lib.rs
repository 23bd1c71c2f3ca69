//! supply-chain/ policy as code: the files (config.toml, audits.toml, imports.lock), criteria,
//! vetting by audits and exemptions, metadata rules, risk scores, and [`gate::gate`] — a pure
//! function of (policy, audits, evidence, now) that decides allow, quarantine, review or deny.
//!
//! Nothing here touches the network, the clock or files it was not handed: the CLI reads the
//! files and gathers the evidence, then asks the gate.

pub mod audits;
pub mod config;
pub mod criteria;
pub mod duration;
pub mod error;
pub mod evidence;
pub mod gate;
pub mod rules;
pub mod score;
pub mod severity;
pub mod vet;
pub mod write;

pub use error::PolicyError;
pub use severity::{Action, Severity};
