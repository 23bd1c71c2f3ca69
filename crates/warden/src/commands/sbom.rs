//! `warden sbom`: a CycloneDX 1.6/1.5 or SPDX 2.3 SBOM of the locked tree.

use super::documents;
use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::project;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_attest::sbom::{SbomInput, cyclonedx, spdx};
use warden_attest::{LicenseSource, PackageInfo, ProjectInfo, Tool};
use warden_lockfile::Inventory;

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
/// package's own package.json. Until the tarball cache lands, this is the only licence source;
/// other lockfile formats get `NOASSERTION`.
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
    let licenses = LockfileLicenses::read(&project.lockfile, inv);
    out.verbose(format!(
        "{} of {} packages have a licence in {}",
        licenses.0.len(),
        inv.packages.len(),
        project.lockfile.display()
    ));
    let info = project_info(&project.lockfile, inv);
    let tool = Tool::warden(env!("CARGO_PKG_VERSION"));
    let input = SbomInput {
        inventory: inv,
        project: &info,
        licenses: &licenses,
        tool: &tool,
        now,
    };
    let bytes = match version {
        Some(v) => cyclonedx::render(&input, v),
        None => spdx::render(&input),
    };
    documents::emit(args.output.as_deref(), &bytes)?;
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
