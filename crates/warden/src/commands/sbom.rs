//! `warden sbom`: a CycloneDX 1.6/1.5 or SPDX 2.3 SBOM of the locked tree.

use super::documents;
use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::project;
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_attest::sbom::{SbomInput, cyclonedx, spdx};
use warden_attest::{LicenseSource, PackageInfo, ProjectInfo, Tool};
use warden_lockfile::{Integrity, Inventory};

/// The SBOM standard to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Spec {
    /// CycloneDX JSON (1.6, or 1.5 with --spec-version 1.5)
    Cyclonedx,
    /// SPDX 2.3 JSON
    Spdx,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SBOM standard (the global --format does not apply: an SBOM is always JSON)
    #[arg(long, value_enum, default_value_t = Spec::Cyclonedx)]
    pub spec: Spec,
    /// The standard's version: 1.6 or 1.5 for CycloneDX, 2.3 for SPDX
    #[arg(long, value_name = "VERSION")]
    pub spec_version: Option<String>,
    /// Write the SBOM to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Licences from the `license` fields npm 9+ copies into package-lock.json from each
/// package's own package.json: the fallback when a package's tarball is not in the cache.
struct LockfileLicenses(BTreeMap<(String, String), PackageInfo>);

impl LockfileLicenses {
    fn read(lockfile: &Path, inv: &Inventory) -> Self {
        let mut map = BTreeMap::new();
        let is_npm = matches!(
            inv.kind,
            warden_lockfile::LockfileKind::PackageLock | warden_lockfile::LockfileKind::Shrinkwrap
        );
        let parsed = is_npm
            .then(|| std::fs::read(lockfile).ok())
            .flatten()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
        let packages = parsed
            .as_ref()
            .and_then(|v| v.get("packages"))
            .and_then(|p| p.as_object());
        for (key, entry) in packages.into_iter().flatten() {
            let Some(license) = entry.get("license").and_then(|l| l.as_str()) else {
                continue;
            };
            let Some(version) = entry.get("version").and_then(|v| v.as_str()) else {
                continue;
            };
            let name = match entry.get("name").and_then(|n| n.as_str()) {
                Some(n) => n.to_string(),
                None => match key.rfind("node_modules/") {
                    Some(i) => key[i + "node_modules/".len()..].to_string(),
                    None => continue,
                },
            };
            map.insert(
                (name, version.to_string()),
                PackageInfo {
                    license: Some(license.to_string()),
                    ..PackageInfo::default()
                },
            );
        }
        Self(map)
    }
}

impl LicenseSource for LockfileLicenses {
    fn info(&self, name: &str, version: &str) -> Option<PackageInfo> {
        self.0.info(name, version)
    }
}

/// A package's own package.json, from its tarball in warden's cache (`warden fetch` fills it):
/// licence, author, description, homepage. Falls back to the lockfile's licence field, then to
/// nothing (`NOASSERTION`). Tarballs are read in memory and verified against the lockfile's
/// integrity by the cache; nothing is unpacked to disk.
struct CachedMetadata {
    cache: Option<warden_registry::cache::Cache>,
    integrity: HashMap<(String, String), Integrity>,
    lockfile: LockfileLicenses,
    hits: Cell<usize>,
}

/// Gzip-decompressed bytes read from one tarball before giving up on finding package.json.
const MAX_UNPACKED: u64 = 64 * 1024 * 1024;
/// package.json files larger than this are not a package's manifest.
const MAX_MANIFEST: u64 = 1024 * 1024;

/// The `package/package.json` of a `.tgz` (the first top-level directory's package.json).
fn manifest_from_tarball(bytes: &[u8]) -> Option<Vec<u8>> {
    let gz = flate2::read::MultiGzDecoder::new(bytes).take(MAX_UNPACKED);
    let mut archive = tar::Archive::new(gz);
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        let path = entry.path().ok()?.to_string_lossy().into_owned();
        let mut parts = path.split('/').filter(|p| !p.is_empty() && *p != ".");
        let (Some(_top), Some("package.json"), None) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if entry.size() > MAX_MANIFEST {
            return None;
        }
        let mut out = Vec::new();
        entry.read_to_end(&mut out).ok()?;
        return Some(out);
    }
    None
}

impl LicenseSource for CachedMetadata {
    fn info(&self, name: &str, version: &str) -> Option<PackageInfo> {
        let key = (name.to_string(), version.to_string());
        let from_lockfile = self.lockfile.info(name, version);
        let from_tarball = self
            .cache
            .as_ref()
            .zip(self.integrity.get(&key))
            .and_then(|(cache, integrity)| cache.get_tarball(integrity))
            .and_then(|tgz| manifest_from_tarball(&tgz))
            .map(|manifest| PackageInfo::from_package_json(&manifest));
        match from_tarball {
            Some(mut info) => {
                self.hits.set(self.hits.get() + 1);
                if info.license.is_none() {
                    info.license = from_lockfile.and_then(|l| l.license);
                }
                Some(info)
            }
            None => from_lockfile,
        }
    }
}

/// The root project's name, version and metadata from its package.json, else the directory.
pub fn project_info(lockfile: &Path, inv: &Inventory) -> ProjectInfo {
    let dir = lockfile.parent().unwrap_or(Path::new("."));
    let manifest = std::fs::read(dir.join("package.json")).ok();
    let info = manifest
        .as_deref()
        .map(PackageInfo::from_package_json)
        .unwrap_or_default();
    let root = inv.importers.first();
    let dir_name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "project".into());
    ProjectInfo {
        name: root.and_then(|r| r.name.clone()).unwrap_or(dir_name),
        version: root.and_then(|r| r.version.clone()),
        info,
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let version = match (args.spec, args.spec_version.as_deref()) {
        (Spec::Cyclonedx, None) => Some(cyclonedx::SpecVersion::V1_6),
        (Spec::Cyclonedx, Some(v)) => Some(cyclonedx::SpecVersion::parse(v).ok_or_else(|| {
            Failure::input(format!("CycloneDX version {v:?} is not one warden writes"))
                .help("use --spec-version 1.6 (the default) or 1.5")
        })?),
        (Spec::Spdx, None | Some("2.3")) => None,
        (Spec::Spdx, Some(v)) => {
            return Err(
                Failure::input(format!("SPDX version {v:?} is not one warden writes"))
                    .help("warden writes SPDX 2.3; drop --spec-version or pass 2.3"),
            );
        }
    };
    let now = documents::now()?;
    let project = project::load(global)?;
    let inv = &project.inventory;
    let lockfile = LockfileLicenses::read(&project.lockfile, inv);
    out.verbose(format!(
        "{} of {} packages have a licence in {}",
        lockfile.0.len(),
        inv.packages.len(),
        project.lockfile.display()
    ));
    let cache_env = std::env::var("WARDEN_CACHE").ok();
    let cache = warden_registry::cache::Cache::default_dir(
        global.cache_dir.as_deref(),
        cache_env.as_deref(),
    )
    .filter(|d| d.join("tarballs").is_dir())
    .map(warden_registry::cache::Cache::new);
    let licenses = CachedMetadata {
        cache,
        integrity: inv
            .packages
            .iter()
            .filter_map(|p| Some(((p.name.clone(), p.version.clone()), p.integrity.clone()?)))
            .collect(),
        lockfile,
        hits: Cell::new(0),
    };
    let info = project_info(&project.lockfile, inv);
    let patched = crate::patched::PatchedBuilds::load(&global.dir)?;
    let pedigree = patched.pedigrees(inv, &global.dir)?;
    out.verbose(format!("{} patched builds with pedigree", pedigree.len()));
    let tool = Tool::warden(env!("CARGO_PKG_VERSION"));
    let input = SbomInput {
        inventory: inv,
        project: &info,
        licenses: &licenses,
        tool: &tool,
        now,
        pedigree: &pedigree,
    };
    let bytes = match version {
        Some(v) => cyclonedx::render(&input, v),
        None => spdx::render(&input),
    };
    documents::emit(args.output.as_deref(), &bytes)?;
    out.verbose(format!(
        "{} packages described from their own package.json in the cache{}",
        licenses.hits.get(),
        licenses.cache.as_ref().map_or(
            " (no cache: run `warden fetch` to fill it)".to_string(),
            |c| format!(" ({})", c.root().display())
        )
    ));
    if let Some(p) = &args.output {
        out.note(format!(
            "wrote {} ({} components) to {}",
            match version {
                Some(v) => format!("CycloneDX {}", v.as_str()),
                None => "SPDX 2.3".to_string(),
            },
            inv.packages.len() + inv.importers.len().saturating_sub(1),
            p.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
