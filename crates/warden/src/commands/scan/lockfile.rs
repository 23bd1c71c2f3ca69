//! `warden scan` over a whole lockfile: every registry package's tarball comes from a
//! [`TarballProvider`] (the registry client and its cache, or a directory of `.tgz` files), is
//! scanned in parallel with a progress bar, and the result is cached by integrity and
//! [`warden_scan::RULES_VERSION`].

use super::human::verdict_text;
use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use crate::project;
use crate::registry_access::{self, registry_failure};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use warden_lockfile::{Integrity, SourceKind};
use warden_registry::{BlockingClient, Registry};
use warden_scan::{ScanOptions, ScanReport, Verdict};

/// Where tarballs come from.
pub trait TarballProvider: Sync {
    /// The tarball bytes of `name@version` (verified against `integrity` where the provider can),
    /// or why they are not available.
    fn tarball(
        &self,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
    ) -> std::result::Result<Vec<u8>, String>;
}

/// A directory of `<name>-<version>.tgz` files (scoped: `scope-name-version.tgz`).
pub struct DirProvider(pub PathBuf);

impl TarballProvider for DirProvider {
    fn tarball(
        &self,
        name: &str,
        version: &str,
        _integrity: Option<&Integrity>,
    ) -> std::result::Result<Vec<u8>, String> {
        let flat = name.trim_start_matches('@').replace('/', "-");
        let candidates = [
            format!("{flat}-{version}.tgz"),
            format!("{}-{version}.tgz", name.replace('/', "__")),
            format!("{name}@{version}.tgz").replace('/', "__"),
        ];
        for c in &candidates {
            let p = self.0.join(c);
            if p.is_file() {
                return std::fs::read(&p).map_err(|e| format!("cannot read {}: {e}", p.display()));
            }
        }
        Err(format!("no {} in {}", candidates[0], self.0.display()))
    }
}

/// The registry client: cache first, the network unless --offline; integrity verified.
pub struct RegistryProvider(pub BlockingClient);

impl TarballProvider for RegistryProvider {
    fn tarball(
        &self,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
    ) -> std::result::Result<Vec<u8>, String> {
        Registry::tarball(&self.0, name, version, integrity)
            .map(|t| t.bytes)
            .map_err(|e| e.to_string())
    }
}

/// One package from the registry, with its registry manifest (for manifest confusion).
pub fn fetch_one(
    name: &str,
    version: &str,
    global: &Global,
    out: &Out,
) -> Result<(Vec<u8>, Option<serde_json::Value>)> {
    let client = registry_access::open(global, out, 1)?;
    out.verbose(format!("fetching {name}@{version}"));
    let packument = Registry::packument(&client, name).map_err(registry_failure)?;
    let manifest = packument.versions.get(version).map(|v| {
        serde_json::json!({
            "name": v.name,
            "version": v.version,
            "scripts": v.scripts,
            "dependencies": v.dependencies,
            "optionalDependencies": v.optional_dependencies,
        })
    });
    let t = Registry::tarball(&client, name, version, None).map_err(registry_failure)?;
    Ok((t.bytes, manifest))
}

/// The result cache: `<cache>/scan/<rules version>/<sha256 of the integrity>.json`.
struct ResultCache(Option<PathBuf>);

impl ResultCache {
    fn path(&self, integrity: &Integrity) -> Option<PathBuf> {
        let root = self.0.as_ref()?;
        let key = Sha256::digest(integrity.to_string().as_bytes());
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        Some(
            root.join("scan")
                .join(warden_scan::RULES_VERSION)
                .join(format!("{hex}.json")),
        )
    }
    fn get(&self, integrity: Option<&Integrity>) -> Option<ScanReport> {
        let bytes = std::fs::read(self.path(integrity?)?).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
    fn put(&self, integrity: Option<&Integrity>, report: &ScanReport) {
        let Some(p) = integrity.and_then(|i| self.path(i)) else {
            return;
        };
        let (Some(dir), Ok(bytes)) = (p.parent(), serde_json::to_vec(report)) else {
            return;
        };
        // Temp file + rename: a crash never leaves a half-written result behind.
        let tmp = dir.join(format!(
            ".{}.{}.tmp",
            p.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            std::process::id()
        ));
        let ok = std::fs::create_dir_all(dir).is_ok()
            && std::fs::write(&tmp, &bytes).is_ok()
            && std::fs::rename(&tmp, &p).is_ok();
        if !ok {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[derive(Serialize)]
struct Row {
    name: String,
    version: String,
    verdict: Option<Verdict>,
    cached: bool,
    /// Why the package was not scanned (fail closed: counted as a problem).
    error: Option<String>,
    findings: usize,
    reasons: Vec<String>,
    capabilities: Vec<&'static str>,
}

#[derive(Serialize)]
struct LockReport<'a> {
    schema: &'static str,
    lockfile: String,
    rules_version: &'static str,
    summary: Summary,
    packages: &'a [Row],
}

#[derive(Serialize, Default)]
struct Summary {
    packages: usize,
    ok: usize,
    review: usize,
    malicious: usize,
    not_scanned: usize,
    cached: usize,
    seconds: f64,
}

pub fn run(args: &super::Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let mut wanted = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for p in &project.inventory.packages {
        if p.source == SourceKind::Registry && seen.insert((p.name.clone(), p.version.clone())) {
            wanted.push((p.name.clone(), p.version.clone(), p.integrity.clone()));
        }
    }
    let provider: Box<dyn TarballProvider> = match &args.tarballs {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(
                    Failure::input(format!("{}: no such directory", dir.display())).help(
                        "pass the directory holding <name>-<version>.tgz files to --tarballs",
                    ),
                );
            }
            Box::new(DirProvider(dir.clone()))
        }
        None => Box::new(RegistryProvider(registry_access::open(
            global,
            out,
            args.jobs.unwrap_or(8),
        )?)),
    };
    let cache = ResultCache(if args.no_cache {
        None
    } else {
        registry_access::cache_dir(global).ok()
    });
    let (rows, secs) = scan_all(&wanted, provider.as_ref(), &cache, args.jobs, out);
    let mut summary = Summary {
        packages: rows.len(),
        seconds: secs,
        ..Summary::default()
    };
    for r in &rows {
        match r.verdict {
            Some(Verdict::Ok) => summary.ok += 1,
            Some(Verdict::Review) => summary.review += 1,
            Some(Verdict::Malicious) => summary.malicious += 1,
            None => summary.not_scanned += 1,
        }
        summary.cached += r.cached as usize;
    }
    let bad = summary.malicious > 0 || summary.not_scanned > 0;
    match out.format {
        Format::Json => out.json(&LockReport {
            schema: "warden.scan-lockfile/v1",
            lockfile: project.lockfile.display().to_string(),
            rules_version: warden_scan::RULES_VERSION,
            summary,
            packages: &rows,
        }),
        Format::Sarif => {
            return Err(Failure::input("--format sarif is for one package").help(
                "run warden scan FILE.tgz --format sarif, or use --format json for the lockfile",
            ));
        }
        Format::Human => {
            for r in rows.iter().filter(|r| r.verdict != Some(Verdict::Ok)) {
                let v = match r.verdict {
                    Some(v) => verdict_text(out, v),
                    None => out.bold("not scanned"),
                };
                out.line(format!("{v:>12}  {}@{}", r.name, r.version));
                for reason in r.reasons.iter().take(5) {
                    out.line(format!("              {}", out.dim(reason)));
                }
                if let Some(e) = &r.error {
                    out.line(format!("              {}", out.dim(e)));
                }
            }
            out.line(format!(
                "{} packages: {} ok, {} review, {} malicious, {} not scanned ({} from cache) in {:.1}s",
                summary.packages, summary.ok, summary.review, summary.malicious, summary.not_scanned, summary.cached, summary.seconds
            ));
            if summary.not_scanned > 0 {
                out.note("packages that could not be scanned are not allowed: fetch them with `warden fetch`, or pass --tarballs DIR");
            }
        }
    }
    Ok(if bad {
        ExitCode::from(FOUND)
    } else {
        ExitCode::SUCCESS
    })
}

fn scan_all(
    wanted: &[(String, String, Option<Integrity>)],
    provider: &dyn TarballProvider,
    cache: &ResultCache,
    jobs: Option<usize>,
    out: &Out,
) -> (Vec<Row>, f64) {
    let started = Instant::now();
    let jobs = jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        })
        .max(1);
    let bar = if !out.quiet && out.format == Format::Human && std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(wanted.len() as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} packages scanned  {msg}  {elapsed}")
    {
        bar.set_style(style);
    }
    let next = AtomicUsize::new(0);
    let rows: Mutex<Vec<(usize, Row)>> = Mutex::new(Vec::with_capacity(wanted.len()));
    std::thread::scope(|s| {
        for _ in 0..jobs.min(wanted.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((name, version, integrity)) = wanted.get(i) else {
                        break;
                    };
                    let row = scan_one(name, version, integrity.as_ref(), provider, cache);
                    bar.inc(1);
                    bar.set_message(format!("{name}@{version}"));
                    if let Ok(mut r) = rows.lock() {
                        r.push((i, row));
                    }
                }
            });
        }
    });
    bar.finish_and_clear();
    let mut rows = rows.into_inner().unwrap_or_default();
    rows.sort_by_key(|(i, _)| *i);
    (
        rows.into_iter().map(|(_, r)| r).collect(),
        started.elapsed().as_secs_f64(),
    )
}

fn scan_one(
    name: &str,
    version: &str,
    integrity: Option<&Integrity>,
    provider: &dyn TarballProvider,
    cache: &ResultCache,
) -> Row {
    let (report, cached) = match cache.get(integrity) {
        Some(r) => (r, true),
        None => match provider.tarball(name, version, integrity) {
            Ok(bytes) => {
                let r = warden_scan::scan_tarball(&bytes, &ScanOptions::default());
                cache.put(integrity, &r);
                (r, false)
            }
            Err(e) => {
                return Row {
                    name: name.into(),
                    version: version.into(),
                    verdict: None,
                    cached: false,
                    error: Some(e),
                    findings: 0,
                    reasons: vec![],
                    capabilities: vec![],
                };
            }
        },
    };
    Row {
        name: name.into(),
        version: version.into(),
        verdict: Some(report.verdict),
        cached,
        error: None,
        findings: report.findings.len(),
        reasons: report.reasons.clone(),
        capabilities: report.capabilities.keys().map(|c| c.as_str()).collect(),
    }
}
