//! The project's patched builds (`supply-chain/patches/*/patch.toml` with a `[build]`), as
//! `warden patch apply`, `check`, `sbom` and `vex` see them: which locked package is a patched
//! build, whether its integrity is the recorded one, and which advisories it resolves.

use crate::failure::{Failure, Result};
use std::path::{Path, PathBuf};
use warden_attest::sbom::pedigree::{PatchRecord, Pedigree};
use warden_attest::vex::{Statement, Status};
use warden_lockfile::{HashAlgorithm, Inventory, Package, SourceKind};
use warden_patch::PatchManifest;
use warden_policy::evidence::{AdvisoryFact, Evidence};
use warden_policy::gate::{Reason, Store, Verdict, gate};
use warden_policy::severity::{Action, Severity};

/// Where patches live, under the project directory.
pub const PATCHES_DIR: &str = "supply-chain/patches";
/// Where `warden patch apply` puts the built tarballs the lockfile points at (`file:`).
pub const PATCHED_DIR: &str = "supply-chain/patched";

/// One patched version of a package, from its patch.toml.
#[derive(Debug, Clone)]
pub struct PatchedBuild {
    /// `supply-chain/patches/NAME@VERSION`.
    pub dir: PathBuf,
    pub manifest: PatchManifest,
    /// Digests of the build under every algorithm a lockfile may record (yarn 1 keeps only a
    /// sha1 for `file:` tarballs), computed from `supply-chain/patched/…tgz` once its sha512 is
    /// found to be the recorded one; else only the recorded digest.
    pub digests: Vec<(HashAlgorithm, Vec<u8>)>,
}

impl PatchedBuild {
    /// `VERSION-warden.N` as recorded by the last `warden patch build`, when there is one.
    pub fn built_version(&self) -> Option<&str> {
        self.manifest.build.as_ref().map(|b| b.version.as_str())
    }

    /// Every advisory the patches fix, in patch order, without repeats.
    pub fn advisories(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in &self.manifest.patches {
            for a in &p.advisories {
                if !out.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                    out.push(a.clone());
                }
            }
        }
        out
    }

    /// True when `id` or one of `aliases` is an advisory the patches fix.
    pub fn resolves(&self, id: &str, aliases: &[String]) -> bool {
        let fixed = self.advisories();
        std::iter::once(id)
            .chain(aliases.iter().map(String::as_str))
            .any(|x| fixed.iter().any(|f| f.eq_ignore_ascii_case(x)))
    }

    /// The patch files' text, in order, with the entry that records each.
    pub fn patch_texts(&self) -> Result<Vec<(warden_patch::PatchEntry, String)>> {
        self.manifest
            .patches
            .iter()
            .map(|p| {
                let path = self.dir.join(&p.file);
                std::fs::read_to_string(&path)
                    .map(|t| (p.clone(), t))
                    .map_err(|e| {
                        Failure::input(format!("{}: {e}", path.display()))
                            .help("patch.toml names a patch file that cannot be read; restore it")
                    })
            })
            .collect()
    }
}

/// How a locked package relates to the patched builds.
#[derive(Debug, Clone, Copy)]
pub enum Match<'a> {
    /// A `file:` package whose name and version are a recorded build and whose lockfile
    /// integrity is the build's.
    Verified(&'a PatchedBuild),
    /// Name and version of a recorded build, but the lockfile's integrity is another (or none):
    /// not the tarball warden built.
    Mismatch(&'a PatchedBuild),
}

/// All patched builds of the project, sorted by directory.
#[derive(Debug, Clone, Default)]
pub struct PatchedBuilds {
    pub builds: Vec<PatchedBuild>,
}

impl PatchedBuilds {
    /// Reads every `supply-chain/patches/*/patch.toml` under `project`. No patches directory is
    /// no patched builds; an unreadable patch.toml is an error (it would silently un-vet).
    pub fn load(project: &Path) -> Result<Self> {
        let dirs = patch_dirs(&project.join(PATCHES_DIR))?;
        let mut builds = Vec::new();
        for dir in dirs {
            let path = dir.join("patch.toml");
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
            let manifest = PatchManifest::parse(&path.display().to_string(), &text)
                .map_err(|e| Failure::input(e.to_string()).help("fix the file by hand"))?;
            let digests = build_digests(project, &manifest);
            builds.push(PatchedBuild {
                dir,
                manifest,
                digests,
            });
        }
        Ok(Self { builds })
    }

    pub fn is_empty(&self) -> bool {
        self.builds.is_empty()
    }

    /// The build recorded for `name` at `version` (`VERSION-warden.N`).
    pub fn by_built_version(&self, name: &str, version: &str) -> Option<&PatchedBuild> {
        self.builds
            .iter()
            .find(|b| b.manifest.package == name && b.built_version() == Some(version))
    }

    /// Whether `p` is a patched build, and whether it is the one warden built. Only local
    /// sources (`file:`) count: a registry package that happens to carry a `-warden.N` version
    /// is someone else's.
    pub fn classify(&self, p: &Package) -> Option<Match<'_>> {
        if !matches!(p.source, SourceKind::File | SourceKind::Tarball) {
            return None;
        }
        let b = self.by_built_version(&p.name, &p.version)?;
        // Every hash the lockfile records must be the build's; no hash is no match.
        let same = p.integrity.as_ref().is_some_and(|locked| {
            locked.hashes().iter().all(|h| {
                b.digests
                    .iter()
                    .any(|(a, d)| *a == h.algorithm && *d == h.digest)
            })
        });
        Some(if same {
            Match::Verified(b)
        } else {
            Match::Mismatch(b)
        })
    }

    /// The inventory with every patched build's version replaced by its base version, so that
    /// advisories are matched against the code the patch started from: an advisory the patches
    /// do not fix stays reported. The view calls them registry packages, because advisory
    /// matching only looks at those. Package indices are unchanged.
    pub fn for_advisories(&self, inv: &Inventory) -> Option<Inventory> {
        if self.is_empty() {
            return None;
        }
        let mut changed = false;
        let mut out = inv.clone();
        for p in out.packages.iter_mut() {
            if let Some(Match::Verified(b) | Match::Mismatch(b)) = self.classify(p) {
                p.version = b.manifest.version.clone();
                p.source = SourceKind::Registry;
                changed = true;
            }
        }
        changed.then_some(out)
    }
}

/// The gate's verdict for a locked patched build. A verified build is judged as its base
/// version with the base tarball's integrity (so it is vetted exactly when the base is), minus
/// the advisories its patches resolve, and says so in a `patched-build` reason. A build whose
/// integrity is not the recorded one is not vetted: it is judged with a gap (fail closed).
pub fn verdict(
    p: &Package,
    m: Match<'_>,
    store: &Store<'_>,
    facts: Vec<AdvisoryFact>,
    now: jiff::Timestamp,
) -> Verdict {
    match m {
        Match::Verified(b) => {
            let base = &b.manifest.version;
            let (resolved, open): (Vec<_>, Vec<_>) = facts
                .into_iter()
                .partition(|a| !a.malicious && b.resolves(&a.id, &a.aliases));
            let mut ev = Evidence::new(&p.name, base);
            ev.integrity = Some(b.manifest.base_integrity.clone());
            ev.dev = p.dev;
            ev.advisories = open;
            let policy = &store.config.policy;
            let need = if p.dev {
                &policy.dev_criteria
            } else {
                &policy.production_criteria
            };
            let vetted = warden_policy::vet::find_vetting(
                &store.package(&p.name),
                &store.criteria,
                base,
                ev.integrity.as_deref(),
                need,
            );
            let own_integrity = p.integrity.as_ref().map(|i| i.to_string());
            if vetted.is_none()
                && warden_policy::vet::find_vetting(
                    &store.package(&p.name),
                    &store.criteria,
                    &p.version,
                    own_integrity.as_deref(),
                    need,
                )
                .is_some()
            {
                // A person vetted the build itself: judge it as what it is.
                ev.version = p.version.clone();
                ev.integrity = own_integrity;
            } else if vetted.is_none() {
                // Nothing else is known of a patched build: it is vetted through its base or
                // it waits for a person.
                ev.gaps.push(format!(
                    "{}@{} is warden's patched build of {}@{base}, which is not vetted for {need}; vet the base and the build follows",
                    p.name, p.version, p.name
                ));
            }
            let mut v = gate(store, &ev, now);
            v.version = p.version.clone();
            let ids: Vec<&str> = resolved.iter().map(|a| a.id.as_str()).collect();
            v.reasons.push(Reason {
                rule: "patched-build".into(),
                action: Action::Warn,
                severity: Severity::Info,
                message: format!(
                    "warden's build of {}@{base} with {} patch(es) fixing {}; judged as {base}{}",
                    p.name,
                    b.manifest.patches.len(),
                    b.advisories().join(", "),
                    if ids.is_empty() {
                        String::new()
                    } else {
                        format!("; resolved here: {}", ids.join(", "))
                    }
                ),
                location: Some(b.dir.join("patch.toml").display().to_string()),
            });
            v
        }
        Match::Mismatch(b) => {
            let mut ev = Evidence::new(&p.name, &p.version);
            ev.integrity = p.integrity.as_ref().map(|i| i.to_string());
            ev.dev = p.dev;
            ev.advisories = facts;
            ev.gaps.push(format!(
                "{}@{} is a local tarball ({}) whose integrity {} is not the build recorded in {} ({}); run `warden patch build` and `warden patch apply`",
                p.name,
                p.version,
                p.resolved.as_deref().unwrap_or("no path"),
                p.integrity
                    .as_ref()
                    .map_or("(none)".to_string(), |i| i.to_string()),
                b.dir.join("patch.toml").display(),
                b.manifest
                    .build
                    .as_ref()
                    .map_or("none", |r| r.integrity.as_str()),
            ));
            gate(store, &ev, now)
        }
    }
}

impl PatchedBuilds {
    /// The verified patched builds locked in `inv`, each with the package it is.
    pub fn verified_in<'a>(&'a self, inv: &'a Inventory) -> Vec<(&'a Package, &'a PatchedBuild)> {
        inv.packages
            .iter()
            .filter_map(|p| match self.classify(p) {
                Some(Match::Verified(b)) => Some((p, b)),
                _ => None,
            })
            .collect()
    }

    /// SBOM pedigree for every verified patched build in `inv`. Patch files are named relative
    /// to `project` and their text is read from disk.
    pub fn pedigrees(&self, inv: &Inventory, project: &Path) -> Result<Vec<Pedigree>> {
        let mut out: Vec<Pedigree> = Vec::new();
        for (p, b) in self.verified_in(inv) {
            if out
                .iter()
                .any(|x| x.name == p.name && x.version == p.version)
            {
                continue;
            }
            let upstream_hashes = warden_lockfile::Integrity::parse(&b.manifest.base_integrity)
                .map(|i| {
                    i.hashes()
                        .iter()
                        .map(|h| (h.algorithm, warden_attest::purl::hex(&h.digest)))
                        .collect()
                })
                .unwrap_or_default();
            let rel_dir = b
                .dir
                .strip_prefix(project)
                .unwrap_or(&b.dir)
                .to_string_lossy()
                .replace('\\', "/");
            let patches = b
                .patch_texts()?
                .into_iter()
                .map(|(e, diff)| PatchRecord {
                    file: format!("{rel_dir}/{}", e.file),
                    backport: e.author == "warden patch backport",
                    diff,
                    advisories: e.advisories,
                    author: e.author,
                    upstream: e.upstream,
                })
                .collect();
            out.push(Pedigree {
                name: p.name.clone(),
                version: p.version.clone(),
                upstream_version: b.manifest.version.clone(),
                upstream_hashes,
                patches,
            });
        }
        Ok(out)
    }

    /// A VEX `fixed` statement for each advisory a verified patched build in `inv` resolves,
    /// about that build's purl. The notes name the patch.toml relative to `project`, so the
    /// document says nothing about the machine it was written on.
    pub fn fixed_statements(&self, inv: &Inventory, project: &Path) -> Vec<Statement> {
        let mut out: Vec<Statement> = Vec::new();
        for (p, b) in self.verified_in(inv) {
            let toml = b.dir.join("patch.toml");
            let toml = toml
                .strip_prefix(project)
                .unwrap_or(&toml)
                .to_string_lossy()
                .replace('\\', "/");
            let purl = warden_attest::purl::of_package(p);
            for id in b.advisories() {
                if out
                    .iter()
                    .any(|s| s.vulnerability == id && s.products.contains(&purl))
                {
                    continue;
                }
                out.push(Statement {
                    vulnerability: id.clone(),
                    aliases: Vec::new(),
                    products: vec![purl.clone()],
                    status: Status::Fixed,
                    justification: None,
                    impact_statement: None,
                    action_statement: None,
                    status_notes: Some(format!(
                        "fixed in {}@{}, warden's patched build of {} ({})",
                        p.name, p.version, b.manifest.version, toml
                    )),
                    timestamp: None,
                });
            }
        }
        out
    }
}

/// The recorded build's digest, plus every other algorithm's when the project's copy of the
/// build is there and is the recorded one.
fn build_digests(project: &Path, m: &PatchManifest) -> Vec<(HashAlgorithm, Vec<u8>)> {
    let Some(record) = &m.build else {
        return Vec::new();
    };
    let Some(sri) = warden_lockfile::Integrity::parse(&record.integrity) else {
        return Vec::new();
    };
    let mut out: Vec<(HashAlgorithm, Vec<u8>)> = sri
        .hashes()
        .iter()
        .map(|h| (h.algorithm, h.digest.clone()))
        .collect();
    let path = project.join(tarball_rel_path(&m.package, &record.version));
    if let Ok(bytes) = std::fs::read(&path) {
        let verified = sri
            .hashes()
            .iter()
            .all(|h| warden_registry::tarball::digest(h.algorithm, &bytes) == h.digest);
        if verified {
            for a in [
                HashAlgorithm::Sha1,
                HashAlgorithm::Sha256,
                HashAlgorithm::Sha384,
                HashAlgorithm::Sha512,
            ] {
                if !out.iter().any(|(x, _)| *x == a) {
                    out.push((a, warden_registry::tarball::digest(a, &bytes)));
                }
            }
        }
    }
    out
}

/// The `NAME@VERSION` folders under `root` (supply-chain/patches) that hold a patch.toml, in
/// name order. No such directory is no patches; an unreadable one is an error.
pub fn patch_dirs(root: &Path) -> Result<Vec<PathBuf>> {
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(root) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("patch.toml").is_file())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(Failure::input(format!("{}: {e}", root.display()))),
    };
    dirs.sort();
    Ok(dirs)
}

/// The tarball file name npm pack would give `name@version` (`scope-name-1.0.0.tgz`).
pub fn tarball_file_name(name: &str, version: &str) -> String {
    let base = name.trim_start_matches('@').replace('/', "-");
    format!("{base}-{version}.tgz")
}

/// The project-relative path of a patched build's tarball, with `/` separators (what goes
/// after `file:` in package.json and the lockfile).
pub fn tarball_rel_path(name: &str, version: &str) -> String {
    format!("{PATCHED_DIR}/{}", tarball_file_name(name, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(version: &str, integrity: &str) -> PatchedBuild {
        let text = format!(
            r#"package = "minimist"
version = "0.2.1"
base-integrity = "sha512-AAAA"
revision = 1

[[patch]]
file = "0001-a.patch"
advisories = ["GHSA-xvch-5gv4-984h", "CVE-2021-44906"]
author = "warden patch backport"

[build]
version = "{version}"
integrity = "{integrity}"
"#
        );
        let manifest = PatchManifest::parse("patch.toml", &text).expect("parses");
        PatchedBuild {
            dir: PathBuf::from("x"),
            digests: build_digests(Path::new("/nonexistent"), &manifest),
            manifest,
        }
    }

    fn pkg(version: &str, source: SourceKind, integrity: Option<&str>) -> Package {
        let mut p = Package::new("minimist", version, source);
        p.integrity = integrity.and_then(warden_lockfile::Integrity::parse);
        p
    }

    const GOOD: &str = "sha512-qx6HSOLqV2AhPUm27JW2fBzWkCJhGpOAWLTsuYZEYoBCUTxgqWeVkDltrcXzYpSN9q5wHPrJkYo/MWY7a6pELw==";
    const OTHER: &str = "sha512-rODe2a8x+CA/3sh/du/WAjqfdL+dT6Eduuua1bKZiueZbKjYPO02UmKr/EtPcpZcAi21mudSQr/UsLOqs5Dabg==";

    #[test]
    fn a_file_package_with_the_recorded_integrity_is_verified() {
        let all = PatchedBuilds {
            builds: vec![build("0.2.1-warden.1", GOOD)],
        };
        let p = pkg("0.2.1-warden.1", SourceKind::File, Some(GOOD));
        assert!(matches!(all.classify(&p), Some(Match::Verified(_))));
    }

    #[test]
    fn another_integrity_or_none_is_a_mismatch() {
        let all = PatchedBuilds {
            builds: vec![build("0.2.1-warden.1", GOOD)],
        };
        for i in [Some(OTHER), None] {
            let p = pkg("0.2.1-warden.1", SourceKind::File, i);
            assert!(
                matches!(all.classify(&p), Some(Match::Mismatch(_))),
                "{i:?}"
            );
        }
    }

    #[test]
    fn registry_packages_and_other_versions_are_not_patched_builds() {
        let all = PatchedBuilds {
            builds: vec![build("0.2.1-warden.1", GOOD)],
        };
        assert!(
            all.classify(&pkg("0.2.1-warden.1", SourceKind::Registry, Some(GOOD)))
                .is_none()
        );
        assert!(
            all.classify(&pkg("0.2.1-warden.2", SourceKind::File, Some(GOOD)))
                .is_none()
        );
        assert!(
            all.classify(&pkg("0.2.1", SourceKind::File, Some(GOOD)))
                .is_none()
        );
    }

    #[test]
    fn a_sha1_only_lockfile_entry_matches_a_verified_project_copy_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = b"the build".to_vec();
        let sri = warden_patch::integrity_sha512(&bytes);
        let sha1 = warden_registry::tarball::digest(HashAlgorithm::Sha1, &bytes);
        let hex: String = sha1.iter().map(|b| format!("{b:02x}")).collect();
        let locked = warden_lockfile::Integrity::from_sha1_hex(&hex).expect("sha1");
        let mut p = pkg("0.2.1-warden.1", SourceKind::File, None);
        p.integrity = Some(locked);
        // Without the project's copy only the recorded sha512 is known: no match.
        let mut b = build("0.2.1-warden.1", &sri);
        b.digests = build_digests(dir.path(), &b.manifest);
        let all = PatchedBuilds { builds: vec![b] };
        assert!(matches!(all.classify(&p), Some(Match::Mismatch(_))));
        // With it (and it is the recorded build), the sha1 is the build's.
        let path = dir
            .path()
            .join(tarball_rel_path("minimist", "0.2.1-warden.1"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, &bytes).expect("write");
        let mut b = build("0.2.1-warden.1", &sri);
        b.digests = build_digests(dir.path(), &b.manifest);
        let all = PatchedBuilds { builds: vec![b] };
        assert!(matches!(all.classify(&p), Some(Match::Verified(_))));
        // A project copy that is not the recorded build adds nothing.
        std::fs::write(&path, b"another").expect("write");
        let mut b = build("0.2.1-warden.1", &sri);
        b.digests = build_digests(dir.path(), &b.manifest);
        assert_eq!(b.digests.len(), 1);
    }

    #[test]
    fn resolves_by_id_or_alias_case_insensitively() {
        let b = build("0.2.1-warden.1", GOOD);
        assert!(b.resolves("ghsa-xvch-5gv4-984h", &[]));
        assert!(b.resolves("GHSA-other", &["CVE-2021-44906".into()]));
        assert!(!b.resolves("GHSA-other", &["CVE-2000-1".into()]));
    }

    #[test]
    fn tarball_names_follow_npm_pack() {
        assert_eq!(
            tarball_rel_path("@scope/pkg", "1.0.0-warden.2"),
            "supply-chain/patched/scope-pkg-1.0.0-warden.2.tgz"
        );
        assert_eq!(
            tarball_file_name("minimist", "0.2.1-warden.1"),
            "minimist-0.2.1-warden.1.tgz"
        );
    }
}
