//! `warden sbom`, `vex`, `attest`, `keygen` and `verify`, run as a user runs them, and checked
//! against independent implementations: the official JSON schemas through
//! ../shared/fixtures/schemas/validate.py (Python jsonschema) and DSSE through Python's
//! securesystemslib (scripts/attest/dsse_check.py). Tests that need a Python package that is not
//! importable say so loudly on stderr and pass without checking; `.ci/run` installs both
//! (../shared/fixtures/schemas/requirements.txt, scripts/attest/requirements.txt), and setting
//! WARDEN_REQUIRE_PYTHON=1 turns a missing package into a failure.

use assert_cmd::Command;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;
use std::path::{Path, PathBuf};

const EPOCH: &str = "1700000000";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn demo_app() -> PathBuf {
    repo().join("examples/demo-app")
}

fn workspaces() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attest/npm-workspaces")
}

fn big() -> PathBuf {
    repo().join("crates/warden-attest/benches/fixtures/npm-2000")
}

fn vex_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/attest/vex")
        .join(name)
}

fn schemas() -> PathBuf {
    repo().join("../shared/fixtures/schemas")
}

fn warden() -> Command {
    let mut c = Command::cargo_bin("warden").expect("the warden binary is built");
    // Never the user's own cache: tests that want one pass --cache-dir.
    c.env("SOURCE_DATE_EPOCH", EPOCH)
        .env("NO_COLOR", "1")
        .env("WARDEN_CACHE", "/nonexistent/warden-test-cache");
    c
}

/// Runs warden with `args`, expecting success; returns stdout.
fn ok(args: &[&str]) -> Vec<u8> {
    let out = warden().args(args).output().expect("warden runs");
    assert!(
        out.status.success(),
        "warden {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs warden with `args`, expecting exit `code`; returns stderr.
fn fails(args: &[&str], code: i32) -> String {
    let out = warden().args(args).output().expect("warden runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "warden {args:?}: stdout {} stderr {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn dir_arg(p: &Path) -> String {
    p.display().to_string()
}

/// True when Python can import `module`; otherwise says loudly that the check is skipped (or
/// fails when WARDEN_REQUIRE_PYTHON=1).
fn python_has(module: &str, requirements: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = format!(
            "python3 cannot import {module}: pip install -r {requirements} to run this check"
        );
        if std::env::var_os("WARDEN_REQUIRE_PYTHON").is_some_and(|v| v == "1") {
            panic!("{msg}");
        }
        eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    }
    found
}

/// Validates `doc` with validate.py against the official schema `kind`; panics with its errors.
fn validate(kind: &str, doc: &[u8]) -> bool {
    if !python_has("jsonschema", "../shared/fixtures/schemas/requirements.txt") {
        return false;
    }
    let tmp = tempfile::NamedTempFile::new().expect("a temp file");
    std::fs::write(tmp.path(), doc).expect("write the document");
    let out = std::process::Command::new("python3")
        .arg(schemas().join("validate.py"))
        .arg(kind)
        .arg(tmp.path())
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{kind}: validate.py says:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(text.trim(), "valid");
    true
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("warden writes JSON")
}

#[test]
fn sbom_documents_validate_against_the_official_schemas() {
    for project in [demo_app(), workspaces(), big()] {
        let d = dir_arg(&project);
        let cdx16 = ok(&["--dir", &d, "sbom"]);
        let cdx15 = ok(&[
            "--dir",
            &d,
            "sbom",
            "--spec",
            "cyclonedx",
            "--spec-version",
            "1.5",
        ]);
        let spdx = ok(&["--dir", &d, "sbom", "--spec", "spdx"]);
        assert_eq!(json(&cdx16)["specVersion"], "1.6");
        assert_eq!(json(&cdx15)["specVersion"], "1.5");
        assert_eq!(json(&spdx)["spdxVersion"], "SPDX-2.3");
        validate("cyclonedx-1.6", &cdx16);
        validate("cyclonedx-1.5", &cdx15);
        validate("spdx-2.3", &spdx);
    }
}

#[test]
fn sbom_is_byte_identical_across_runs_with_source_date_epoch() {
    let d = dir_arg(&demo_app());
    for spec in ["cyclonedx", "spdx"] {
        let a = ok(&["--dir", &d, "sbom", "--spec", spec]);
        let b = ok(&["--dir", &d, "sbom", "--spec", spec]);
        assert_eq!(a, b, "{spec}: two runs differ");
    }
    let doc = json(&ok(&["--dir", &d, "sbom"]));
    assert_eq!(doc["metadata"]["timestamp"], "2023-11-14T22:13:20Z");
    let serial = doc["serialNumber"].as_str().unwrap();
    assert!(serial.starts_with("urn:uuid:"), "{serial}");
    // Another time is another document: the serial number follows the content.
    let later = warden()
        .env("SOURCE_DATE_EPOCH", "1700000001")
        .args(["--dir", &d, "sbom"])
        .output()
        .unwrap();
    assert_ne!(json(&later.stdout)["serialNumber"], doc["serialNumber"]);
}

#[test]
fn sbom_rejects_a_bad_source_date_epoch() {
    let d = dir_arg(&demo_app());
    let out = warden()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["--dir", &d, "sbom"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}

fn component<'a>(doc: &'a Value, purl: &str) -> &'a Value {
    doc["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["purl"] == purl)
        .unwrap_or_else(|| panic!("no component {purl}"))
}

#[test]
fn cyclonedx_sbom_lists_every_locked_package_with_purl_hash_licence_and_scope() {
    let doc = json(&ok(&["--dir", &dir_arg(&demo_app()), "sbom"]));
    let comps = doc["components"].as_array().unwrap();
    assert_eq!(comps.len(), 80, "every package of demo-app's lockfile");
    assert_eq!(doc["metadata"]["component"]["name"], "demo-app");
    assert_eq!(
        doc["metadata"]["component"]["purl"],
        "pkg:npm/demo-app@1.0.0"
    );
    assert_eq!(doc["metadata"]["tools"]["components"][0]["name"], "warden");
    // The alias string-width-cjs is the real package string-width.
    let sw = component(&doc, "pkg:npm/string-width@4.2.3");
    assert_eq!(sw["name"], "string-width");
    assert_eq!(sw["hashes"][0]["alg"], "SHA-512");
    let sri = STANDARD
        .decode("wKyQRQpjJ0sIp62ErSZdGsjMJWsap5oRNihHhu6G7JVO/9jIB6UyevL+tXuOqrng8j/cxKTWyWUwvSTriiZz/g==")
        .unwrap();
    let hex: String = sri.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(sw["hashes"][0]["content"], hex);
    assert_eq!(sw["licenses"][0]["license"]["id"], "MIT");
    assert_eq!(sw["scope"], "required");
    // semver is a dev dependency.
    let semver = component(&doc, "pkg:npm/semver@7.8.6");
    assert_eq!(semver["scope"], "optional");
    assert!(
        semver["properties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "cdx:npm:package:development" && p["value"] == "true")
    );
    let debug = component(&doc, "pkg:npm/debug@4.3.4");
    assert!(
        !debug["properties"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "cdx:npm:package:development")
    );
    // The graph: the root depends on its direct dependencies, debug on ms.
    let deps = doc["dependencies"].as_array().unwrap();
    let of = |r: &str| -> Vec<String> {
        deps.iter()
            .find(|d| d["ref"] == r)
            .unwrap_or_else(|| panic!("no dependency entry for {r}"))["dependsOn"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let root = of("pkg:npm/demo-app@1.0.0");
    for direct in [
        "pkg:npm/chalk@5.3.0",
        "pkg:npm/debug@4.3.4",
        "pkg:npm/semver@7.8.6",
        "pkg:npm/string-width@4.2.3",
    ] {
        assert!(
            root.iter().any(|r| r == direct),
            "root -> {direct}: {root:?}"
        );
    }
    assert!(
        of("pkg:npm/debug@4.3.4")
            .iter()
            .any(|r| r.starts_with("pkg:npm/ms@"))
    );
    assert_eq!(
        deps.len(),
        comps.len() + 1,
        "one entry per component and the root"
    );
    // Sorted by bom-ref.
    let refs: Vec<&str> = comps
        .iter()
        .map(|c| c["bom-ref"].as_str().unwrap())
        .collect();
    let mut sorted = refs.clone();
    sorted.sort();
    assert_eq!(refs, sorted);
}

#[test]
fn spdx_sbom_marks_dev_dependencies_and_declares_licences() {
    let doc = json(&ok(&[
        "--dir",
        &dir_arg(&demo_app()),
        "sbom",
        "--spec",
        "spdx",
    ]));
    assert!(
        doc.get("$schema").is_none(),
        "SPDX 2.3's schema forbids $schema"
    );
    let pkgs = doc["packages"].as_array().unwrap();
    assert_eq!(pkgs.len(), 81, "80 packages and the root");
    let by_purl = |purl: &str| {
        pkgs.iter()
            .find(|p| p["externalRefs"][0]["referenceLocator"] == purl)
            .unwrap_or_else(|| panic!("no package {purl}"))
    };
    let semver = by_purl("pkg:npm/semver@7.8.6");
    assert_eq!(semver["licenseDeclared"], "ISC");
    assert_eq!(semver["licenseConcluded"], "NOASSERTION");
    assert_eq!(semver["checksums"][0]["algorithm"], "SHA512");
    let rels = doc["relationships"].as_array().unwrap();
    let has = |a: &str, r: &str, b: &str| {
        rels.iter().any(|x| {
            x["spdxElementId"] == a && x["relationshipType"] == r && x["relatedSpdxElement"] == b
        })
    };
    let semver_id = semver["SPDXID"].as_str().unwrap();
    let debug_id = by_purl("pkg:npm/debug@4.3.4")["SPDXID"].as_str().unwrap();
    assert!(has(semver_id, "DEV_DEPENDENCY_OF", "SPDXRef-RootPackage"));
    assert!(!has("SPDXRef-RootPackage", "DEPENDS_ON", semver_id));
    assert!(has("SPDXRef-RootPackage", "DEPENDS_ON", debug_id));
    assert!(has("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-RootPackage"));
}

#[test]
fn workspaces_are_components_of_their_own() {
    let d = dir_arg(&workspaces());
    let doc = json(&ok(&["--dir", &d, "sbom"]));
    assert_eq!(doc["metadata"]["component"]["name"], "ws-root");
    let app = component(&doc, "pkg:npm/%40ws/app@0.1.0");
    assert_eq!(app["group"], "@ws");
    assert_eq!(app["name"], "app");
    assert!(
        app.get("scope").is_none(),
        "a workspace is part of the project, not a dependency"
    );
    let lib = component(&doc, "pkg:npm/%40ws/lib-a@1.2.0");
    let deps = doc["dependencies"].as_array().unwrap();
    let app_deps = &deps
        .iter()
        .find(|x| x["ref"] == "pkg:npm/%40ws/app@0.1.0")
        .unwrap()["dependsOn"];
    assert!(
        app_deps
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == &lib["bom-ref"])
    );
    // The optional dependency of the app is marked optional, the dev one of the root too.
    assert_eq!(component(&doc, "pkg:npm/ms@2.1.2")["scope"], "optional");
    let spdx = json(&ok(&["--dir", &d, "sbom", "--spec", "spdx"]));
    let rels = spdx["relationships"].as_array().unwrap();
    assert!(
        rels.iter()
            .any(|r| r["relationshipType"] == "OPTIONAL_DEPENDENCY_OF"
                && r["relatedSpdxElement"] == "SPDXRef-Workspace-packages-app")
    );
}

#[test]
fn sbom_refuses_versions_it_does_not_write() {
    let d = dir_arg(&demo_app());
    let e = fails(&["--dir", &d, "sbom", "--spec-version", "1.4"], 2);
    assert!(e.contains("1.4") && e.contains("1.5"), "{e}");
    let e = fails(
        &[
            "--dir",
            &d,
            "sbom",
            "--spec",
            "spdx",
            "--spec-version",
            "3.0",
        ],
        2,
    );
    assert!(e.contains("2.3"), "{e}");
}

#[test]
fn sbom_writes_the_output_file_atomically() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("bom.json");
    let d = dir_arg(&demo_app());
    ok(&["--dir", &d, "sbom", "-o", path.to_str().unwrap()]);
    assert_eq!(std::fs::read(&path).unwrap(), ok(&["--dir", &d, "sbom"]));
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn vex_documents_validate_and_carry_the_statements() {
    let d = dir_arg(&demo_app());
    let f = vex_fixture("demo-app.toml");
    let f = f.to_str().unwrap();
    let openvex = ok(&["--dir", &d, "vex", "--vex-file", f]);
    validate("openvex-0.2", &openvex);
    let doc = json(&openvex);
    assert_eq!(doc["@context"], "https://openvex.dev/ns/v0.2.0");
    assert_eq!(doc["author"], "Demo Security Team <security@example.com>");
    let st = doc["statements"].as_array().unwrap();
    assert_eq!(st.len(), 3);
    let debug = st
        .iter()
        .find(|s| s["vulnerability"]["name"] == "GHSA-9vvw-cc9w-f27h")
        .unwrap();
    assert_eq!(debug["status"], "not_affected");
    assert_eq!(
        debug["justification"],
        "vulnerable_code_not_in_execute_path"
    );
    assert_eq!(debug["products"][0]["@id"], "pkg:npm/debug@4.3.4");
    assert_eq!(debug["timestamp"], "2023-11-14T22:13:20Z");
    let express = st.iter().find(|s| s["status"] == "affected").unwrap();
    assert_eq!(express["action_statement"], "upgrade express to 4.20.0");
    assert_eq!(express["timestamp"], "2024-09-10T12:00:00Z");
    assert_eq!(
        ok(&["--dir", &d, "vex", "--vex-file", f]),
        openvex,
        "deterministic"
    );
    for v in ["1.6", "1.5"] {
        let cdx = ok(&[
            "--dir",
            &d,
            "vex",
            "--vex-file",
            f,
            "--spec",
            "cyclonedx",
            "--spec-version",
            v,
        ]);
        validate(&format!("cyclonedx-{v}"), &cdx);
        let doc = json(&cdx);
        let vulns = doc["vulnerabilities"].as_array().unwrap();
        assert_eq!(vulns.len(), 3);
        let debug = vulns
            .iter()
            .find(|x| x["id"] == "GHSA-9vvw-cc9w-f27h")
            .unwrap();
        assert_eq!(debug["analysis"]["state"], "not_affected");
        assert_eq!(debug["analysis"]["justification"], "code_not_reachable");
        assert_eq!(debug["affects"][0]["ref"], "pkg:npm/debug@4.3.4");
        let fixed = vulns
            .iter()
            .find(|x| x["id"] == "GHSA-0000-test-fixd")
            .unwrap();
        assert_eq!(fixed["analysis"]["state"], "resolved");
        assert_eq!(fixed["affects"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn vex_reads_supply_chain_vex_toml_by_default() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("supply-chain")).unwrap();
    std::fs::copy(
        vex_fixture("demo-app.toml"),
        tmp.path().join("supply-chain/vex.toml"),
    )
    .unwrap();
    let doc = json(&ok(&["--dir", tmp.path().to_str().unwrap(), "vex"]));
    assert_eq!(doc["statements"].as_array().unwrap().len(), 3);
}

#[test]
fn malformed_vex_toml_is_reported_with_file_and_line() {
    let d = dir_arg(&demo_app());
    let f = vex_fixture("bad-justification.toml");
    let e = fails(&["--dir", &d, "vex", "--vex-file", f.to_str().unwrap()], 2);
    assert!(e.contains("bad-justification.toml:8:"), "{e}");
    assert!(e.contains("unknown justification"), "{e}");
    assert!(
        e.contains("vulnerable_code_not_in_execute_path"),
        "lists the valid ones: {e}"
    );
}

#[test]
fn openvex_needs_a_statement_and_cyclonedx_vex_does_not() {
    let d = dir_arg(&demo_app());
    let f = vex_fixture("empty.toml");
    let f = f.to_str().unwrap();
    let e = fails(&["--dir", &d, "vex", "--vex-file", f], 2);
    assert!(e.contains("no VEX statements"), "{e}");
    let cdx = ok(&["--dir", &d, "vex", "--vex-file", f, "--spec", "cyclonedx"]);
    validate("cyclonedx-1.6", &cdx);
    let e = fails(
        &["--dir", &d, "vex", "--vex-file", "/nonexistent/vex.toml"],
        2,
    );
    assert!(e.contains("no such file"), "{e}");
}

#[test]
fn keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("release");
    let p = prefix.to_str().unwrap();
    ok(&["keygen", "--out", p]);
    let key = std::fs::read_to_string(tmp.path().join("release.key")).unwrap();
    assert!(key.starts_with("-----BEGIN PRIVATE KEY-----"));
    let public = std::fs::read_to_string(tmp.path().join("release.pub")).unwrap();
    assert!(public.starts_with("-----BEGIN PUBLIC KEY-----"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(tmp.path().join("release.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let e = fails(&["keygen", "--out", p], 2);
    assert!(e.contains("already exists") && e.contains("--force"), "{e}");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("release.key")).unwrap(),
        key
    );
    ok(&["keygen", "--out", p, "--force", "--algorithm", "p256"]);
    assert_ne!(
        std::fs::read_to_string(tmp.path().join("release.key")).unwrap(),
        key
    );
}

struct Signed {
    _dir: tempfile::TempDir,
    doc: PathBuf,
    envelope: PathBuf,
    key: PathBuf,
    public: PathBuf,
}

fn signed(algorithm: &str, spec: &str) -> Signed {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("bom.json");
    std::fs::write(
        &doc,
        ok(&["--dir", &dir_arg(&demo_app()), "sbom", "--spec", spec]),
    )
    .unwrap();
    let prefix = dir.path().join("k");
    ok(&[
        "keygen",
        "--algorithm",
        algorithm,
        "--out",
        prefix.to_str().unwrap(),
    ]);
    let key = dir.path().join("k.key");
    let envelope = dir.path().join("bom.intoto.json");
    ok(&[
        "attest",
        doc.to_str().unwrap(),
        "--key",
        key.to_str().unwrap(),
        "-o",
        envelope.to_str().unwrap(),
    ]);
    Signed {
        public: dir.path().join("k.pub"),
        _dir: dir,
        doc,
        envelope,
        key,
    }
}

fn verify_args<'a>(s: &'a Signed, envelope: &'a Path) -> Vec<&'a str> {
    vec![
        "verify",
        envelope.to_str().unwrap(),
        "--key",
        s.public.to_str().unwrap(),
        "--subject",
        s.doc.to_str().unwrap(),
    ]
}

#[test]
fn attest_then_verify_for_both_algorithms_and_both_sbom_kinds() {
    for (alg, spec, predicate) in [
        ("ed25519", "cyclonedx", "https://cyclonedx.org/bom"),
        ("p256", "spdx", "https://spdx.dev/Document"),
    ] {
        let s = signed(alg, spec);
        let env = json(&std::fs::read(&s.envelope).unwrap());
        assert_eq!(env["payloadType"], "application/vnd.in-toto+json");
        let statement = json(&ok(&verify_args(&s, &s.envelope)));
        assert_eq!(statement["_type"], "https://in-toto.io/Statement/v1");
        assert_eq!(statement["predicateType"], predicate);
        assert_eq!(statement["subject"][0]["name"], "bom.json");
        let doc = std::fs::read(&s.doc).unwrap();
        assert_eq!(statement["predicate"], json(&doc));
        let digest = statement["subject"][0]["digest"]["sha256"]
            .as_str()
            .unwrap();
        assert_eq!(digest.len(), 64);
        // JSON output names the key.
        let mut args = vec!["--format", "json"];
        args.extend(verify_args(&s, &s.envelope));
        let report = json(&ok(&args));
        assert_eq!(report["verified"], true);
        assert_eq!(report["subject_checked"], true);
    }
}

#[test]
fn verify_fails_with_exit_1_on_tampering_another_subject_or_another_key() {
    let s = signed("ed25519", "cyclonedx");
    let env = json(&std::fs::read(&s.envelope).unwrap());
    let dir = s.envelope.parent().unwrap().to_path_buf();
    // One changed byte of the payload.
    let mut payload = STANDARD.decode(env["payload"].as_str().unwrap()).unwrap();
    let i = payload.len() / 2;
    payload[i] ^= 1;
    let mut t = env.clone();
    t["payload"] = Value::String(STANDARD.encode(&payload));
    let tampered = dir.join("payload.json");
    std::fs::write(&tampered, serde_json::to_vec(&t).unwrap()).unwrap();
    let e = fails(&verify_args(&s, &tampered), 1);
    assert!(
        e.contains("verification failed") && e.contains("signature"),
        "{e}"
    );
    // One changed byte of the signature.
    let mut sig = STANDARD
        .decode(env["signatures"][0]["sig"].as_str().unwrap())
        .unwrap();
    sig[5] ^= 0x80;
    let mut t = env.clone();
    t["signatures"][0]["sig"] = Value::String(STANDARD.encode(&sig));
    let tampered = dir.join("sig.json");
    std::fs::write(&tampered, serde_json::to_vec(&t).unwrap()).unwrap();
    fails(&verify_args(&s, &tampered), 1);
    // The document changed after signing.
    let mut doc = std::fs::read(&s.doc).unwrap();
    doc.push(b' ');
    std::fs::write(&s.doc, &doc).unwrap();
    let e = fails(&verify_args(&s, &s.envelope), 1);
    assert!(e.contains("matches no subject"), "{e}");
    // Without --subject the signature alone still verifies.
    ok(&[
        "verify",
        s.envelope.to_str().unwrap(),
        "--key",
        s.public.to_str().unwrap(),
    ]);
    // Another key.
    let other = dir.join("other");
    ok(&["keygen", "--out", other.to_str().unwrap()]);
    let e = fails(
        &[
            "verify",
            s.envelope.to_str().unwrap(),
            "--key",
            dir.join("other.pub").to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("another key signed it"), "{e}");
    // Not an envelope at all.
    let e = fails(
        &[
            "verify",
            s.doc.to_str().unwrap(),
            "--key",
            s.public.to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("not a DSSE envelope"), "{e}");
}

#[test]
fn attest_says_what_it_cannot_sign() {
    let s = signed("ed25519", "cyclonedx");
    let dir = s.envelope.parent().unwrap().to_path_buf();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not json").unwrap();
    let k = s.key.to_str().unwrap();
    let e = fails(&["attest", text.to_str().unwrap(), "--key", k], 2);
    assert!(e.contains("not JSON"), "{e}");
    let other = dir.join("other.json");
    std::fs::write(&other, "{\"hello\": 1}").unwrap();
    let e = fails(&["attest", other.to_str().unwrap(), "--key", k], 2);
    assert!(e.contains("--predicate-type"), "{e}");
    let env = ok(&[
        "attest",
        other.to_str().unwrap(),
        "--key",
        k,
        "--predicate-type",
        "https://example.com/p/v1",
    ]);
    let payload = STANDARD
        .decode(json(&env)["payload"].as_str().unwrap())
        .unwrap();
    assert_eq!(json(&payload)["predicateType"], "https://example.com/p/v1");
    let e = fails(
        &[
            "attest",
            other.to_str().unwrap(),
            "--key",
            s.public.to_str().unwrap(),
            "--predicate-type",
            "https://example.com/p/v1",
        ],
        2,
    );
    assert!(e.contains("PKCS#8"), "a public key cannot sign: {e}");
}

fn dsse_check() -> PathBuf {
    repo().join("scripts/attest/dsse_check.py")
}

fn python(args: &[&str]) -> std::process::Output {
    std::process::Command::new("python3")
        .arg(dsse_check())
        .args(args)
        .output()
        .expect("python3 runs")
}

#[test]
fn dsse_envelopes_interoperate_with_securesystemslib_both_ways() {
    if !python_has("securesystemslib.dsse", "scripts/attest/requirements.txt") {
        return;
    }
    for alg in ["ed25519", "p256"] {
        let s = signed(alg, "cyclonedx");
        let dir = s.envelope.parent().unwrap().to_path_buf();
        // securesystemslib verifies warden's envelope...
        let out = python(&[
            "verify",
            s.envelope.to_str().unwrap(),
            s.public.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{alg}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        // ...and rejects it with one payload byte changed.
        let env = json(&std::fs::read(&s.envelope).unwrap());
        let mut payload = STANDARD.decode(env["payload"].as_str().unwrap()).unwrap();
        payload[10] ^= 1;
        let mut t = env.clone();
        t["payload"] = Value::String(STANDARD.encode(&payload));
        let tampered = dir.join("tampered.json");
        std::fs::write(&tampered, serde_json::to_vec(&t).unwrap()).unwrap();
        let out = python(&[
            "verify",
            tampered.to_str().unwrap(),
            s.public.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{alg}: tampered envelope accepted by securesystemslib"
        );

        // warden verifies securesystemslib's envelope over an in-toto statement...
        let statement = dir.join("statement.json");
        let doc = std::fs::read(&s.doc).unwrap();
        let digest = warden_attest::intoto::sha256_hex(&doc);
        std::fs::write(
            &statement,
            format!(
                "{{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[{{\"name\":\"bom.json\",\"digest\":{{\"sha256\":\"{digest}\"}}}}],\"predicateType\":\"https://cyclonedx.org/bom\",\"predicate\":{{}}}}"
            ),
        )
        .unwrap();
        let out = python(&[
            "sign",
            s.key.to_str().unwrap(),
            statement.to_str().unwrap(),
            "application/vnd.in-toto+json",
        ]);
        assert!(
            out.status.success(),
            "{alg}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let theirs = dir.join("theirs.json");
        std::fs::write(&theirs, &out.stdout).unwrap();
        ok(&verify_args(&s, &theirs));
        // ...and rejects it with one signature byte changed.
        let env = json(&out.stdout);
        let mut sig = STANDARD
            .decode(env["signatures"][0]["sig"].as_str().unwrap())
            .unwrap();
        sig[8] ^= 0x01;
        let mut t = env.clone();
        t["signatures"][0]["sig"] = Value::String(STANDARD.encode(&sig));
        std::fs::write(&tampered, serde_json::to_vec(&t).unwrap()).unwrap();
        fails(&verify_args(&s, &tampered), 1);
    }
}

/// An advisory database built from warden-advisory's fixture records (real GHSA and MAL
/// records), in a temporary directory.
fn advisory_db(dir: &Path) -> PathBuf {
    let db = dir.join("advisories.db");
    let mut store = warden_advisory::Store::open(&db).expect("create the database");
    let fixtures = repo().join("crates/warden-advisory/tests/fixtures");
    for layout in ["advisory-database", "malicious-packages"] {
        let entries = warden_advisory::import::open_path(&fixtures.join(layout)).expect("fixtures");
        store
            .import(layout, "2026-01-01T00:00:00Z", entries, &mut |_| {})
            .expect("import the fixtures");
    }
    db
}

#[test]
fn matched_advisories_without_a_statement_are_under_investigation() {
    let tmp = tempfile::tempdir().unwrap();
    let db = advisory_db(tmp.path());
    let d = dir_arg(&big());
    let db_arg = db.to_str().unwrap();
    let empty = vex_fixture("empty.toml");
    let empty = empty.to_str().unwrap();
    let doc = json(&ok(&[
        "--dir",
        &d,
        "vex",
        "--vex-file",
        empty,
        "--advisory-db",
        db_arg,
    ]));
    validate("openvex-0.2", &serde_json::to_vec(&doc).unwrap());
    let st = doc["statements"].as_array().unwrap();
    let open: Vec<(&str, &str)> = st
        .iter()
        .map(|s| {
            assert_eq!(s["status"], "under_investigation");
            (
                s["vulnerability"]["name"].as_str().unwrap(),
                s["products"][0]["@id"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        open.contains(&("GHSA-pxg6-pf52-xh8x", "pkg:npm/cookie@0.5.0")),
        "{open:?}"
    );
    let cookie = st
        .iter()
        .find(|s| s["vulnerability"]["name"] == "GHSA-pxg6-pf52-xh8x")
        .unwrap();
    assert!(
        cookie["vulnerability"]["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "CVE-2024-47764")
    );
    // A statement in vex.toml (naming the CVE alias) covers the match: no open statement left.
    let covered = vex_fixture("big-app.toml");
    let doc = json(&ok(&[
        "--dir",
        &d,
        "vex",
        "--vex-file",
        covered.to_str().unwrap(),
        "--advisory-db",
        db_arg,
    ]));
    let st = doc["statements"].as_array().unwrap();
    let cookie: Vec<&Value> = st
        .iter()
        .filter(|s| s["products"][0]["@id"] == "pkg:npm/cookie@0.5.0")
        .collect();
    assert_eq!(cookie.len(), 1, "{cookie:?}");
    assert_eq!(cookie[0]["status"], "not_affected");
    assert_eq!(
        st.len(),
        open.len(),
        "the other matches stay under investigation"
    );
    let cdx = ok(&[
        "--dir",
        &d,
        "vex",
        "--vex-file",
        empty,
        "--advisory-db",
        db_arg,
        "--spec",
        "cyclonedx",
    ]);
    validate("cyclonedx-1.6", &cdx);
    assert!(
        json(&cdx)["vulnerabilities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["analysis"]["state"] == "in_triage")
    );
    // A database that is not there is an error, never an empty result.
    let e = fails(
        &[
            "--dir",
            &d,
            "vex",
            "--vex-file",
            empty,
            "--advisory-db",
            "/nonexistent/adv.db",
        ],
        2,
    );
    assert!(e.contains("no advisory database"), "{e}");
}

/// A `.tgz` holding `package/package.json` with `manifest`, and a README before it.
fn tgz(manifest: &str) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (path, bytes) in [
        ("package/README.md", "# hello\n"),
        ("package/package.json", manifest),
    ] {
        let mut h = tar::Header::new_gnu();
        h.set_size(bytes.len() as u64);
        h.set_mode(0o644);
        h.set_mtime(499_162_500);
        h.set_cksum();
        tar.append_data(&mut h, path, bytes.as_bytes()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

#[test]
fn licences_and_authors_come_from_the_cached_tarballs_own_package_json() {
    let tmp = tempfile::tempdir().unwrap();
    let tarball = tgz(
        r#"{"name":"lic-pkg","version":"1.0.0","license":"BSD-3-Clause","author":"Ada Lovelace <ada@example.com>","description":"a package with a licence"}"#,
    );
    let sri = warden_test_registry::fixtures::sha512_sri(&tarball);
    let integrity = warden_lockfile::Integrity::parse(&sri).unwrap();
    let project = tmp.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join("package.json"),
        r#"{"name":"lic-app","version":"1.0.0","dependencies":{"lic-pkg":"1.0.0"}}"#,
    )
    .unwrap();
    std::fs::write(
        project.join("package-lock.json"),
        format!(
            r#"{{"name":"lic-app","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{{
  "":{{"name":"lic-app","version":"1.0.0","dependencies":{{"lic-pkg":"1.0.0"}}}},
  "node_modules/lic-pkg":{{"version":"1.0.0","resolved":"https://registry.npm.example/lic-pkg/-/lic-pkg-1.0.0.tgz","integrity":"{sri}"}}
}}}}"#
        ),
    )
    .unwrap();
    let cache_dir = tmp.path().join("cache");
    let cache = warden_registry::Cache::new(&cache_dir);
    let digests: Vec<_> = integrity
        .hashes()
        .iter()
        .map(|h| (h.algorithm, h.digest.clone()))
        .collect();
    cache.put_tarball(&digests, &tarball).unwrap();
    let d = dir_arg(&project);
    let c = cache_dir.to_str().unwrap();
    // Without the cache: nothing is known about the licence.
    let doc = json(&ok(&["--dir", &d, "sbom"]));
    assert!(
        component(&doc, "pkg:npm/lic-pkg@1.0.0")
            .get("licenses")
            .is_none()
    );
    let spdx = json(&ok(&["--dir", &d, "sbom", "--spec", "spdx"]));
    assert_eq!(spdx["packages"][1]["licenseDeclared"], "NOASSERTION");
    // With it: the package's own package.json speaks.
    let doc = ok(&["--dir", &d, "--cache-dir", c, "sbom"]);
    validate("cyclonedx-1.6", &doc);
    let doc = json(&doc);
    let pkg = component(&doc, "pkg:npm/lic-pkg@1.0.0");
    assert_eq!(pkg["licenses"][0]["license"]["id"], "BSD-3-Clause");
    assert_eq!(pkg["authors"][0]["name"], "Ada Lovelace");
    assert_eq!(pkg["authors"][0]["email"], "ada@example.com");
    assert_eq!(pkg["description"], "a package with a licence");
    let spdx = ok(&["--dir", &d, "--cache-dir", c, "sbom", "--spec", "spdx"]);
    validate("spdx-2.3", &spdx);
    let spdx = json(&spdx);
    let pkg = spdx["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "lic-pkg")
        .unwrap();
    assert_eq!(pkg["licenseDeclared"], "BSD-3-Clause");
    assert_eq!(pkg["originator"], "Person: Ada Lovelace (ada@example.com)");
    // A cached file whose bytes no longer match the integrity is not believed.
    let path = cache.tarball_path_for(&integrity);
    std::fs::write(
        &path,
        tgz(r#"{"name":"lic-pkg","version":"1.0.0","license":"WTFPL"}"#),
    )
    .unwrap();
    let doc = json(&ok(&["--dir", &d, "--cache-dir", c, "sbom"]));
    assert!(
        component(&doc, "pkg:npm/lic-pkg@1.0.0")
            .get("licenses")
            .is_none()
    );
}
