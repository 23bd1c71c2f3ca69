//! `warden patch` end to end against the in-process test registry: tinyargs (a minimist-like
//! parser, crates/warden-patch/tests/fixtures/tinyargs/) has a prototype-pollution bug fixed in
//! 1.2.6; the fix is backported onto 0.2.1, built twice, and the builds are compared.

use std::path::PathBuf;
use std::time::Instant;
use warden_test_registry::TestRegistry;
use warden_test_registry::fixtures::{PackageSpec, build};

fn source(version: &str, file: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../warden-patch/tests/fixtures/tinyargs")
        .join(version)
        .join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn registry() -> TestRegistry {
    let specs: Vec<PackageSpec> = ["0.2.1", "1.2.5", "1.2.6"]
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
    let reg = TestRegistry::start();
    reg.publish(&build(&specs));
    reg
}

struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    fn new(reg: &TestRegistry) -> Self {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(tmp.path().join("app")).expect("mkdir");
        std::fs::create_dir_all(tmp.path().join("home")).expect("mkdir");
        std::fs::write(
            tmp.path().join("app/.npmrc"),
            format!("registry={}\n", reg.url()),
        )
        .expect("npmrc");
        Self { tmp }
    }

    fn app(&self) -> PathBuf {
        self.tmp.path().join("app")
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("warden"));
        for (k, _) in std::env::vars() {
            if k.to_ascii_lowercase().starts_with("npm_config_") || k == "WARDEN_CACHE" {
                c.env_remove(k);
            }
        }
        c.env("HOME", self.tmp.path().join("home"))
            .env("NPM_CONFIG_GLOBALCONFIG", self.tmp.path().join("none"))
            .arg("--dir")
            .arg(self.app())
            .arg("--cache-dir")
            .arg(self.tmp.path().join("cache"))
            .args(args)
            .output()
            .expect("warden runs")
    }
}

fn ok(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn backport_then_build_is_reproducible_and_recorded() {
    let reg = registry();
    let p = Project::new(&reg);
    let started = Instant::now();
    let bp = ok(&p.run(&[
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
    assert_eq!(bp["status"], "applied");
    assert_eq!(bp["upstream"], "tinyargs@1.2.5..1.2.6");
    assert_eq!(bp["files"][0]["applied"], 2);
    let built = ok(&p.run(&["--format", "json", "patch", "build"]));
    let elapsed = started.elapsed();
    eprintln!("backport→build: {:.2?}", elapsed);

    let dir = p.app().join("supply-chain/patches/tinyargs@0.2.1");
    let patch = std::fs::read_to_string(dir.join("0001-ghsa-test-0001.patch")).expect("patch");
    assert!(
        patch.contains("+        if (isConstructorOrProto(o, last)) return;"),
        "{patch}"
    );
    let toml = std::fs::read_to_string(dir.join("patch.toml")).expect("patch.toml");
    let b = &built["built"][0];
    assert_eq!(b["version"], "0.2.1-warden.1");
    assert_eq!(b["verdict"], "ok");
    let integrity = b["integrity"].as_str().expect("integrity");
    assert!(toml.contains(integrity), "{toml}");
    assert!(toml.contains("GHSA-test-0001"));

    // The build is in the cache by integrity and holds the fix.
    let bytes = std::fs::read(b["path"].as_str().expect("path")).expect("cached build");
    let tree = warden_patch::Tree::from_tarball("built", &bytes).expect("reads");
    assert!(
        tree.text("index.js")
            .is_some_and(|t| t.contains("isConstructorOrProto(o, key)"))
    );

    // A second build gives the same bytes.
    let again = ok(&p.run(&["--format", "json", "patch", "build"]));
    assert_eq!(again["built"][0]["integrity"], integrity);

    // Backporting the same advisory twice changes nothing and is refused.
    let twice = p.run(&[
        "patch",
        "backport",
        "tinyargs@0.2.1",
        "--advisory",
        "GHSA-test-0001",
        "--fixed",
        "1.2.6",
    ]);
    assert!(!twice.status.success());
}

#[test]
fn start_then_commit_records_a_hand_written_patch() {
    let reg = registry();
    let p = Project::new(&reg);
    let out = p.run(&["patch", "start", "tinyargs@0.2.1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let work = p.app().join(".warden-patch/tinyargs@0.2.1");
    let js = std::fs::read_to_string(work.join("index.js")).expect("unpacked");
    std::fs::write(
        work.join("index.js"),
        js.replace(
            "        o[last] = value;\n",
            "        if (last === '__proto__') return;\n        o[last] = value;\n",
        ),
    )
    .expect("edit");
    let out = p.run(&[
        "patch",
        "commit",
        "tinyargs@0.2.1",
        "--advisory",
        "GHSA-test-0002",
        "--author",
        "a person",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dir = p.app().join("supply-chain/patches/tinyargs@0.2.1");
    let patch = std::fs::read_to_string(dir.join("0001-ghsa-test-0002.patch")).expect("patch");
    assert!(patch.contains("+        if (last === '__proto__') return;"));

    // Nothing more to commit: refused.
    let again = p.run(&[
        "patch",
        "commit",
        "tinyargs@0.2.1",
        "--advisory",
        "GHSA-test-0002",
    ]);
    assert!(!again.status.success());
}

#[test]
fn a_hand_written_patch_that_adds_network_access_is_refused() {
    let reg = registry();
    let p = Project::new(&reg);
    assert!(
        p.run(&["patch", "start", "tinyargs@0.2.1"])
            .status
            .success()
    );
    let work = p.app().join(".warden-patch/tinyargs@0.2.1");
    let mut js = std::fs::read_to_string(work.join("index.js")).expect("unpacked");
    js.push_str("require('https').get('https://collector.example/x');\n");
    std::fs::write(work.join("index.js"), js).expect("edit");
    let out = p.run(&[
        "patch",
        "commit",
        "tinyargs@0.2.1",
        "--advisory",
        "GHSA-test-0003",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("network"));
    assert!(
        !p.app()
            .join("supply-chain/patches/tinyargs@0.2.1/patch.toml")
            .exists()
    );
}
