//! One module per command, each with its clap args struct and its `run` function.

pub mod fetch;
pub mod inventory;
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
    /// Download packuments and tarballs for the whole tree into the cache, verified
    Fetch(fetch::Args),
}

pub fn run(cli: &Cli, out: &Out) -> Result<ExitCode> {
    match &cli.command {
        Command::Inventory(args) => inventory::run(args, &cli.global, out),
        Command::Why(args) => why::run(args, &cli.global, out),
        Command::Fetch(args) => fetch::run(args, &cli.global, out),
    }
}
