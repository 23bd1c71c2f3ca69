//! One module per command, each with its clap args struct and its `run` function.

pub mod advisories;
pub mod inventory;
pub mod vulns;
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
    /// Import and inspect the local OSV advisory database
    Advisories(advisories::Args),
    /// List locked packages that known advisories (vulnerabilities, malicious packages) name
    Vulns(vulns::Args),
}

pub fn run(cli: &Cli, out: &Out) -> Result<ExitCode> {
    match &cli.command {
        Command::Inventory(args) => inventory::run(args, &cli.global, out),
        Command::Why(args) => why::run(args, &cli.global, out),
        Command::Advisories(args) => advisories::run(args, &cli.global, out),
        Command::Vulns(args) => vulns::run(args, &cli.global, out),
    }
}
