//! What lane_real.rs's cases share: the committed real tarballs, the loopback registry serving
//! them with their real dependencies, the npm-locked project, `warden check`'s verdicts, and
//! running node and validate.py.

use crate::patch_support::Project;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use warden_test_registry::TestRegistry;
use warden_test_registry::fixtures::{
    BASE, sha1_hex, sha512_sri, sign, tarball_path, test_keyid, test_keys_json,
};

pub fn lane() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lane")
}

pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

pub fn corpus(id: &str) -> PathBuf {
    shared().join(format!("corpus/osv/ghsa-npm/{id}.json"))
}

pub fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

pub fn tarball(name: &str, version: &str) -> Vec<u8> {
    read(&lane().join(name).join(format!("{name}-{version}.tgz")))
}

/// A runtime dependency's tarball: in lane/deps/, else one of the cases' own releases.
pub fn dep_tarball(dep: &str) -> Vec<u8> {
    let in_deps = lane().join("deps").join(format!("{dep}.tgz"));
    if in_deps.exists() {
        return read(&in_deps);
    }
    let (name, version) = dep.rsplit_once('-').expect("NAME-VERSION");
    tarball(name, version)
}

/// The package.json inside a real tarball.
pub fn manifest(bytes: &[u8], what: &str) -> Value {
    let tree = warden_patch::Tree::from_tarball(what, bytes).expect("a real tarball reads");
    let entry = tree
        .files
        .get("package.json")
        .unwrap_or_else(|| panic!("{what}: no package.json"));
    serde_json::from_slice(&entry.bytes).unwrap_or_else(|e| panic!("{what}: package.json: {e}"))
}

/// Serves `name`'s committed `versions` and the runtime dependencies `deps`: a packument per
/// name with each version's real dependencies (for npm to resolve) and the real integrity of
/// its tarball, signed with the test key (whose keys document the registry also serves).
pub fn registry(name: &str, versions: &[&str], deps: &[&str]) -> TestRegistry {
    let mut by_name: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    for v in versions {
        by_name
            .entry(name.to_string())
            .or_default()
            .push((v.to_string(), tarball(name, v)));
    }
    for dep in deps {
        let bytes = dep_tarball(dep);
        let m = manifest(&bytes, dep);
        let dname = m["name"].as_str().expect("a name").to_string();
        let version = m["version"].as_str().expect("a version").to_string();
        by_name.entry(dname).or_default().push((version, bytes));
    }
    let reg = TestRegistry::start();
    for (pname, versions) in &by_name {
        let mut vmap = serde_json::Map::new();
        let mut time = serde_json::Map::new();
        for (i, (v, bytes)) in versions.iter().enumerate() {
            let integrity = sha512_sri(bytes);
            let path = tarball_path(pname, v);
            let m = manifest(bytes, &format!("{pname}@{v}"));
            vmap.insert(
                v.clone(),
                serde_json::json!({
                    "name": pname, "version": v,
                    "dependencies": m.get("dependencies").cloned().unwrap_or(serde_json::json!({})),
                    "dist": {
                        "integrity": integrity,
                        "shasum": sha1_hex(bytes),
                        "tarball": format!("{}{}", BASE.trim_end_matches('/'), path),
                        "signatures": [{"keyid": test_keyid(), "sig": sign(pname, v, &integrity)}],
                    },
                }),
            );
            time.insert(
                v.clone(),
                serde_json::json!(format!("2022-0{}-01T10:00:00.000Z", i + 1)),
            );
            reg.put_tarball(&path, bytes.clone());
        }
        reg.put_packument(&serde_json::json!({
            "name": pname,
            "dist-tags": {"latest": versions.last().map(|(v, _)| v.as_str())},
            "versions": vmap,
            "time": time,
        }));
    }
    reg.put_keys(&test_keys_json(None));
    reg
}

/// A project depending on exactly `name@version`, locked by npm against `reg`.
pub fn project(reg: &TestRegistry, name: &str, version: &str) -> Project {
    let manifest = serde_json::to_string_pretty(&serde_json::json!({
        "name": "lane-app", "version": "1.0.0", "private": true,
        "dependencies": {name: version},
    }))
    .expect("json")
        + "\n";
    Project::new(reg, &manifest)
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// `warden check --format json` (its exit code says whether everything is allowed; the
/// verdicts are what the cases look at).
pub fn check(p: &Project) -> Value {
    let data = p.data();
    let out = p.run(&["--format", "json", "check", "--data-dir", &data]);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check: {e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn verdict<'a>(check: &'a Value, name: &str, version: &str) -> &'a Value {
    check["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|v| v["name"] == name && v["version"] == version)
        .unwrap_or_else(|| panic!("no verdict for {name}@{version}: {check}"))
}

pub fn reasons(v: &Value) -> String {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| format!("{}: {}", r["rule"].as_str().unwrap_or(""), r["message"]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes a package's tree into `dir` (a scratch node_modules entry). Only for the real benign
/// packages of these cases; nothing in them is run but the code `require` loads.
pub fn unpack(bytes: &[u8], what: &str, dir: &Path) {
    let tree = warden_patch::Tree::from_tarball(what, bytes).expect("a real tarball reads");
    let _ = std::fs::remove_dir_all(dir);
    for (path, entry) in &tree.files {
        let dest = dir.join(path);
        std::fs::create_dir_all(dest.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::write(&dest, &entry.bytes).expect("write");
    }
}

pub fn node(cwd: &Path, args: &[&str]) -> Output {
    Command::new("node")
        .args(args)
        .current_dir(cwd)
        .env_remove("NODE_OPTIONS")
        .env_remove("NODE_PATH")
        .output()
        .unwrap_or_else(|e| panic!("node runs (Node 20 is installed here and in CI): {e}"))
}

/// `node -e "require('./node_modules/NAME')"` must succeed.
pub fn loads(scratch: &Path, name: &str) {
    let out = node(
        scratch,
        &["-e", &format!("require('./node_modules/{name}')")],
    );
    assert!(
        out.status.success(),
        "{name} does not load: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The proof of concept's exit code and output, run on the package in node_modules/NAME.
pub fn poc(scratch: &Path, name: &str) -> (Option<i32>, String) {
    let script = lane().join(name).join("poc.js");
    let out = node(
        scratch,
        &[
            script.to_str().expect("utf-8 path"),
            &format!("node_modules/{name}"),
        ],
    );
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

pub fn python_has(module: &str) -> bool {
    let found = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let msg = format!(
            "python3 cannot import {module}: pip install -r ../shared/fixtures/schemas/requirements.txt to run this check"
        );
        if std::env::var_os("WARDEN_REQUIRE_PYTHON").is_some_and(|v| v == "1") {
            panic!("{msg}");
        }
        eprintln!("\n!!!!!!!! SKIPPED: {msg} !!!!!!!!\n");
    }
    found
}

/// Validates each `(kind, doc)` with validate.py's `validate` against the official schema
/// `kind`, all in one python3 process (starting python and loading jsonschema once per document
/// made this the slowest part of the cases).
pub fn validate(docs: &[(&str, &str)]) {
    if !python_has("jsonschema") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut args: Vec<String> = Vec::new();
    for (i, (kind, doc)) in docs.iter().enumerate() {
        let path = dir.path().join(format!("{i}.json"));
        std::fs::write(&path, doc).expect("write the document");
        args.push(kind.to_string());
        args.push(path.display().to_string());
    }
    let script = "import sys\nfrom pathlib import Path\nsys.path.insert(0, sys.argv[1])\nimport validate\na = sys.argv[2:]\nfor k, f in zip(a[::2], a[1::2]):\n    print('==', k, f)\n    validate.validate(k, Path(f))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(shared().join("fixtures/schemas"))
        .args(&args)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let verdicts: Vec<&str> = text
        .split("== ")
        .skip(1)
        .map(|chunk| chunk.split_once('\n').map_or("", |(_, v)| v.trim()))
        .collect();
    assert!(
        out.status.success()
            && verdicts.len() == docs.len()
            && verdicts.iter().all(|v| *v == "valid"),
        "validate.py says:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
