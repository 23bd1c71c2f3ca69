//! `warden patch apply`, then `check`, `sbom` and `vex` on the patched tree, end to end with the
//! real npm (scripts off, lockfile only) against the in-process test registry. tinyargs 0.2.1
//! (crates/warden-patch/tests/fixtures/tinyargs/) has a prototype-pollution bug fixed in 1.2.6;
//! `wrapper@1.0.0` depends on tinyargs 0.2.1, so the vulnerable copy is nested under it
//! (`node_modules/wrapper/node_modules/tinyargs`) beside a direct tinyargs 1.2.6.
//!
//! The tests need npm on PATH; without it they say so loudly and pass (CI installs node).

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use warden_test_registry::TestRegistry;
use warden_test_registry::fixtures::{PackageSpec, build};

fn source(version: &str, file: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../warden-patch/tests/fixtures/tinyargs")
        .join(version)
        .join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/patch-apply")
        .join(name)
}

fn registry() -> TestRegistry {
    let mut specs: Vec<PackageSpec> = ["0.2.1", "1.2.5", "1.2.6"]
        .iter()
        .map(|v| {
            let mut s = PackageSpec::new("tinyargs", v);
            s.files = vec![
                ("index.js".into(), source(v, "index.js")),
                ("README.md".into(), source(v, "README.md")),
            ];
            s
        })
        .collect();
    let mut wrapper = PackageSpec::new("wrapper", "1.0.0");
    wrapper.dependencies = vec![("tinyargs".into(), "0.2.1".into())];
    wrapper.files = vec![(
        "index.js".into(),
        b"module.exports = require('tinyargs');\n".to_vec(),
    )];
    specs.push(wrapper);
    let reg = TestRegistry::start();
    reg.publish(&build(&specs));
    reg
}

fn have_npm() -> bool {
    let found = Command::new("npm").arg("--version").output().is_ok();
    if !found {
        eprintln!("\n!!!!!!!! SKIPPED: npm is not on PATH !!!!!!!!\n");
    }
    found
}

struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    /// A project whose package.json is `manifest`, locked by npm against `reg`.
    fn new(reg: &TestRegistry, manifest: &str) -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        for d in ["app", "home", "data"] {
            std::fs::create_dir_all(tmp.path().join(d)).expect("mkdir");
        }
        let app = tmp.path().join("app");
        std::fs::write(app.join(".npmrc"), format!("registry={}\n", reg.url())).expect("npmrc");
        std::fs::write(app.join("package.json"), manifest).expect("package.json");
        let p = Self { tmp };
        let mut npm = Command::new("npm");
        let out = p
            .env(&mut npm)
            .args(["install", "--package-lock-only", "--ignore-scripts"])
            .current_dir(p.app())
            .output()
            .expect("npm runs");
        assert!(
            out.status.success(),
            "npm: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        p
    }

    fn app(&self) -> PathBuf {
        self.tmp.path().join("app")
    }

    fn env<'a>(&self, c: &'a mut Command) -> &'a mut Command {
        for (k, _) in std::env::vars() {
            if k.to_ascii_lowercase().starts_with("npm_config_") || k == "WARDEN_CACHE" {
                c.env_remove(k);
            }
        }
        c.env("HOME", self.tmp.path().join("home"))
            .env("NPM_CONFIG_GLOBALCONFIG", self.tmp.path().join("none"))
            .env("NPM_CONFIG_UPDATE_NOTIFIER", "false")
            .env("SOURCE_DATE_EPOCH", "1700000000")
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("warden"));
        self.env(&mut c)
            .arg("--dir")
            .arg(self.app())
            .arg("--cache-dir")
            .arg(self.tmp.path().join("cache"))
            .args(args)
            .output()
            .expect("warden runs")
    }

    fn data(&self) -> String {
        self.tmp.path().join("data").display().to_string()
    }

    fn lock(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.app().join("package-lock.json")).expect("lock"))
            .expect("json")
    }

    fn package_json(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.app().join("package.json")).expect("read"))
            .expect("json")
    }

    /// Backport the fix onto 0.2.1 and build it.
    fn backport_and_build(&self) -> Value {
        ok(&self.run(&[
            "--format",
            "json",
            "patch",
            "backport",
            "tinyargs@0.2.1",
            "--advisory",
            "GHSA-test-0001",
            "--fixed",
            "1.2.6",
        ]));
        ok(&self.run(&["--format", "json", "patch", "build"]))
    }
}

fn ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const NESTED: &str = r#"{
  "name": "app",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "wrapper": "1.0.0",
    "tinyargs": "^1.2.6"
  }
}
"#;

const DIRECT: &str = r#"{
    "name": "direct-app",
    "version": "1.0.0",
    "dependencies": {
        "tinyargs": "^0.2.1"
    }
}
"#;

const NESTED_KEY: &str = "node_modules/wrapper/node_modules/tinyargs";
const TARBALL: &str = "file:supply-chain/patched/tinyargs-0.2.1-warden.1.tgz";

fn verdict<'a>(check: &'a Value, version: &str) -> &'a Value {
    check["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|v| v["name"] == "tinyargs" && v["version"] == version)
        .unwrap_or_else(|| panic!("no verdict for tinyargs@{version}: {check}"))
}

fn rules(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| format!("{}: {}", r["rule"].as_str().unwrap_or(""), r["message"]))
        .collect()
}

/// The nested project, frozen (`warden init`), with the advisories synced, then backported,
/// built and applied. Returns the project, the build's integrity and the `apply` report.
fn applied_nested(reg: &TestRegistry) -> (Project, String, Value) {
    let p = Project::new(reg, NESTED);
    assert_eq!(p.lock()["packages"][NESTED_KEY]["version"], "0.2.1");
    // Freeze the tree: tinyargs 0.2.1 is vetted (an exemption), as a project in use has it.
    let init = p.run(&["init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let osv = fixture("tinyargs-osv.json");
    let data = p.data();
    let sync = p.run(&[
        "advisories",
        "sync",
        osv.to_str().expect("utf-8"),
        "--data-dir",
        &data,
    ]);
    assert!(sync.status.success(), "{}", stderr(&sync));
    // Before: the advisory is reported against 0.2.1.
    let before = ok(&p.run(&["--format", "json", "check", "--data-dir", &data]));
    let r = rules(verdict(&before, "0.2.1")).join("\n");
    assert!(r.contains("GHSA-test-0001"), "{r}");

    let built = p.backport_and_build();
    let integrity = built["built"][0]["integrity"]
        .as_str()
        .expect("integrity")
        .to_string();
    let started = std::time::Instant::now();
    let applied = ok(&p.run(&["--format", "json", "patch", "apply"]));
    eprintln!("patch apply (two npm refreshes): {:.2?}", started.elapsed());
    (p, integrity, applied)
}

#[test]
fn apply_points_a_nested_copy_at_the_build_and_check_treats_it_as_vetted() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let (p, integrity, applied) = applied_nested(&reg);
    let integrity = integrity.as_str();
    let data = p.data();
    assert_eq!(applied["package_manager"], "npm");
    assert_eq!(applied["lockfile_refreshed"], true);
    let a = &applied["applied"][0];
    assert_eq!(a["version"], "0.2.1-warden.1");
    assert_eq!(a["override"]["keys"], serde_json::json!(["tinyargs@0.2.1"]));
    assert_eq!(
        a["direct"],
        serde_json::json!([]),
        "the direct 1.2.6 is left alone"
    );

    // package.json: the override is added at the end, relative (portable), order kept.
    let text = std::fs::read_to_string(p.app().join("package.json")).expect("read");
    assert!(text.starts_with("{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n  \"dependencies\": {\n    \"wrapper\": \"1.0.0\",\n    \"tinyargs\": \"^1.2.6\"\n  },\n  \"overrides\": {"), "{text}");
    assert!(text.ends_with("}\n"));
    assert_eq!(p.package_json()["overrides"]["tinyargs@0.2.1"], TARBALL);
    assert!(
        !text.contains(&p.app().display().to_string()),
        "no absolute path left: {text}"
    );

    // The lockfile: the nested copy is the build, relative path, recorded integrity.
    let lock = p.lock();
    let nested = &lock["packages"][NESTED_KEY];
    assert_eq!(nested["version"], "0.2.1-warden.1");
    assert_eq!(nested["resolved"], TARBALL);
    assert_eq!(nested["integrity"], integrity);
    assert_eq!(
        lock["packages"]["node_modules/tinyargs"]["version"],
        "1.2.6"
    );
    let tgz = std::fs::read(
        p.app()
            .join("supply-chain/patched/tinyargs-0.2.1-warden.1.tgz"),
    )
    .expect("the build is in the project");
    assert_eq!(warden_patch::integrity_sha512(&tgz), integrity);

    // Applying again changes nothing.
    let pj = std::fs::read(p.app().join("package.json")).expect("read");
    ok(&p.run(&["--format", "json", "patch", "apply", "tinyargs@0.2.1"]));
    assert_eq!(
        std::fs::read(p.app().join("package.json")).expect("read"),
        pj
    );

    // check: vetted through its base, the fixed advisory resolved, the other one still open.
    let after = ok(&p.run(&["--format", "json", "check", "--data-dir", &data]));
    let v = verdict(&after, "0.2.1-warden.1");
    assert!(!v["vetted"].is_null(), "vetted through 0.2.1: {v}");
    let r = rules(v).join("\n");
    assert!(r.contains("patched-build"), "{r}");
    assert!(
        r.contains("GHSA-test-0009"),
        "the unfixed advisory stays: {r}"
    );
    assert!(!r.contains("vulnerability: \"GHSA-test-0001"), "{r}");
    assert!(!r.contains("evidence-missing"), "{r}");

    // A lockfile whose patched entry has another integrity is not vetted (fail closed).
    let lockfile = p.app().join("package-lock.json");
    let forged = std::fs::read_to_string(&lockfile)
        .expect("read")
        .replace(integrity, "sha512-rODe2a8x+CA/3sh/du/WAjqfdL+dT6Eduuua1bKZiueZbKjYPO02UmKr/EtPcpZcAi21mudSQr/UsLOqs5Dabg==");
    std::fs::write(&lockfile, forged).expect("write");
    let out = p.run(&["--format", "json", "check", "--data-dir", &data]);
    let forged: Value = serde_json::from_slice(&out.stdout).expect("json");
    let v = verdict(&forged, "0.2.1-warden.1");
    assert!(v["vetted"].is_null(), "{v}");
    assert_ne!(v["decision"], "allow", "{v}");
    let r = rules(v).join("\n");
    assert!(r.contains("is not the build recorded"), "{r}");
}

#[test]
fn apply_rewrites_a_direct_dependency_on_the_base_version() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let p = Project::new(&reg, DIRECT);
    p.backport_and_build();
    let applied = ok(&p.run(&["--format", "json", "patch", "apply"]));
    assert_eq!(
        applied["applied"][0]["direct"],
        serde_json::json!(["dependencies"])
    );
    let text = std::fs::read_to_string(p.app().join("package.json")).expect("read");
    assert!(
        text.contains("\n    \"dependencies\": {\n        \"tinyargs\": \"file:"),
        "four-space indent kept: {text}"
    );
    let pj = p.package_json();
    assert_eq!(pj["dependencies"]["tinyargs"], TARBALL);
    assert_eq!(pj["overrides"]["tinyargs@0.2.1"], TARBALL);
    let lock = p.lock();
    assert_eq!(
        lock["packages"]["node_modules/tinyargs"]["version"],
        "0.2.1-warden.1"
    );
    assert_eq!(lock["packages"][""]["dependencies"]["tinyargs"], TARBALL);
}

#[test]
fn apply_refuses_unbuilt_and_tampered_builds_and_reports_a_missing_npm() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let p = Project::new(&reg, NESTED);
    let original = std::fs::read(p.app().join("package.json")).expect("read");

    // Nothing patched yet.
    let out = p.run(&["patch", "apply"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no patched packages"),
        "{}",
        stderr(&out)
    );

    // Backported but not built.
    ok(&p.run(&[
        "--format",
        "json",
        "patch",
        "backport",
        "tinyargs@0.2.1",
        "--advisory",
        "GHSA-test-0001",
        "--fixed",
        "1.2.6",
    ]));
    let out = p.run(&["patch", "apply", "tinyargs@0.2.1"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("run `warden patch build`"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(p.app().join("package.json")).expect("read"),
        original
    );

    // A package with no patches.
    let out = p.run(&["patch", "apply", "wrapper@1.0.0"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("wrapper@1.0.0: no patches"),
        "{}",
        stderr(&out)
    );

    // Built, but the tarball in the project is not the recorded build.
    ok(&p.run(&["--format", "json", "patch", "build"]));
    let tgz = p
        .app()
        .join("supply-chain/patched/tinyargs-0.2.1-warden.1.tgz");
    std::fs::create_dir_all(tgz.parent().expect("parent")).expect("mkdir");
    std::fs::write(&tgz, b"not the build").expect("write");
    let out = p.run(&["patch", "apply"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("differs from patch.toml's record"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(p.app().join("package.json")).expect("read"),
        original
    );
    std::fs::remove_file(&tgz).expect("rm");

    // No npm on PATH: a clear error naming what to run, package.json untouched.
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("warden"));
    let out = p
        .env(&mut c)
        .env("PATH", p.tmp.path().join("empty"))
        .arg("--dir")
        .arg(p.app())
        .arg("--cache-dir")
        .arg(p.tmp.path().join("cache"))
        .args(["patch", "apply"])
        .output()
        .expect("warden runs");
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("npm is not installed"), "{e}");
    assert!(
        e.contains("npm install --package-lock-only --ignore-scripts"),
        "{e}"
    );
    assert_eq!(
        std::fs::read(p.app().join("package.json")).expect("read"),
        original
    );

    // --no-refresh only edits package.json.
    let lock_before = std::fs::read(p.app().join("package-lock.json")).expect("lock");
    let applied = ok(&p.run(&["--format", "json", "patch", "apply", "--no-refresh"]));
    assert_eq!(applied["lockfile_refreshed"], false);
    assert_eq!(p.package_json()["overrides"]["tinyargs@0.2.1"], TARBALL);
    assert_eq!(
        std::fs::read(p.app().join("package-lock.json")).expect("lock"),
        lock_before
    );
}

/// The npm refresh failing (here: a registry that is gone) puts package.json back.
#[test]
fn a_failed_refresh_restores_package_json() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let p = Project::new(&reg, NESTED);
    p.backport_and_build();
    let original = std::fs::read(p.app().join("package.json")).expect("read");
    std::fs::remove_file(p.app().join("package-lock.json")).expect("rm");
    std::fs::write(
        p.app().join(".npmrc"),
        "registry=http://127.0.0.1:9/\nfetch-retries=0\n",
    )
    .expect("npmrc");
    let out = p.run(&["patch", "apply"]);
    assert!(!out.status.success());
    let e = stderr(&out);
    assert!(e.contains("failed"), "{e}");
    assert!(e.contains("package.json was restored"), "{e}");
    assert_eq!(
        std::fs::read(p.app().join("package.json")).expect("read"),
        original
    );
}

fn have_jsonschema() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = "python3 cannot import jsonschema: pip install -r ../shared/fixtures/schemas/requirements.txt to run the schema checks";
        if std::env::var_os("WARDEN_REQUIRE_PYTHON").is_some_and(|v| v == "1") {
            panic!("{msg}");
        }
        eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    }
    found
}

/// Validates `doc` against the official schema `kind` with ../shared/fixtures/schemas/validate.py.
fn validate(kind: &str, doc: &[u8]) {
    if !have_jsonschema() {
        return;
    }
    let tmp = tempfile::NamedTempFile::new().expect("a temp file");
    std::fs::write(tmp.path(), doc).expect("write");
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/schemas/validate.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(kind)
        .arg(tmp.path())
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.trim() == "valid",
        "{kind}: validate.py says:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stdout(out: &Output) -> Vec<u8> {
    assert!(out.status.success(), "{}", stderr(out));
    out.stdout.clone()
}

fn statement<'a>(vex: &'a Value, id: &str) -> &'a Value {
    vex["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .find(|s| s["vulnerability"]["name"] == id)
        .unwrap_or_else(|| panic!("no statement for {id}: {vex}"))
}

#[test]
fn sbom_and_vex_prove_the_patched_build_and_validate_and_sign() {
    if !have_npm() {
        return;
    }
    let reg = registry();
    let (p, integrity, _) = applied_nested(&reg);
    let base_hex = {
        let toml = std::fs::read_to_string(
            p.app()
                .join("supply-chain/patches/tinyargs@0.2.1/patch.toml"),
        )
        .expect("patch.toml");
        let sri = toml
            .lines()
            .find_map(|l| l.strip_prefix("base-integrity = \""))
            .and_then(|l| l.strip_suffix('"'))
            .expect("base-integrity")
            .to_string();
        let i = warden_lockfile::Integrity::parse(&sri).expect("sri");
        i.strongest()
            .digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };

    // CycloneDX 1.6 and 1.5: the patched component carries its pedigree.
    let cdx = stdout(&p.run(&["sbom"]));
    validate("cyclonedx-1.6", &cdx);
    validate(
        "cyclonedx-1.5",
        &stdout(&p.run(&["sbom", "--spec-version", "1.5"])),
    );
    let bom: Value = serde_json::from_slice(&cdx).expect("json");
    let comps = bom["components"].as_array().expect("components");
    let patched = comps
        .iter()
        .find(|c| c["version"] == "0.2.1-warden.1")
        .expect("the patched component");
    let ped = &patched["pedigree"];
    assert_eq!(ped["ancestors"][0]["purl"], "pkg:npm/tinyargs@0.2.1");
    assert_eq!(
        ped["ancestors"][0]["hashes"][0]["content"],
        base_hex.as_str()
    );
    assert_eq!(ped["patches"][0]["type"], "backport");
    assert!(
        ped["patches"][0]["diff"]["text"]["content"]
            .as_str()
            .is_some_and(|d| d.contains("isConstructorOrProto")),
        "{ped}"
    );
    assert_eq!(ped["patches"][0]["resolves"][0]["id"], "GHSA-test-0001");
    let direct = comps
        .iter()
        .find(|c| c["version"] == "1.2.6")
        .expect("tinyargs 1.2.6");
    assert!(
        direct.get("pedigree").is_none(),
        "an upstream release has none"
    );

    // SPDX 2.3: the upstream release as its own element, the patch as a file.
    let spdx_bytes = stdout(&p.run(&["sbom", "--spec", "spdx"]));
    validate("spdx-2.3", &spdx_bytes);
    let spdx: Value = serde_json::from_slice(&spdx_bytes).expect("json");
    let upstream = spdx["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|x| x["SPDXID"] == "SPDXRef-Package-npm-tinyargs-0.2.1-upstream")
        .expect("the upstream element");
    assert_eq!(upstream["versionInfo"], "0.2.1");
    assert_eq!(
        spdx["files"][0]["fileName"],
        "./supply-chain/patches/tinyargs@0.2.1/0001-ghsa-test-0001.patch"
    );
    let rels: Vec<String> = spdx["relationships"]
        .as_array()
        .expect("relationships")
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["spdxElementId"].as_str().unwrap_or(""),
                r["relationshipType"].as_str().unwrap_or(""),
                r["relatedSpdxElement"].as_str().unwrap_or("")
            )
        })
        .collect();
    for want in [
        "SPDXRef-Package-npm-tinyargs-0.2.1-warden.1 DESCENDANT_OF SPDXRef-Package-npm-tinyargs-0.2.1-upstream",
        "SPDXRef-File-patch-tinyargs-0.2.1-warden.1-1 PATCH_FOR SPDXRef-Package-npm-tinyargs-0.2.1-upstream",
        "SPDXRef-File-patch-tinyargs-0.2.1-warden.1-1 PATCH_APPLIED SPDXRef-Package-npm-tinyargs-0.2.1-warden.1",
    ] {
        assert!(rels.iter().any(|r| r == want), "{want} not in {rels:#?}");
    }

    // OpenVEX: fixed on the patched product; the unfixed advisory is still open there.
    let db = p.tmp.path().join("data/advisories.sqlite3");
    let db = db.to_str().expect("utf-8");
    let vex_bytes = stdout(&p.run(&["vex", "--advisory-db", db]));
    validate("openvex-0.2", &vex_bytes);
    let vex: Value = serde_json::from_slice(&vex_bytes).expect("json");
    let fixed = statement(&vex, "GHSA-test-0001");
    assert_eq!(fixed["status"], "fixed");
    let product = fixed["products"][0]["@id"].as_str().expect("product");
    assert!(
        product.starts_with("pkg:npm/tinyargs@0.2.1-warden.1?download_url="),
        "{product}"
    );
    let open = statement(&vex, "GHSA-test-0009");
    assert_eq!(open["status"], "under_investigation");
    validate(
        "cyclonedx-1.6",
        &stdout(&p.run(&["vex", "--spec", "cyclonedx", "--advisory-db", db])),
    );

    // Both can be signed with warden attest and verified.
    let keys = p.tmp.path().join("k");
    stdout(&p.run(&["keygen", "--out", keys.to_str().expect("utf-8")]));
    for (name, bytes) in [("bom.json", &cdx), ("vex.json", &vex_bytes)] {
        let doc = p.tmp.path().join(name);
        std::fs::write(&doc, bytes).expect("write");
        let env = p.tmp.path().join(format!("{name}.intoto.json"));
        stdout(&p.run(&[
            "attest",
            doc.to_str().expect("utf-8"),
            "--key",
            p.tmp.path().join("k.key").to_str().expect("utf-8"),
            "-o",
            env.to_str().expect("utf-8"),
        ]));
        stdout(&p.run(&[
            "verify",
            env.to_str().expect("utf-8"),
            "--key",
            p.tmp.path().join("k.pub").to_str().expect("utf-8"),
            "--subject",
            doc.to_str().expect("utf-8"),
        ]));
    }

    // A lockfile entry with another integrity gets no pedigree and no `fixed`.
    let lockfile = p.app().join("package-lock.json");
    let forged = std::fs::read_to_string(&lockfile).expect("read").replace(
        &integrity,
        "sha512-rODe2a8x+CA/3sh/du/WAjqfdL+dT6Eduuua1bKZiueZbKjYPO02UmKr/EtPcpZcAi21mudSQr/UsLOqs5Dabg==",
    );
    std::fs::write(&lockfile, forged).expect("write");
    let bom: Value = serde_json::from_slice(&stdout(&p.run(&["sbom"]))).expect("json");
    assert!(
        !bom["components"]
            .as_array()
            .expect("components")
            .iter()
            .any(|c| c.get("pedigree").is_some()),
        "no pedigree for a tarball warden did not build"
    );
    let vex: Value =
        serde_json::from_slice(&stdout(&p.run(&["vex", "--advisory-db", db]))).expect("json");
    assert_eq!(
        statement(&vex, "GHSA-test-0001")["status"],
        "under_investigation"
    );
}

/// yarn 1: `resolutions` keyed by the parent (`wrapper/tinyargs`) so the direct tinyargs
/// 1.2.6 keeps its version; yarn.lock records only a sha1 for a `file:` tarball, which check
/// verifies against the project's copy of the build.
#[test]
fn yarn_resolutions_point_the_nested_copy_at_the_build() {
    let has_yarn = Command::new("yarn")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).starts_with("1."));
    if !have_npm() || !has_yarn {
        eprintln!("\n!!!!!!!! SKIPPED: yarn 1 is not on PATH (npm i -g yarn) !!!!!!!!\n");
        return;
    }
    let reg = registry();
    let p = Project::new(&reg, NESTED);
    std::fs::remove_file(p.app().join("package-lock.json")).expect("rm");
    let mut yarn = Command::new("yarn");
    let out = p
        .env(&mut yarn)
        .args(["install", "--ignore-scripts", "--non-interactive"])
        .current_dir(p.app())
        .output()
        .expect("yarn runs");
    assert!(out.status.success(), "yarn: {}", stderr(&out));
    let init = p.run(&["init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    p.backport_and_build();
    let applied = ok(&p.run(&["--format", "json", "patch", "apply"]));
    assert_eq!(applied["package_manager"], "yarn");
    assert_eq!(
        applied["applied"][0]["override"]["keys"],
        serde_json::json!(["wrapper/tinyargs"])
    );
    assert_eq!(p.package_json()["resolutions"]["wrapper/tinyargs"], TARBALL);
    let lock = std::fs::read_to_string(p.app().join("yarn.lock")).expect("yarn.lock");
    assert!(lock.contains("version \"0.2.1-warden.1\""), "{lock}");
    assert!(
        lock.contains("version \"1.2.6\""),
        "the direct copy is untouched: {lock}"
    );
    let data = p.data();
    let check = ok(&p.run(&["--format", "json", "check", "--data-dir", &data]));
    let v = verdict(&check, "0.2.1-warden.1");
    assert!(!v["vetted"].is_null(), "{v}");
    // Without the project's copy of the build the sha1 cannot be checked: not vetted.
    std::fs::remove_file(
        p.app()
            .join("supply-chain/patched/tinyargs-0.2.1-warden.1.tgz"),
    )
    .expect("rm");
    let out = p.run(&["--format", "json", "check", "--data-dir", &data]);
    let check: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(verdict(&check, "0.2.1-warden.1")["vetted"].is_null());
}

/// pnpm: overrides go to pnpm-workspace.yaml for pnpm 10 and later (package.json's
/// `pnpm.overrides` before), keyed `NAME@VERSION`; the nested copy becomes the build.
#[test]
fn pnpm_overrides_point_the_nested_copy_at_the_build() {
    let major = Command::new("pnpm")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .split('.')
                .next()
                .and_then(|m| m.parse::<u32>().ok())
        });
    let Some(major) = major.filter(|_| have_npm()) else {
        eprintln!("\n!!!!!!!! SKIPPED: pnpm is not on PATH (npm i -g pnpm) !!!!!!!!\n");
        return;
    };
    let reg = registry();
    let p = Project::new(&reg, NESTED);
    std::fs::remove_file(p.app().join("package-lock.json")).expect("rm");
    let mut pnpm = Command::new("pnpm");
    let out = p
        .env(&mut pnpm)
        .args(["install", "--lockfile-only", "--ignore-scripts"])
        .current_dir(p.app())
        .output()
        .expect("pnpm runs");
    assert!(out.status.success(), "pnpm: {}", stderr(&out));
    let init = p.run(&["init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    p.backport_and_build();
    let applied = ok(&p.run(&["--format", "json", "patch", "apply"]));
    assert_eq!(applied["package_manager"], "pnpm");
    assert_eq!(
        applied["applied"][0]["override"]["keys"],
        serde_json::json!(["tinyargs@0.2.1"])
    );
    if major >= 10 {
        let ws = std::fs::read_to_string(p.app().join("pnpm-workspace.yaml")).expect("yaml");
        assert_eq!(
            ws,
            format!("overrides:\n  \"tinyargs@0.2.1\": \"{TARBALL}\"\n")
        );
        assert!(p.package_json().get("pnpm").is_none());
    } else {
        assert_eq!(
            p.package_json()["pnpm"]["overrides"]["tinyargs@0.2.1"],
            TARBALL
        );
    }
    let lock = std::fs::read_to_string(p.app().join("pnpm-lock.yaml")).expect("lock");
    assert!(lock.contains("version: 0.2.1-warden.1"), "{lock}");
    assert!(
        lock.contains("tinyargs@1.2.6"),
        "the direct copy is untouched: {lock}"
    );
    let data = p.data();
    let check = ok(&p.run(&["--format", "json", "check", "--data-dir", &data]));
    assert!(!verdict(&check, "0.2.1-warden.1")["vetted"].is_null());
}
