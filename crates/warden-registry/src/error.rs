//! The registry crate's one error type. Every variant names the package or URL, what was
//! expected, and (through [`Error::help`]) the way out. URLs are shown without credentials.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{file}:{line}: {message}")]
    Config {
        file: String,
        line: usize,
        message: String,
        help: String,
    },
    #[error("no registry is configured and npm is not installed to say which one to use")]
    NoRegistry,
    #[error("{what}: invalid registry URL {url:?}: {reason}")]
    BadUrl {
        what: String,
        url: String,
        reason: String,
    },
    #[error("{package}: not found on the registry ({url})")]
    NotFound { package: String, url: String },
    #[error("{package}: the registry answered HTTP {status} for {url}")]
    Status {
        package: String,
        url: String,
        status: u16,
    },
    #[error("{package}: could not reach {url}: {reason}")]
    Network {
        package: String,
        url: String,
        reason: String,
    },
    #[error("{package}: the response from {url} is not a valid {what}: {reason}")]
    Parse {
        package: String,
        url: String,
        what: &'static str,
        reason: String,
    },
    #[error(
        "{package}: integrity mismatch for {url}: expected {expected}, the download hashes to {actual}"
    )]
    Integrity {
        package: String,
        url: String,
        expected: String,
        actual: String,
    },
    #[error(
        "{package}: the lockfile pins {lockfile} but the registry now says {registry} for the same version"
    )]
    IntegrityChanged {
        package: String,
        lockfile: String,
        registry: String,
    },
    #[error("{package}: the download from {url} was cut short: {reason}")]
    Truncated {
        package: String,
        url: String,
        reason: String,
    },
    #[error("{package}: {url} is larger than the {limit} MiB warden accepts")]
    TooLarge {
        package: String,
        url: String,
        limit: u64,
    },
    #[error(
        "{package}: no integrity to verify the tarball against (neither the lockfile nor the registry gives one)"
    )]
    NoIntegrity { package: String },
    #[error("{package}: version {version} is not in the registry's packument")]
    NoSuchVersion { package: String, version: String },
    #[error("offline: {what} is not in the cache ({path})")]
    Offline { what: String, path: PathBuf },
    #[error("cache {path}: {reason}")]
    Cache { path: PathBuf, reason: String },
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// The way out, one sentence.
    pub fn help(&self) -> String {
        match self {
            Self::Config { help, .. } => help.clone(),
            Self::NoRegistry => "install npm, or set the registry in .npmrc (`registry=https://…/`) or with the NPM_CONFIG_REGISTRY environment variable".into(),
            Self::BadUrl { .. } => "fix the URL in your .npmrc or NPM_CONFIG_* variables".into(),
            Self::NotFound { .. } => "check the package name and that the configured registry (or @scope:registry) serves it; a private package needs its //host/:_authToken in .npmrc".into(),
            Self::Status { status: 401 | 403, .. } => "the registry refused the request: check the //host/:_authToken for this registry in .npmrc".into(),
            Self::Status { .. } | Self::Network { .. } => "check the network, the proxy settings and the registry URL (`npm config get registry`), then run again".into(),
            Self::Parse { .. } => "the registry sent something that is not npm metadata; check the registry URL and any proxy in between".into(),
            Self::Integrity { .. } => "the tarball is not the one the lockfile pinned; do not install it: find out why before regenerating the lockfile".into(),
            Self::IntegrityChanged { .. } => "the registry's record of this version changed since it was locked; treat it as a possible compromise and investigate before regenerating the lockfile".into(),
            Self::Truncated { .. } => "run again; if it keeps happening, check the network or proxy".into(),
            Self::TooLarge { .. } => "check that the URL points at a package tarball".into(),
            Self::NoIntegrity { .. } => "regenerate the lockfile with a package manager that records integrity".into(),
            Self::NoSuchVersion { .. } => "the version may have been unpublished; check the lockfile against the registry".into(),
            Self::Offline { .. } => "run `warden fetch` once with the network to fill the cache, or drop --offline".into(),
            Self::Cache { .. } => "check that the cache directory is writable (--cache-dir or WARDEN_CACHE), or choose another".into(),
            Self::Other(_) => "run again with --verbose for details".into(),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A URL as it may be shown to a person: without any user name or password in it.
pub fn display_url(url: &url::Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.to_string();
    }
    let mut u = url.clone();
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u.to_string()
}
