use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{package}: cannot read the tarball: {reason}")]
    Tarball { package: String, reason: String },
    #[error("{package}: the tarball holds no package.json")]
    NoManifest { package: String },
    #[error("{package}: package.json: {reason}")]
    Manifest { package: String, reason: String },
    #[error("{file}: not a unified diff: {reason}")]
    Patch { file: String, reason: String },
    #[error("{file}: patch.toml: {reason}")]
    PatchToml { file: String, reason: String },
    #[error("cannot write the tarball: {0}")]
    Write(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
