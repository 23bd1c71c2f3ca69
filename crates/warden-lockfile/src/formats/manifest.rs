//! The parts of a package.json that lockfile parsers need: the direct dependencies by kind.

use crate::model::DepKind;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ManifestDeps {
    #[serde(default)]
    dependencies: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    peer_dependencies: BTreeMap<String, serde_json::Value>,
}

/// `(name, spec, kind)` for every direct dependency a package.json declares, or `None` when the
/// bytes are not a package.json. An optional dependency listed in `dependencies` too counts once,
/// as optional; a dev dependency that is also a regular one counts as regular (npm's rule).
pub fn manifest_deps(bytes: &[u8]) -> Option<Vec<(String, String, DepKind)>> {
    let m: ManifestDeps = serde_json::from_slice(bytes).ok()?;
    let spec = |v: &serde_json::Value| v.as_str().unwrap_or("*").to_string();
    let mut out = Vec::new();
    for (n, v) in &m.optional_dependencies {
        out.push((n.clone(), spec(v), DepKind::Optional));
    }
    for (n, v) in &m.dependencies {
        if !m.optional_dependencies.contains_key(n) {
            out.push((n.clone(), spec(v), DepKind::Prod));
        }
    }
    for (n, v) in &m.dev_dependencies {
        if !m.dependencies.contains_key(n) && !m.optional_dependencies.contains_key(n) {
            out.push((n.clone(), spec(v), DepKind::Dev));
        }
    }
    for (n, v) in &m.peer_dependencies {
        if !out.iter().any(|(x, _, _)| x == n) {
            out.push((n.clone(), spec(v), DepKind::Peer));
        }
    }
    Some(out)
}

/// The `name` and `version` of a package.json.
pub fn manifest_identity(bytes: &[u8]) -> (Option<String>, Option<String>) {
    #[derive(Deserialize)]
    struct Id {
        name: Option<String>,
        version: Option<String>,
    }
    match serde_json::from_slice::<Id>(bytes) {
        Ok(id) => (id.name, id.version),
        Err(_) => (None, None),
    }
}
