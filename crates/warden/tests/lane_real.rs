//! The trusted lane on five real npm advisories, the whole chain on a real project. Each
//! case runs the real `warden` binary and the real npm (scripts off) against the loopback test
//! registry serving the packages' real tarballs (committed under tests/fixtures/lane/, byte for
//! byte as published, runtime dependencies in lane/deps/): a package.json depending on NAME@OLD
//! locked by `npm install --package-lock-only --ignore-scripts`, `warden init` (OLD vetted by
//! its exemption), `warden advisories sync` of the real OSV record, `warden check` reporting the
//! advisory on OLD, then the timed automatic path — `warden patch backport NAME@OLD --advisory
//! ID` (the fixed release comes from the advisory), `warden patch build`, `warden patch apply`
//! (npm refreshes the lockfile), `warden sbom` and `warden vex` — and after it `warden check`
//! allowing OLD-warden.1 as vetted through its base with the advisory resolved, the SBOM's
//! pedigree and the VEX `fixed` statement (derived from patch.toml, no vex.toml) validated
//! against ../shared/fixtures/schemas, a second build giving the same bytes, the build loaded
//! under node and a proof of concept per advisory (tests/fixtures/lane/NAME/poc.js) showing the
//! original vulnerable and the build fixed.
//!
//! These packages are real, benign libraries: unpacking them into a scratch directory and
//! requiring them under node is what the issue asks for. No package script ever runs. Needs npm
//! and node (CI installs them; without npm the cases say so loudly and pass).
//! docs/trusted-lane.md describes the five cases.

mod lane_support;
mod patch_support;

use lane_support::*;
use patch_support::have_npm;
use std::path::{Path, PathBuf};
use std::time::Instant;
use warden_test_registry::fixtures::sha512_sri;

/// One advisory backported onto an older release.
struct Case {
    name: &'static str,
    /// The release in use, which gets the patch.
    old: &'static str,
    /// The upstream pair the fix is taken from (last affected, fixed).
    from: &'static str,
    fixed: &'static str,
    advisory: &'static str,
    cve: &'static str,
    /// The OSV record: in ../shared/corpus/osv/ghsa-npm, else in the case's fixture folder.
    osv: PathBuf,
    /// Files the backport must change, with the hunks applied in each.
    applied: &'static [(&'static str, usize)],
    /// A line the stored patch must add (the heart of the fix).
    fix_line: &'static str,
    /// A code file whose upstream change is only the release's version bump (not carried over).
    version_bump: Option<&'static str>,
    /// Runtime dependencies (tarballs in tests/fixtures/lane/deps), served by the registry for
    /// npm to lock and unpacked beside the package for node.
    deps: &'static [&'static str],
}

fn run_case(case: &Case) {
    if !have_npm() {
        return;
    }
    let reg = registry(case.name, &[case.old, case.from, case.fixed], case.deps);
    let p = project(&reg, case.name, case.old);
    let spec = format!("{}@{}", case.name, case.old);
    let patched = format!("{}-warden.1", case.old);
    let key = format!("node_modules/{}", case.name);
    let lock = p.lock();
    assert_eq!(lock["packages"][&key]["version"], case.old, "{lock}");
    for dep in case.deps {
        let (dname, version) = dep.rsplit_once('-').expect("NAME-VERSION");
        assert_eq!(
            lock["packages"][format!("node_modules/{dname}")]["version"],
            version,
            "npm locks the runtime dependency {dep}: {lock}"
        );
    }

    // The project in use: frozen with OLD vetted (its exemption), the advisory synced.
    ok(&p.run(&["init"]));
    let data = p.data();
    ok(&p.run(&[
        "advisories",
        "sync",
        case.osv.to_str().expect("utf-8 path"),
        "--data-dir",
        &data,
    ]));
    let before = check(&p);
    let v = verdict(&before, case.name, case.old);
    assert!(!v["vetted"].is_null(), "{spec} is vetted by init: {v}");
    let r = reasons(v);
    assert!(
        r.contains(&format!("vulnerability: \"{}", case.advisory)),
        "check reports the advisory: {r}"
    );

    // The automatic path, timed from the backport's start to the build applied and the
    // SBOM/VEX pair written.
    let started = Instant::now();
    let backported = p.run(&[
        "patch",
        "backport",
        &spec,
        "--advisory",
        case.advisory,
        "--data-dir",
        &data,
    ]);
    let human = ok(&backported);
    let notes = String::from_utf8_lossy(&backported.stderr).into_owned();
    let first = json(&ok(&p.run(&["--format", "json", "patch", "build"])));
    let applied = json(&ok(&p.run(&["--format", "json", "patch", "apply"])));
    let db = p.tmp.path().join("data/advisories.sqlite3");
    let db = db.to_str().expect("utf-8 path");
    let sbom = ok(&p.run(&["sbom"]));
    let spdx = ok(&p.run(&["sbom", "--spec", "spdx"]));
    let openvex = ok(&p.run(&["vex", "--advisory-db", db]));
    let cdx_vex = ok(&p.run(&["vex", "--spec", "cyclonedx", "--advisory-db", db]));
    let elapsed = started.elapsed();
    eprintln!(
        "lane timing: {spec} {}: backport → built, rescanned, applied (npm), SBOM/VEX written in {:.2?}",
        case.advisory, elapsed
    );

    // What backport did.
    eprintln!("{spec}: warden patch backport says:\n{human}{notes}");
    let bump = case.version_bump.map(|f| {
        format!(
            "{f}: the upstream version bump {}..{} is not carried over",
            case.from, case.fixed
        )
    });
    assert_eq!(
        bump.as_ref().is_some_and(|b| notes.contains(b.as_str())),
        bump.is_some(),
        "{notes}"
    );
    assert!(!notes.contains("version bump") || bump.is_some(), "{notes}");
    for (file, hunks) in case.applied {
        assert!(
            human.contains(&format!("{file}: {hunks}/{hunks} hunks applied")),
            "{file}: expected {hunks} hunks applied:\n{human}"
        );
    }
    assert!(
        human.contains("capabilities gained: none"),
        "the review must show no capability gained:\n{human}"
    );
    let dir = p.app().join(format!("supply-chain/patches/{spec}"));
    let toml = String::from_utf8(read(&dir.join("patch.toml"))).expect("utf-8");
    assert!(
        toml.contains(&format!(
            "upstream = \"{}@{}..{}\"",
            case.name, case.from, case.fixed
        )),
        "the fix comes from the advisory's fixed release and the one before it:\n{toml}"
    );
    let patch_name = format!("0001-{}.patch", case.advisory.to_ascii_lowercase());
    let patch = String::from_utf8(read(&dir.join(&patch_name))).expect("utf-8");
    assert!(
        patch.lines().any(|l| l == format!("+{}", case.fix_line)),
        "the stored patch must add {:?}:\n{patch}",
        case.fix_line
    );

    // The build.
    let built = &first["built"][0];
    assert_eq!(built["version"], patched.as_str());
    let integrity = built["integrity"].as_str().expect("integrity").to_string();
    let bytes = read(Path::new(built["path"].as_str().expect("path")));
    assert_eq!(warden_patch::integrity_sha512(&bytes), integrity);
    // The scanner's view, independently of the CLI's wording: nothing gained, nothing new.
    let original = tarball(case.name, case.old);
    let review = warden_patch::review(&original, &bytes);
    assert!(review.accepted(), "{:?}", review.refusals);
    assert!(review.diff.capabilities_gained.is_empty());
    assert!(review.diff.install_scripts_added.is_empty());
    assert!(review.diff.install_scripts_changed.is_empty());
    assert!(review.diff.dependencies_added.is_empty());
    assert!(review.diff.new_findings.is_empty());

    // apply: package.json points at the build, npm locked it, the runtime deps stay.
    let tarball_ref = format!("file:supply-chain/patched/{}-{patched}.tgz", case.name);
    assert_eq!(applied["package_manager"], "npm");
    assert_eq!(applied["lockfile_refreshed"], true);
    assert_eq!(applied["applied"][0]["version"], patched.as_str());
    assert_eq!(
        applied["applied"][0]["direct"],
        serde_json::json!(["dependencies"]),
        "{applied}"
    );
    assert_eq!(p.package_json()["overrides"][&spec], tarball_ref.as_str());
    let lock = p.lock();
    let entry = &lock["packages"][&key];
    assert_eq!(entry["version"], patched.as_str(), "{lock}");
    assert_eq!(entry["resolved"], tarball_ref.as_str());
    assert_eq!(entry["integrity"], integrity.as_str());
    for dep in case.deps {
        let (dname, version) = dep.rsplit_once('-').expect("NAME-VERSION");
        assert_eq!(
            lock["packages"][format!("node_modules/{dname}")]["version"],
            version,
            "{dep} stays locked after the refresh: {lock}"
        );
    }
    assert!(
        !p.app().join("supply-chain/vex.toml").exists(),
        "nothing hand-written: the VEX statement comes from patch.toml"
    );

    // check: the build is vetted through its base, allowed, the advisory resolved.
    let after = check(&p);
    let v = verdict(&after, case.name, &patched);
    let r = reasons(v);
    assert!(!v["vetted"].is_null(), "vetted through {spec}: {v}");
    assert_eq!(v["decision"]["decision"], "allow", "{r}");
    assert!(r.contains("patched-build"), "{r}");
    assert!(
        r.contains(&format!("resolved here: {}", case.advisory)),
        "{r}"
    );
    assert!(
        !r.contains("vulnerability: "),
        "the advisory is no longer reported: {r}"
    );
    assert!(
        after["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .all(|x| x["version"] != case.old || x["name"] != case.name),
        "{spec} is gone from the tree"
    );

    // The SBOM: the build with its pedigree.
    validate(&[
        ("cyclonedx-1.6", &sbom),
        ("spdx-2.3", &spdx),
        ("openvex-0.2", &openvex),
        ("cyclonedx-1.6", &cdx_vex),
    ]);
    let purl = format!("pkg:npm/{}@{patched}", case.name);
    let doc = json(&sbom);
    let component = doc["components"]
        .as_array()
        .expect("components")
        .iter()
        .find(|c| c["purl"].as_str().is_some_and(|u| u.starts_with(&purl)))
        .unwrap_or_else(|| panic!("no component {purl}: {sbom}"));
    let sha512 = component["hashes"]
        .as_array()
        .expect("hashes")
        .iter()
        .find(|h| h["alg"] == "SHA-512")
        .expect("a SHA-512 hash");
    let sri_hex = |sri: &str| {
        hex(&base64::Engine::decode(
            &base64::engine::general_purpose::STANDARD,
            sri.trim_start_matches("sha512-"),
        )
        .expect("base64"))
    };
    assert_eq!(sha512["content"], sri_hex(&integrity).as_str());
    let ped = &component["pedigree"];
    assert_eq!(
        ped["ancestors"][0]["purl"],
        format!("pkg:npm/{spec}").as_str(),
        "{ped}"
    );
    assert_eq!(
        ped["ancestors"][0]["hashes"][0]["content"],
        sri_hex(&sha512_sri(&original)).as_str(),
        "the ancestor's hash is the published tarball's"
    );
    let diff = ped["patches"][0]["diff"]["text"]["content"]
        .as_str()
        .unwrap_or_else(|| panic!("the patch's diff: {ped}"));
    assert!(diff.contains(case.fix_line), "{diff}");
    assert_eq!(ped["patches"][0]["resolves"][0]["id"], case.advisory);
    let spdx_doc = json(&spdx);
    assert!(
        spdx_doc["relationships"]
            .as_array()
            .expect("relationships")
            .iter()
            .any(|r| r["relationshipType"] == "DESCENDANT_OF"),
        "{spdx}"
    );

    // The VEX: `fixed` on the build, for the advisory, with its CVE alias.
    let vex = json(&openvex);
    let statement = vex["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .find(|s| s["vulnerability"]["name"] == case.advisory)
        .unwrap_or_else(|| panic!("no statement for {}: {openvex}", case.advisory));
    assert_eq!(statement["status"], "fixed");
    let product = statement["products"][0]["@id"].as_str().expect("product");
    assert!(product.starts_with(&purl), "{product}");
    assert!(
        statement["vulnerability"]["aliases"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == case.cve)),
        "the CVE alias, from the advisory database: {statement}"
    );
    let notes = statement["status_notes"].as_str().expect("status notes");
    assert!(
        notes.contains(&format!("(supply-chain/patches/{spec}/patch.toml)")),
        "{notes}"
    );
    for doc in [&sbom, &spdx, &openvex, &cdx_vex] {
        assert!(
            !doc.contains(&p.app().display().to_string()),
            "no local path in the documents: {doc}"
        );
    }

    // A second build gives the same bytes.
    let again = json(&ok(&p.run(&["--format", "json", "patch", "build"])));
    assert_eq!(again["built"][0]["integrity"], integrity.as_str());

    // Under node: the original is vulnerable, the build loads and is fixed.
    let scratch = p.tmp.path().join("scratch");
    for dep in case.deps {
        let (dname, _version) = dep.rsplit_once('-').expect("NAME-VERSION");
        unpack(
            &dep_tarball(dep),
            dep,
            &scratch.join("node_modules").join(dname),
        );
    }
    let installed = scratch.join("node_modules").join(case.name);
    unpack(&original, &spec, &installed);
    loads(&scratch, case.name);
    let (code, text) = poc(&scratch, case.name);
    assert_eq!(code, Some(1), "the PoC must show {spec} vulnerable: {text}");
    assert!(text.contains("VULNERABLE"), "{text}");
    unpack(&bytes, &patched, &installed);
    let manifest = json(
        &String::from_utf8(read(&installed.join("package.json"))).expect("utf-8 package.json"),
    );
    assert_eq!(manifest["version"], patched.as_str());
    loads(&scratch, case.name);
    let (code, text) = poc(&scratch, case.name);
    assert_eq!(
        code,
        Some(0),
        "the PoC must show {}@{patched} fixed: {text}",
        case.name
    );
    assert!(text.contains("fixed"), "{text}");
}

#[test]
fn minimist_prototype_pollution_ghsa_xvch_5gv4_984h() {
    run_case(&Case {
        name: "minimist",
        old: "1.2.3",
        from: "1.2.5",
        fixed: "1.2.6",
        advisory: "GHSA-xvch-5gv4-984h",
        cve: "CVE-2021-44906",
        osv: corpus("GHSA-xvch-5gv4-984h"),
        applied: &[("index.js", 3), ("test/proto.js", 1)],
        fix_line: "            if (isConstructorOrProto(o, key)) return;",
        version_bump: None,
        deps: &[],
    });
}

#[test]
fn semver_redos_ghsa_c2qf_rxjj_qqgw() {
    run_case(&Case {
        name: "semver",
        old: "5.7.0",
        from: "5.7.1",
        fixed: "5.7.2",
        advisory: "GHSA-c2qf-rxjj-qqgw",
        cve: "CVE-2022-25883",
        osv: corpus("GHSA-c2qf-rxjj-qqgw"),
        applied: &[("semver.js", 20)],
        fix_line: "var safeRe = exports.safeRe = []",
        version_bump: None,
        deps: &[],
    });
}

#[test]
fn json5_prototype_pollution_ghsa_9c47_m6qq_7p4h() {
    run_case(&Case {
        name: "json5",
        old: "2.2.0",
        from: "2.2.1",
        fixed: "2.2.2",
        advisory: "GHSA-9c47-m6qq-7p4h",
        cve: "CVE-2022-46175",
        osv: corpus("GHSA-9c47-m6qq-7p4h"),
        applied: &[("lib/parse.js", 2)],
        fix_line: "            Object.defineProperty(parent, key, {",
        version_bump: None,
        // json5 2.2.0 depends on minimist ^1.2.5 (for its CLI).
        deps: &["minimist-1.2.6"],
    });
}

#[test]
fn tough_cookie_prototype_pollution_ghsa_72xf_g2v4_qvf3() {
    run_case(&Case {
        name: "tough-cookie",
        old: "4.1.0",
        from: "4.1.2",
        fixed: "4.1.3",
        advisory: "GHSA-72xf-g2v4-qvf3",
        cve: "CVE-2023-26136",
        osv: lane().join("tough-cookie/GHSA-72xf-g2v4-qvf3.json"),
        applied: &[("lib/memstore.js", 6)],
        fix_line: "    this.idx = Object.create(null);",
        version_bump: Some("lib/version.js"),
        deps: &[
            "psl-1.9.0",
            "punycode-2.1.1",
            "universalify-0.2.0",
            "url-parse-1.5.10",
            "querystringify-2.2.0",
            "requires-port-1.0.0",
        ],
    });
}

#[test]
fn glob_parent_redos_ghsa_ww39_953v_wcq6() {
    run_case(&Case {
        name: "glob-parent",
        old: "5.1.0",
        from: "5.1.1",
        fixed: "5.1.2",
        advisory: "GHSA-ww39-953v-wcq6",
        cve: "CVE-2020-28469",
        osv: corpus("GHSA-ww39-953v-wcq6"),
        applied: &[("index.js", 2)],
        fix_line: "var enclosure = /[\\{\\[].*[\\}\\]]$/;",
        version_bump: None,
        deps: &["is-glob-4.0.3", "is-extglob-2.1.1"],
    });
}

/// The same fix does not fit minimist 1.2.0: its `setKey` predates 1.2.3's first
/// prototype-pollution fix (a `forEach` with no `__proto__` check), so the two hunks that edit
/// that check find no place. warden must say so, write the rejected hunks for a person, and
/// record nothing.
#[test]
fn minimist_fix_does_not_fit_1_2_0_and_is_left_for_a_person() {
    if !have_npm() {
        return;
    }
    let reg = registry("minimist", &["1.2.0", "1.2.5", "1.2.6"], &[]);
    let p = project(&reg, "minimist", "1.2.0");
    let data = p.data();
    ok(&p.run(&[
        "advisories",
        "sync",
        corpus("GHSA-xvch-5gv4-984h").to_str().expect("utf-8 path"),
        "--data-dir",
        &data,
    ]));
    let out = p.run(&[
        "--format",
        "json",
        "patch",
        "backport",
        "minimist@1.2.0",
        "--advisory",
        "GHSA-xvch-5gv4-984h",
        "--data-dir",
        &data,
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(report["status"], "rejected");
    let rejected = report["rejected"].as_array().expect("rejected hunks");
    assert_eq!(rejected.len(), 2, "{report}");
    assert!(rejected.iter().all(|r| r["path"] == "index.js"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warden patch start minimist@1.2.0"),
        "{stderr}"
    );
    let dir = p.app().join("supply-chain/patches/minimist@1.2.0");
    let rej =
        String::from_utf8(read(&dir.join("0001-ghsa-xvch-5gv4-984h.patch.rej"))).expect("utf-8");
    assert!(rej.contains("+            if (isConstructorOrProto(o, key)) return;"));
    assert!(!dir.join("patch.toml").exists());
}
