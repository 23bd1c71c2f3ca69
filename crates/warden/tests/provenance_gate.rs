//! Provenance at the gate, end to end through the binary and the local test registry, on the
//! real bundles and tarballs of ../shared/fixtures/provenance (verified against the real
//! Sigstore root compiled into warden):
//!
//! * `warden init` freezes a tree and pins the publisher of @laurentsimon/provenance-npm-test
//!   from 1.0.3's verified provenance (release.yml); 1.0.5 arrives with a valid bundle from
//!   another workflow (release-slsa3.yml) → denied, provenance-identity-change;
//! * repository A → B: @trishankatdatadog/supreme-goggles is pinned to repository A
//!   (`goggles-a`); 1.0.5 arrives with a valid bundle from the real repository B → denied,
//!   provenance-identity-change;
//! * gap: gap-lib 1.1.0 has no provenance where 1.0.0 had → review, provenance-gap;
//! * invalid: gundam-visor 1.0.1 with a tampered signed entry timestamp → denied,
//!   provenance-invalid; sigstore 2.3.1 whose listed attestations are not served → denied;
//! * verified: sigstore 2.3.1 once served → provenance-verified shown; after `warden certify`
//!   its identity is pinned and it is allowed;
//! * made-up history signed by the test Sigstore (warden_test_registry::sigstore, passed with
//!   `--trusted-root`): vetted 1.0.0 from repository A, 1.1.0 with a valid bundle from
//!   repository B → denied; 1.2.0 from A → verified; the public-good root rejects them.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use warden_test_registry::fixtures::{self, FixtureSet, PackageSpec};
use warden_test_registry::{Knob, TestRegistry};

const NOW: &str = "2026-01-01T00:00:00Z";
const PROVTEST: &str = "@laurentsimon/provenance-npm-test";
const GOGGLES: &str = "@trishankatdatadog/supreme-goggles";

fn fixture(rel: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/provenance")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A made-up version listing attestations the registry does not serve (frozen, never judged).
fn listed(name: &str, version: &str, time: &str) -> PackageSpec {
    let mut s = PackageSpec::new(name, version);
    s.time = Some(time.into());
    s.attestations_listed_only = true;
    s
}

/// A real package version: its tarball and attestations document from the fixtures.
fn real(name: &str, version: &str, dir: &str, tgz: &str, time: &str) -> PackageSpec {
    let mut s = PackageSpec::new(name, version);
    s.time = Some(time.into());
    s.tarball = Some(fixture(&format!("packages/{dir}/{tgz}")));
    s.attestations = Some(fixture(&format!("packages/{dir}/attestations.json")));
    s
}

fn registry() -> (TestRegistry, FixtureSet) {
    let mut gap_new = PackageSpec::new("gap-lib", "1.1.0");
    gap_new.time = Some("2025-03-01T00:00:00.000Z".into());
    let mut gundam = real(
        "gundam-visor",
        "1.0.1",
        "gundam-visor-1.0.1",
        "gundam-visor-1.0.1.tgz",
        "2024-06-03T22:18:01.000Z",
    );
    gundam.attestations = Some(fixture(
        "negative/tampered/gundam-visor-1.0.1.TAMPERED-provenance-set.attestations.json",
    ));
    let set = fixtures::build(&[
        real(
            PROVTEST,
            "1.0.3",
            "laurentsimon-provenance-npm-test-1.0.3",
            "laurentsimon-provenance-npm-test-1.0.3.tgz",
            "2023-03-01T00:00:00.000Z",
        ),
        real(
            PROVTEST,
            "1.0.5",
            "laurentsimon-provenance-npm-test-1.0.5",
            "laurentsimon-provenance-npm-test-1.0.5.tgz",
            "2023-04-01T00:00:00.000Z",
        ),
        listed(GOGGLES, "1.0.4", "2023-01-01T00:00:00.000Z"),
        real(
            GOGGLES,
            "1.0.5",
            "trishankatdatadog-supreme-goggles-1.0.5",
            "trishankatdatadog-supreme-goggles-1.0.5.tgz",
            "2023-02-01T00:00:00.000Z",
        ),
        listed("gap-lib", "1.0.0", "2025-01-01T00:00:00.000Z"),
        gap_new,
        listed("gundam-visor", "1.0.0", "2024-01-01T00:00:00.000Z"),
        gundam,
        listed("sigstore", "2.3.0", "2024-01-01T00:00:00.000Z"),
        real(
            "sigstore",
            "2.3.1",
            "sigstore-2.3.1",
            "sigstore-2.3.1.tgz",
            "2024-04-01T00:00:00.000Z",
        ),
    ]);
    let reg = TestRegistry::start();
    reg.publish(&set);
    (reg, set)
}

fn lockfile(set: &FixtureSet, versions: &[(&str, &str)]) -> Value {
    let mut packages = serde_json::Map::new();
    let mut deps = serde_json::Map::new();
    for (name, version) in versions {
        deps.insert(name.to_string(), json!(version));
        packages.insert(
            format!("node_modules/{name}"),
            json!({
                "version": version,
                "resolved": format!("https://registry.npm.example{}", fixtures::tarball_path(name, version)),
                "integrity": set.integrity[&format!("{name}@{version}")],
            }),
        );
    }
    packages.insert(
        String::new(),
        json!({"name": "app", "version": "1.0.0", "dependencies": deps}),
    );
    json!({"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": packages})
}

struct Project {
    dir: tempfile::TempDir,
    cache: PathBuf,
}

impl Project {
    fn new(reg: &TestRegistry) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join(".npmrc"),
            format!("registry={}\n", reg.url()),
        )
        .unwrap();
        std::fs::write(
            dir.path().join("package.json"),
            r#"{"name":"app","version":"1.0.0"}"#,
        )
        .unwrap();
        let cache = dir.path().join(".cache");
        Self { dir, cache }
    }

    fn lock(&self, v: &Value) {
        std::fs::write(
            self.dir.path().join("package-lock.json"),
            serde_json::to_vec_pretty(v).unwrap(),
        )
        .unwrap();
    }

    fn config(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("supply-chain/config.toml")).unwrap()
    }

    fn warden(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::cargo_bin("warden")
            .expect("the warden binary")
            .current_dir(self.dir.path())
            .env(
                "NPM_CONFIG_USERCONFIG",
                self.dir.path().join("no-user-npmrc"),
            )
            .env(
                "NPM_CONFIG_GLOBALCONFIG",
                self.dir.path().join("no-global-npmrc"),
            )
            .env("WARDEN_CACHE", &self.cache)
            .env("WARDEN_DATA", self.dir.path().join(".data"))
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("warden runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn check_json(&self) -> Value {
        let (_, out, err) = self.warden(&["check", "--now", NOW, "--format", "json"]);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"))
    }
}

fn verdict<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} judged: {report}"))
}

fn reason<'a>(v: &'a Value, rule: &str) -> Option<&'a Value> {
    v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == rule)
}

#[test]
fn provenance_gate_identity_change_gap_invalid_and_verified() {
    let (reg, set) = registry();
    let p = Project::new(&reg);

    // Freeze the old tree; init pins the publisher it can verify.
    p.lock(&lockfile(
        &set,
        &[
            (PROVTEST, "1.0.3"),
            (GOGGLES, "1.0.4"),
            ("gap-lib", "1.0.0"),
            ("gundam-visor", "1.0.0"),
            ("sigstore", "2.3.0"),
        ],
    ));
    let (code, out, err) = p.warden(&["init"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("pinned the provenance identity of 1 packages"),
        "{out}{err}"
    );
    let config: warden_policy::config::Config =
        warden_policy::config::Config::parse("config.toml", &p.config()).unwrap();
    let pin = &config.trusted_publishers[PROVTEST];
    assert_eq!(
        pin.repository,
        "https://github.com/laurentsimon/provenance-npm-test"
    );
    assert_eq!(pin.workflow, ".github/workflows/release.yml");
    assert_eq!(config.trusted_publishers.len(), 1, "{}", p.config());
    // Repository A: the identity the goggles history was published from.
    let mut text = p.config();
    text.push_str(&format!(
        "\n[trusted-publishers.\"{GOGGLES}\"]\nrepository = \"https://github.com/trishankatdatadog/goggles-a\"\nworkflow = \".github/workflows/npm-publish.yml\"\n"
    ));
    std::fs::write(p.dir.path().join("supply-chain/config.toml"), text).unwrap();
    let (code, out, err) = p.warden(&["check", "--now", NOW]);
    assert_eq!(code, 0, "the frozen tree passes: {out}{err}");

    // The new versions arrive; sigstore's attestations are listed but not served.
    let sigstore_doc = fixtures::attestations_path("sigstore", "2.3.1");
    reg.knob(&sigstore_doc, Knob::NotFound);
    p.lock(&lockfile(
        &set,
        &[
            (PROVTEST, "1.0.5"),
            (GOGGLES, "1.0.5"),
            ("gap-lib", "1.1.0"),
            ("gundam-visor", "1.0.1"),
            ("sigstore", "2.3.1"),
        ],
    ));
    let report = p.check_json();
    assert_eq!(report["passed"], false);

    // Repository A → B, with a valid bundle: denied.
    let goggles = verdict(&report, GOGGLES);
    assert_eq!(goggles["decision"]["decision"], "deny", "{goggles}");
    let r = reason(goggles, "provenance-identity-change").expect("identity change");
    assert_eq!(r["action"], "deny");
    let m = r["message"].as_str().unwrap();
    assert!(
        m.contains("trishankatdatadog/supreme-goggles") && m.contains("goggles-a"),
        "{m}"
    );
    // The vetted version's pinned workflow → another workflow: denied.
    let provtest = verdict(&report, PROVTEST);
    assert_eq!(provtest["decision"]["decision"], "deny", "{provtest}");
    let m = reason(provtest, "provenance-identity-change").expect("identity change")["message"]
        .as_str()
        .unwrap();
    assert!(
        m.contains("release-slsa3.yml") && m.contains("release.yml"),
        "{m}"
    );
    // Gap: review, not deny.
    let gap = verdict(&report, "gap-lib");
    assert_eq!(gap["decision"]["decision"], "review", "{gap}");
    assert_eq!(reason(gap, "provenance-gap").unwrap()["action"], "review");
    // Invalid: a tampered SET, and a listed document the registry does not serve.
    let gundam = verdict(&report, "gundam-visor");
    assert_eq!(gundam["decision"]["decision"], "deny", "{gundam}");
    let m = reason(gundam, "provenance-invalid").expect("invalid")["message"]
        .as_str()
        .unwrap();
    assert!(m.contains("provenance.rekor_set"), "{m}");
    let sigstore = verdict(&report, "sigstore");
    assert_eq!(sigstore["decision"]["decision"], "deny", "{sigstore}");
    let m = reason(sigstore, "provenance-invalid").expect("invalid")["message"]
        .as_str()
        .unwrap();
    assert!(m.contains("serves none"), "{m}");
    let trust = &report["summary"]["trust"];
    assert_eq!(
        trust["provenance"],
        json!({"verified": 0, "gap": 1, "identity_change": 2, "invalid": 2}),
        "{trust}"
    );
    assert_eq!(trust["signatures"]["verified"], 5, "{trust}");
    let (_, human, _) = p.warden(&["check", "--now", NOW]);
    assert!(
        human.contains("signatures: 5 verified / 0 missing / 0 invalid; provenance: 0 verified / 1 gap / 2 identity change / 2 invalid"),
        "{human}"
    );

    // Served now: verified, shown as evidence; still to be vetted by a person.
    reg.clear_knob(&sigstore_doc);
    let report = p.check_json();
    let sigstore = verdict(&report, "sigstore");
    assert_eq!(sigstore["decision"]["decision"], "review", "{sigstore}");
    let m = reason(sigstore, "provenance-verified").expect("verified")["message"]
        .as_str()
        .unwrap();
    assert!(m.contains("https://github.com/sigstore/sigstore-js"), "{m}");
    assert_eq!(report["summary"]["trust"]["provenance"]["verified"], 1);

    // `warden provenance NAME@VERSION` answers from the results cache: no document fetched.
    let fetched = reg.requests_to(&sigstore_doc).len();
    let (code, out, err) = p.warden(&["provenance", "sigstore@2.3.1", "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["verified"], true);
    assert_eq!(
        v["identity"]["source_repository"],
        "https://github.com/sigstore/sigstore-js"
    );
    assert_eq!(v["failures"], json!([]));
    assert_eq!(reg.requests_to(&sigstore_doc).len(), fetched);
    let (code, out, _) = p.warden(&["provenance", "gundam-visor@1.0.1"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("failed provenance.rekor_set"), "{out}");
    let (code, out, _) = p.warden(&["provenance", "gap-lib@1.1.0", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["failures"][0]["name"], "provenance.present");

    // Certify: the audit is recorded and the publisher pinned; the version is allowed.
    let (code, out, err) = p.warden(&[
        "certify",
        "sigstore",
        "2.3.1",
        "--criteria",
        "safe-to-deploy",
        "--who",
        "Ada <ada@example.com>",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("pinned its provenance identity"), "{out}");
    let config = warden_policy::config::Config::parse("config.toml", &p.config()).unwrap();
    assert_eq!(
        config.trusted_publishers["sigstore"].repository,
        "https://github.com/sigstore/sigstore-js"
    );
    assert_eq!(
        config.trusted_publishers["sigstore"].workflow,
        ".github/workflows/release.yml"
    );
    let report = p.check_json();
    assert_eq!(
        verdict(&report, "sigstore")["decision"]["decision"],
        "allow"
    );
}

/// A made-up package signed by the test Sigstore: 1.0.0 from repository A (vetted), 1.1.0 with a
/// valid bundle from repository B, 1.2.0 from A again.
#[test]
fn test_sigstore_history_from_repository_a_then_a_valid_bundle_from_b_is_denied() {
    use warden_test_registry::sigstore::TestSigstore;
    let sigstore = TestSigstore::new();
    const A: &str = "https://github.com/acme/ci-lib";
    const B: &str = "https://github.com/mallory/ci-lib";
    const WF: &str = ".github/workflows/release.yml";
    let versions = [
        ("1.0.0", A, "2025-01-01T00:00:00.000Z", 1_735_689_600),
        ("1.1.0", B, "2025-02-01T00:00:00.000Z", 1_738_368_000),
        ("1.2.0", A, "2025-03-01T00:00:00.000Z", 1_740_787_200),
    ];
    let specs: Vec<PackageSpec> = versions
        .iter()
        .map(|(v, repo, time, at)| {
            let mut s = PackageSpec::new("ci-lib", v);
            s.time = Some(time.to_string());
            s.files = vec![(
                "index.js".into(),
                format!("module.exports = '{v}'\n").into(),
            )];
            let tgz = fixtures::build_tarball(&s);
            s.attestations = Some(sigstore.attestations("ci-lib", v, &tgz, repo, WF, *at));
            s.tarball = Some(tgz);
            s
        })
        .collect();
    let mut specs = specs;
    // A pinned package whose releases never listed attestations.
    for (v, time) in [
        ("1.0.0", "2025-01-01T00:00:00.000Z"),
        ("1.1.0", "2025-02-01T00:00:00.000Z"),
    ] {
        let mut s = PackageSpec::new("pinned-lib", v);
        s.time = Some(time.into());
        specs.push(s);
    }
    let set = fixtures::build(&specs);
    let reg = TestRegistry::start();
    reg.publish(&set);
    let p = Project::new(&reg);
    let root = p.dir.path().join("test-trusted-root.json");
    std::fs::write(&root, sigstore.trusted_root()).unwrap();
    let root = root.to_str().unwrap().to_string();
    p.lock(&lockfile(&set, &[("ci-lib", "1.0.0")]));
    let (code, out, err) = p.warden(&["init"]);
    assert_eq!(code, 0, "{out}{err}");

    let check = |extra: &[&str]| -> Value {
        let mut args = vec!["check", "--now", NOW, "--format", "json"];
        args.extend_from_slice(extra);
        let (_, out, err) = p.warden(&args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"))
    };
    // B after A, the vetted version's identity: denied.
    p.lock(&lockfile(&set, &[("ci-lib", "1.1.0")]));
    let report = check(&["--trusted-root", &root]);
    let v = verdict(&report, "ci-lib");
    assert_eq!(v["decision"]["decision"], "deny", "{v}");
    let r = reason(v, "provenance-identity-change").expect("identity change");
    let m = r["message"].as_str().unwrap();
    assert!(
        m.contains("mallory/ci-lib") && m.contains("acme/ci-lib"),
        "{m}"
    );
    assert!(reason(v, "provenance-invalid").is_none(), "{v}");

    // A again: verified, shown as evidence, nothing denies.
    p.lock(&lockfile(&set, &[("ci-lib", "1.2.0")]));
    let report = check(&["--trusted-root", &root]);
    let v = verdict(&report, "ci-lib");
    assert_eq!(v["decision"]["decision"], "review", "{v}");
    let m = reason(v, "provenance-verified").expect("verified")["message"]
        .as_str()
        .unwrap();
    assert!(m.contains(A), "{m}");

    // A pinned publisher and no provenance: a gap even without attested history.
    p.lock(&lockfile(
        &set,
        &[("ci-lib", "1.0.0"), ("pinned-lib", "1.0.0")],
    ));
    let (code, out, err) = p.warden(&["init", "--force"]);
    assert_eq!(code, 0, "{out}{err}");
    let mut text = p.config();
    text.push_str("\n[trusted-publishers.pinned-lib]\nrepository = \"https://github.com/acme/pinned-lib\"\nworkflow = \".github/workflows/release.yml\"\n");
    std::fs::write(p.dir.path().join("supply-chain/config.toml"), text).unwrap();
    p.lock(&lockfile(
        &set,
        &[("ci-lib", "1.2.0"), ("pinned-lib", "1.1.0")],
    ));
    let report = check(&["--trusted-root", &root]);
    let v = verdict(&report, "pinned-lib");
    assert_eq!(v["decision"]["decision"], "review", "{v}");
    let m = reason(v, "provenance-gap").expect("gap")["message"]
        .as_str()
        .unwrap();
    assert!(
        m.contains("trusted-publishers") && m.contains("acme/pinned-lib"),
        "{m}"
    );
    assert_eq!(report["summary"]["trust"]["provenance"]["gap"], 1);

    // The public-good root does not trust the test CA: invalid, denied.
    let report = check(&[]);
    let v = verdict(&report, "ci-lib");
    assert_eq!(v["decision"]["decision"], "deny", "{v}");
    let m = reason(v, "provenance-invalid").expect("invalid")["message"]
        .as_str()
        .unwrap();
    assert!(m.contains("provenance.cert_chain"), "{m}");
}
