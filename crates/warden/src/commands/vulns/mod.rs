//! `warden vulns`: every package in the lockfile that an advisory in the local OSV database
//! names, with its advisories, severity, the nearest fixed version and the paths that bring it
//! in. Exit 1 when a finding reaches `--fail-on`.

mod sarif;

use super::advisories::{DataDir, open_existing};
use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use crate::project;
use anstyle::AnsiColor;
use serde::Serialize;
use std::process::ExitCode;
use warden_advisory::{Confidence, Match, Severity, matches_for, timestamp};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit 1 when a finding is at or above this severity
    #[arg(long, value_enum, default_value_t = FailOn::Any, value_name = "LEVEL")]
    pub fail_on: FailOn,
    /// Count matches found only through an open `introduced: 0` range of a merged
    /// malicious-package record (low confidence) toward --fail-on too
    #[arg(long)]
    pub strict: bool,
    /// At most this many dependency paths per finding
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub paths: usize,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any finding
    Any,
    Low,
    Moderate,
    High,
    Critical,
    /// Only malicious-package reports
    Malicious,
    /// Never: report only
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            Self::Any | Self::Low => Some(Severity::Low),
            Self::Moderate => Some(Severity::Moderate),
            Self::High => Some(Severity::High),
            Self::Critical => Some(Severity::Critical),
            Self::Malicious => Some(Severity::Malicious),
            Self::Never => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::Any => "any",
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
            Self::Critical => "critical",
            Self::Malicious => "malicious",
            Self::Never => "never",
        }
    }
}

/// One finding as reported: the match, and where the lockfile has it.
#[derive(Debug, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub m: Match,
    pub dev: bool,
    pub optional: bool,
    /// Dependency paths from an importer, `name@version` labels.
    pub paths: Vec<Vec<String>>,
    /// True when this finding counts toward `--fail-on`.
    pub fails: bool,
}

#[derive(Debug, Serialize)]
struct Summary {
    findings: usize,
    packages: usize,
    malicious: usize,
    critical: usize,
    high: usize,
    moderate: usize,
    low: usize,
    unknown: usize,
    open_range: usize,
    failing: usize,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    schema: &'static str,
    lockfile: String,
    database: String,
    newest_modified: Option<String>,
    fail_on: &'static str,
    strict: bool,
    summary: Summary,
    findings: &'a [Finding],
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let store = open_existing(&args.data)?;
    let status = store.status().map_err(|e| Failure::input(e.to_string()))?;
    if status.total == 0 {
        return Err(Failure::input(format!(
            "{}: the advisory database is empty",
            status.database
        ))
        .help("run `warden advisories sync` first; an empty database would pass every package"));
    }
    let inv = &project.inventory;
    let matches = matches_for(inv, &store).map_err(|e| {
        Failure::input(e.to_string())
            .help("remove the database file and run `warden advisories sync` again")
    })?;
    let graph = inv.graph();
    let threshold = args.fail_on.threshold();
    let findings: Vec<Finding> = matches
        .into_iter()
        .map(|m| {
            let pkg = &inv.packages[m.package];
            let paths = graph
                .paths_to(m.package, args.paths)
                .into_iter()
                .map(|p| p.into_iter().map(|n| inv.label(n)).collect())
                .collect();
            let counted = m.confidence == Confidence::Exact || args.strict;
            let fails = counted && threshold.is_some_and(|t| m.effective_severity() >= t);
            Finding {
                dev: pkg.dev,
                optional: pkg.optional,
                paths,
                fails,
                m,
            }
        })
        .collect();
    let failing = findings.iter().filter(|f| f.fails).count();
    let code = if failing > 0 {
        ExitCode::from(FOUND)
    } else {
        ExitCode::SUCCESS
    };
    let lockfile = project.lockfile.display().to_string();
    match out.format {
        Format::Sarif => {
            let text = std::fs::read_to_string(&project.lockfile).unwrap_or_default();
            let name = project
                .lockfile
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| lockfile.clone());
            out.json(&sarif::document(&findings, inv, &name, &text));
        }
        Format::Json => {
            let summary = summarize(&findings);
            out.json(&Report {
                schema: "warden.vulns/1",
                lockfile,
                database: status.database.clone(),
                newest_modified: status.newest_modified.as_deref().map(timestamp::display),
                fail_on: args.fail_on.as_str(),
                strict: args.strict,
                summary,
                findings: &findings,
            });
        }
        Format::Human => human(&findings, &status, args, out),
    }
    Ok(code)
}

fn summarize(findings: &[Finding]) -> Summary {
    let count = |s: Option<Severity>| {
        findings
            .iter()
            .filter(|f| f.m.confidence == Confidence::Exact && f.m.severity == s)
            .count()
    };
    let mut packages: Vec<usize> = findings.iter().map(|f| f.m.package).collect();
    packages.sort_unstable();
    packages.dedup();
    Summary {
        findings: findings.len(),
        packages: packages.len(),
        malicious: count(Some(Severity::Malicious)),
        critical: count(Some(Severity::Critical)),
        high: count(Some(Severity::High)),
        moderate: count(Some(Severity::Moderate)),
        low: count(Some(Severity::Low)),
        unknown: count(None),
        open_range: findings
            .iter()
            .filter(|f| f.m.confidence == Confidence::OpenRange)
            .count(),
        failing: findings.iter().filter(|f| f.fails).count(),
    }
}

fn severity_color(s: Option<Severity>) -> AnsiColor {
    match s {
        Some(Severity::Malicious | Severity::Critical) => AnsiColor::Red,
        Some(Severity::High) => AnsiColor::Magenta,
        Some(Severity::Moderate) => AnsiColor::Yellow,
        _ => AnsiColor::Cyan,
    }
}

fn human(findings: &[Finding], status: &warden_advisory::Status, args: &Args, out: &Out) {
    let exact: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.m.confidence == Confidence::Exact)
        .collect();
    let open: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.m.confidence == Confidence::OpenRange)
        .collect();
    let show = |f: &Finding| {
        let m = &f.m;
        let sev = m.severity.map_or("unknown severity", Severity::as_str);
        let score = m.score.map(|s| format!(" {s:.1}")).unwrap_or_default();
        let mut ids = m.ids.clone();
        ids.extend(m.aliases.iter().cloned());
        out.line(format!(
            "{} {}{} {}",
            out.bold(&format!("{}@{}", m.name, m.version)),
            out.colored(severity_color(m.severity), sev),
            score,
            ids.join(", ")
        ));
        if !m.summary.is_empty() {
            out.line(format!("  {}", m.summary));
        }
        match (&m.fixed, m.kind) {
            _ if m.confidence == Confidence::OpenRange => out.line(
                "  only the record's open range names this version; its bounded range does not",
            ),
            (Some(v), _) => out.line(format!("  fixed in {v}")),
            (None, warden_advisory::Kind::Malicious) => out.line(
                "  no fixed version: remove it or move to a version the report does not name",
            ),
            (None, _) => out.line("  no fixed version known"),
        }
        for p in &f.paths {
            out.line(format!("  {}", out.dim(&p.join(" > "))));
        }
    };
    for f in &exact {
        show(f);
    }
    if !open.is_empty() {
        out.line("");
        out.line(out.bold("possibly affected (low confidence):"));
        out.line(out.dim(
            "  these versions match only an open `introduced: 0` range that a merged malicious-package record carries beside a bounded one; see docs/advisories.md",
        ));
        for f in &open {
            show(f);
        }
    }
    let s = summarize(findings);
    let newest = status
        .newest_modified
        .as_deref()
        .map(timestamp::display)
        .unwrap_or_else(|| "-".into());
    if findings.is_empty() {
        out.line(format!(
            "no known advisories for the locked packages ({} records, newest {newest})",
            status.total
        ));
        return;
    }
    out.line("");
    out.line(format!(
        "{} finding{} in {} package{}: {} malicious, {} critical, {} high, {} moderate, {} low, {} unknown; {} low-confidence (database: {} records, newest {newest})",
        s.findings,
        if s.findings == 1 { "" } else { "s" },
        s.packages,
        if s.packages == 1 { "" } else { "s" },
        s.malicious,
        s.critical,
        s.high,
        s.moderate,
        s.low,
        s.unknown,
        s.open_range,
        status.total
    ));
    if s.failing > 0 {
        out.line(format!(
            "{} at or above --fail-on {}",
            s.failing,
            args.fail_on.as_str()
        ));
    }
}
