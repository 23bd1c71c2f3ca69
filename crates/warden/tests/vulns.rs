//! `warden advisories sync|status` and `warden vulns` end to end, on the real OSV fixtures of
//! warden-advisory and the projects under tests/fixtures/.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn osv(dir: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../warden-advisory/tests/fixtures")
        .join(dir)
}

/// The binary under test: `WARDEN_TEST_BIN` when set (the shared build directory of a busy
/// machine can swap `target/debug/warden` under a running test), else cargo's.
fn warden(data: &Path) -> Command {
    let mut c = match std::env::var_os("WARDEN_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_warden")),
    };
    c.env("WARDEN_DATA", data).arg("--color").arg("never");
    c
}

/// A data directory with the GitHub and malicious-packages fixtures synced into it.
fn synced() -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("tempdir");
    for dir in ["advisory-database", "malicious-packages"] {
        let out = warden(data.path())
            .args(["advisories", "sync"])
            .arg(osv(dir))
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "sync {dir}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    data
}

fn vulns_json(data: &Path, app: &str, extra: &[&str]) -> (i32, Value) {
    let out = warden(data)
        .arg("vulns")
        .arg("--dir")
        .arg(fixtures().join(app))
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().expect("exit code"), doc)
}

fn finding<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no finding for {name}: {doc:#}"))
}

#[test]
fn september_2025_scenario_is_reported_as_malicious_and_fails() {
    let data = synced();
    let (code, doc) = vulns_json(data.path(), "sep2025-app", &[]);
    assert_eq!(code, 1);
    assert_eq!(doc["schema"], "warden.vulns/1");
    for (name, version, id) in [
        ("chalk", "5.6.1", "MAL-2025-46969"),
        ("debug", "4.4.2", "MAL-2025-46974"),
        ("ansi-styles", "6.2.2", "MAL-2025-46967"),
    ] {
        let f = finding(&doc, name);
        assert_eq!(f["version"], version);
        assert_eq!(f["id"], id);
        assert_eq!(f["kind"], "malicious");
        assert_eq!(f["severity"], "malicious");
        assert_eq!(f["confidence"], "exact");
        assert_eq!(f["fails"], true);
        assert!(!f["aliases"].as_array().expect("aliases").is_empty());
    }
    // ansi-styles comes in through wrap-ansi
    let paths = &finding(&doc, "ansi-styles")["paths"];
    assert_eq!(
        paths[0],
        serde_json::json!(["sep2025-app (root)", "wrap-ansi@9.0.0", "ansi-styles@6.2.2"])
    );
    // lodash: a vulnerability with a computed severity and the nearest fix
    let lodash = finding(&doc, "lodash");
    assert_eq!(lodash["severity"], "high");
    assert_eq!(lodash["score"], 7.4);
    assert_eq!(lodash["fixed"], "4.17.20");
    assert_eq!(lodash["aliases"], serde_json::json!(["CVE-2020-8203"]));
    // tinycolor 4.1.0: reported, low confidence, not failing
    let t = finding(&doc, "@ctrl/tinycolor");
    assert_eq!(t["confidence"], "open-range");
    assert_eq!(t["fails"], false);
    assert_eq!(doc["summary"]["malicious"], 3);
    assert_eq!(doc["summary"]["open_range"], 1);
    assert_eq!(doc["summary"]["failing"], 4);
    // clean packages are not reported
    assert!(
        doc["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["name"] != "ms" && f["name"] != "wrap-ansi")
    );
}

#[test]
fn human_output_names_package_advisory_fix_and_path() {
    let data = synced();
    let out = warden(data.path())
        .arg("vulns")
        .arg("--dir")
        .arg(fixtures().join("sep2025-app"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("chalk@5.6.1 malicious MAL-2025-46969"),
        "{text}"
    );
    assert!(
        text.contains("lodash@4.17.15 high 7.4 GHSA-p6mc-m468-83gw, CVE-2020-8203"),
        "{text}"
    );
    assert!(text.contains("fixed in 4.17.20"), "{text}");
    assert!(
        text.contains("sep2025-app (root) > wrap-ansi@9.0.0 > ansi-styles@6.2.2"),
        "{text}"
    );
    assert!(
        text.contains("possibly affected (low confidence):"),
        "{text}"
    );
    assert!(text.contains("3 malicious, 0 critical, 1 high"), "{text}");
}

#[test]
fn fail_on_thresholds() {
    let data = synced();
    // lodash is high
    assert_eq!(vulns_json(data.path(), "lodash-app", &[]).0, 1);
    assert_eq!(
        vulns_json(data.path(), "lodash-app", &["--fail-on", "high"]).0,
        1
    );
    assert_eq!(
        vulns_json(data.path(), "lodash-app", &["--fail-on", "critical"]).0,
        0
    );
    assert_eq!(
        vulns_json(data.path(), "lodash-app", &["--fail-on", "malicious"]).0,
        0
    );
    assert_eq!(
        vulns_json(data.path(), "sep2025-app", &["--fail-on", "malicious"]).0,
        1
    );
    assert_eq!(
        vulns_json(data.path(), "sep2025-app", &["--fail-on", "never"]).0,
        0
    );
    let (code, doc) = vulns_json(data.path(), "clean-app", &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["findings"], serde_json::json!([]));
}

#[test]
fn open_range_matches_fail_only_with_strict() {
    let data = synced();
    let (code, doc) = vulns_json(data.path(), "tinycolor-app", &[]);
    assert_eq!(code, 0);
    assert_eq!(finding(&doc, "@ctrl/tinycolor")["confidence"], "open-range");
    assert_eq!(vulns_json(data.path(), "tinycolor-app", &["--strict"]).0, 1);
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let data = synced();
    let out = warden(data.path())
        .arg("vulns")
        .arg("--dir")
        .arg(fixtures().join("sep2025-app"))
        .args(["--format", "sarif"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("sarif is json");
    assert_eq!(doc["version"], "2.1.0");
    let results = doc["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 5);
    let chalk = results
        .iter()
        .find(|r| r["ruleId"] == "MAL-2025-46969")
        .expect("chalk result");
    assert_eq!(chalk["level"], "error");
    assert_eq!(
        chalk["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "package-lock.json"
    );
    assert!(
        chalk["locations"][0]["physicalLocation"]["region"]["startLine"]
            .as_u64()
            .is_some_and(|l| l > 1)
    );
    let tiny = results
        .iter()
        .find(|r| r["properties"]["package"] == "@ctrl/tinycolor")
        .expect("tinycolor result");
    assert_eq!(tiny["level"], "note");

    let validator = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/schemas/validate.py");
    let has_jsonschema = std::process::Command::new("python3")
        .args(["-c", "import jsonschema, referencing"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !validator.is_file() || !has_jsonschema {
        eprintln!(
            "skipped SARIF schema validation: needs {} and python3 with jsonschema (pip install jsonschema)",
            validator.display()
        );
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("vulns.sarif");
    std::fs::write(&file, &out.stdout).expect("write sarif");
    let v = std::process::Command::new("python3")
        .arg(&validator)
        .arg("sarif-2.1")
        .arg(&file)
        .output()
        .expect("validator runs");
    assert!(
        v.status.success(),
        "{}{}",
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
}

#[test]
fn status_counts_by_kind_and_lists_sources() {
    let data = synced();
    let out = warden(data.path())
        .args(["advisories", "status", "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["total"], 31);
    assert_eq!(doc["malicious"], 12);
    assert_eq!(doc["vulnerability"], 17);
    assert_eq!(doc["withdrawn"], 2);
    assert_eq!(doc["sources"].as_array().expect("sources").len(), 2);
    assert!(
        doc["newest_modified"]
            .as_str()
            .is_some_and(|m| m.starts_with("2026-07-28"))
    );
    let human = warden(data.path())
        .args(["advisories", "status"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("records: 31 (12 malicious, 17 vulnerabilities, 2 withdrawn)"),
        "{text}"
    );
}

#[test]
fn data_dir_flag_overrides_the_environment() {
    let data = synced();
    let elsewhere = tempfile::tempdir().expect("tempdir");
    // WARDEN_DATA points at an empty directory; --data-dir at the synced one
    let out = warden(elsewhere.path())
        .args(["advisories", "status", "--data-dir"])
        .arg(data.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = warden(elsewhere.path())
        .arg("vulns")
        .arg("--data-dir")
        .arg(data.path())
        .arg("--dir")
        .arg(fixtures().join("clean-app"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = warden(elsewhere.path())
        .args(["advisories", "status"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn resync_reports_unchanged_records() {
    let data = synced();
    let out = warden(data.path())
        .args(["advisories", "sync"])
        .arg(osv("malicious-packages"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("0 new, 0 updated, 14 unchanged, 0 not npm, 0 bad (skipped)"),
        "{text}"
    );
}

#[test]
fn bad_records_are_reported_not_fatal() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = warden(data.path())
        .args(["advisories", "sync"])
        .arg(osv("bad"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped") && err.contains("truncated.json"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 bad (skipped)"));
}

#[test]
fn missing_database_and_missing_source_are_input_errors() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = warden(data.path())
        .arg("vulns")
        .arg("--dir")
        .arg(fixtures().join("clean-app"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no advisory database") && err.contains("warden advisories sync"),
        "{err}"
    );
    let out = warden(data.path())
        .args(["advisories", "sync", "/nonexistent/osv"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or directory"));
}

#[test]
fn sync_from_a_loopback_url() {
    use std::io::{Read, Write};
    let record = std::fs::read(osv(
        "malicious-packages/osv/malicious/npm/chalk/MAL-2025-46969.json",
    ))
    .expect("fixture");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let addr = listener.local_addr().expect("addr");
    let server = std::thread::spawn(move || {
        // exactly one request
        let (mut s, _) = listener.accept().expect("accept");
        let mut buf = [0u8; 4096];
        let _ = s.read(&mut buf);
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            record.len()
        );
        s.write_all(head.as_bytes()).expect("write head");
        s.write_all(&record).expect("write body");
    });
    let data = tempfile::tempdir().expect("tempdir");
    let url = format!("http://{addr}/npm/MAL-2025-46969.json");
    let out = warden(data.path())
        .args(["advisories", "sync", &url])
        .output()
        .expect("runs");
    // asserted before joining: a failed sync never connects, and the server would wait
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    server.join().expect("server thread");
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 new"));
    let (code, doc) = vulns_json(data.path(), "sep2025-app", &["--fail-on", "malicious"]);
    assert_eq!(code, 1);
    assert_eq!(finding(&doc, "chalk")["id"], "MAL-2025-46969");
}
