//! Recording publisher identities: `warden init` and `warden certify` pin the provenance
//! identity (repository, workflow) of the versions they vet as `[trusted-publishers.NAME]` in
//! supply-chain/config.toml, so the gate can tell when a later version comes from elsewhere.

use crate::failure::Result;
use crate::gather::identities;
use crate::supply_chain::policy_failure;
use std::collections::BTreeMap;
use std::path::Path;
use warden_policy::config::{CONFIG_FILE, TrustedPublisher};
use warden_registry::{ProvenanceVerifier, Registry};

/// What was recorded, and the names left unpinned because their versions disagree.
#[derive(Debug, Default)]
pub struct Recorded {
    pub text: String,
    pub added: Vec<String>,
    pub conflicting: Vec<String>,
}

/// Adds a pin for every package whose vetted versions (`name`, `version`, lockfile integrity)
/// carry verified provenance that agrees on one identity. Packages already pinned keep theirs.
pub fn record(
    project_dir: &Path,
    config_text: &str,
    registry: &dyn Registry,
    verifier: &ProvenanceVerifier,
    packages: &[(String, String, Option<String>)],
) -> Result<Recorded> {
    let found = identities(registry, verifier, packages);
    let mut by_name: BTreeMap<&str, Vec<&TrustedPublisher>> = BTreeMap::new();
    for ((name, _), p) in &found {
        by_name.entry(name.as_str()).or_default().push(p);
    }
    let mut conflicting = Vec::new();
    let mut pins: Vec<(&str, &TrustedPublisher)> = Vec::new();
    for (name, list) in &by_name {
        if list.iter().all(|p| *p == list[0]) {
            pins.push((name, list[0]));
        } else {
            conflicting.push(name.to_string());
        }
    }
    let (text, added) =
        warden_policy::write::add_trusted_publishers(CONFIG_FILE, config_text, &pins)
            .map_err(|e| policy_failure(&e, project_dir))?;
    Ok(Recorded {
        text,
        added,
        conflicting,
    })
}
