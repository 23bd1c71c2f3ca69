//! `warden check`: the gate for every package of the tree. Allow, quarantine, review or deny,
//! each with the reasons that decided it. Exit 1 when anything is denied or quarantined, or
//! needs review under `on-review = "fail"`.

use crate::cli::{Format, Global};
use crate::failure::{FOUND, Result};
use crate::gather::Gatherer;
use crate::output::Out;
use crate::{project, registry_access, supply_chain};
use anstyle::AnsiColor;
use jiff::Timestamp;
use serde::Serialize;
use std::process::ExitCode;
use warden_lockfile::{Inventory, SourceKind};
use warden_policy::config::OnReview;
use warden_policy::evidence::{AdvisoryFact, Evidence};
use warden_policy::gate::{Decision, Store, Verdict, gate};
use warden_policy::severity::Action;
use warden_policy::vet::find_vetting;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Judge as of this time (RFC 3339) instead of now; for reproducing a past decision
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Show allowed packages too
    #[arg(long)]
    pub all: bool,
    /// A Sigstore trusted_root.json to verify provenance against instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub trusted_root: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub data: crate::commands::advisories::DataDir,
}

#[derive(Serialize, Default)]
pub struct Summary {
    pub packages: usize,
    pub allow: usize,
    pub quarantine: usize,
    pub review: usize,
    pub deny: usize,
    /// Packages not judged because they are this project's own (workspaces, links).
    pub skipped: usize,
    /// Audits and exemptions that name versions the lockfile does not have.
    pub unused_audits: Vec<String>,
    /// Registry signatures and provenance of the packages whose evidence was gathered.
    pub trust: crate::gather::TrustSummary,
}

#[derive(Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub lockfile: String,
    pub now: Timestamp,
    pub summary: Summary,
    pub passed: bool,
    pub notes: Vec<String>,
    pub packages: Vec<Verdict>,
}

pub fn parse_now(arg: &Option<String>) -> Result<Timestamp> {
    match arg {
        None => Ok(Timestamp::now()),
        Some(s) => s.parse().map_err(|e| {
            crate::failure::Failure::input(format!("--now {s}: {e}"))
                .help("write the time as RFC 3339, like 2025-09-09T12:00:00Z")
        }),
    }
}

/// Advisory facts for each package index, from the advisory database when there is one.
pub type AdvisoryIndex = std::collections::HashMap<usize, Vec<AdvisoryFact>>;

/// Judges every package. Vetted packages whose integrity matches are judged on cheap evidence
/// (advisories and integrity); everything else gets the full evidence.
pub fn judge(
    inv: &Inventory,
    store: &Store<'_>,
    gatherer: &Gatherer<'_>,
    advisories: &AdvisoryIndex,
    patched: &crate::patched::PatchedBuilds,
    now: Timestamp,
) -> (Vec<Verdict>, usize) {
    let policy = &store.config.policy;
    let mut verdicts = Vec::new();
    let mut skipped = 0;
    for (i, p) in inv.packages.iter().enumerate() {
        if matches!(p.source, SourceKind::Workspace | SourceKind::Link) {
            skipped += 1;
            continue;
        }
        let need = if p.dev {
            &policy.dev_criteria
        } else {
            &policy.production_criteria
        };
        let integrity = p.integrity.as_ref().map(|x| x.to_string());
        let pa = store.package(&p.name);
        let facts = advisories.get(&i).cloned().unwrap_or_default();
        if let Some(m) = patched.classify(p) {
            verdicts.push(crate::patched::verdict(p, m, store, facts, now));
            continue;
        }
        let vetted = find_vetting(&pa, &store.criteria, &p.version, integrity.as_deref(), need);
        let ev = if vetted.is_some() {
            let mut ev = Evidence::new(&p.name, &p.version);
            ev.integrity = integrity;
            ev.dev = p.dev;
            ev.advisories = facts;
            ev
        } else if p.source != SourceKind::Registry {
            let mut ev = Evidence::new(&p.name, &p.version);
            ev.integrity = integrity;
            ev.dev = p.dev;
            ev.advisories = facts;
            ev.gaps.push(format!(
                "{} comes from a {} source ({}), which has no registry metadata, signature or advisory coverage",
                p.id(),
                p.source.as_str(),
                p.resolved.as_deref().unwrap_or("no URL")
            ));
            ev
        } else {
            let bases = warden_policy::vet::vetted_versions(&pa, &store.criteria, need);
            let base = warden_policy::gate::nearest_version(&bases, &p.version);
            gatherer.gather(p, base.as_deref(), facts)
        };
        verdicts.push(gate(store, &ev, now));
    }
    (verdicts, skipped)
}

fn severity(s: warden_advisory::Severity) -> warden_policy::severity::Severity {
    use warden_policy::severity::Severity as P;
    match s {
        warden_advisory::Severity::Low => P::Low,
        warden_advisory::Severity::Moderate => P::Medium,
        warden_advisory::Severity::High => P::High,
        warden_advisory::Severity::Critical | warden_advisory::Severity::Malicious => P::Critical,
    }
}

/// Matches the tree against the advisory database when there is one. Without a database the
/// check still runs (the scanner and metadata do not need it) and says so.
pub fn advisory_index(
    inv: &Inventory,
    data: &crate::commands::advisories::DataDir,
    notes: &mut Vec<String>,
) -> Result<AdvisoryIndex> {
    let mut index = AdvisoryIndex::new();
    let path = data.database()?;
    if !path.is_file() {
        notes.push(format!(
            "no advisory database at {}; malicious-package and vulnerability reports were not consulted (run `warden advisories sync`)",
            path.display()
        ));
        return Ok(index);
    }
    let store = crate::commands::advisories::open_existing(data)?;
    let matches = warden_advisory::matches_for(inv, &store).map_err(|e| {
        crate::failure::Failure::input(e.to_string())
            .help("remove the database file and run `warden advisories sync` again")
    })?;
    for m in matches {
        // An open `introduced: 0` range beside a bounded one (the merged-import quirk) is
        // reported for review, not treated as a confirmed malicious version.
        let exact = m.confidence == warden_advisory::Confidence::Exact;
        let malicious = m.kind == warden_advisory::Kind::Malicious && exact;
        let mut summary = m.summary.clone();
        if !exact {
            summary.push_str(" (only an open-ended range matched; low confidence)");
        }
        index.entry(m.package).or_default().push(AdvisoryFact {
            id: m.id.clone(),
            aliases: m.aliases.clone(),
            malicious,
            severity: Some(severity(m.effective_severity())),
            summary,
            fixed: m.fixed.clone(),
        });
    }
    Ok(index)
}

/// True when some registry package is not vetted, so the gate needs registry evidence.
pub fn needs_evidence(inv: &Inventory, store: &Store<'_>) -> bool {
    let policy = &store.config.policy;
    inv.packages.iter().any(|p| {
        if p.source != SourceKind::Registry {
            return false;
        }
        let need = if p.dev {
            &policy.dev_criteria
        } else {
            &policy.production_criteria
        };
        let integrity = p.integrity.as_ref().map(|x| x.to_string());
        find_vetting(
            &store.package(&p.name),
            &store.criteria,
            &p.version,
            integrity.as_deref(),
            need,
        )
        .is_none()
    })
}

/// `name@version` of audits and exemptions whose version is not in the lockfile.
pub fn unused_audits(inv: &Inventory, store: &Store<'_>) -> Vec<String> {
    let locked: std::collections::HashSet<(&str, &str)> = inv
        .packages
        .iter()
        .map(|p| (p.name.as_str(), p.version.as_str()))
        .collect();
    let mut out = Vec::new();
    for (name, list) in &store.config.exemptions {
        for e in list {
            if !locked.contains(&(name.as_str(), e.version.as_str())) {
                out.push(format!("exemption {name}@{}", e.version));
            }
        }
    }
    for (name, list) in &store.audits.audits {
        for a in list {
            if let Some(warden_policy::audits::Covers::Full(v)) = a.covers()
                && !locked.contains(&(name.as_str(), v))
            {
                out.push(format!("audit {name}@{v}"));
            }
        }
    }
    out
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let now = parse_now(&args.now)?;
    let project = project::load(global)?;
    let sc = supply_chain::load(global)?;
    let store = Store::new(&sc.config, &sc.audits, &sc.imports);
    let inv = &project.inventory;
    let mut notes = Vec::new();
    // Patched builds are matched against advisories as their base version (see patched.rs).
    let patched = crate::patched::PatchedBuilds::load(&global.dir)?;
    let base_view = patched.for_advisories(inv);
    let advisories = advisory_index(base_view.as_ref().unwrap_or(inv), &args.data, &mut notes)?;
    // A fully vetted tree is judged without the registry: open it only when something needs
    // evidence (and so never ask npm for its configuration when nothing does).
    let client;
    let empty = warden_registry::MemoryRegistry::new();
    let registry: &dyn warden_registry::Registry = if needs_evidence(inv, &store) {
        client = registry_access::open(global, out, 8)?;
        &client
    } else {
        &empty
    };
    let cache = registry_access::cache_dir(global).ok();
    let verifier =
        crate::commands::provenance::verifier(args.trusted_root.as_deref(), cache.as_deref())?;
    let gatherer = Gatherer::new(registry, cache, now, sc.config.policy.min_release_age)
        .with_provenance(crate::gather::ProvenanceSetup {
            verifier: &verifier,
            config: &sc.config,
        });
    let (verdicts, skipped) = judge(inv, &store, &gatherer, &advisories, &patched, now);

    let mut summary = Summary {
        packages: verdicts.len(),
        skipped,
        unused_audits: unused_audits(inv, &store),
        trust: gatherer.trust_summary(),
        ..Summary::default()
    };
    for v in &verdicts {
        match v.decision {
            Decision::Allow => summary.allow += 1,
            Decision::Quarantine(_) => summary.quarantine += 1,
            Decision::Review => summary.review += 1,
            Decision::Deny => summary.deny += 1,
        }
    }
    let review_fails = sc.config.policy.on_review == OnReview::Fail;
    let passed =
        summary.deny == 0 && summary.quarantine == 0 && (summary.review == 0 || !review_fails);
    let lockfile = project.lockfile.display().to_string();
    match out.format {
        Format::Json => out.json(&Report {
            schema: "warden.check/1",
            lockfile,
            now,
            summary,
            passed,
            notes,
            packages: verdicts,
        }),
        Format::Sarif => out.json(&crate::commands::check_sarif::sarif(&verdicts, &lockfile)),
        Format::Human => print_human(
            out, &verdicts, &summary, &notes, args.all, passed, &lockfile,
        ),
    }
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(FOUND)
    })
}

fn print_human(
    out: &Out,
    verdicts: &[Verdict],
    s: &Summary,
    notes: &[String],
    all: bool,
    passed: bool,
    lockfile: &str,
) {
    for v in verdicts {
        let id = format!("{}@{}", v.name, v.version);
        let (label, color) = match v.decision {
            Decision::Allow if !all => continue,
            Decision::Allow => ("allow", AnsiColor::Green),
            Decision::Quarantine(_) => ("quarantine", AnsiColor::Yellow),
            Decision::Review => ("review", AnsiColor::Cyan),
            Decision::Deny => ("deny", AnsiColor::Red),
        };
        let head = match (
            &v.decision,
            v.reasons.iter().find(|r| r.action == Action::Deny),
        ) {
            (Decision::Deny, Some(r)) => format!(
                "{id} is denied by rule {}{}",
                r.rule,
                r.location
                    .as_ref()
                    .map(|l| format!(" ({l})"))
                    .unwrap_or_default()
            ),
            (Decision::Quarantine(until), _) => format!("{id} is quarantined until {until}"),
            (Decision::Review, _) => format!("{id} needs review"),
            (Decision::Allow, _) => format!(
                "{id} is allowed{}",
                match &v.vetted {
                    Some(warden_policy::vet::Vetted::Exemption { .. }) => " (exemption)",
                    Some(warden_policy::vet::Vetted::Audit { .. }) => " (audit)",
                    Some(warden_policy::vet::Vetted::Chain { .. }) => " (delta audits)",
                    None => "",
                }
            ),
            (Decision::Deny, None) => format!("{id} is denied"),
        };
        out.line(format!("{}: {head}", out.colored(color, label)));
        for r in v.reasons.iter().filter(|r| r.action >= Action::Warn) {
            let loc = r
                .location
                .as_ref()
                .map(|l| format!(" at {l}"))
                .unwrap_or_default();
            out.line(format!(
                "  {} {} [{}]{loc}: {}",
                out.dim(r.action.as_str()),
                r.rule,
                r.severity.as_str(),
                r.message
            ));
        }
        if let Some(s) = &v.suggestion {
            let s = if s.starts_with("if you") {
                s.clone()
            } else {
                format!("to vet it, run: {s}")
            };
            out.line(format!("  {}", out.dim(&s)));
        }
    }
    for n in notes {
        out.note(format!("note: {n}"));
    }
    for u in &s.unused_audits {
        out.verbose(format!("unused: {u} is not in the lockfile"));
    }
    if !s.unused_audits.is_empty() {
        out.note(format!(
            "note: {} audits or exemptions name versions the lockfile does not have (-v lists them)",
            s.unused_audits.len()
        ));
    }
    if s.trust != crate::gather::TrustSummary::default() {
        out.line(s.trust.line());
    }
    let verdict = if passed {
        out.colored(AnsiColor::Green, "passed")
    } else {
        out.colored(AnsiColor::Red, "failed")
    };
    out.line(format!(
        "{verdict}: {} packages in {lockfile}: {} allowed, {} quarantined, {} need review, {} denied",
        s.packages, s.allow, s.quarantine, s.review, s.deny
    ));
}
