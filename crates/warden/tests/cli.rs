//! The CLI end to end: exit codes, `file:line:col` in errors, the inventory JSON schema, and
//! `warden why` on the demo app.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn warden() -> Command {
    let mut cmd = Command::cargo_bin("warden").expect("the warden binary is built for tests");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn demo_app() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-app")
}

/// `warden --dir DIR ARGS…`, run to completion.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    warden().arg("--dir").arg(dir).args(args).output().unwrap()
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn broken_lockfile_exits_2_with_file_line_col() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package-lock.json"),
        "{\n  \"name\": \"x\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["inventory"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    let needle = format!("{}:6:", dir.path().join("package-lock.json").display());
    assert!(err.contains(&needle), "expected {needle:?} in {err}");
    assert!(err.contains("truncated"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn wrong_type_names_the_position_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("package-lock.json"),
        "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": 3}\n  }\n}\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["inventory"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("package-lock.json:4:"), "{err}");
}

#[test]
fn several_lockfiles_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("package-lock.json"), "{}").unwrap();
    std::fs::write(dir.path().join("yarn.lock"), "").unwrap();
    let out = run_in(dir.path(), &["inventory"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("several lockfiles"), "{err}");
    assert!(err.contains("package-lock.json"), "{err}");
    assert!(err.contains("yarn.lock"), "{err}");
    assert!(err.contains("--lockfile"), "{err}");
}

/// A 500 MiB sparse file: the CLI refuses it by its size before reading a byte.
#[test]
fn huge_lockfile_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("package-lock.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(500 * 1024 * 1024).unwrap();
    drop(f);
    let start = std::time::Instant::now();
    let out = run_in(dir.path(), &["inventory"]);
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("500 MiB"), "{err}");
    assert!(err.contains("128 MiB"), "{err}");
}

#[test]
fn inventory_json_has_the_documented_keys() {
    let out = run_in(&demo_app(), &["inventory", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "warden.inventory/1");
    let packages = doc["packages"].as_array().expect("packages is an array");
    assert!(packages.len() > 50, "{} packages", packages.len());
    for p in packages {
        for key in [
            "name",
            "version",
            "source",
            "integrity",
            "resolved",
            "dev",
            "optional",
            "paths",
        ] {
            assert!(p.get(key).is_some(), "package without {key}: {p}");
        }
        assert!(p["name"].is_string() && p["version"].is_string(), "{p}");
        assert!(p["dev"].is_boolean() && p["optional"].is_boolean(), "{p}");
        assert!(p["paths"].is_array(), "{p}");
    }
    // The alias resolves to the real package, and the dev-only semver is flagged.
    let find = |name: &str| packages.iter().find(|p| p["name"] == name).cloned();
    let semver = find("semver").expect("semver is in the demo app");
    assert_eq!(semver["dev"], true);
    assert!(find("string-width").is_some());
    assert!(find("string-width-cjs").is_none());
}

#[test]
fn why_shows_every_path_to_a_package() {
    let out = run_in(&demo_app(), &["why", "ms"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ms@2.0.0"), "{text}");
    assert!(text.contains("ms@2.1.2"), "{text}");
    assert!(
        text.contains("demo-app (root) > debug@4.3.4 > ms@2.1.2"),
        "{text}"
    );
    assert!(text.contains("demo-app (root) > express@"), "{text}");

    let missing = run_in(&demo_app(), &["why", "left-pad"]);
    assert_ne!(missing.status.code(), Some(0));
    assert!(
        stderr_of(&missing).contains("left-pad"),
        "{}",
        stderr_of(&missing)
    );
}
