//! Lockfile parsers: bytes in, [`Inventory`] out. Pure: no filesystem, network, clock or
//! environment; the caller reads the lockfile (and, where the format needs them, the
//! package.json manifests) and hands over the bytes.
//!
//! One file per format under `formats/`. Each parser resolves the graph edges itself and then
//! calls [`graph::dedupe`] and [`graph::sort`] so every format yields the same shape.

pub mod error;
pub mod formats;
pub mod graph;
pub mod integrity;
pub mod json;
pub mod jsonc;
pub mod model;
pub mod source;
pub mod yaml;

pub use error::{ErrorKind, ParseError};
pub use integrity::{Checksum, HashAlgorithm, Integrity};
pub use model::{DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package};
pub use source::SourceKind;

/// A package.json of the project, handed to parsers of formats that do not record everything
/// themselves (yarn classic keeps no importers, so dev flags need the root manifest).
#[derive(Debug, Clone)]
pub struct Manifest {
    /// Directory relative to the lockfile's, `""` for the root, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What a parser is handed.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The lockfile's file name (not a path): it decides the format.
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    /// The project's manifests, root first; may be empty.
    pub manifests: &'a [Manifest],
}

/// File names warden recognises as lockfiles, in the order it reports them.
pub const LOCKFILE_NAMES: &[&str] = &[
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
];

/// Parses a lockfile, choosing the format by file name (and, for yarn.lock, by content).
pub fn parse(input: &Input<'_>) -> Result<Inventory, ParseError> {
    match input.file_name {
        "package-lock.json" => formats::npm::parse(input, LockfileKind::PackageLock),
        "npm-shrinkwrap.json" => formats::npm::parse(input, LockfileKind::Shrinkwrap),
        "yarn.lock" => formats::yarn::parse(input),
        "pnpm-lock.yaml" | "shrinkwrap.yaml" => formats::pnpm::parse(input),
        "bun.lock" => formats::bun::parse(input),
        "bun.lockb" => Err(ParseError::new(
            ErrorKind::UnsupportedVersion,
            "bun.lockb is bun's binary lockfile, which warden does not read",
        )
        .with_help(
            "run `bun install --save-text-lockfile` to write bun.lock, then point warden at it",
        )),
        other => {
            // Unknown names: sniff the content so `--lockfile some/other-name` still works.
            let text = String::from_utf8_lossy(&input.bytes[..input.bytes.len().min(4096)]);
            let kind = if text.contains("lockfileVersion:") {
                "pnpm-lock.yaml"
            } else if text.contains("\n  \"workspaces\": {")
                && ["0", "1", "2"]
                    .iter()
                    .any(|v| text.contains(&format!("\"lockfileVersion\": {v},")))
            {
                // bun.lock: a top-level `workspaces` object (npm's is an array inside
                // `packages[""]`).
                "bun.lock"
            } else if text.contains("\"lockfileVersion\"") {
                "package-lock.json"
            } else if text.contains("__metadata:") || text.contains("# yarn lockfile v1") {
                "yarn.lock"
            } else {
                return Err(ParseError::new(
                    ErrorKind::Invalid,
                    format!("{other} is not a lockfile warden recognises"),
                )
                .with_help(format!("warden reads {}", LOCKFILE_NAMES.join(", "))));
            };
            parse(&Input {
                file_name: kind,
                ..*input
            })
        }
    }
}
