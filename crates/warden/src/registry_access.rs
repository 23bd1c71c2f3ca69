//! Opening the registry client the way every command does: npm's configuration for `--dir`, the
//! cache from `--cache-dir` / `WARDEN_CACHE` / the user's cache directory, `--offline`.

use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use std::path::PathBuf;
use warden_registry::{
    BlockingClient, Cache, Client, ClientOptions, ConfigInputs, NpmConfig, SystemNpm,
};

/// A registry failure as a CLI failure, with the error's own way out.
pub fn registry_failure(e: warden_registry::Error) -> Failure {
    let help = e.help();
    Failure::input(e.to_string()).help(help)
}

/// The cache directory the flags and environment name.
pub fn cache_dir(global: &Global) -> Result<PathBuf> {
    let env = std::env::var("WARDEN_CACHE").ok();
    Cache::default_dir(global.cache_dir.as_deref(), env.as_deref()).ok_or_else(|| {
        Failure::input("no cache directory: the user's cache directory is unknown")
            .help("pass --cache-dir DIR or set WARDEN_CACHE")
    })
}

/// The blocking registry client for the project in `--dir`.
pub fn open(global: &Global, out: &Out, concurrency: usize) -> Result<BlockingClient> {
    let config = NpmConfig::load(
        &ConfigInputs::from_process(&global.dir),
        &SystemNpm::in_dir(&global.dir),
    )
    .map_err(registry_failure)?;
    let cache_dir = cache_dir(global)?;
    out.verbose(format!(
        "registry {} (from {}); cache {}",
        config.registry,
        config.registry_origin,
        cache_dir.display()
    ));
    for (scope, url) in &config.scopes {
        out.verbose(format!("@{scope}: registry {url}"));
    }
    for dart in config.credential_scopes() {
        out.verbose(format!("credentials configured for {dart}"));
    }
    let client = Client::new(
        config,
        Cache::new(&cache_dir),
        ClientOptions {
            offline: global.offline,
            concurrency: concurrency.max(1),
            ..ClientOptions::default()
        },
    )
    .map_err(registry_failure)?;
    BlockingClient::new(client).map_err(registry_failure)
}
