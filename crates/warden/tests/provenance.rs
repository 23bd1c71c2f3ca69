//! `warden provenance verify` on the real npm bundles of ../shared/fixtures/provenance/ (skipped,
//! loudly, when that folder is absent).

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/provenance");
    if dir.join("expected.json").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: provenance fixtures not found at {}",
            dir.display()
        );
        None
    }
}

fn warden(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("warden")
        .expect("the warden binary is built")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("warden runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_real_bundle_verifies_with_the_builtin_root_and_prints_the_identity() {
    let Some(dir) = fixtures() else { return };
    let (code, stdout) = warden(
        &dir,
        &[
            "provenance",
            "verify",
            "--attestations",
            "packages/gundam-visor-1.0.1/attestations.json",
            "--tarball",
            "packages/gundam-visor-1.0.1/gundam-visor-1.0.1.tgz",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    let v: Value = serde_json::from_str(&stdout).expect("json output");
    assert_eq!(v["verified"], true);
    assert_eq!(v["failures"], serde_json::json!([]));
    assert_eq!(
        v["identity"]["source_repository"],
        "https://github.com/ramonpetgrave64/gundam-visor"
    );
    assert_eq!(
        v["identity"]["workflow_path"],
        ".github/workflows/npm-publish.yml"
    );
    assert_eq!(
        v["identity"]["source_commit"],
        "599500821344b070902a7a5666064bfdaba715df"
    );
}

#[test]
fn a_tampered_set_exits_1_naming_the_check() {
    let Some(dir) = fixtures() else { return };
    let integrity = "sha512-jZ15cvZ2UWx1AUqgdOEa5gTZjwtk7Gclph4oOP89qxYhGPpxQz+zHhVQ0wvQ3snQhs4DK5RFe1g5AMUHrPOcQA==";
    let attestations =
        "negative/tampered/gundam-visor-1.0.1.TAMPERED-provenance-set.attestations.json";
    let (code, stdout) = warden(
        &dir,
        &[
            "provenance",
            "verify",
            "--attestations",
            attestations,
            "--integrity",
            integrity,
        ],
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("failed provenance.rekor_set"), "{stdout}");
    let (code, stdout) = warden(
        &dir,
        &[
            "provenance",
            "verify",
            "--attestations",
            attestations,
            "--integrity",
            integrity,
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&stdout).expect("json output");
    assert_eq!(v["verified"], false);
    let names: Vec<&str> = v["failures"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(names, ["provenance.rekor_set"]);
}

#[test]
fn a_trusted_root_override_is_used() {
    let Some(dir) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let mut root: Value =
        serde_json::from_slice(&std::fs::read(dir.join("trust/trusted_root.json")).unwrap())
            .unwrap();
    root["certificateAuthorities"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let path = tmp.path().join("root.json");
    std::fs::write(&path, serde_json::to_vec(&root).unwrap()).unwrap();
    let (code, stdout) = warden(
        &dir,
        &[
            "provenance",
            "verify",
            "--attestations",
            "packages/gundam-visor-1.0.1/attestations.json",
            "--tarball",
            "packages/gundam-visor-1.0.1/gundam-visor-1.0.1.tgz",
            "--trusted-root",
            path.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert!(stdout.contains("failed provenance.cert_chain"), "{stdout}");
}

#[test]
fn a_missing_attestations_file_is_an_input_error() {
    let Some(dir) = fixtures() else { return };
    let (code, _) = warden(
        &dir,
        &[
            "provenance",
            "verify",
            "--attestations",
            "nope.json",
            "--integrity",
            "sha512-x",
        ],
    );
    assert_eq!(code, 2);
}

#[test]
fn the_registry_form_needs_name_at_version_and_conflicts_with_verify() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = warden(dir.path(), &["provenance"]);
    assert_eq!(code, 2, "a package or a subcommand is required");
    let (code, _) = warden(dir.path(), &["provenance", "chalk@5.6.0", "verify"]);
    assert_eq!(code, 2, "NAME@VERSION and verify do not mix");
    let out = Command::cargo_bin("warden")
        .unwrap()
        .current_dir(dir.path())
        .args(["provenance", "no-version-here"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is not NAME@VERSION"), "{err}");
}
