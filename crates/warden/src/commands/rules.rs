//! `warden rules`: the scanner's rule catalogue (id, category, default severity, title), then
//! the metadata rules the gate applies to registry facts and provenance.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use serde::Serialize;
use std::process::ExitCode;
use warden_policy::rules::metadata::{MetaRule, RULES as META_RULES};

#[derive(Debug, clap::Args)]
pub struct Args {}

#[derive(Serialize)]
struct Report {
    schema: &'static str,
    rules_version: &'static str,
    rules: &'static [warden_scan::RuleMeta],
    metadata_rules: &'static [&'static MetaRule],
}

pub fn run(_args: &Args, _global: &Global, out: &Out) -> Result<ExitCode> {
    let rules = warden_scan::rules();
    match out.format {
        Format::Json => out.json(&Report {
            schema: "warden.rules/v1",
            rules_version: warden_scan::RULES_VERSION,
            rules,
            metadata_rules: META_RULES,
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
            for r in META_RULES {
                out.line(format!(
                    "{:28} {:12} {:9} {}",
                    r.id,
                    "metadata",
                    r.severity.as_str(),
                    r.title
                ));
            }
            out.line(format!(
                "{} scanner rules (rules version {}), {} metadata rules",
                rules.len(),
                warden_scan::RULES_VERSION,
                META_RULES.len()
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}
