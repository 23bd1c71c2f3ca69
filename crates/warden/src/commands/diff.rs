//! `warden diff FROM TO` (two tarballs) or `warden diff NAME FROM TO` (two versions from the
//! registry): what the upgrade adds — capabilities gained and lost, findings new in TO, files
//! added, removed and changed with line counts, install scripts, dependencies and binaries added.

use crate::cli::{Format, Global};
use crate::commands::scan::{human::severity_color, human::verdict_text, scan_target};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use serde::Serialize;
use std::process::ExitCode;
use warden_scan::{ScanDiff, Verdict};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// `FROM TO` as two `.tgz` files or directories, or `NAME FROM TO` as a package name and two
    /// versions from the registry
    #[arg(value_name = "ARGS", num_args = 2..=3, required = true)]
    pub args: Vec<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    from: &'a str,
    to: &'a str,
    #[serde(flatten)]
    diff: &'a ScanDiff,
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let (from, to) = match args.args.as_slice() {
        [from, to] => (from.clone(), to.clone()),
        [name, from, to] => (format!("{name}@{from}"), format!("{name}@{to}")),
        _ => {
            return Err(Failure::input("expected FROM TO or NAME FROM TO").help(
                "for example: warden diff old.tgz new.tgz, or warden diff chalk 5.6.0 5.6.1",
            ));
        }
    };
    let old = scan_target(&from, global, out)?;
    let new = scan_target(&to, global, out)?;
    let d = warden_scan::diff(&old, &new);
    match out.format {
        Format::Json => out.json(&Report {
            schema: "warden.diff/v1",
            from: &from,
            to: &to,
            diff: &d,
        }),
        Format::Sarif => {
            return Err(Failure::input("--format sarif is not available for diff")
                .help("use --format json, or warden scan TO --format sarif"));
        }
        Format::Human => print(out, &from, &to, &d),
    }
    Ok(if d.new_verdict == Verdict::Malicious {
        ExitCode::from(FOUND)
    } else {
        ExitCode::SUCCESS
    })
}

fn print(out: &Out, from: &str, to: &str, d: &ScanDiff) {
    out.line(format!("{} → {}", out.bold(from), out.bold(to)));
    out.line(format!(
        "verdict: {} → {}",
        verdict_text(out, d.old_verdict),
        verdict_text(out, d.new_verdict)
    ));
    let section = |title: &str, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        out.line("");
        out.line(out.bold(title));
        for l in lines {
            out.line(format!("  {l}"));
        }
    };
    section(
        "capabilities gained",
        d.capabilities_gained
            .iter()
            .map(|(c, f)| {
                format!(
                    "{:16} {}",
                    c.as_str(),
                    f.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
                )
            })
            .collect(),
    );
    section(
        "capabilities lost",
        d.capabilities_lost
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
    );
    section(
        "install scripts added",
        d.install_scripts_added
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect(),
    );
    section(
        "install scripts changed",
        d.install_scripts_changed
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect(),
    );
    section(
        "dependencies added",
        d.dependencies_added
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect(),
    );
    section("binaries added", d.binaries_added.clone());
    section(
        "new findings",
        d.new_findings
            .iter()
            .map(|f| {
                let loc = if f.line == 0 {
                    f.file.clone()
                } else {
                    format!("{}:{}:{}", f.file, f.line, f.column)
                };
                format!(
                    "{} {} {}  {}",
                    out.colored(severity_color(f.severity), f.severity.as_str()),
                    f.rule,
                    out.dim(&loc),
                    f.message
                )
            })
            .collect(),
    );
    section(
        "files added",
        d.files_added
            .iter()
            .map(|f| format!("{} (+{} lines)", f.path, f.new_lines))
            .collect(),
    );
    section(
        "files removed",
        d.files_removed
            .iter()
            .map(|f| format!("{} (-{} lines)", f.path, f.old_lines))
            .collect(),
    );
    section(
        "files changed",
        d.files_changed
            .iter()
            .map(|f| {
                format!(
                    "{} ({} → {} lines, {} → {} bytes)",
                    f.path, f.old_lines, f.new_lines, f.old_size, f.new_size
                )
            })
            .collect(),
    );
    if !d.is_notable() {
        out.line("");
        out.line("nothing the upgrade gate would flag: no new capabilities, findings, install scripts or binaries");
    }
}
