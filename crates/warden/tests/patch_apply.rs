//! `warden patch apply` with the real npm (scripts off, lockfile only) against the in-process
//! test registry, then `warden check` on the patched tree. tinyargs 0.2.1
//! (crates/warden-patch/tests/fixtures/tinyargs/) has a prototype-pollution bug fixed in 1.2.6;
//! `wrapper@1.0.0` depends on tinyargs 0.2.1, so the vulnerable copy is nested under it
//! (`node_modules/wrapper/node_modules/tinyargs`) beside a direct tinyargs 1.2.6.
//!
//! The tests need npm on PATH; without it they say so loudly and pass (CI installs node).

mod patch_support;

use patch_support::*;
use serde_json::Value;
use std::process::Command;

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
    assert_ne!(v["decision"]["decision"], "allow", "{v}");
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
    // Nothing vetted 0.2.1 here (a policy with no exemptions): the build waits for a person.
    std::fs::write(p.app().join("supply-chain/config.toml"), "").expect("config");
    let check: Value =
        serde_json::from_slice(&p.run(&["--format", "json", "check"]).stdout).expect("json");
    let v = verdict(&check, "0.2.1-warden.1");
    assert!(v["vetted"].is_null(), "{v}");
    assert_ne!(v["decision"]["decision"], "allow", "{v}");
    let r = rules(v).join("\n");
    assert!(r.contains("which is not vetted"), "{r}");
    assert!(!r.contains("was not scanned"), "{r}");
    // A person who audits the build itself vets it as it is.
    let certify = p.run(&[
        "certify",
        "tinyargs",
        "0.2.1-warden.1",
        "--criteria",
        "safe-to-deploy",
        "--who",
        "a person",
    ]);
    assert!(certify.status.success(), "{}", stderr(&certify));
    let check: Value =
        serde_json::from_slice(&p.run(&["--format", "json", "check"]).stdout).expect("json");
    let v = verdict(&check, "0.2.1-warden.1");
    assert!(!v["vetted"].is_null(), "{v}");
    assert!(!rules(v).join("\n").contains("which is not vetted"), "{v}");
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
