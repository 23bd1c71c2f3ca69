//! `warden rules`: the scanner's rule catalogue (id, category, default severity, title).

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Report {
    schema: &'static str,
    rules_version: &'static str,
    rules: &'static [warden_scan::RuleMeta],
}

pub fn run(_args: &Args, _global: &Global, out: &Out) -> Result<ExitCode> {
    let rules = warden_scan::rules();
    match out.format {
        Format::Json => out.json(&Report {
            schema: "warden.rules/v1",
            rules_version: warden_scan::RULES_VERSION,
            rules,
        }),
        Format::Sarif => {
            return Err(Failure::input("--format sarif is not available for rules")
                .help("use --format json"));
        }
        Format::Human => {
            out.line(format!(
                "{:28} {:12} {:9} {}",
                "id", "category", "severity", "title"
            ));
            for r in rules {
                out.line(format!(
                    "{:28} {:12} {:9} {}",
                    r.id,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.title
                ));
            }
            out.line(format!(
                "{} rules, rules version {}",
                rules.len(),
                warden_scan::RULES_VERSION
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
