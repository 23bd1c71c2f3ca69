//! Real-shaped registry material built in memory: gzipped tar tarballs, packuments with every
//! field the registry serves (`time`, `maintainers`, `_npmUser`, `scripts`, dependencies,
//! `dist.integrity`/`shasum`/`tarball`/`signatures`/`attestations`, `deprecated`,
//! `repository`, `dist-tags`), signed with a fixed P-256 test key exactly as the registry signs
//! (`name@version:integrity`), and the matching `/-/npm/v1/keys` document. URLs use the
//! placeholder host `registry.npm.example`, which [`crate::TestRegistry`] rewrites to itself.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{DerSignature, SigningKey};
use serde_json::{Value, json};
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha512};
use std::collections::BTreeMap;

/// The placeholder registry every fixture URL points at.
pub const BASE: &str = "https://registry.npm.example/";

/// One package version to build.
#[derive(Debug, Clone, Default)]
pub struct PackageSpec {
    pub name: String,
    pub version: String,
    pub dependencies: Vec<(String, String)>,
    pub scripts: Vec<(String, String)>,
    pub deprecated: Option<String>,
    /// Sign it with the test key.
    pub signed: bool,
    /// Files besides package.json, under `package/`.
    pub files: Vec<(String, Vec<u8>)>,
    /// Publish time; a fixed default when `None`.
    pub time: Option<String>,
    /// A ready-made tarball (a real package's) instead of one built from the fields above.
    pub tarball: Option<Vec<u8>>,
    /// An attestations document: listed in `dist.attestations` and served at
    /// `/-/npm/v1/attestations/NAME@VERSION`.
    pub attestations: Option<Vec<u8>>,
    /// List `dist.attestations` without serving a document (a registry that lost it).
    pub attestations_listed_only: bool,
}

impl PackageSpec {
    pub fn new(name: &str, version: &str) -> Self {
        Self {
            name: name.into(),
            version: version.into(),
            signed: true,
            ..Self::default()
        }
    }
}

/// Packuments, tarballs (by URL path) and keys, ready to serve.
#[derive(Debug, Clone, Default)]
pub struct FixtureSet {
    pub packuments: Vec<Value>,
    pub tarballs: Vec<(String, Vec<u8>)>,
    pub keys: Value,
    /// `name@version` → sha512 integrity, for building lockfiles.
    pub integrity: BTreeMap<String, String>,
    /// Attestations documents by URL path.
    pub attestations: Vec<(String, Vec<u8>)>,
}

/// The fixed test key (a constant scalar: reproducible fixtures, never a real secret).
pub fn test_signing_key() -> SigningKey {
    SigningKey::from_bytes(&[0x11u8; 32].into()).expect("0x11…11 is a valid P-256 scalar")
}

/// The test key's id, computed as the registry computes its key ids.
pub fn test_keyid() -> String {
    let key = test_signing_key();
    let point = key.verifying_key().to_encoded_point(false);
    let mut blob = Vec::new();
    for part in [
        b"ecdsa-sha2-nistp256".as_slice(),
        b"nistp256".as_slice(),
        point.as_bytes(),
    ] {
        blob.extend_from_slice(&(part.len() as u32).to_be_bytes());
        blob.extend_from_slice(part);
    }
    format!("SHA256:{}", STANDARD_NO_PAD.encode(Sha256::digest(&blob)))
}

/// The `/-/npm/v1/keys` document holding the test key.
pub fn test_keys_json(expires: Option<&str>) -> Value {
    let key = test_signing_key();
    // SPKI DER for a P-256 key: the fixed AlgorithmIdentifier header, then the point.
    let mut spki = vec![
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ];
    spki.extend_from_slice(key.verifying_key().to_encoded_point(false).as_bytes());
    json!({"keys": [{
        "expires": expires,
        "keyid": test_keyid(),
        "keytype": "ecdsa-sha2-nistp256",
        "scheme": "ecdsa-sha2-nistp256",
        "key": STANDARD.encode(&spki),
    }]})
}

/// Signs `name@version:integrity` with the test key: base64 DER, as in `dist.signatures`.
pub fn sign(name: &str, version: &str, integrity: &str) -> String {
    let sig: DerSignature =
        test_signing_key().sign(format!("{name}@{version}:{integrity}").as_bytes());
    STANDARD.encode(sig.as_bytes())
}

/// `sha512-…` of bytes.
pub fn sha512_sri(bytes: &[u8]) -> String {
    format!("sha512-{}", STANDARD.encode(Sha512::digest(bytes)))
}

/// Hex sha1 of bytes (`dist.shasum`).
pub fn sha1_hex(bytes: &[u8]) -> String {
    Sha1::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A real `.tgz`: `package/package.json` plus the given files, fixed mtimes so the bytes are
/// reproducible.
pub fn build_tarball(spec: &PackageSpec) -> Vec<u8> {
    let manifest = json!({
        "name": spec.name,
        "version": spec.version,
        "dependencies": spec.dependencies.iter().cloned().collect::<BTreeMap<_, _>>(),
        "scripts": spec.scripts.iter().cloned().collect::<BTreeMap<_, _>>(),
    });
    let mut files = vec![(
        "package.json".to_string(),
        serde_json::to_vec_pretty(&manifest).unwrap_or_default(),
    )];
    files.extend(spec.files.iter().cloned());
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for (path, bytes) in &files {
        let mut h = tar::Header::new_gnu();
        h.set_size(bytes.len() as u64);
        h.set_mode(0o644);
        h.set_mtime(499_162_500);
        h.set_cksum();
        let _ = tar.append_data(&mut h, format!("package/{path}"), bytes.as_slice());
    }
    tar.into_inner()
        .and_then(|gz| gz.finish())
        .unwrap_or_default()
}

/// `package/package.json` of a `.tgz`, parsed; `None` when it has none.
pub fn tarball_manifest(tgz: &[u8]) -> Option<Value> {
    use std::io::Read as _;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(tgz));
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let is_manifest = entry
            .path()
            .ok()
            .is_some_and(|p| p.to_string_lossy() == "package/package.json");
        if is_manifest {
            let mut text = String::new();
            entry.read_to_string(&mut text).ok()?;
            return serde_json::from_str(&text).ok();
        }
    }
    None
}

/// The tarball's URL path: `/name/-/base-version.tgz`.
pub fn tarball_path(name: &str, version: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    format!("/{name}/-/{base}-{version}.tgz")
}

/// The attestations document's URL path: `/-/npm/v1/attestations/NAME@VERSION`, the scope's
/// slash encoded.
pub fn attestations_path(name: &str, version: &str) -> String {
    format!(
        "/-/npm/v1/attestations/{}@{version}",
        name.replacen('/', "%2f", 1)
    )
}

/// Builds packuments (one per name, versions in the order given), tarballs and keys.
pub fn build(specs: &[PackageSpec]) -> FixtureSet {
    let mut set = FixtureSet {
        keys: test_keys_json(None),
        ..FixtureSet::default()
    };
    let mut by_name: BTreeMap<&str, Vec<&PackageSpec>> = BTreeMap::new();
    for s in specs {
        by_name.entry(&s.name).or_default().push(s);
    }
    let user = json!({"name": "fixture-maintainer", "email": "maintainer@example.com"});
    for (name, versions) in by_name {
        let mut vmap = serde_json::Map::new();
        let mut time = serde_json::Map::new();
        time.insert("created".into(), json!("2024-01-02T03:04:05.000Z"));
        let mut latest = "";
        for (i, s) in versions.iter().enumerate() {
            let tgz = s.tarball.clone().unwrap_or_else(|| build_tarball(s));
            let integrity = sha512_sri(&tgz);
            let path = tarball_path(name, &s.version);
            let mut dist = json!({
                "integrity": integrity,
                "shasum": sha1_hex(&tgz),
                "tarball": format!("{}{}", BASE.trim_end_matches('/'), path),
                "fileCount": 1 + s.files.len(),
                "unpackedSize": tgz.len() * 3,
            });
            if s.attestations.is_some() || s.attestations_listed_only {
                let path = attestations_path(name, &s.version);
                dist["attestations"] = json!({
                    "url": format!("{}{}", BASE.trim_end_matches('/'), path),
                    "provenance": {"predicateType": "https://slsa.dev/provenance/v1"},
                });
                if let Some(doc) = &s.attestations {
                    set.attestations.push((path, doc.clone()));
                }
            }
            if s.signed {
                dist["signatures"] =
                    json!([{"keyid": test_keyid(), "sig": sign(name, &s.version, &integrity)}]);
            }
            let mut v = json!({
                "name": name,
                "version": s.version,
                "description": format!("{name}, a fixture package"),
                "main": "index.js",
                "license": "MIT",
                "repository": {"type": "git", "url": format!("git+https://git.example/{name}.git")},
                "dependencies": s.dependencies.iter().cloned().collect::<BTreeMap<_, _>>(),
                "scripts": s.scripts.iter().cloned().collect::<BTreeMap<_, _>>(),
                "_npmUser": user,
                "maintainers": [user],
                "_id": format!("{name}@{}", s.version),
                "dist": dist,
            });
            if let Some(d) = &s.deprecated {
                v["deprecated"] = json!(d);
            }
            // A real tarball: the registry manifest says what its package.json says.
            if let Some(m) = s.tarball.as_deref().and_then(tarball_manifest)
                && let Some(obj) = v.as_object_mut()
            {
                for key in [
                    "scripts",
                    "dependencies",
                    "optionalDependencies",
                    "peerDependencies",
                    "bin",
                ] {
                    match m.get(key) {
                        Some(x) => obj.insert(key.into(), x.clone()),
                        None => obj.remove(key),
                    };
                }
            }
            let t = s
                .time
                .clone()
                .unwrap_or_else(|| format!("2024-0{}-01T10:00:00.000Z", (i % 9) + 1));
            time.insert(s.version.clone(), json!(t));
            time.insert("modified".into(), json!(t));
            set.integrity
                .insert(format!("{name}@{}", s.version), integrity.clone());
            set.tarballs.push((path, tgz));
            vmap.insert(s.version.clone(), v);
            latest = &s.version;
        }
        set.packuments.push(json!({
            "_id": name,
            "name": name,
            "description": format!("{name}, a fixture package"),
            "dist-tags": {"latest": latest},
            "versions": vmap,
            "time": time,
            "maintainers": [user],
            "repository": {"type": "git", "url": format!("git+https://git.example/{name}.git")},
            "license": "MIT",
            "readme": "",
        }));
    }
    set
}

/// The sample set the committed fixtures hold: a plain library with two versions, a scoped
/// package, a deprecated one with an install script, and one the registry did not sign.
pub fn sample() -> FixtureSet {
    let mut hooked = PackageSpec::new("hooked-lib", "0.3.1");
    hooked.scripts = vec![("postinstall".into(), "node setup.js".into())];
    hooked.deprecated = Some("no longer maintained".into());
    hooked.files = vec![("setup.js".into(), b"console.log('setup')\n".to_vec())];
    let mut unsigned = PackageSpec::new("unsigned-lib", "1.0.0");
    unsigned.signed = false;
    let mut scoped = PackageSpec::new("@demo/util", "2.0.0");
    scoped.dependencies = vec![("tiny-lib".into(), "^1.0.0".into())];
    let mut tiny2 = PackageSpec::new("tiny-lib", "1.1.0");
    tiny2.files = vec![("index.js".into(), b"module.exports = 2\n".to_vec())];
    let mut tiny1 = PackageSpec::new("tiny-lib", "1.0.0");
    tiny1.files = vec![("index.js".into(), b"module.exports = 1\n".to_vec())];
    build(&[tiny1, tiny2, scoped, hooked, unsigned])
}

/// Writes a set as a fixture directory (`packuments/`, `tarballs/`, `keys.json`).
pub fn write_dir(set: &FixtureSet, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("packuments"))?;
    for p in &set.packuments {
        let name = p["name"].as_str().unwrap_or_default().replace('/', "__");
        let mut bytes = serde_json::to_vec_pretty(p).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        std::fs::write(dir.join("packuments").join(format!("{name}.json")), bytes)?;
    }
    for (path, bytes) in &set.tarballs {
        let dest = dir.join("tarballs").join(path.trim_start_matches('/'));
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(dest, bytes)?;
    }
    let mut keys = serde_json::to_vec_pretty(&set.keys).map_err(std::io::Error::other)?;
    keys.push(b'\n');
    std::fs::write(dir.join("keys.json"), keys)
}
