//! `warden inventory`: every locked package with its source, integrity and flags, and a summary.

use crate::cli::{Format, Global};
use crate::failure::Result;
use crate::output::Out;
use crate::project;
use anstyle::AnsiColor;
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;
use warden_lockfile::{Inventory, NodeId};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many dependency paths to list per package in JSON output
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub paths: usize,
}

/// The `--format json` document; its schema is documented in docs/inventory.md.
#[derive(Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub lockfile: String,
    pub format: &'static str,
    pub lockfile_version: &'a str,
    pub summary: Summary,
    pub importers: Vec<ImporterOut<'a>>,
    pub packages: Vec<PackageOut<'a>>,
}

#[derive(Serialize, Default)]
pub struct Summary {
    pub packages: usize,
    pub by_source: BTreeMap<&'static str, usize>,
    pub prod: usize,
    pub dev: usize,
    pub optional: usize,
    pub direct: usize,
    pub transitive: usize,
    pub duplicates: Vec<Duplicate>,
}

#[derive(Serialize)]
pub struct Duplicate {
    pub name: String,
    pub versions: Vec<String>,
}

#[derive(Serialize)]
pub struct ImporterOut<'a> {
    pub path: &'a str,
    pub name: Option<&'a str>,
    pub version: Option<&'a str>,
    pub dependencies: Vec<EdgeOut<'a>>,
}

#[derive(Serialize)]
pub struct EdgeOut<'a> {
    pub name: &'a str,
    pub spec: &'a str,
    pub kind: warden_lockfile::DepKind,
    /// `name@version` of the package it resolved to, the importer path for workspaces, or null.
    pub target: Option<String>,
}

#[derive(Serialize)]
pub struct PackageOut<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub source: &'static str,
    pub integrity: Option<String>,
    pub checksum: Option<&'a warden_lockfile::Checksum>,
    pub resolved: Option<&'a str>,
    pub dev: bool,
    pub optional: bool,
    pub peer: bool,
    pub bundled: bool,
    pub direct: bool,
    pub aliases: &'a [String],
    pub locations: &'a [String],
    pub dependencies: Vec<EdgeOut<'a>>,
    /// Dependency paths from an importer, each a list of labels, shortest first.
    pub paths: Vec<Vec<String>>,
}

pub fn edge_target(inv: &Inventory, target: Option<NodeId>) -> Option<String> {
    target.map(|t| match t {
        NodeId::Package(i) => inv.packages[i].id(),
        NodeId::Importer(i) => format!("workspace:{}", inv.importers[i].path),
    })
}

pub fn summarize(inv: &Inventory) -> Summary {
    let g = inv.graph();
    let mut s = Summary {
        packages: inv.packages.len(),
        ..Summary::default()
    };
    let mut versions: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (i, p) in inv.packages.iter().enumerate() {
        *s.by_source.entry(p.source.as_str()).or_default() += 1;
        if p.dev {
            s.dev += 1;
        } else {
            s.prod += 1;
        }
        if p.optional {
            s.optional += 1;
        }
        if g.is_direct(i) {
            s.direct += 1;
        } else {
            s.transitive += 1;
        }
        let v = versions.entry(&p.name).or_default();
        if !v.contains(&p.version) {
            v.push(p.version.clone());
        }
    }
    s.duplicates = versions
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(n, versions)| Duplicate {
            name: n.to_string(),
            versions,
        })
        .collect();
    s
}

pub fn report<'a>(inv: &'a Inventory, lockfile: &str, paths: usize) -> Report<'a> {
    let g = inv.graph();
    let edges = |deps: &'a [warden_lockfile::Dependency]| -> Vec<EdgeOut<'a>> {
        deps.iter()
            .map(|d| EdgeOut {
                name: &d.name,
                spec: &d.spec,
                kind: d.kind,
                target: edge_target(inv, d.target),
            })
            .collect()
    };
    Report {
        schema: "warden.inventory/1",
        lockfile: lockfile.to_string(),
        format: inv.kind.as_str(),
        lockfile_version: &inv.lockfile_version,
        summary: summarize(inv),
        importers: inv
            .importers
            .iter()
            .map(|imp| ImporterOut {
                path: &imp.path,
                name: imp.name.as_deref(),
                version: imp.version.as_deref(),
                dependencies: edges(&imp.dependencies),
            })
            .collect(),
        packages: inv
            .packages
            .iter()
            .enumerate()
            .map(|(i, p)| PackageOut {
                name: &p.name,
                version: &p.version,
                source: p.source.as_str(),
                integrity: p.integrity.as_ref().map(|i| i.to_string()),
                checksum: p.checksum.as_ref(),
                resolved: p.resolved.as_deref(),
                dev: p.dev,
                optional: p.optional,
                peer: p.peer,
                bundled: p.bundled,
                direct: g.is_direct(i),
                aliases: &p.aliases,
                locations: &p.locations,
                dependencies: edges(&p.dependencies),
                paths: if paths == 0 {
                    Vec::new()
                } else {
                    g.paths_to(i, paths)
                        .into_iter()
                        .map(|path| path.into_iter().map(|n| inv.label(n)).collect())
                        .collect()
                },
            })
            .collect(),
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let project = project::load(global)?;
    let inv = &project.inventory;
    let lockfile = project.lockfile.display().to_string();
    out.verbose(format!(
        "read {lockfile}: {} lockfile version {}, {} importers",
        inv.kind.as_str(),
        inv.lockfile_version,
        inv.importers.len()
    ));
    if out.format != Format::Human {
        out.json(&report(inv, &lockfile, args.paths));
        return Ok(ExitCode::SUCCESS);
    }
    let g = inv.graph();
    if !out.quiet {
        for (i, p) in inv.packages.iter().enumerate() {
            let mut flags = Vec::new();
            if g.is_direct(i) {
                flags.push("direct");
            }
            if p.dev {
                flags.push("dev");
            }
            if p.optional {
                flags.push("optional");
            }
            if p.peer {
                flags.push("peer");
            }
            if p.bundled {
                flags.push("bundled");
            }
            let alias = if p.aliases.is_empty() {
                String::new()
            } else {
                format!(" (as {})", p.aliases.join(", "))
            };
            let integrity = match (&p.integrity, &p.checksum) {
                (Some(i), _) if i.is_weak() => out.colored(AnsiColor::Yellow, "sha1 only"),
                (Some(i), _) => out.dim(i.strongest().algorithm.as_str()),
                (None, Some(c)) => out.dim(&format!("{} checksum", c.format)),
                (None, None) => out.colored(AnsiColor::Yellow, "no integrity"),
            };
            out.line(format!(
                "{}{alias}  {}  {}  {}",
                out.bold(&p.id()),
                p.source.as_str(),
                integrity,
                out.dim(&flags.join(","))
            ));
        }
    }
    let s = summarize(inv);
    let by_source = s
        .by_source
        .iter()
        .map(|(k, v)| format!("{v} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    out.line(format!(
        "{} packages in {} ({} {}): {} prod, {} dev, {} optional; {} direct, {} transitive; {}",
        s.packages,
        lockfile,
        inv.kind.as_str(),
        inv.lockfile_version,
        s.prod,
        s.dev,
        s.optional,
        s.direct,
        s.transitive,
        by_source
    ));
    if !s.duplicates.is_empty() {
        out.line(format!(
            "{} names with several versions: {}",
            s.duplicates.len(),
            s.duplicates
                .iter()
                .take(10)
                .map(|d| format!("{} ({})", d.name, d.versions.join(", ")))
                .collect::<Vec<_>>()
                .join("; ")
                + if s.duplicates.len() > 10 { "; …" } else { "" }
        ));
    }
    Ok(ExitCode::SUCCESS)
}
