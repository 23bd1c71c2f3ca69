//! `warden why NAME[@VERSION]`: every dependency path from an importer to a package.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::project;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The package: `name`, `name@version`, `@scope/name@version`
    #[arg(value_name = "NAME[@VERSION]")]
    pub package: String,
    /// At most this many paths per version
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,
}

#[derive(Serialize)]
struct Found {
    name: String,
    version: String,
    dev: bool,
    optional: bool,
    paths: Vec<Vec<String>>,
    truncated: bool,
}

/// Splits `name@version`, minding the scope's leading `@`.
pub fn split_spec(spec: &str) -> (&str, Option<&str>) {
    let search_from = usize::from(spec.starts_with('@'));
    match spec[search_from..].find('@') {
        Some(i) => {
            let at = i + search_from;
            (&spec[..at], Some(&spec[at + 1..]))
        }
        None => (spec, None),
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let inv = &project.inventory;
    let (name, version) = split_spec(&args.package);
    let g = inv.graph();
    let mut found = Vec::new();
    for (i, p) in inv.find(name) {
        if version.is_some_and(|v| v != p.version) {
            continue;
        }
        let paths = g.paths_to(i, args.limit + 1);
        let truncated = paths.len() > args.limit;
        found.push(Found {
            name: p.name.clone(),
            version: p.version.clone(),
            dev: p.dev,
            optional: p.optional,
            paths: paths
                .into_iter()
                .take(args.limit)
                .map(|path| path.into_iter().map(|n| inv.label(n)).collect())
                .collect(),
            truncated,
        });
    }
    if found.is_empty() {
        let versions: Vec<String> = inv.find(name).map(|(_, p)| p.version.clone()).collect();
        let f = Failure::input(format!(
            "{}: {} is not in the lockfile",
            project.lockfile.display(),
            args.package
        ));
        return Err(if versions.is_empty() {
            f.help("check the name; `warden inventory` lists every locked package")
        } else {
            f.help(format!(
                "locked versions of {name}: {}",
                versions.join(", ")
            ))
        });
    }
    if out.format != Format::Human {
        out.json(&serde_json::json!({ "schema": "warden.why/1", "packages": found }));
        return Ok(ExitCode::SUCCESS);
    }
    for f in &found {
        let mut flags = Vec::new();
        if f.dev {
            flags.push("dev");
        }
        if f.optional {
            flags.push("optional");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", flags.join(", "))
        };
        out.line(format!(
            "{}{flags}: {} path{}",
            out.bold(&format!("{}@{}", f.name, f.version)),
            f.paths.len(),
            if f.paths.len() == 1 { "" } else { "s" }
        ));
        if f.paths.is_empty() {
            out.line("  nothing in the lockfile depends on it (extraneous)");
        }
        for path in &f.paths {
            out.line(format!("  {}", path.join(" > ")));
        }
        if f.truncated {
            out.line(format!(
                "  … more paths; raise --limit (now {})",
                args.limit
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::split_spec;

    #[test]
    fn splits_scoped_and_plain() {
        assert_eq!(split_spec("chalk"), ("chalk", None));
        assert_eq!(split_spec("chalk@5.3.0"), ("chalk", Some("5.3.0")));
        assert_eq!(split_spec("@babel/core"), ("@babel/core", None));
        assert_eq!(
            split_spec("@babel/core@7.0.0"),
            ("@babel/core", Some("7.0.0"))
        );
    }
}
