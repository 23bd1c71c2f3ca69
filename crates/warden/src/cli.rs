//! Command-line arguments: the global flags every command honours, and the command list.

use crate::commands::Command;
use clap::{Args, Parser, ValueEnum};
use std::path::PathBuf;

/// warden defends a JavaScript project's npm dependency tree against supply-chain attacks.
#[derive(Debug, Parser)]
#[command(
    name = "warden",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// The project directory: where the lockfile and supply-chain/ live
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,
    /// The lockfile to read, when the directory has several or it has another name
    #[arg(long, global = true, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print only errors and the result
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more about what warden does and why
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Where downloaded packuments and tarballs are kept (default: WARDEN_CACHE, else the user's cache directory)
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Use only what is in the cache; never touch the network
    #[arg(long, global = true)]
    pub offline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people
    Human,
    /// One JSON document on standard output (schemas in docs/)
    Json,
    /// SARIF 2.1.0, for code-scanning tools (commands that report findings)
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// clap checks the whole command tree (duplicate names, bad defaults) only when asked.
    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}
