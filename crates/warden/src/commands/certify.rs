//! `warden certify NAME VERSION [--from OLD] --criteria C`: records an audit in
//! supply-chain/audits.toml, pinned to the integrity of the tarball that was read. Refuses when
//! the tarball (from the cache or the registry) does not match the lockfile.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::supply_chain::{self, policy_failure, write_atomic};
use crate::{project, registry_access};
use std::process::ExitCode;
use warden_lockfile::Integrity;
use warden_policy::audits::{AUDITS_FILE, Audit};
use warden_policy::config::{CONFIG_FILE, CriteriaList};
use warden_registry::Registry;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The package name
    pub name: String,
    /// The version audited
    #[arg(id = "package-version", value_name = "VERSION")]
    pub version: String,
    /// Record a delta audit from this (already vetted) version
    #[arg(long, value_name = "OLD")]
    pub from: Option<String>,
    /// The criteria the code meets (`safe-to-deploy`, `safe-to-run`, or your own)
    #[arg(long, value_name = "C")]
    pub criteria: String,
    /// Who audited it (default: git's user.name and user.email)
    #[arg(long, value_name = "W")]
    pub who: Option<String>,
    /// Notes for the record
    #[arg(long, value_name = "N")]
    pub notes: Option<String>,
    /// The integrity to pin when VERSION is not in the lockfile
    #[arg(long, value_name = "SRI")]
    pub integrity: Option<String>,
}

fn git_identity() -> Option<String> {
    let get = |key: &str| {
        std::process::Command::new("git")
            .args(["config", key])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    match (get("user.name"), get("user.email")) {
        (Some(n), Some(e)) => Some(format!("{n} <{e}>")),
        (Some(n), None) => Some(n),
        _ => None,
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let sc = supply_chain::load(global)?;
    let criteria = sc.config.criteria();
    if !criteria.is_known(&args.criteria) {
        return Err(
            Failure::input(format!("--criteria {}: unknown criteria", args.criteria))
                .help(format!("use one of: {}", criteria.names().join(", "))),
        );
    }
    let project = project::load(global)?;
    let id = format!("{}@{}", args.name, args.version);
    let locked = project
        .inventory
        .packages
        .iter()
        .find(|p| p.name == args.name && p.version == args.version);
    let integrity: Integrity = match (locked.and_then(|p| p.integrity.clone()), &args.integrity) {
        (Some(lock), Some(given)) => {
            let given_i = Integrity::parse(given).ok_or_else(|| {
                Failure::input(format!("--integrity {given}: not an SRI string"))
                    .help("write it like sha512-<base64>")
            })?;
            if !warden_policy::vet::same_integrity(&lock.to_string(), &given_i.to_string()) {
                return Err(Failure::input(format!(
                    "{id}: --integrity {given} differs from the lockfile's {lock}"
                ))
                .help("drop --integrity to use the lockfile's"));
            }
            lock
        }
        (Some(lock), None) => lock,
        (None, Some(given)) => Integrity::parse(given).ok_or_else(|| {
            Failure::input(format!("--integrity {given}: not an SRI string"))
                .help("write it like sha512-<base64>")
        })?,
        (None, None) => {
            return Err(Failure::input(format!(
                "{id} is not in {} (or has no integrity there)",
                project.lockfile.display()
            ))
            .help("certify a locked version, or pass --integrity SRI to pin the one you read"));
        }
    };
    if let Some(from) = &args.from {
        let pa = sc_store_package(&sc, &args.name);
        let vetted = warden_policy::vet::vetted_versions(&pa, &criteria, &args.criteria);
        if !vetted.iter().any(|v| v == from) {
            out.note(format!(
                "note: {}@{from} is not vetted for {} yet; the delta audit counts once it is",
                args.name, args.criteria
            ));
        }
    }
    // The tarball the auditor read must be the one the lockfile installs.
    let client = registry_access::open(global, out, 4)?;
    let tarball = client
        .tarball(&args.name, &args.version, Some(&integrity))
        .map_err(|e| {
            Failure::input(format!("{id}: cannot verify the tarball: {e}"))
                .help("certify only what the lockfile pins: run `warden fetch` online, then certify again")
        })?;
    if !warden_policy::vet::same_integrity(&tarball.sha512, &integrity.to_string())
        && !integrity.is_weak()
    {
        return Err(Failure::input(format!(
            "{id}: the tarball's integrity {} is not the lockfile's {integrity}",
            tarball.sha512
        ))
        .help("the registry serves another tarball than the lockfile pins; do not certify it"));
    }
    let audit = Audit {
        who: args.who.clone().or_else(git_identity),
        criteria: CriteriaList::One(args.criteria.clone()),
        version: args.from.is_none().then(|| args.version.clone()),
        delta: args
            .from
            .as_ref()
            .map(|f| format!("{f} -> {}", args.version)),
        integrity: Some(tarball.sha512.clone()),
        notes: args.notes.clone(),
    };
    let text = warden_policy::write::add_audit(AUDITS_FILE, &sc.audits_text, &args.name, &audit)
        .map_err(|e| policy_failure(&e, &global.dir))?;
    write_atomic(&global.dir.join(AUDITS_FILE), &text)?;
    // Pin the certified version's publisher identity when it has verified provenance.
    let cache = registry_access::cache_dir(global).ok();
    let verifier = crate::commands::provenance::verifier(None, cache.as_deref())?;
    let config_path = global.dir.join(CONFIG_FILE);
    let config_text = std::fs::read_to_string(&config_path)
        .map_err(|e| Failure::input(format!("{}: {e}", config_path.display())))?;
    let recorded = crate::publishers::record(
        &global.dir,
        &config_text,
        &client,
        &verifier,
        &[(
            args.name.clone(),
            args.version.clone(),
            Some(tarball.sha512.clone()),
        )],
    )?;
    if !recorded.added.is_empty() {
        write_atomic(&config_path, &recorded.text)?;
    }
    if out.format == Format::Human {
        out.line(format!(
            "recorded {} audit of {}{} for {} in {AUDITS_FILE}",
            if args.from.is_some() {
                "a delta"
            } else {
                "a full"
            },
            id,
            args.from
                .as_ref()
                .map(|f| format!(" (from {f})"))
                .unwrap_or_default(),
            args.criteria
        ));
        if !recorded.added.is_empty() {
            out.line(format!(
                "pinned its provenance identity as [trusted-publishers.\"{}\"] in {CONFIG_FILE}",
                args.name
            ));
        }
    } else {
        out.json(
            &serde_json::json!({ "schema": "warden.certify/1", "package": args.name, "audit": {
            "who": audit.who, "criteria": args.criteria, "version": audit.version,
            "delta": audit.delta, "integrity": audit.integrity, "notes": audit.notes },
            "trusted_publishers": recorded.added }),
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn sc_store_package<'a>(
    sc: &'a supply_chain::SupplyChain,
    name: &str,
) -> warden_policy::vet::PackageAudits<'a> {
    warden_policy::gate::Store::new(&sc.config, &sc.audits, &sc.imports).package(name)
}
