//! `warden patch apply` with the real pnpm and yarn 1 against the in-process test registry,
//! when they are on PATH (`npm i -g pnpm yarn`); each test says so loudly and passes otherwise.

mod patch_support;

use patch_support::*;
use serde_json::Value;
use std::process::Command;

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
        skip("yarn 1 is not on PATH (npm i -g yarn)");
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

/// pnpm as a shell starts it: `npm install --global --ignore-scripts pnpm` (what .ci/run does)
/// leaves a placeholder without a `#!` line that only a shell will run (warden's own spawns use
/// `package_manager::output`, which does the same).
fn pnpm() -> Command {
    let mut c = Command::new("sh");
    c.args(["-c", "exec pnpm \"$@\"", "pnpm"]);
    c
}

/// pnpm: overrides go to pnpm-workspace.yaml for pnpm 10 and later (package.json's
/// `pnpm.overrides` before), keyed `NAME@VERSION`; the nested copy becomes the build.
#[test]
fn pnpm_overrides_point_the_nested_copy_at_the_build() {
    let major = pnpm()
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
        skip("pnpm is not on PATH (npm i -g pnpm)");
        return;
    };
    let reg = registry();
    let p = Project::new(&reg, NESTED);
    std::fs::remove_file(p.app().join("package-lock.json")).expect("rm");
    let mut pnpm = pnpm();
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
