//! What the `warden patch apply` test binaries share (patch_apply.rs, patch_proof.rs,
//! patch_clients.rs): the test registry with tinyargs and `wrapper`, a project locked by a
//! real client, and the backport → build → apply sequence. Each binary uses a part of it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use warden_test_registry::TestRegistry;
use warden_test_registry::fixtures::{PackageSpec, build};

pub fn source(version: &str, file: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../warden-patch/tests/fixtures/tinyargs")
        .join(version)
        .join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/patch-apply")
        .join(name)
}

pub fn registry() -> TestRegistry {
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

pub fn have_npm() -> bool {
    let found = Command::new("npm").arg("--version").output().is_ok();
    if !found {
        skip("npm is not on PATH");
    }
    found
}

/// Says loudly that a test cannot run here. With `WARDEN_REQUIRE_CLIENTS=1` (set by .ci/run once
/// it has installed npm, pnpm and yarn) a missing client fails the test instead.
pub fn skip(msg: &str) {
    if std::env::var_os("WARDEN_REQUIRE_CLIENTS").is_some_and(|v| v == "1") {
        panic!("{msg}, and WARDEN_REQUIRE_CLIENTS=1 says it must be");
    }
    eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
}

pub struct Project {
    pub tmp: tempfile::TempDir,
}

impl Project {
    /// A project whose package.json is `manifest`, locked by npm against `reg`.
    pub fn new(reg: &TestRegistry, manifest: &str) -> Self {
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

    pub fn app(&self) -> PathBuf {
        self.tmp.path().join("app")
    }

    pub fn env<'a>(&self, c: &'a mut Command) -> &'a mut Command {
        for (k, _) in std::env::vars() {
            if k.to_ascii_lowercase().starts_with("npm_config_") || k == "WARDEN_CACHE" {
                c.env_remove(k);
            }
        }
        // yarn 1 run as root caches under /usr/local/share, not HOME: a build of the same name
        // and version from an earlier run must not be served from there.
        c.env("HOME", self.tmp.path().join("home"))
            .env("YARN_CACHE_FOLDER", self.tmp.path().join("yarn-cache"))
            .env("NPM_CONFIG_GLOBALCONFIG", self.tmp.path().join("none"))
            .env("NPM_CONFIG_UPDATE_NOTIFIER", "false")
            .env("SOURCE_DATE_EPOCH", "1700000000")
    }

    pub fn run(&self, args: &[&str]) -> Output {
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

    pub fn data(&self) -> String {
        self.tmp.path().join("data").display().to_string()
    }

    pub fn lock(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.app().join("package-lock.json")).expect("lock"))
            .expect("json")
    }

    pub fn package_json(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.app().join("package.json")).expect("read"))
            .expect("json")
    }

    /// Backport the fix onto 0.2.1 and build it.
    pub fn backport_and_build(&self) -> Value {
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

pub fn ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub const NESTED: &str = r#"{
  "name": "app",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "wrapper": "1.0.0",
    "tinyargs": "^1.2.6"
  }
}
"#;

pub const DIRECT: &str = r#"{
    "name": "direct-app",
    "version": "1.0.0",
    "dependencies": {
        "tinyargs": "^0.2.1"
    }
}
"#;

pub const NESTED_KEY: &str = "node_modules/wrapper/node_modules/tinyargs";
pub const TARBALL: &str = "file:supply-chain/patched/tinyargs-0.2.1-warden.1.tgz";

pub fn verdict<'a>(check: &'a Value, version: &str) -> &'a Value {
    check["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|v| v["name"] == "tinyargs" && v["version"] == version)
        .unwrap_or_else(|| panic!("no verdict for tinyargs@{version}: {check}"))
}

pub fn rules(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| format!("{}: {}", r["rule"].as_str().unwrap_or(""), r["message"]))
        .collect()
}

/// The nested project, frozen (`warden init`), with the advisories synced, then backported,
/// built and applied. Returns the project, the build's integrity and the `apply` report.
pub fn applied_nested(reg: &TestRegistry) -> (Project, String, Value) {
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

    let lane = std::time::Instant::now();
    let built = p.backport_and_build();
    let integrity = built["built"][0]["integrity"]
        .as_str()
        .expect("integrity")
        .to_string();
    let started = std::time::Instant::now();
    let applied = ok(&p.run(&["--format", "json", "patch", "apply"]));
    eprintln!(
        "patch apply (two npm refreshes): {:.2?}; backport → build → apply: {:.2?}",
        started.elapsed(),
        lane.elapsed()
    );
    (p, integrity, applied)
}
