//! `warden score [NAME]`: each package's risk score (0 worst, 10 best) with the checks behind
//! it, and OpenSSF Scorecard results beside it when the user has them (`--scorecard FILE`).

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::gather::{Gatherer, history};
use crate::output::Out;
use crate::{project, registry_access};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use warden_lockfile::SourceKind;
use warden_policy::score::{Score, ScoreInput, Scorecard, score};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Score only this package (every locked version of it)
    pub name: Option<String>,
    /// OpenSSF Scorecard results (JSON from `scorecard --format json` or its API) to show beside
    #[arg(long, value_name = "FILE")]
    pub scorecard: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Scored {
    name: String,
    version: String,
    #[serde(flatten)]
    score: Option<Score>,
    error: Option<String>,
    scorecard: Option<Scorecard>,
}

/// Scorecard results keyed by the repository they describe, matched to packages whose
/// repository URL contains that name.
fn load_scorecards(files: &[PathBuf]) -> Result<Vec<Scorecard>> {
    files
        .iter()
        .map(|f| {
            let bytes =
                std::fs::read(f).map_err(|e| Failure::input(format!("{}: {e}", f.display())))?;
            Scorecard::parse(&f.display().to_string(), &bytes)
                .map_err(|e| Failure::input(e.to_string()).help(e.help.unwrap_or_default()))
        })
        .collect()
}

fn repo_key(url: &str) -> String {
    url.trim_start_matches("git+")
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("ssh://")
        .trim_start_matches("git@")
        .trim_end_matches(".git")
        .replace(':', "/")
        .to_ascii_lowercase()
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let cards = load_scorecards(&args.scorecard)?;
    let client = registry_access::open(global, out, 8)?;
    let now = jiff::Timestamp::now();
    let gatherer = Gatherer::new(&client, None, now, jiff::SignedDuration::ZERO);
    let mut scored = Vec::new();
    for p in &project.inventory.packages {
        if p.source != SourceKind::Registry {
            continue;
        }
        if args.name.as_deref().is_some_and(|n| n != p.name) {
            continue;
        }
        let (s, error, repo) = match gatherer.packument(&p.name) {
            Ok(pk) => {
                let h = history(&pk);
                let meta = pk.versions.get(&p.version);
                let repo = meta
                    .and_then(|m| m.repository.as_ref().and_then(|r| r.url.clone()))
                    .or_else(|| pk.repository.as_ref().and_then(|r| r.url.clone()));
                let s = score(
                    &ScoreInput {
                        history: Some(&h),
                        version: &p.version,
                        has_install_scripts: meta.is_some_and(|m| m.has_install_scripts()),
                        dependency_count: p.dependencies.len(),
                        open_critical_advisories: 0,
                    },
                    now,
                );
                (Some(s), None, repo)
            }
            Err(e) => (None, Some(e), None),
        };
        let scorecard = repo.and_then(|r| {
            let key = repo_key(&r);
            cards
                .iter()
                .find(|c| {
                    key.ends_with(&c.repo.name.to_ascii_lowercase())
                        || c.repo.name.to_ascii_lowercase().ends_with(&key)
                })
                .cloned()
        });
        scored.push(Scored {
            name: p.name.clone(),
            version: p.version.clone(),
            score: s,
            error,
            scorecard,
        });
    }
    if let Some(n) = &args.name
        && scored.is_empty()
    {
        return Err(Failure::input(format!(
            "{n} is not a registry package in {}",
            project.lockfile.display()
        ))
        .help("`warden inventory` lists the locked packages"));
    }
    if out.format != Format::Human {
        out.json(&serde_json::json!({ "schema": "warden.score/1", "packages": scored }));
        return Ok(ExitCode::SUCCESS);
    }
    scored.sort_by(|a, b| {
        let sa = a.score.as_ref().map_or(-1.0, |s| s.score);
        let sb = b.score.as_ref().map_or(-1.0, |s| s.score);
        sa.total_cmp(&sb)
    });
    for s in &scored {
        match (&s.score, &s.error) {
            (Some(sc), _) => {
                out.line(format!(
                    "{}@{}  {:.1}/10",
                    out.bold(&s.name),
                    s.version,
                    sc.score
                ));
                if args.name.is_some() || out.verbose {
                    for c in &sc.checks {
                        out.line(format!(
                            "  {:<16} {:>5}  {}",
                            c.name,
                            c.score.map_or("-".to_string(), |v| format!("{v:.1}")),
                            c.detail
                        ));
                    }
                }
            }
            (None, Some(e)) => out.line(format!("{}@{}  unknown: {e}", s.name, s.version)),
            (None, None) => {}
        }
        if let Some(card) = &s.scorecard {
            out.line(format!(
                "  OpenSSF Scorecard {} for {}",
                card.score, card.repo.name
            ));
            for c in &card.checks {
                out.line(format!("    {:<24} {:>4}  {}", c.name, c.score, c.reason));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::repo_key;

    #[test]
    fn repository_urls_normalise() {
        assert_eq!(
            repo_key("git+https://github.example/Chalk/chalk.git"),
            "github.example/chalk/chalk"
        );
        assert_eq!(repo_key("git@github.example:a/b.git"), "github.example/a/b");
    }
}
