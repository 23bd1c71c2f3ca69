//! `warden fetch`: download packuments and tarballs for every registry package of the lockfile
//! (or the NAME@VERSION given) into the cache, verify each tarball's integrity and registry
//! signature, and summarise: fetched, already cached, failed with reasons, signatures verified /
//! missing / invalid. Exit 1 when anything failed or a signature is invalid.

use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use crate::project;
use crate::registry_access;
use anstyle::AnsiColor;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::io::IsTerminal as _;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use warden_lockfile::SourceKind;
use warden_registry::SignatureStatus;
use warden_registry::prefetch::{FetchStatus, PackageOutcome, Wanted};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Packages to fetch instead of the lockfile's (`lodash@4.17.21`, `@scope/name@1.0.0`)
    #[arg(value_name = "NAME@VERSION")]
    pub packages: Vec<String>,
    /// Requests in flight at once
    #[arg(long, default_value_t = 16, value_name = "N")]
    pub jobs: usize,
}

/// The `--format json` document (docs/registry.md).
#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    registry: String,
    cache_dir: String,
    offline: bool,
    summary: Summary,
    packages: &'a [PackageOutcome],
    skipped: &'a [Skipped],
    notes: Vec<String>,
}

#[derive(Serialize, Default)]
struct Summary {
    packages: usize,
    fetched: usize,
    cached: usize,
    failed: usize,
    skipped: usize,
    bytes: u64,
    weak_integrity: usize,
    signatures_verified: usize,
    signatures_missing: usize,
    signatures_invalid: usize,
    seconds: f64,
}

#[derive(Serialize)]
struct Skipped {
    name: String,
    version: String,
    reason: String,
}

/// `name@version` → (name, version); the name may be scoped.
fn split_spec(spec: &str) -> Option<(&str, &str)> {
    let at = spec.get(1..)?.rfind('@')? + 1;
    let (n, v) = (&spec[..at], &spec[at + 1..]);
    (!n.is_empty() && !v.is_empty()).then_some((n, v))
}

fn wanted(args: &Args, global: &Global) -> Result<(Vec<Wanted>, Vec<Skipped>)> {
    if !args.packages.is_empty() {
        let mut out = Vec::new();
        for spec in &args.packages {
            let Some((name, version)) = split_spec(spec) else {
                return Err(Failure::input(format!(
                    "{spec:?}: expected NAME@VERSION with an exact version"
                ))
                .help("write it like lodash@4.17.21 or @scope/name@1.0.0"));
            };
            out.push(Wanted {
                name: name.to_string(),
                version: version.to_string(),
                integrity: None,
            });
        }
        return Ok((out, Vec::new()));
    }
    let project = project::load(global)?;
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for p in &project.inventory.packages {
        if !seen.insert((p.name.clone(), p.version.clone())) {
            continue;
        }
        if p.source != SourceKind::Registry {
            skipped.push(Skipped {
                name: p.name.clone(),
                version: p.version.clone(),
                reason: format!("not from the registry ({})", p.source.as_str()),
            });
            continue;
        }
        out.push(Wanted {
            name: p.name.clone(),
            version: p.version.clone(),
            integrity: p.integrity.clone(),
        });
    }
    Ok((out, skipped))
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let (wanted, skipped) = wanted(args, global)?;
    let cache_dir = registry_access::cache_dir(global)?;
    let client = registry_access::open(global, out, args.jobs)?;
    let registry = client.client().config().registry.to_string();

    let total = wanted.len() as u64;
    let show_bar = !out.quiet && out.format == Format::Human && std::io::stderr().is_terminal();
    let bar = if show_bar {
        ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} packages  {msg}  {elapsed}")
    {
        bar.set_style(style);
    }
    let started = Instant::now();
    let bytes = Arc::new(AtomicU64::new(0));
    let progress = {
        let bar = bar.clone();
        let bytes = bytes.clone();
        Arc::new(move |o: &PackageOutcome| {
            let b = bytes.fetch_add(o.bytes, Ordering::Relaxed) + o.bytes;
            let secs = started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{}, {}/s",
                human_bytes(b),
                human_bytes((b as f64 / secs) as u64)
            ));
            bar.inc(1);
        })
    };
    let results = client.prefetch(wanted, progress);
    bar.finish_and_clear();

    let mut s = Summary {
        packages: results.len(),
        skipped: skipped.len(),
        seconds: started.elapsed().as_secs_f64(),
        ..Summary::default()
    };
    for r in &results {
        match r.status {
            FetchStatus::Fetched => s.fetched += 1,
            FetchStatus::Cached => s.cached += 1,
            FetchStatus::Failed => s.failed += 1,
        }
        s.bytes += r.bytes;
        s.weak_integrity += usize::from(r.weak_integrity);
        match &r.signature {
            Some(SignatureStatus::Verified { .. }) => s.signatures_verified += 1,
            Some(SignatureStatus::Missing { .. }) => s.signatures_missing += 1,
            Some(SignatureStatus::Invalid { .. }) => s.signatures_invalid += 1,
            None => {}
        }
    }
    let notes = client.client().notes();
    let code = if s.failed > 0 || s.signatures_invalid > 0 {
        ExitCode::from(FOUND)
    } else {
        ExitCode::SUCCESS
    };

    if out.format != Format::Human {
        out.json(&Report {
            schema: "warden.fetch/1",
            registry,
            cache_dir: cache_dir.display().to_string(),
            offline: global.offline,
            summary: s,
            packages: &results,
            skipped: &skipped,
            notes,
        });
        return Ok(code);
    }
    for n in &notes {
        out.verbose(n);
    }
    for r in &results {
        let id = format!("{}@{}", r.name, r.version);
        if r.status == FetchStatus::Failed {
            out.line(format!(
                "{} {}: {}",
                out.colored(AnsiColor::Red, "failed"),
                out.bold(&id),
                r.error.as_deref().unwrap_or("unknown error")
            ));
            if let Some(h) = &r.help {
                out.line(format!("  {}", out.dim(&format!("help: {h}"))));
            }
        }
        if let Some(SignatureStatus::Invalid { reason, .. }) = &r.signature {
            out.line(format!(
                "{} {}: registry signature invalid: {reason}",
                out.colored(AnsiColor::Red, "invalid"),
                out.bold(&id)
            ));
        }
        if r.weak_integrity {
            out.verbose(format!("{id}: only a sha1 digest vouches for this tarball"));
        }
        if let Some(SignatureStatus::Missing { reason }) = &r.signature {
            out.verbose(format!("{id}: no registry signature checked: {reason}"));
        }
    }
    for k in &skipped {
        out.verbose(format!("skipped {}@{}: {}", k.name, k.version, k.reason));
    }
    out.line(format!(
        "{} packages: {} fetched, {} already cached, {} failed{}; {} in {:.1}s; signatures: {} verified, {} missing, {} invalid{}",
        s.packages,
        s.fetched,
        s.cached,
        s.failed,
        if s.skipped > 0 {
            format!(", {} skipped (not from the registry)", s.skipped)
        } else {
            String::new()
        },
        human_bytes(s.bytes),
        s.seconds,
        s.signatures_verified,
        s.signatures_missing,
        s.signatures_invalid,
        if s.weak_integrity > 0 {
            format!("; {} with sha1-only integrity", s.weak_integrity)
        } else {
            String::new()
        }
    ));
    if s.signatures_missing > 0 && !out.verbose && !notes.is_empty() {
        out.note("some registry features are missing (signatures, validators…); run with --verbose to see which");
    }
    if s.failed > 0 && global.offline {
        out.note("help: run `warden fetch` without --offline to fill the cache");
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::split_spec;

    #[test]
    fn specs_split_at_the_last_at() {
        assert_eq!(split_spec("lodash@4.17.21"), Some(("lodash", "4.17.21")));
        assert_eq!(split_spec("@scope/x@1.0.0"), Some(("@scope/x", "1.0.0")));
        assert_eq!(split_spec("@scope/x"), None);
        assert_eq!(split_spec("lodash"), None);
        assert_eq!(split_spec("lodash@"), None);
        assert_eq!(split_spec(""), None);
        assert_eq!(split_spec("é@1"), None);
    }
}
