//! `warden init`: creates supply-chain/ with the default policy and freezes the current lockfile
//! (every package becomes an exemption pinned by its integrity). Re-running it says what it would
//! change and changes nothing without `--force`.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::project;
use crate::supply_chain::{policy_failure, write_atomic};
use std::process::ExitCode;
use warden_lockfile::SourceKind;
use warden_policy::audits::{AUDITS_FILE, IMPORTS_LOCK};
use warden_policy::config::{CONFIG_FILE, Config};
use warden_policy::write::{DEFAULT_CONFIG, Freeze, freeze};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the changes when supply-chain/ already exists
    #[arg(long)]
    pub force: bool,
}

const AUDITS_HEADER: &str =
    "# Audits of npm packages: `warden certify` appends here. Format: docs/policy.md.\n";
const IMPORTS_HEADER: &str = "# Audits imported from other organisations, pinned by content: `warden import` writes this file.\n";

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let inv = &project.inventory;
    let config_path = global.dir.join(CONFIG_FILE);
    let existing = match std::fs::read_to_string(&config_path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Failure::input(format!("{}: {e}", config_path.display()))),
    };
    let base_text = existing
        .clone()
        .unwrap_or_else(|| DEFAULT_CONFIG.to_string());
    let config =
        Config::parse(CONFIG_FILE, &base_text).map_err(|e| policy_failure(&e, &global.dir))?;
    let integrities: Vec<(String, Option<String>)> = inv
        .packages
        .iter()
        .map(|p| (p.id(), p.integrity.as_ref().map(|i| i.to_string())))
        .collect();
    let packages: Vec<Freeze<'_>> = inv
        .packages
        .iter()
        .zip(&integrities)
        .filter(|(p, _)| !matches!(p.source, SourceKind::Workspace | SourceKind::Link))
        .map(|(p, (_, integrity))| Freeze {
            name: &p.name,
            version: &p.version,
            integrity: integrity.as_deref(),
            criteria: if p.dev {
                &config.policy.dev_criteria
            } else {
                &config.policy.production_criteria
            },
        })
        .collect();
    let (mut text, changes) =
        freeze(CONFIG_FILE, &base_text, &packages).map_err(|e| policy_failure(&e, &global.dir))?;
    let write = existing.is_none() || args.force;
    // Pin the publisher identity of every frozen version that carries verified provenance.
    let mut pinned = Vec::new();
    let mut notes = Vec::new();
    if write && !changes.added.is_empty() {
        let frozen: Vec<(String, String, Option<String>)> = packages
            .iter()
            .filter(|f| changes.added.contains(&format!("{}@{}", f.name, f.version)))
            .map(|f| {
                (
                    f.name.to_string(),
                    f.version.to_string(),
                    f.integrity.map(str::to_string),
                )
            })
            .collect();
        match record_publishers(global, out, &text, &frozen) {
            Ok(r) => {
                text = r.text;
                pinned = r.added;
                for name in r.conflicting {
                    notes.push(format!(
                        "{name}: the locked versions name different publishers; none was pinned"
                    ));
                }
            }
            Err(e) => notes.push(format!(
                "publisher identities were not recorded: {}",
                e.message
            )),
        }
    }
    if out.format != Format::Human {
        out.json(&serde_json::json!({
            "schema": "warden.init/1",
            "created": existing.is_none(),
            "written": write && (existing.is_none() || !changes.added.is_empty()),
            "exempted": changes.added,
            "already_exempted": changes.kept,
            "trusted_publishers": pinned,
            "notes": notes,
        }));
    }
    if existing.is_some() && changes.added.is_empty() {
        if out.format == Format::Human {
            out.line(format!(
                "supply-chain/ is up to date: all {} locked packages are already exempted or vetted",
                changes.kept
            ));
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !write {
        if out.format == Format::Human {
            out.line(format!(
                "supply-chain/ exists; `warden init --force` would add {} exemptions:",
                changes.added.len()
            ));
            for a in changes.added.iter().take(50) {
                out.line(format!("  + {a}"));
            }
            if changes.added.len() > 50 {
                out.line(format!("  … and {} more", changes.added.len() - 50));
            }
            out.line("nothing was changed");
        }
        return Ok(ExitCode::SUCCESS);
    }
    write_atomic(&config_path, &text)?;
    for (file, header) in [(AUDITS_FILE, AUDITS_HEADER), (IMPORTS_LOCK, IMPORTS_HEADER)] {
        let path = global.dir.join(file);
        if !path.exists() {
            write_atomic(&path, header)?;
        }
    }
    if out.format == Format::Human {
        out.line(format!(
            "{} supply-chain/ and froze {} packages of {} as exemptions{}",
            if existing.is_none() {
                "created"
            } else {
                "updated"
            },
            changes.added.len(),
            project.lockfile.display(),
            if changes.kept > 0 {
                format!(" ({} were already exempted)", changes.kept)
            } else {
                String::new()
            }
        ));
        if !pinned.is_empty() {
            out.line(format!(
                "pinned the provenance identity of {} packages in [trusted-publishers]",
                pinned.len()
            ));
        }
        for n in &notes {
            out.note(format!("note: {n}"));
        }
        out.note("next: review supply-chain/config.toml, commit it, and run `warden check` in CI");
    }
    Ok(ExitCode::SUCCESS)
}

/// Verifies the provenance of the frozen registry packages and pins their identities.
fn record_publishers(
    global: &Global,
    out: &Out,
    text: &str,
    frozen: &[(String, String, Option<String>)],
) -> Result<crate::publishers::Recorded> {
    let cache = crate::registry_access::cache_dir(global).ok();
    let verifier = crate::commands::provenance::verifier(None, cache.as_deref())?;
    let client = crate::registry_access::open(global, out, 8)?;
    crate::publishers::record(&global.dir, text, &client, &verifier, frozen)
}
