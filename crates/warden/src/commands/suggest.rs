//! `warden suggest`: what to vet next and how cheaply. For each package that is not vetted, the
//! nearest vetted version and the size of the delta (files and lines changed, from the scanner's
//! diff), smallest first, with the total — as `cargo vet suggest` does.

use crate::cli::{Format, Global};
use crate::failure::Result;
use crate::gather::Gatherer;
use crate::output::Out;
use crate::{project, registry_access, supply_chain};
use serde::Serialize;
use std::process::ExitCode;
use warden_lockfile::SourceKind;
use warden_policy::gate::{Store, nearest_version};
use warden_policy::vet::{find_vetting, vetted_versions};

#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
pub struct Suggestion {
    pub name: String,
    pub version: String,
    pub criteria: String,
    /// The vetted version to audit from; `None` means a full audit.
    pub from: Option<String>,
    pub files_changed: Option<usize>,
    /// Lines added and removed, approximated from the files' line counts.
    pub lines_changed: Option<u64>,
    pub command: String,
    /// Why the size is unknown, when it is.
    pub note: Option<String>,
}

pub fn run(_args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let sc = supply_chain::load(global)?;
    let store = Store::new(&sc.config, &sc.audits, &sc.imports);
    let client = registry_access::open(global, out, 8)?;
    let now = jiff::Timestamp::now();
    let gatherer = Gatherer::new(
        &client,
        registry_access::cache_dir(global).ok(),
        now,
        sc.config.policy.min_release_age,
    );
    let mut suggestions = Vec::new();
    for p in &project.inventory.packages {
        if matches!(p.source, SourceKind::Workspace | SourceKind::Link) {
            continue;
        }
        let need = if p.dev {
            &sc.config.policy.dev_criteria
        } else {
            &sc.config.policy.production_criteria
        };
        let integrity = p.integrity.as_ref().map(|i| i.to_string());
        let pa = store.package(&p.name);
        if find_vetting(&pa, &store.criteria, &p.version, integrity.as_deref(), need).is_some() {
            continue;
        }
        let from = nearest_version(&vetted_versions(&pa, &store.criteria, need), &p.version);
        let new = gatherer.scan(&p.name, &p.version, p.integrity.as_ref());
        let (files, lines, note) = match (&from, &new) {
            (_, Err(e)) => (None, None, Some(e.clone())),
            (None, Ok(n)) => (
                Some(n.files.len()),
                Some(n.files.iter().map(|f| u64::from(f.lines)).sum()),
                None,
            ),
            (Some(base), Ok(n)) => match gatherer.scan(&p.name, base, None) {
                Ok(old) => {
                    let d = warden_scan::diff(&old, n);
                    let files = d.files_added.len() + d.files_removed.len() + d.files_changed.len();
                    let lines: u64 = d
                        .files_added
                        .iter()
                        .map(|f| u64::from(f.new_lines))
                        .chain(d.files_removed.iter().map(|f| u64::from(f.old_lines)))
                        .chain(
                            d.files_changed
                                .iter()
                                .map(|f| u64::from(f.new_lines.abs_diff(f.old_lines).max(1))),
                        )
                        .sum();
                    (Some(files), Some(lines), None)
                }
                Err(e) => (None, None, Some(e)),
            },
        };
        let command = match &from {
            Some(b) => format!(
                "warden certify {} {} --from {b} --criteria {need}",
                p.name, p.version
            ),
            None => format!("warden certify {} {} --criteria {need}", p.name, p.version),
        };
        suggestions.push(Suggestion {
            name: p.name.clone(),
            version: p.version.clone(),
            criteria: need.clone(),
            from,
            files_changed: files,
            lines_changed: lines,
            command,
            note,
        });
    }
    suggestions.sort_by_key(|s| (s.lines_changed.is_none(), s.lines_changed, s.name.clone()));
    let total: u64 = suggestions.iter().filter_map(|s| s.lines_changed).sum();
    if out.format != Format::Human {
        out.json(&serde_json::json!({ "schema": "warden.suggest/1", "total_lines": total, "suggestions": suggestions }));
        return Ok(ExitCode::SUCCESS);
    }
    if suggestions.is_empty() {
        out.line("everything in the lockfile is vetted; nothing to suggest");
        return Ok(ExitCode::SUCCESS);
    }
    for s in &suggestions {
        let size = match (s.files_changed, s.lines_changed) {
            (Some(f), Some(l)) => format!("{f} files, ~{l} lines"),
            _ => format!("size unknown: {}", s.note.as_deref().unwrap_or("no scan")),
        };
        out.line(format!("{}  {}", s.command, out.dim(&format!("({size})"))));
    }
    out.line(format!(
        "{} audits suggested, ~{total} lines to read in all",
        suggestions.len()
    ));
    Ok(ExitCode::SUCCESS)
}
