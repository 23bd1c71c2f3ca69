//! The SBOM builders on hand-made inventories: the cases a real lockfile rarely shows at once
//! (git and tarball sources, a workspace sharing a purl with a package, licences of every
//! shape, authors in CycloneDX 1.5 and 1.6, missing integrity).

use serde_json::Value;
use std::collections::BTreeMap;
use warden_attest::sbom::cyclonedx::{self, SpecVersion};
use warden_attest::sbom::{SbomInput, spdx};
use warden_attest::{NoLicenses, PackageInfo, ProjectInfo, Tool};
use warden_lockfile::{
    DepKind, Dependency, Importer, Integrity, Inventory, LockfileKind, NodeId, Package, SourceKind,
};

fn dep(name: &str, kind: DepKind, target: NodeId) -> Dependency {
    Dependency {
        name: name.into(),
        spec: "*".into(),
        kind,
        target: Some(target),
    }
}

fn inventory() -> Inventory {
    let mut git = Package::new("left-pad", "1.3.0", SourceKind::Git);
    git.resolved = Some("git+https://git.example/left-pad.git#0123abc".into());
    let mut reg = Package::new("@scope/lib", "2.0.0+build.7", SourceKind::Registry);
    reg.integrity = Integrity::parse(
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg== sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
    );
    reg.resolved = Some("https://registry.npm.example/@scope/lib/-/lib-2.0.0+build.7.tgz".into());
    reg.dependencies = vec![dep("left-pad", DepKind::Prod, NodeId::Package(0))];
    let mut old = Package::new("weak", "0.1.0", SourceKind::Tarball);
    old.integrity = Integrity::from_sha1_hex("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    old.resolved = Some("https://files.example/weak-0.1.0.tgz".into());
    old.dev = true;
    // A package with the same name and version as the workspace below.
    let twin = Package::new("ws-a", "1.0.0", SourceKind::Registry);
    Inventory {
        kind: LockfileKind::PackageLock,
        lockfile_version: "3".into(),
        importers: vec![
            Importer {
                path: String::new(),
                name: Some("root".into()),
                version: Some("9.9.9".into()),
                dependencies: vec![
                    dep("@scope/lib", DepKind::Prod, NodeId::Package(1)),
                    dep("weak", DepKind::Dev, NodeId::Package(2)),
                    dep("ws-a", DepKind::Prod, NodeId::Importer(1)),
                ],
            },
            Importer {
                path: "packages/ws-a".into(),
                name: Some("ws-a".into()),
                version: Some("1.0.0".into()),
                dependencies: vec![dep("ws-a", DepKind::Optional, NodeId::Package(3))],
            },
        ],
        packages: vec![git, reg, old, twin],
    }
}

fn project() -> ProjectInfo {
    ProjectInfo {
        name: "root".into(),
        version: Some("9.9.9".into()),
        info: PackageInfo {
            description: Some("the root".into()),
            ..PackageInfo::default()
        },
    }
}

fn comp<'a>(doc: &'a Value, bom_ref: &str) -> &'a Value {
    doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["bom-ref"] == bom_ref)
        .unwrap_or_else(|| panic!("no {bom_ref} in {doc:#}"))
}

#[test]
fn purls_hashes_and_scopes_for_every_source() {
    let inv = inventory();
    let tool = Tool::warden("1.2.3");
    let p = project();
    let input = SbomInput {
        inventory: &inv,
        project: &p,
        licenses: &NoLicenses,
        tool: &tool,
        now: 0,
        pedigree: &[],
    };
    let doc = cyclonedx::document(&input, SpecVersion::V1_6);
    let lib = comp(&doc, "pkg:npm/%40scope/lib@2.0.0%2Bbuild.7");
    assert_eq!(lib["group"], "@scope");
    assert_eq!(lib["name"], "lib");
    assert_eq!(lib["version"], "2.0.0+build.7");
    let algs: Vec<&str> = lib["hashes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["alg"].as_str().unwrap())
        .collect();
    assert_eq!(
        algs,
        ["SHA-512", "SHA-1"],
        "every recorded hash, strongest first"
    );
    assert_eq!(lib["externalReferences"][0]["type"], "distribution");
    assert!(
        lib.get("licenses").is_none(),
        "unknown licence: left out, never guessed"
    );
    let git = comp(
        &doc,
        "pkg:npm/left-pad@1.3.0?vcs_url=git%2Bhttps%3A%2F%2Fgit.example%2Fleft-pad.git%230123abc",
    );
    assert_eq!(git["externalReferences"][0]["type"], "vcs");
    assert!(git.get("hashes").is_none());
    let weak = comp(
        &doc,
        "pkg:npm/weak@0.1.0?download_url=https%3A%2F%2Ffiles.example%2Fweak-0.1.0.tgz",
    );
    assert_eq!(weak["hashes"][0]["alg"], "SHA-1");
    assert_eq!(weak["scope"], "optional");
    assert_eq!(lib["scope"], "required");
    // The workspace and the package share a purl; the bom-refs stay unique.
    let refs: Vec<&str> = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["bom-ref"].as_str().unwrap())
        .collect();
    assert!(refs.contains(&"pkg:npm/ws-a@1.0.0"));
    assert!(
        refs.contains(&"pkg:npm/ws-a@1.0.0#packages/ws-a"),
        "{refs:?}"
    );
    assert_eq!(doc["metadata"]["component"]["description"], "the root");
    assert_eq!(
        doc["metadata"]["tools"]["components"][0]["version"],
        "1.2.3"
    );
    assert_eq!(doc["metadata"]["timestamp"], "1970-01-01T00:00:00Z");
    // The twin package is only reachable through an optional edge of the workspace.
    let deps = doc["dependencies"].as_array().unwrap();
    let ws = deps
        .iter()
        .find(|d| d["ref"] == "pkg:npm/ws-a@1.0.0#packages/ws-a")
        .unwrap();
    assert_eq!(ws["dependsOn"][0], "pkg:npm/ws-a@1.0.0");
}

#[test]
fn licences_and_authors_from_the_licence_source() {
    let inv = inventory();
    let tool = Tool::warden("1.2.3");
    let p = project();
    let mut map: BTreeMap<(String, String), PackageInfo> = BTreeMap::new();
    let info = |license: &str| PackageInfo {
        license: Some(license.into()),
        author: Some("Ada".into()),
        author_email: Some("ada@example.com".into()),
        supplier: Some("Example Org".into()),
        ..PackageInfo::default()
    };
    map.insert(("@scope/lib".into(), "2.0.0+build.7".into()), info("MIT"));
    map.insert(
        ("left-pad".into(), "1.3.0".into()),
        info("(MIT OR Apache-2.0)"),
    );
    map.insert(
        ("weak".into(), "0.1.0".into()),
        info("SEE LICENSE IN LICENSE"),
    );
    let input = SbomInput {
        inventory: &inv,
        project: &p,
        licenses: &map,
        tool: &tool,
        now: 0,
        pedigree: &[],
    };
    let doc = cyclonedx::document(&input, SpecVersion::V1_6);
    let lib = comp(&doc, "pkg:npm/%40scope/lib@2.0.0%2Bbuild.7");
    assert_eq!(lib["licenses"][0]["license"]["id"], "MIT");
    assert_eq!(lib["authors"][0]["name"], "Ada");
    assert_eq!(lib["authors"][0]["email"], "ada@example.com");
    assert_eq!(lib["supplier"]["name"], "Example Org");
    let git = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "left-pad")
        .unwrap();
    assert_eq!(git["licenses"][0]["expression"], "(MIT OR Apache-2.0)");
    let weak = doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "weak")
        .unwrap();
    assert_eq!(
        weak["licenses"][0]["license"]["name"],
        "SEE LICENSE IN LICENSE"
    );
    // CycloneDX 1.5 has no `authors`: the author goes to `author`.
    let doc15 = cyclonedx::document(&input, SpecVersion::V1_5);
    let lib15 = comp(&doc15, "pkg:npm/%40scope/lib@2.0.0%2Bbuild.7");
    assert_eq!(lib15["author"], "Ada");
    assert!(lib15.get("authors").is_none());
    // SPDX: ids and expressions are declared, anything else is NOASSERTION.
    let sp = spdx::document(&input);
    let pkgs = sp["packages"].as_array().unwrap();
    let by_name = |n: &str| pkgs.iter().find(|p| p["name"] == n).unwrap();
    assert_eq!(by_name("@scope/lib")["licenseDeclared"], "MIT");
    assert_eq!(
        by_name("@scope/lib")["supplier"],
        "Organization: Example Org"
    );
    assert_eq!(
        by_name("@scope/lib")["originator"],
        "Person: Ada (ada@example.com)"
    );
    assert_eq!(
        by_name("left-pad")["licenseDeclared"],
        "(MIT OR Apache-2.0)"
    );
    assert_eq!(by_name("weak")["licenseDeclared"], "NOASSERTION");
    assert_eq!(
        by_name("weak")["downloadLocation"],
        "https://files.example/weak-0.1.0.tgz"
    );
    assert_eq!(by_name("weak")["checksums"][0]["algorithm"], "SHA1");
    // SPDX ids are unique even for the twins.
    let ids: std::collections::BTreeSet<&str> =
        pkgs.iter().map(|p| p["SPDXID"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), pkgs.len());
}

#[test]
fn same_input_same_bytes_other_time_other_serial() {
    let inv = inventory();
    let tool = Tool::warden("1.2.3");
    let p = project();
    let at = |now| {
        let input = SbomInput {
            inventory: &inv,
            project: &p,
            licenses: &NoLicenses,
            tool: &tool,
            now,
            pedigree: &[],
        };
        (
            cyclonedx::render(&input, SpecVersion::V1_6),
            spdx::render(&input),
        )
    };
    assert_eq!(at(5), at(5));
    let (a, b) = (at(5), at(6));
    assert_ne!(a.0, b.0);
    let serial =
        |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).unwrap()["serialNumber"].clone();
    assert_ne!(serial(&a.0), serial(&b.0));
    let ns =
        |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).unwrap()["documentNamespace"].clone();
    assert_ne!(ns(&a.1), ns(&b.1));
}
