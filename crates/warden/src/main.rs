//! The `warden` binary: parses arguments and dispatches to one module per command.

mod cli;
mod commands;
mod failure;
mod gather;
mod output;
mod package_json;
mod package_manager;
mod patched;
mod pnpm_workspace;
mod project;
mod publishers;
mod registry_access;
mod supply_chain;

use clap::Parser as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let out = output::Out::new(&cli.global);
    match commands::run(&cli, &out) {
        Ok(code) => code,
        Err(failure) => {
            out.failure(&failure);
            ExitCode::from(failure.code)
        }
    }
}
