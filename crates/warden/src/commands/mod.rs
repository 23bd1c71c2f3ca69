//! One module per command, each with its clap args struct and its `run` function.

pub mod advisories;
pub mod attest;
pub mod certify;
pub mod check;
pub mod check_sarif;
pub mod diff;
pub mod documents;
pub mod fetch;
pub mod import;
pub mod init;
pub mod inventory;
pub mod keygen;
pub mod patch;
pub mod patch_apply;
pub mod provenance;
pub mod rules;
pub mod sbom;
pub mod scan;
pub mod score;
pub mod suggest;
pub mod verify;
pub mod vex;
pub mod vulns;
pub mod why;

use crate::cli::Cli;
use crate::failure::Result;
use crate::output::Out;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create supply-chain/ with the default policy and freeze the lockfile as exemptions
    Init(init::Args),
    /// Gate every locked package: allow, quarantine, review or deny, with the reasons
    Check(check::Args),
    /// Record an audit of a package version (full, or a delta from a vetted version)
    Certify(certify::Args),
    /// Fetch the audits of every [imports.NAME] and pin them in supply-chain/imports.lock
    Import(import::Args),
    /// What to vet next, cheapest audits first
    Suggest(suggest::Args),
    /// Risk scores with their checks, and OpenSSF Scorecard results beside them
    Score(score::Args),
    /// List every locked package with its source, integrity and flags
    Inventory(inventory::Args),
    /// Show every dependency path from the project to a package, like `npm explain`
    Why(why::Args),
    /// Write an SBOM of the locked tree (CycloneDX 1.6/1.5 or SPDX 2.3)
    Sbom(sbom::Args),
    /// Write a VEX document from supply-chain/vex.toml (OpenVEX 0.2.0 or CycloneDX)
    Vex(vex::Args),
    /// Sign a document as an in-toto statement in a DSSE envelope
    Attest(attest::Args),
    /// Write a signing key pair (Ed25519 or ECDSA P-256, PKCS#8 PEM)
    Keygen(keygen::Args),
    /// Verify a DSSE envelope's signature and subject, and print its statement
    Verify(verify::Args),
    /// Download packuments and tarballs for the whole tree into the cache, verified
    Fetch(fetch::Args),
    /// Verify npm provenance (Sigstore bundles) offline and print the publisher identity
    Provenance(provenance::Args),
    /// Import and inspect the local OSV advisory database
    Advisories(advisories::Args),
    /// Patch the version in use: backport fixes, build VERSION-warden.N tarballs
    Patch(patch::Args),
    /// List locked packages that known advisories (vulnerabilities, malicious packages) name
    Vulns(vulns::Args),
    /// Scan a package (.tgz, directory or NAME@VERSION), or every package of the lockfile
    Scan(scan::Args),
    /// Show what an upgrade adds: capabilities, findings, files, scripts, dependencies, binaries
    Diff(diff::Args),
    /// List the scanner's rules
    Rules(rules::Args),
}

pub fn run(cli: &Cli, out: &Out) -> Result<ExitCode> {
    match &cli.command {
        Command::Init(args) => init::run(args, &cli.global, out),
        Command::Check(args) => check::run(args, &cli.global, out),
        Command::Certify(args) => certify::run(args, &cli.global, out),
        Command::Import(args) => import::run(args, &cli.global, out),
        Command::Suggest(args) => suggest::run(args, &cli.global, out),
        Command::Score(args) => score::run(args, &cli.global, out),
        Command::Inventory(args) => inventory::run(args, &cli.global, out),
        Command::Why(args) => why::run(args, &cli.global, out),
        Command::Sbom(args) => sbom::run(args, &cli.global, out),
        Command::Vex(args) => vex::run(args, &cli.global, out),
        Command::Attest(args) => attest::run(args, &cli.global, out),
        Command::Keygen(args) => keygen::run(args, &cli.global, out),
        Command::Verify(args) => verify::run(args, &cli.global, out),
        Command::Fetch(args) => fetch::run(args, &cli.global, out),
        Command::Provenance(args) => provenance::run(args, &cli.global, out),
        Command::Advisories(args) => advisories::run(args, &cli.global, out),
        Command::Patch(args) => patch::run(args, &cli.global, out),
        Command::Vulns(args) => vulns::run(args, &cli.global, out),
        Command::Scan(args) => scan::run(args, &cli.global, out),
        Command::Diff(args) => diff::run(args, &cli.global, out),
        Command::Rules(args) => rules::run(args, &cli.global, out),
    }
}
