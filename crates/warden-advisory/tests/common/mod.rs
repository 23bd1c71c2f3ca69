//! Helpers shared by the integration tests: fixture paths, an imported store, inventories.
#![allow(dead_code)]

use std::path::PathBuf;
use warden_advisory::{Store, import};
use warden_lockfile::{
    DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package, SourceKind,
};

pub const NOW: &str = "2026-11-24T12:00:00Z";

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A store in memory holding the GitHub, malicious-packages and synthetic fixtures.
pub fn store() -> Store {
    let mut s = Store::open_in_memory().expect("in-memory database opens");
    for dir in ["advisory-database", "malicious-packages", "synthetic"] {
        let entries = import::open_path(&fixture(dir)).expect("fixture dir opens");
        let report = s
            .import(dir, NOW, entries, &mut |_| {})
            .expect("import works");
        assert_eq!(report.bad_count, 0, "{dir}: {:?}", report.bad);
    }
    s
}

/// An inventory of registry packages, each a direct dependency of the root.
pub fn inventory(pkgs: &[(&str, &str)]) -> Inventory {
    let packages: Vec<Package> = pkgs
        .iter()
        .map(|(n, v)| Package::new(*n, *v, SourceKind::Registry))
        .collect();
    let deps = pkgs
        .iter()
        .enumerate()
        .map(|(i, (n, v))| Dependency {
            name: (*n).to_string(),
            spec: (*v).to_string(),
            kind: DepKind::Prod,
            target: Some(NodeId::Package(i)),
        })
        .collect();
    Inventory {
        kind: LockfileKind::PackageLock,
        lockfile_version: "3".into(),
        importers: vec![Importer {
            path: String::new(),
            name: Some("app".into()),
            version: Some("1.0.0".into()),
            dependencies: deps,
        }],
        packages,
    }
}
