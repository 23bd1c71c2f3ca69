//! warden-scan: static analysis of npm package tarballs. Pure: bytes in, a [`ScanReport`] out —
//! no network, no filesystem, no clock. Nothing from a package is ever executed.
//!
//! ```no_run
//! let bytes: &[u8] = &[];
//! let report = warden_scan::scan_tarball(bytes, &warden_scan::ScanOptions::default());
//! println!("{}", report.verdict.as_str());
//! ```

mod capabilities;
mod decode;
mod diff;
mod flow;
mod js;
mod local_decoder;
mod model;
mod package;
pub mod rules;
mod unpack;
mod verdict;

pub use diff::{FileChange, ScanDiff, diff};
pub use model::{
    Capabilities, Capability, FileSummary, Finding, Limits, ScanOptions, ScanReport, Severity,
    Verdict,
};
pub use rules::{Category, RuleMeta};

use sha2::{Digest, Sha256};

/// Changes whenever a rule, the verdict logic or the analysis changes; a cache key for results.
pub const RULES_VERSION: &str = "2026.11.25-15";

/// Stack for the analysis thread: oxc recurses on nesting, and the nesting pre-scan bounds it.
const STACK: usize = 256 * 1024 * 1024;

/// Every rule's metadata, in catalogue order.
pub fn rules() -> &'static [RuleMeta] {
    static METAS: std::sync::OnceLock<Vec<RuleMeta>> = std::sync::OnceLock::new();
    METAS.get_or_init(|| rules::ALL.iter().map(|r| *r.meta).collect())
}

/// Scans a package tarball (`.tgz`, or a plain `.tar`) held in memory. Never panics: archive
/// problems and limits become findings.
pub fn scan_tarball(bytes: &[u8], opts: &ScanOptions) -> ScanReport {
    scan_tarball_observed(bytes, opts, &mut |_| {})
}

/// A point a scan has reached, for benchmarks that time the phases (the caller reads the clock;
/// the scanner does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The archive is decompressed and unpacked.
    Unpacked,
    /// Files are decoded, parsed and analysed, the manifest read.
    Analysed,
    /// The code files' gate literals are found (one pass each, see `rules::presence`).
    Indexed,
    /// The rule with this id has run.
    Rule(&'static str),
    /// The verdict, capabilities and report are built.
    Reported,
}

/// [`scan_tarball`], calling `observe` as each [`Phase`] ends.
pub fn scan_tarball_observed(
    bytes: &[u8],
    opts: &ScanOptions,
    observe: &mut (dyn FnMut(Phase) + Send),
) -> ScanReport {
    on_big_stack(|| {
        let u = unpack::unpack(bytes, &opts.limits);
        observe(Phase::Unpacked);
        scan_inner(u.files, u.issues, opts, observe)
    })
}

/// Scans files given as `(path relative to the package root, bytes)`, e.g. read from a directory.
pub fn scan_files(files: Vec<(String, Vec<u8>)>, opts: &ScanOptions) -> ScanReport {
    on_big_stack(move || {
        let files = files
            .into_iter()
            .map(|(p, b)| {
                (
                    p.trim_start_matches("./")
                        .trim_start_matches("package/")
                        .to_string(),
                    b,
                )
            })
            .collect();
        scan_inner(files, Vec::new(), opts, &mut |_| {})
    })
}

fn on_big_stack<F: FnOnce() -> ScanReport + Send>(f: F) -> ScanReport {
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("warden-scan".into())
            .stack_size(STACK)
            .spawn_scoped(s, f)
        {
            Ok(h) => h.join().unwrap_or_else(|_| failed_report()),
            Err(_) => failed_report(),
        }
    })
}

/// What a scan that could not finish reports: not ok (fail closed), with the reason.
fn failed_report() -> ScanReport {
    ScanReport {
        name: None,
        version: None,
        verdict: Verdict::Review,
        reasons: vec!["the scanner could not finish on this package; review it by hand".into()],
        findings: Vec::new(),
        capabilities: Default::default(),
        files: Vec::new(),
        install_scripts: Default::default(),
        dependencies: Default::default(),
        unpacked_bytes: 0,
        rules_version: RULES_VERSION.into(),
    }
}

fn scan_inner(
    files: Vec<(String, Vec<u8>)>,
    issues: Vec<unpack::ArchiveIssue>,
    opts: &ScanOptions,
    observe: &mut (dyn FnMut(Phase) + Send),
) -> ScanReport {
    let pkg = package::Package::build(files, issues, opts.manifest.as_ref(), &opts.limits);
    observe(Phase::Analysed);
    let scope = rules::presence::Scope::enter(&pkg);
    observe(Phase::Indexed);
    let mut hits = Vec::new();
    for rule in rules::ALL {
        let mut out = rules::Emitter::new(rule.meta);
        (rule.check)(&pkg, &mut out);
        hits.extend(out.hits);
        observe(Phase::Rule(rule.meta.id));
    }
    drop(scope);
    let (verdict, reasons) = verdict::judge(&pkg, &hits);
    let capabilities = capabilities::collect(&pkg, &hits);
    let mut findings: Vec<Finding> = hits.iter().map(to_finding).collect();
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.file.cmp(&b.file))
            .then(a.line.cmp(&b.line))
            .then(a.column.cmp(&b.column))
            .then_with(|| a.rule.cmp(&b.rule))
    });
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.line == b.line);
    let files = pkg
        .files
        .iter()
        .filter(|f| f.script.is_none())
        .map(|f| FileSummary {
            path: f.path.clone(),
            size: f.bytes().len() as u64,
            lines: if f.kind == package::FileKind::Binary || f.kind == package::FileKind::Image {
                0
            } else {
                f.lines()
            },
            sha256: hex(&Sha256::digest(f.bytes())),
        })
        .collect();
    let dependencies = ["dependencies", "optionalDependencies"]
        .iter()
        .filter_map(|k| pkg.manifest.as_ref()?.get(*k)?.as_object())
        .flat_map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
        })
        .collect();
    let report = ScanReport {
        name: pkg.name().map(str::to_string),
        version: pkg.version().map(str::to_string),
        verdict,
        reasons,
        findings,
        capabilities,
        files,
        install_scripts: pkg.scripts(),
        dependencies,
        unpacked_bytes: pkg.total_bytes,
        rules_version: RULES_VERSION.into(),
    };
    observe(Phase::Reported);
    report
}

fn to_finding(h: &rules::Hit) -> Finding {
    let mut d = Sha256::new();
    d.update(h.rule.id.as_bytes());
    d.update([0]);
    d.update(h.file.as_bytes());
    d.update([0]);
    d.update(h.evidence.as_bytes());
    let fp = hex(&d.finalize());
    Finding {
        rule: h.rule.id.to_string(),
        severity: h.severity,
        file: h.file.clone(),
        line: h.line,
        column: h.column,
        message: h.message.clone(),
        evidence: h.evidence.clone(),
        fingerprint: fp[..16].to_string(),
    }
}

fn hex(b: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        let _ = write!(s, "{x:02x}");
    }
    s
}
