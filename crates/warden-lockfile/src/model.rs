//! The Inventory: what a lockfile says is in the tree. Every format parser produces one; every
//! later part of warden (the gate, the SBOM, the scanner) reads it.

use crate::integrity::{Checksum, Integrity};
use crate::source::SourceKind;

/// Which lockfile format an inventory was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LockfileKind {
    /// `package-lock.json`
    PackageLock,
    /// `npm-shrinkwrap.json` (same format as package-lock.json)
    Shrinkwrap,
    /// `yarn.lock` written by yarn 1.x
    YarnClassic,
    /// `yarn.lock` written by yarn 2+ (has `__metadata`)
    YarnBerry,
    /// `pnpm-lock.yaml`
    Pnpm,
    /// `bun.lock` (text format)
    Bun,
}

impl LockfileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PackageLock => "package-lock",
            Self::Shrinkwrap => "npm-shrinkwrap",
            Self::YarnClassic => "yarn-classic",
            Self::YarnBerry => "yarn-berry",
            Self::Pnpm => "pnpm",
            Self::Bun => "bun",
        }
    }

    /// The lockfile's conventional file name.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::PackageLock => "package-lock.json",
            Self::Shrinkwrap => "npm-shrinkwrap.json",
            Self::YarnClassic | Self::YarnBerry => "yarn.lock",
            Self::Pnpm => "pnpm-lock.yaml",
            Self::Bun => "bun.lock",
        }
    }
}

/// How a dependency edge was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DepKind {
    Prod,
    Dev,
    Optional,
    Peer,
}

/// A node of the dependency graph: an importer (the root project or a workspace) or a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(tag = "node", content = "index", rename_all = "lowercase")]
pub enum NodeId {
    Importer(usize),
    Package(usize),
}

/// One declared dependency: the name it is required under (an alias, for `npm:` specs), the
/// spec as written, and the package it resolved to, when the lockfile says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dependency {
    /// The name under which it is required (for an alias, the alias).
    pub name: String,
    /// The requested spec (`^4.2.0`, `npm:string-width@^4.2.0`, `workspace:*`), or the locked
    /// version where the lockfile keeps no spec.
    pub spec: String,
    pub kind: DepKind,
    /// What it resolved to. `None` for unresolved optional or peer dependencies.
    pub target: Option<NodeId>,
}

/// The root project or one workspace of a monorepo, with its direct dependencies.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Importer {
    /// Path relative to the lockfile's directory, `""` for the root, `/`-separated.
    pub path: String,
    pub name: Option<String>,
    pub version: Option<String>,
    pub dependencies: Vec<Dependency>,
}

/// One locked package version.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Package {
    /// The real package name (for an alias, the aliased package, not the alias).
    pub name: String,
    pub version: String,
    pub source: SourceKind,
    /// Normalised SRI, when the lockfile records one (or a sha1 that converts to one).
    pub integrity: Option<Integrity>,
    /// A checksum in the lockfile's own non-SRI form (yarn Berry's, for instance).
    pub checksum: Option<Checksum>,
    /// Where it was resolved from (tarball URL, git URL, file path), as the lockfile wrote it.
    pub resolved: Option<String>,
    /// Only needed for development: not reachable from any importer without a dev edge.
    pub dev: bool,
    /// Only reachable through optional edges.
    pub optional: bool,
    /// Only reachable through peer edges.
    pub peer: bool,
    /// Shipped inside another package's tarball (npm `inBundle`).
    pub bundled: bool,
    /// Other names this package is installed under (npm aliases).
    pub aliases: Vec<String>,
    /// Where the lockfile places it: `node_modules/…` paths for npm, package keys for pnpm,
    /// descriptors for yarn, keys for bun. Several when one version is placed several times.
    pub locations: Vec<String>,
    pub dependencies: Vec<Dependency>,
}

impl Package {
    /// A package with the given identity and everything else empty; parsers fill in the rest.
    pub fn new(name: impl Into<String>, version: impl Into<String>, source: SourceKind) -> Self {
        Self {
            name: name.into(),
            version: version.into(),
            source,
            integrity: None,
            checksum: None,
            resolved: None,
            dev: false,
            optional: false,
            peer: false,
            bundled: false,
            aliases: Vec::new(),
            locations: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    /// `name@version`.
    pub fn id(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }
}

/// Everything a lockfile says is in the tree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Inventory {
    pub kind: LockfileKind,
    /// The format version as the lockfile states it (`3`, `9.0`, `8`, `1`).
    pub lockfile_version: String,
    /// The root first, then workspaces sorted by path.
    pub importers: Vec<Importer>,
    pub packages: Vec<Package>,
}

impl Inventory {
    /// The direct and reverse adjacency of the graph, importers and packages together.
    pub fn graph(&self) -> crate::graph::Graph<'_> {
        crate::graph::Graph::new(self)
    }

    /// Packages with the given real name or alias.
    pub fn find<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (usize, &'a Package)> + 'a {
        self.packages
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.name == name || p.aliases.iter().any(|a| a == name))
    }

    /// A short label for a node: `name@version`, or the importer's name or path.
    pub fn label(&self, node: NodeId) -> String {
        match node {
            NodeId::Package(i) => self.packages[i].id(),
            NodeId::Importer(i) => {
                let imp = &self.importers[i];
                match (&imp.name, imp.path.as_str()) {
                    (Some(n), "") => format!("{n} (root)"),
                    (None, "") => "(root)".to_string(),
                    (Some(n), p) => format!("{n} ({p})"),
                    (None, p) => format!("({p})"),
                }
            }
        }
    }
}
