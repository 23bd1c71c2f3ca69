//! `warden scan TARGET`: static analysis of one package (a `.tgz`, a directory, or
//! `name@version` from the registry), and `warden scan` without a target: every package of the
//! lockfile, in parallel, cached by integrity and rules version.

pub mod human;
mod lockfile;
pub mod sarif;

use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_scan::{ScanOptions, ScanReport, Verdict};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to scan: a `.tgz` file, a package directory, or NAME@VERSION from the registry.
    /// Without it, every package of the project's lockfile (or --lockfile) is scanned
    #[arg(value_name = "TARGET")]
    pub target: Option<String>,
    /// Lockfile mode: read `<name>-<version>.tgz` tarballs from this directory instead of the
    /// registry cache (scoped names as `scope-name-version.tgz`, like `npm pack`)
    #[arg(long, value_name = "DIR")]
    pub tarballs: Option<PathBuf>,
    /// Lockfile mode: packages scanned at once (default: the number of cores)
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Lockfile mode: do not read or write the result cache
    #[arg(long)]
    pub no_cache: bool,
}

/// The `--format json` document for one package (docs/scanner.md).
#[derive(Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub target: &'a str,
    #[serde(flatten)]
    pub report: &'a ScanReport,
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let Some(target) = &args.target else {
        return lockfile::run(args, global, out);
    };
    let report = scan_target(target, global, out)?;
    match out.format {
        Format::Json => out.json(&Report {
            schema: "warden.scan/v1",
            target,
            report: &report,
        }),
        Format::Sarif => out.json(&sarif::document(&[(target.as_str(), &report)])),
        Format::Human => human::print(out, target, &report),
    }
    Ok(if report.verdict == Verdict::Malicious {
        ExitCode::from(FOUND)
    } else {
        ExitCode::SUCCESS
    })
}

/// Scans a `.tgz`, a directory or NAME@VERSION.
pub fn scan_target(target: &str, global: &Global, out: &Out) -> Result<ScanReport> {
    let path = Path::new(target);
    if path.is_dir() {
        let files = read_dir_files(path)?;
        return Ok(warden_scan::scan_files(files, &ScanOptions::default()));
    }
    if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| {
            Failure::input(format!("{target}: cannot read: {e}"))
                .help("check the path and its permissions")
        })?;
        return Ok(warden_scan::scan_tarball(&bytes, &ScanOptions::default()));
    }
    if let Some((name, version)) = split_spec(target) {
        let (bytes, manifest) = lockfile::fetch_one(name, version, global, out)?;
        return Ok(warden_scan::scan_tarball(
            &bytes,
            &ScanOptions {
                manifest,
                ..ScanOptions::default()
            },
        ));
    }
    Err(Failure::input(format!(
        "{target}: no such file or directory, and not NAME@VERSION"
    ))
    .help("pass a .tgz file, a package directory, or an exact version like lodash@4.17.21"))
}

/// `name@version` → (name, version); the name may be scoped.
pub fn split_spec(spec: &str) -> Option<(&str, &str)> {
    let at = spec.get(1..)?.rfind('@')? + 1;
    let (n, v) = (&spec[..at], &spec[at + 1..]);
    (!n.is_empty() && !v.is_empty()).then_some((n, v))
}

/// Every regular file under a package directory (skipping node_modules and .git), as
/// `(relative path, bytes)`. Symbolic links are not followed.
pub fn read_dir_files(root: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    let mut total: u64 = 0;
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            Failure::input(format!("{}: cannot read directory: {e}", dir.display()))
                .help("check the path and its permissions")
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            let name = entry.file_name();
            if ft.is_dir() {
                if name != "node_modules" && name != ".git" {
                    stack.push(p);
                }
            } else if ft.is_file() {
                let bytes = std::fs::read(&p).map_err(|e| {
                    Failure::input(format!("{}: cannot read: {e}", p.display()))
                        .help("check its permissions")
                })?;
                total += bytes.len() as u64;
                if total > 1024 * 1024 * 1024 {
                    return Err(Failure::input(format!(
                        "{}: more than 1 GiB of files",
                        root.display()
                    ))
                    .help("scan the package's tarball instead (npm pack --ignore-scripts)"));
                }
                let rel = p
                    .strip_prefix(root)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, bytes));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}
