//! Loading fixtures: a lockfile and every package.json beside it, as the CLI would hand them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use warden_lockfile::{DepKind, Input, Inventory, Manifest, NodeId, SourceKind};

pub fn fixture_dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn manifests(dir: &Path, rel: &str, out: &mut Vec<Manifest>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            let sub = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            manifests(&p, &sub, out);
        } else if name == "package.json" {
            out.push(Manifest {
                path: rel.to_string(),
                bytes: std::fs::read(&p).unwrap(),
            });
        }
    }
}

/// Parses `tests/fixtures/<rel>/<lockfile>` with its manifests, root first.
pub fn load(rel: &str, lockfile: &str) -> Inventory {
    let dir = fixture_dir(rel);
    let bytes = std::fs::read(dir.join(lockfile)).unwrap();
    let mut ms = Vec::new();
    manifests(&dir, "", &mut ms);
    ms.sort_by_key(|m| !m.path.is_empty());
    warden_lockfile::parse(&Input {
        file_name: lockfile,
        bytes: &bytes,
        manifests: &ms,
    })
    .unwrap_or_else(|e| panic!("{rel}: {e} {:?}", e.help))
}

/// The single package with this name and version.
pub fn pkg<'a>(
    inv: &'a Inventory,
    name: &str,
    version: &str,
) -> (usize, &'a warden_lockfile::Package) {
    let found: Vec<_> = inv
        .packages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.name == name && p.version == version)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {name}@{version}, found {}",
        found.len()
    );
    found[0]
}

/// `name@version` of the target of `from`'s dependency `dep` (every edge of that name).
pub fn targets(inv: &Inventory, from: NodeId, dep: &str) -> Vec<String> {
    let deps = match from {
        NodeId::Importer(i) => &inv.importers[i].dependencies,
        NodeId::Package(i) => &inv.packages[i].dependencies,
    };
    let mut out: Vec<String> = deps
        .iter()
        .filter(|d| d.name == dep)
        .map(|d| match d.target {
            Some(t) => inv.label(t),
            None => "unresolved".to_string(),
        })
        .collect();
    out.sort();
    out
}

pub fn kind_of(inv: &Inventory, from: NodeId, dep: &str) -> DepKind {
    let deps = match from {
        NodeId::Importer(i) => &inv.importers[i].dependencies,
        NodeId::Package(i) => &inv.packages[i].dependencies,
    };
    deps.iter()
        .find(|d| d.name == dep)
        .unwrap_or_else(|| panic!("no edge {dep}"))
        .kind
}

pub fn importer(inv: &Inventory, path: &str) -> NodeId {
    NodeId::Importer(
        inv.importers
            .iter()
            .position(|i| i.path == path)
            .unwrap_or_else(|| panic!("no importer {path}")),
    )
}

pub fn source(inv: &Inventory, name: &str, version: &str) -> SourceKind {
    pkg(inv, name, version).1.source
}

/// Every edge that has no target, as `from -> name`.
pub fn unresolved(inv: &Inventory) -> Vec<String> {
    let mut out = Vec::new();
    for (i, imp) in inv.importers.iter().enumerate() {
        for d in imp.dependencies.iter().filter(|d| d.target.is_none()) {
            out.push(format!("{} -> {}", inv.label(NodeId::Importer(i)), d.name));
        }
    }
    for (i, p) in inv.packages.iter().enumerate() {
        for d in p
            .dependencies
            .iter()
            .filter(|d| d.target.is_none() && d.kind != DepKind::Peer)
        {
            out.push(format!("{} -> {}", inv.label(NodeId::Package(i)), d.name));
        }
    }
    out
}
