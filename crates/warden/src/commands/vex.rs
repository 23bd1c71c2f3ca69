//! `warden vex`: an OpenVEX 0.2.0 or CycloneDX VEX document from `supply-chain/vex.toml`, plus,
//! with `--advisory-db`, an `under_investigation` statement for every advisory that matches a
//! locked package and that no statement in vex.toml covers.

use super::documents;
use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::project;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::ExitCode;
use warden_attest::Tool;
use warden_attest::sbom::cyclonedx::SpecVersion;
use warden_attest::vex::{AdvisoryMatch, VexInput, cyclonedx, file, openvex};

/// The VEX standard to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Spec {
    /// OpenVEX 0.2.0
    Openvex,
    /// CycloneDX VEX (a BOM with vulnerabilities; 1.6, or 1.5 with --spec-version 1.5)
    Cyclonedx,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The VEX standard (the global --format does not apply: VEX is always JSON)
    #[arg(long, value_enum, default_value_t = Spec::Openvex)]
    pub spec: Spec,
    /// For CycloneDX: 1.6 (default) or 1.5
    #[arg(long, value_name = "VERSION")]
    pub spec_version: Option<String>,
    /// The statements file [default: DIR/supply-chain/vex.toml]
    #[arg(long, value_name = "PATH")]
    pub vex_file: Option<PathBuf>,
    /// warden's advisory database (SQLite): advisories matching the locked tree that vex.toml
    /// does not cover are stated as under_investigation
    #[arg(long, value_name = "PATH")]
    pub advisory_db: Option<PathBuf>,
    /// Write the document to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Advisories matching the locked tree, from the database at `db`, as VEX inputs. The lockfile
/// is required here: without it nothing can be matched, and silence would read as "no
/// advisories".
fn advisory_matches(db: &std::path::Path, global: &Global) -> Result<Vec<AdvisoryMatch>> {
    if !db.is_file() {
        return Err(
            Failure::input(format!("{}: no advisory database", db.display()))
                .help("check the path given to --advisory-db"),
        );
    }
    let project = project::load(global)?;
    let store = warden_advisory::Store::open(db).map_err(|e| {
        Failure::input(format!(
            "{}: cannot open the advisory database: {e}",
            db.display()
        ))
        .help("check that the file is warden's advisory database")
    })?;
    // Patched builds are matched as their base version, as `warden check` does.
    let patched = crate::patched::PatchedBuilds::load(&global.dir)?;
    let view = patched.for_advisories(&project.inventory);
    let matches = warden_advisory::matches_for(view.as_ref().unwrap_or(&project.inventory), &store)
        .map_err(|e| {
            Failure::input(format!("{}: cannot read advisories: {e}", db.display()))
                .help("check that the file is warden's advisory database")
        })?;
    Ok(matches
        .into_iter()
        .filter_map(|m| {
            let pkg = project.inventory.packages.get(m.package)?;
            let mut aliases: Vec<String> = m.ids.iter().skip(1).cloned().collect();
            aliases.extend(m.aliases.iter().cloned());
            Some(AdvisoryMatch {
                id: m.id.clone(),
                aliases,
                purl: warden_attest::purl::of_package(pkg),
            })
        })
        .collect())
}

/// vex.toml is hand-written; anything bigger than this is not what the user meant.
const MAX_VEX_TOML: u64 = 8 * 1024 * 1024;

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let spec_version = match (args.spec, args.spec_version.as_deref()) {
        (Spec::Cyclonedx, Some(v)) => SpecVersion::parse(v).ok_or_else(|| {
            Failure::input(format!("CycloneDX version {v:?} is not one warden writes"))
                .help("use --spec-version 1.6 (the default) or 1.5")
        })?,
        (Spec::Openvex, Some(v)) if v != "0.2.0" => {
            return Err(
                Failure::input(format!("OpenVEX version {v:?} is not one warden writes"))
                    .help("warden writes OpenVEX 0.2.0; drop --spec-version"),
            );
        }
        _ => SpecVersion::V1_6,
    };
    let now = documents::now()?;
    let path = args
        .vex_file
        .clone()
        .unwrap_or_else(|| global.dir.join("supply-chain").join("vex.toml"));
    let parsed = if path.is_file() {
        let bytes = documents::read_input(&path, "the VEX statements", MAX_VEX_TOML)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::input(format!("{}: not UTF-8 text", path.display()))
                .help("save vex.toml as UTF-8")
        })?;
        file::parse(&text).map_err(|e| {
            Failure::input(format!("{}:{e}", path.display()))
                .help("fix the statement named above; docs/sbom-vex.md describes vex.toml")
        })?
    } else if args.vex_file.is_some() {
        return Err(Failure::input(format!("{}: no such file", path.display()))
            .help("check the path given to --vex-file"));
    } else {
        out.verbose(format!(
            "{}: not found; no statements of your own",
            path.display()
        ));
        file::VexFile {
            author: None,
            statements: Vec::new(),
        }
    };
    // Products that the lockfile does not lock are worth a word: a typo, or an old statement.
    match project::load(global) {
        Ok(p) => {
            let locked: BTreeSet<String> = p
                .inventory
                .packages
                .iter()
                .map(warden_attest::purl::of_package)
                .collect();
            for s in &parsed.statements {
                for prod in &s.products {
                    if !locked.contains(prod) {
                        out.note(format!(
                            "note: {}: {} names {prod}, which {} does not lock",
                            path.display(),
                            s.vulnerability,
                            p.lockfile.display()
                        ));
                    }
                }
            }
        }
        Err(f) => out.verbose(format!(
            "not checking products against a lockfile: {}",
            f.message
        )),
    }
    let matches = match &args.advisory_db {
        Some(db) => advisory_matches(db, global)?,
        None => Vec::new(),
    };
    out.verbose(format!(
        "{} advisory matches in the locked tree",
        matches.len()
    ));
    // Patched builds in the tree: `fixed` for each advisory their patches resolve, unless the
    // user's vex.toml already says something about that advisory and product.
    let mut statements = parsed.statements.clone();
    if let Ok(p) = project::load(global) {
        let patched = crate::patched::PatchedBuilds::load(&global.dir)?;
        // With an advisory database, each `fixed` statement also names the advisory's aliases
        // (its CVE), as a matched advisory's statement does.
        let store = match &args.advisory_db {
            Some(db) => warden_advisory::Store::open(db).ok(),
            None => None,
        };
        for mut s in patched.fixed_statements(&p.inventory, &global.dir) {
            if let Some(Ok(Some(a))) = store.as_ref().map(|st| st.get(&s.vulnerability)) {
                s.aliases = a
                    .aliases
                    .into_iter()
                    .filter(|x| *x != s.vulnerability)
                    .collect();
            }
            let said = statements.iter().any(|u| {
                u.vulnerability.eq_ignore_ascii_case(&s.vulnerability)
                    && u.products.iter().any(|x| s.products.contains(x))
            });
            if !said {
                statements.push(s);
            }
        }
    }
    let tool = Tool::warden(env!("CARGO_PKG_VERSION"));
    let input = VexInput {
        author: parsed.author.clone().unwrap_or_else(|| "warden".into()),
        statements: &statements,
        matches: &matches,
        tool: &tool,
        now,
    };
    let doc = match args.spec {
        Spec::Openvex => {
            if input.resolved_statements().is_empty() {
                return Err(Failure::input(format!(
                    "{}: no VEX statements to publish (OpenVEX needs at least one)",
                    path.display()
                ))
                .help("add a [[statement]] to supply-chain/vex.toml (see docs/sbom-vex.md), or use --spec cyclonedx"));
            }
            openvex::document(&input)
        }
        Spec::Cyclonedx => cyclonedx::document(&input, spec_version),
    };
    documents::emit(args.output.as_deref(), &warden_attest::to_json_bytes(&doc))?;
    Ok(ExitCode::SUCCESS)
}
