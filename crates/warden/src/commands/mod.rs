//! One module per command, each with its clap args struct and its `run` function.

pub mod attest;
pub mod diff;
pub mod documents;
pub mod fetch;
pub mod inventory;
pub mod keygen;
pub mod rules;
pub mod sbom;
pub mod scan;
pub mod verify;
pub mod vex;
pub mod why;

use crate::cli::Cli;
use crate::failure::Result;
use crate::output::Out;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum Command {
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
    /// Scan a package (.tgz, directory or NAME@VERSION), or every package of the lockfile
    Scan(scan::Args),
    /// Show what an upgrade adds: capabilities, findings, files, scripts, dependencies, binaries
    Diff(diff::Args),
    /// List the scanner's rules
    Rules(rules::Args),
}

pub fn run(cli: &Cli, out: &Out) -> Result<ExitCode> {
    match &cli.command {
        Command::Inventory(args) => inventory::run(args, &cli.global, out),
        Command::Why(args) => why::run(args, &cli.global, out),
        Command::Sbom(args) => sbom::run(args, &cli.global, out),
        Command::Vex(args) => vex::run(args, &cli.global, out),
        Command::Attest(args) => attest::run(args, &cli.global, out),
        Command::Keygen(args) => keygen::run(args, &cli.global, out),
        Command::Verify(args) => verify::run(args, &cli.global, out),
        Command::Fetch(args) => fetch::run(args, &cli.global, out),
        Command::Scan(args) => scan::run(args, &cli.global, out),
        Command::Diff(args) => diff::run(args, &cli.global, out),
        Command::Rules(args) => rules::run(args, &cli.global, out),
    }
}
