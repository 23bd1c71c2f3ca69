//! `warden import`: fetches the audits of every `[imports.NAME]` in supply-chain/config.toml and
//! pins them, with the sha256 of what was fetched, in supply-chain/imports.lock.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::supply_chain::{self, policy_failure, write_atomic};
use sha2::{Digest as _, Sha256};
use std::process::ExitCode;
use warden_policy::audits::{AuditsFile, IMPORTS_LOCK, ImportedAudits, ImportsLock};

#[derive(Debug, clap::Args)]
pub struct Args {}

/// Reads an import source: an http(s) URL, a `file://` URL, or a path relative to `--dir`.
fn fetch(url: &str, global: &Global) -> Result<Vec<u8>> {
    if url.starts_with("https://") || url.starts_with("http://") {
        if global.offline {
            return Err(
                Failure::input(format!("{url}: cannot fetch an import offline")).help(
                    "run `warden import` without --offline; imports.lock keeps the last fetch",
                ),
            );
        }
        let resp = reqwest::blocking::Client::builder()
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .and_then(|c| c.get(url).send())
            .and_then(|r| r.error_for_status())
            .map_err(|e| {
                Failure::input(format!("{url}: {e}"))
                    .help("check the [imports] url in supply-chain/config.toml")
            })?;
        return resp
            .bytes()
            .map(|b| b.to_vec())
            .map_err(|e| Failure::input(format!("{url}: {e}")));
    }
    let path = url.strip_prefix("file://").unwrap_or(url);
    let path = if std::path::Path::new(path).is_absolute() {
        std::path::PathBuf::from(path)
    } else {
        global.dir.join(path)
    };
    std::fs::read(&path).map_err(|e| {
        Failure::input(format!("{}: {e}", path.display()))
            .help("check the [imports] url in supply-chain/config.toml")
    })
}

pub fn run(_args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let sc = supply_chain::load(global)?;
    let mut lock = ImportsLock::default();
    let mut report = Vec::new();
    for (name, import) in &sc.config.imports {
        let bytes = fetch(&import.url, global)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::input(format!("{}: not UTF-8 text", import.url))
                .help("an import must be an audits.toml")
        })?;
        let parsed = AuditsFile::parse(&import.url, &text).map_err(|e| {
            let f = policy_failure(&e, std::path::Path::new(""));
            Failure::input(format!("import {name}: {}", f.message))
                .help("the imported file must be an audits.toml")
        })?;
        let digest: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let digest = format!("sha256-{digest}");
        let before = sc.imports.imports.get(name).map(|i| i.digest.clone());
        let status = match before {
            None => "added",
            Some(d) if d == digest => "unchanged",
            Some(_) => "updated",
        };
        let count: usize = parsed.audits.values().map(Vec::len).sum();
        report.push(serde_json::json!({"name": name, "url": import.url, "digest": digest, "audits": count, "status": status}));
        lock.imports.insert(
            name.clone(),
            ImportedAudits {
                url: import.url.clone(),
                digest,
                audits: parsed.audits,
            },
        );
    }
    let dropped: Vec<&String> = sc
        .imports
        .imports
        .keys()
        .filter(|k| !sc.config.imports.contains_key(*k))
        .collect();
    let text =
        toml::to_string(&lock).map_err(|e| Failure::input(format!("{IMPORTS_LOCK}: {e}")))?;
    write_atomic(
        &global.dir.join(IMPORTS_LOCK),
        &format!(
            "# Audits imported from other organisations, pinned by content: `warden import` writes this file.\n{text}"
        ),
    )?;
    if out.format != Format::Human {
        out.json(&serde_json::json!({"schema": "warden.import/1", "imports": report, "removed": dropped}));
        return Ok(ExitCode::SUCCESS);
    }
    for r in &report {
        out.line(format!(
            "{} {}: {} audits ({})",
            r["status"].as_str().unwrap_or_default(),
            r["name"].as_str().unwrap_or_default(),
            r["audits"],
            r["digest"].as_str().unwrap_or_default()
        ));
    }
    for d in dropped {
        out.line(format!("removed {d}: no longer in config.toml"));
    }
    if report.is_empty() {
        out.line("no [imports] in supply-chain/config.toml; imports.lock is empty");
    }
    Ok(ExitCode::SUCCESS)
}
