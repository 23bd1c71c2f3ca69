//! `warden fetch` end to end against the in-process test registry.

use assert_cmd::Command;
use std::path::PathBuf;
use warden_test_registry::{Knob, TestRegistry};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../warden-test-registry/fixtures/sample")
}

struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    /// The fetch-app fixture project with an .npmrc pointing at `reg` and a token for it.
    fn new(reg: &TestRegistry) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let app = tmp.path().join("app");
        std::fs::create_dir_all(&app).unwrap();
        std::fs::create_dir_all(tmp.path().join("home")).unwrap();
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fetch-app");
        for f in ["package.json", "package-lock.json"] {
            std::fs::copy(src.join(f), app.join(f)).unwrap();
        }
        std::fs::write(
            app.join(".npmrc"),
            format!(
                "registry={}\n//{}/:_authToken=${{TEST_NPM_TOKEN}}\n",
                reg.url(),
                reg.host()
            ),
        )
        .unwrap();
        Self { tmp }
    }

    fn app(&self) -> PathBuf {
        self.tmp.path().join("app")
    }

    fn cache(&self) -> PathBuf {
        self.tmp.path().join("cache")
    }

    fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("warden"));
        for (k, _) in std::env::vars() {
            if k.to_ascii_lowercase().starts_with("npm_config_") || k == "WARDEN_CACHE" {
                c.env_remove(k);
            }
        }
        c.env("HOME", self.tmp.path().join("home"))
            .env(
                "NPM_CONFIG_GLOBALCONFIG",
                self.tmp.path().join("no-global-npmrc"),
            )
            .env("TEST_NPM_TOKEN", "s3cret-token-value")
            .arg("--dir")
            .arg(self.app())
            .arg("--cache-dir")
            .arg(self.cache());
        c
    }

    fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }
}

fn json_of(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(out)))
}

#[test]
fn fetch_fills_the_cache_verifies_signatures_and_keeps_the_token_to_its_host() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    let p = Project::new(&reg);
    let out = p
        .cmd()
        .args(["fetch", "--format", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(!stdout.contains("s3cret") && !stderr.contains("s3cret"));
    let doc = json_of(&out.stdout);
    assert_eq!(doc["schema"], "warden.fetch/1");
    let s = &doc["summary"];
    assert_eq!(s["packages"], 5);
    assert_eq!(s["fetched"], 5);
    assert_eq!(s["cached"], 0);
    assert_eq!(s["failed"], 0);
    assert_eq!(s["skipped"], 1);
    assert_eq!(s["signatures_verified"], 4);
    assert_eq!(s["signatures_missing"], 1);
    assert_eq!(s["signatures_invalid"], 0);
    let reqs = reg.requests();
    assert!(!reqs.is_empty());
    assert!(
        reqs.iter()
            .all(|r| r.authorization() == Some("Bearer s3cret-token-value"))
    );

    // Second run: everything is already cached.
    let out = p.cmd().arg("fetch").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("0 fetched, 5 already cached, 0 failed"),
        "{text}"
    );
    assert!(
        text.contains("signatures: 4 verified, 1 missing, 0 invalid"),
        "{text}"
    );

    // Offline: no request at all.
    reg.clear_requests();
    let out = p
        .cmd()
        .args(["--offline", "fetch", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_of(&out.stdout)["summary"]["cached"], 5);
    assert!(reg.requests().is_empty(), "{:?}", reg.requests());
}

#[test]
fn offline_with_an_empty_cache_says_what_is_missing() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    let p = Project::new(&reg);
    let out = p.cmd().args(["--offline", "fetch"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("offline: the tarball of tiny-lib@1.1.0"),
        "{text}"
    );
    assert!(
        text.contains("offline: the packument of tiny-lib"),
        "{text}"
    );
    assert!(text.contains("is not in the cache"), "{text}");
    assert!(
        text.contains("0 fetched, 0 already cached, 5 failed"),
        "{text}"
    );
    assert!(reg.requests().is_empty());
}

#[test]
fn a_tampered_tarball_fails_with_both_digests_and_is_not_cached() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    reg.knob(
        "/tiny-lib/-/tiny-lib-1.1.0.tgz",
        Knob::Replace(b"not the tarball".to_vec()),
    );
    let p = Project::new(&reg);
    let out = p
        .cmd()
        .args(["fetch", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out.stdout);
    assert_eq!(doc["summary"]["failed"], 1);
    let failed: Vec<_> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "failed")
        .collect();
    assert_eq!(failed[0]["name"], "tiny-lib");
    let err = failed[0]["error"].as_str().unwrap();
    assert!(
        err.contains("integrity mismatch") && err.contains("sha512-"),
        "{err}"
    );
    // The four good tarballs are cached; the tampered bytes are not.
    let mut files = Vec::new();
    let mut stack = vec![p.cache().join("tarballs")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                files.push(std::fs::read(e.path()).unwrap());
            }
        }
    }
    assert_eq!(files.len(), 4);
    assert!(files.iter().all(|f| f != b"not the tarball"));
}

#[test]
fn named_packages_are_fetched_without_a_lockfile() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    let p = Project::new(&reg);
    let out = p
        .cmd()
        .args([
            "fetch",
            "@demo/util@2.0.0",
            "unsigned-lib@1.0.0",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_of(&out.stdout);
    assert_eq!(doc["summary"]["fetched"], 2);
    assert_eq!(reg.requests_to("/@demo%2futil").len(), 1);
    let bad = p.cmd().args(["fetch", "lodash"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected NAME@VERSION"));
}

#[test]
fn no_registry_and_no_npm_is_an_input_error_with_the_way_out() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    let p = Project::new(&reg);
    std::fs::remove_file(p.app().join(".npmrc")).unwrap();
    let empty = p.tmp.path().join("empty-bin");
    std::fs::create_dir_all(&empty).unwrap();
    let out = p.cmd().env("PATH", &empty).arg("fetch").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("npm is not installed"), "{err}");
    assert!(err.contains("NPM_CONFIG_REGISTRY"), "{err}");
}

#[test]
fn two_processes_fill_one_cache_at_once() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    let p = Project::new(&reg);
    let children: Vec<_> = (0..2)
        .map(|_| {
            let mut c = p.std_cmd();
            c.args(["fetch", "--format", "json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(json_of(&out.stdout)["summary"]["failed"], 0);
    }
    // Whole entries only, no temp files left, and an offline run finds everything.
    let out = p
        .cmd()
        .args(["--offline", "fetch", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(json_of(&out.stdout)["summary"]["cached"], 5);
    let mut stack = vec![p.cache()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            assert!(!e.file_name().to_string_lossy().starts_with(".tmp"));
            if e.path().is_dir() {
                stack.push(e.path());
            }
        }
    }
}

#[test]
fn verbose_says_what_a_mirror_lacks() {
    let reg = TestRegistry::with_fixtures(&fixtures_dir());
    reg.set_validators(false);
    let p = Project::new(&reg);
    let out = p.cmd().args(["-v", "fetch"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sends no ETag or Last-Modified"), "{err}");
    assert!(err.contains("registry http://127.0.0.1"), "{err}");
    assert!(
        err.contains(&format!("credentials configured for //{}/", reg.host())),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
    let quiet = p.cmd().arg("fetch").output().unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("sends no ETag"));
}
