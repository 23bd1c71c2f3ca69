//! `pnpm-lock.yaml`, lockfileVersion 5.x (pnpm 6 and 7), 6.0 (pnpm 8) and 9.0 (pnpm 9 and 10).
//!
//! All three families keep `importers` (the root and each workspace, with their direct
//! dependencies; single-project 5.x and 6.0 lockfiles keep them at the top level) and
//! `packages` (one entry per package, with its resolution). 5.x and 6.0 write one `packages`
//! entry per peer variant, holding its dependencies; 9.0 splits them: `packages` per real
//! package, `snapshots` per peer variant. Keys and references are decoded in `depath`.
//!
//! Each variant becomes one [`Package`] placed at its key; [`graph::dedupe`] then merges the
//! variants of one real package (same name, version and source) into one, keeping every
//! variant's edges. Flags are settled per variant before that merge (a merged package is dev
//! only if every variant is): 5.x and 6.0 record `dev` / `optional` and those are kept (a test
//! checks the graph gives the same), 9.0's are computed with [`graph::compute_flags`].
//!
//! The YAML parser is serde_norway (a maintained fork of serde_yaml 0.9); `crate::yaml` guards
//! it against deep flow nesting and turns its errors into [`ParseError`]s with positions.

mod depath;

use crate::error::{ErrorKind, ParseError, check_text};
use crate::graph;
use crate::integrity::Integrity;
use crate::json::UniqueMap;
use crate::model::{DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package};
use crate::source::{SourceKind, classify_url, is_registry_tarball};
use crate::{Input, yaml};
pub(crate) use depath::split_name_version;
use depath::{Family, Ref};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Lock {
    lockfile_version: Option<String>,
    importers: Option<UniqueMap<Project>>,
    // A single-project 5.x / 6.0 lockfile keeps its importer's maps at the top level.
    specifiers: Option<UniqueMap<String>>,
    dependencies: Option<UniqueMap<DepRef>>,
    dev_dependencies: Option<UniqueMap<DepRef>>,
    optional_dependencies: Option<UniqueMap<DepRef>>,
    packages: Option<UniqueMap<Entry>>,
    snapshots: Option<UniqueMap<Snapshot>>,
}

/// An importer: `specifiers` (5.x) and dependency maps whose values are a reference (5.x) or
/// `{specifier, version}` (6.0, 9.0).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Project {
    specifiers: Option<UniqueMap<String>>,
    dependencies: Option<UniqueMap<DepRef>>,
    dev_dependencies: Option<UniqueMap<DepRef>>,
    optional_dependencies: Option<UniqueMap<DepRef>>,
}

struct DepRef {
    specifier: Option<String>,
    version: String,
}

impl<'de> Deserialize<'de> for DepRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = DepRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a version or a {specifier, version} map")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DepRef, E> {
                Ok(DepRef {
                    specifier: None,
                    version: v.to_string(),
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DepRef, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<DepRef, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<DepRef, A::Error> {
                #[derive(Deserialize)]
                #[serde(deny_unknown_fields)]
                struct Full {
                    specifier: String,
                    version: String,
                }
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(DepRef {
                    specifier: Some(full.specifier),
                    version: full.version,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Entry {
    resolution: Option<Resolution>,
    name: Option<String>,
    version: Option<String>,
    dev: Option<bool>,
    optional: Option<bool>,
    dependencies: Option<UniqueMap<String>>,
    optional_dependencies: Option<UniqueMap<String>>,
    peer_dependencies: Option<UniqueMap<String>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Snapshot {
    dependencies: Option<UniqueMap<String>>,
    optional_dependencies: Option<UniqueMap<String>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Resolution {
    integrity: Option<String>,
    tarball: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    repo: Option<String>,
    commit: Option<String>,
    directory: Option<String>,
    git_hosted: Option<bool>,
}

const SUPPORTED: &str = "5.x (pnpm 6 and 7), 6.0 (pnpm 8) and 9.0 (pnpm 9 and 10)";
const REGENERATE: &str = "regenerate it with `pnpm install --lockfile-only`";

pub fn parse(input: &Input<'_>) -> Result<Inventory, ParseError> {
    parse_flags(input, true)
}

/// [`parse`], with the choice to keep the `dev` / `optional` flags 5.x and 6.0 record or to
/// compute them from the graph as for 9.0 (the tests compare the two).
fn parse_flags(input: &Input<'_>, keep_recorded: bool) -> Result<Inventory, ParseError> {
    let text = check_text(input.bytes)?;
    yaml::check_nesting(text)?;
    let lock: Lock = serde_norway::from_str(text).map_err(|e| yaml::error(&e).within(text))?;
    let Some(version) = lock.lockfile_version.clone() else {
        return Err(ParseError::new(
            ErrorKind::Schema,
            "missing \"lockfileVersion\"; this does not look like a file pnpm wrote",
        )
        .at(1, 1)
        .with_help(REGENERATE));
    };
    let family = match version.trim_matches(['\'', '"']) {
        "5" | "5.0" | "5.1" | "5.2" | "5.3" | "5.4" => Family::V5,
        "6.0" | "6.1" => Family::V6,
        "9.0" => Family::V9,
        other => {
            return Err(ParseError::new(
                ErrorKind::UnsupportedVersion,
                format!("lockfileVersion {other} is not supported; warden reads {SUPPORTED}"),
            )
            .near(text, "lockfileVersion")
            .with_help(format!("{REGENERATE} using pnpm 7 or later")));
        }
    };
    let mut b = Builder {
        text,
        family,
        manifests: input.manifests,
        inv: Inventory {
            kind: LockfileKind::Pnpm,
            lockfile_version: version,
            importers: Vec::new(),
            packages: Vec::new(),
        },
        by_key: HashMap::new(),
        recorded: Vec::new(),
        keep_recorded: keep_recorded && family != Family::V9,
    };

    // Importers: `importers` when present, else the top-level maps of a single project.
    let projects: Vec<(String, Project)> = match lock.importers {
        Some(map) => map
            .0
            .into_iter()
            .map(|(path, p)| (depath::join_path("", &path), p))
            .collect(),
        None => vec![(
            String::new(),
            Project {
                specifiers: lock.specifiers,
                dependencies: lock.dependencies,
                dev_dependencies: lock.dev_dependencies,
                optional_dependencies: lock.optional_dependencies,
            },
        )],
    };
    for (path, _) in &projects {
        let (name, version) = input
            .manifests
            .iter()
            .find(|m| &m.path == path)
            .map_or((None, None), |m| {
                crate::formats::manifest_identity(&m.bytes)
            });
        b.inv.importers.push(Importer {
            path: path.clone(),
            name,
            version,
            dependencies: Vec::new(),
        });
    }

    let packages = lock.packages.unwrap_or_default();
    let mut pending: Vec<(usize, PendingDeps)> = Vec::new();
    match family {
        Family::V5 | Family::V6 => {
            for (key, entry) in packages.0 {
                let idx = b.add_package(&key, &key, &entry)?;
                pending.push((idx, PendingDeps::from_entry(entry)));
            }
        }
        Family::V9 => {
            let snapshots = lock.snapshots.unwrap_or_default();
            let mut used = vec![false; packages.len()];
            let index: HashMap<&str, usize> = packages
                .0
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.as_str(), i))
                .collect();
            for (key, snap) in snapshots.0 {
                let base = depath::remove_peer_suffix(&key);
                let Some(&at) = index.get(base) else {
                    return Err(ParseError::new(
                        ErrorKind::Schema,
                        format!("snapshot \"{key}\" has no entry \"{base}\" in packages"),
                    )
                    .at_key(text, &key)
                    .with_help(REGENERATE));
                };
                used[at] = true;
                let entry = &packages.0[at].1;
                let idx = b.add_package(base, &key, entry)?;
                let peers = entry
                    .peer_dependencies
                    .as_ref()
                    .map(|m| m.0.iter().map(|(k, _)| k.clone()).collect())
                    .unwrap_or_default();
                pending.push((
                    idx,
                    PendingDeps {
                        dependencies: snap.dependencies.unwrap_or_default(),
                        optional: snap.optional_dependencies.unwrap_or_default(),
                        peers,
                    },
                ));
            }
            for (i, (key, entry)) in packages.0.iter().enumerate() {
                // pnpm installs packages by snapshot, so one without a snapshot is installed by
                // nothing; it stays in the inventory, but no reference may resolve to it (a file
                // cut inside `snapshots` must not look whole).
                if !used[i] {
                    b.add_package(key, key, entry)?;
                    b.by_key.remove(key.as_str());
                }
            }
        }
    }

    // Edges of packages.
    for (idx, deps) in pending {
        let from = b.inv.packages[idx].locations[0].clone();
        let mut out = Vec::new();
        for (name, reference) in deps.dependencies.iter() {
            let kind = if deps.peers.iter().any(|p| p == name) {
                DepKind::Peer
            } else {
                DepKind::Prod
            };
            out.push(b.edge(&from, "", name, reference, reference, kind)?);
        }
        for (name, reference) in deps.optional.iter() {
            out.push(b.edge(&from, "", name, reference, reference, DepKind::Optional)?);
        }
        b.inv.packages[idx].dependencies = out;
    }
    // Edges of importers.
    for (i, (path, project)) in projects.iter().enumerate() {
        let mut out = Vec::new();
        for (map, kind) in [
            (&project.dependencies, DepKind::Prod),
            (&project.dev_dependencies, DepKind::Dev),
            (&project.optional_dependencies, DepKind::Optional),
        ] {
            for (name, dep) in map.iter().flat_map(|m| m.iter()) {
                let spec = dep
                    .specifier
                    .clone()
                    .or_else(|| {
                        project
                            .specifiers
                            .as_ref()
                            .and_then(|s| s.get(name).cloned())
                    })
                    .unwrap_or_else(|| dep.version.clone());
                let from = if path.is_empty() { "." } else { path.as_str() };
                out.push(b.edge(from, path, name, &dep.version, &spec, kind)?);
            }
        }
        b.inv.importers[i].dependencies = out;
    }
    b.finish()
}

/// Positions errors at a mapping key, however pnpm quoted it.
trait AtKey {
    fn at_key(self, text: &str, key: &str) -> Self;
}

impl AtKey for ParseError {
    fn at_key(self, text: &str, key: &str) -> Self {
        for needle in [
            format!("\n  {key}:"),
            format!("\n  '{key}':"),
            format!("\n  \"{key}\":"),
        ] {
            if let Some(at) = text.find(&needle) {
                let (line, column) = crate::error::line_col(text, at + 3);
                return self.at(line, column);
            }
        }
        self.near(text, key)
    }
}

/// A package's dependency maps, kept until every package has an index.
struct PendingDeps {
    dependencies: UniqueMap<String>,
    optional: UniqueMap<String>,
    peers: Vec<String>,
}

impl PendingDeps {
    fn from_entry(e: Entry) -> Self {
        Self {
            peers: e
                .peer_dependencies
                .map(|m| m.0.into_iter().map(|(k, _)| k).collect())
                .unwrap_or_default(),
            dependencies: e.dependencies.unwrap_or_default(),
            optional: e.optional_dependencies.unwrap_or_default(),
        }
    }
}

struct Builder<'a> {
    text: &'a str,
    family: Family,
    manifests: &'a [crate::Manifest],
    inv: Inventory,
    /// Package (5.x, 6.0) or snapshot (9.0) key -> package index.
    by_key: HashMap<String, usize>,
    /// Per package: the `dev` and `optional` flags pnpm recorded (5.x, 6.0).
    recorded: Vec<(bool, bool)>,
    keep_recorded: bool,
}

impl Builder<'_> {
    fn err(&self, key: &str, message: String) -> ParseError {
        ParseError::new(ErrorKind::Schema, message)
            .at_key(self.text, key)
            .with_help(REGENERATE)
    }

    /// Adds the package at `location` described by the `packages` entry under `key`.
    fn add_package(&mut self, key: &str, location: &str, e: &Entry) -> Result<usize, ParseError> {
        let parsed = depath::parse_key(self.family, key);
        let name = e
            .name
            .clone()
            .or_else(|| parsed.as_ref().map(|p| p.0.clone()));
        // 6.0 and 9.0 omit `version` for directories: the reference is all there is.
        let version = e
            .version
            .clone()
            .or_else(|| parsed.as_ref().map(|p| p.1.clone()));
        let (name, version) = match (name, version) {
            (Some(n), Some(v)) => (n, v),
            (Some(n), None) => (n, key.to_string()),
            _ => {
                return Err(self.err(
                    key,
                    format!("package \"{key}\" has no \"name\", and its key does not spell one"),
                ));
            }
        };
        let Some(res) = &e.resolution else {
            return Err(self.err(key, format!("package \"{key}\" has no \"resolution\"")));
        };
        let (source, resolved) = self.source(key, &name, &version, res)?;
        // A directory's version is in its package.json, when the caller handed it over.
        let version = match (&res.directory, e.version.is_none()) {
            (Some(dir), true) => self.manifest_version(dir).unwrap_or(version),
            _ => version,
        };
        let mut p = Package::new(name, version, source);
        if let Some(i) = &res.integrity {
            p.integrity = Some(Integrity::parse(i).ok_or_else(|| {
                self.err(
                    key,
                    format!(
                        "package \"{key}\" has an integrity that is not a valid SRI string: {i:?}"
                    ),
                )
            })?);
        }
        p.resolved = resolved;
        p.locations.push(location.to_string());
        let idx = self.inv.packages.len();
        self.by_key.insert(location.to_string(), idx);
        self.recorded
            .push((e.dev == Some(true), e.optional == Some(true)));
        self.inv.packages.push(p);
        Ok(idx)
    }

    /// The version in the package.json at `path` (relative to the lockfile), if handed over.
    fn manifest_version(&self, path: &str) -> Option<String> {
        let path = depath::join_path("", path);
        let m = self.manifests.iter().find(|m| m.path == path)?;
        crate::formats::manifest_identity(&m.bytes).1
    }

    /// The source and resolved location a resolution describes.
    fn source(
        &self,
        key: &str,
        name: &str,
        version: &str,
        res: &Resolution,
    ) -> Result<(SourceKind, Option<String>), ParseError> {
        match (res.kind.as_deref(), &res.directory, &res.tarball) {
            (Some("git"), _, _) => match (&res.repo, &res.commit) {
                (Some(repo), Some(commit)) => Ok((SourceKind::Git, Some(format!("{repo}#{commit}")))),
                _ => Err(self.err(
                    key,
                    format!("package \"{key}\" has a git resolution without \"repo\" and \"commit\""),
                )),
            },
            (Some("directory") | None, Some(dir), _) => Ok((SourceKind::File, Some(dir.clone()))),
            (None, None, Some(url)) => {
                let source = if res.git_hosted == Some(true)
                    || depath::key_is_git_host(key)
                    || depath::is_git_host_archive(url)
                {
                    SourceKind::Git
                } else if url.starts_with("file:") {
                    SourceKind::File
                } else if is_registry_tarball(url, name, version) {
                    SourceKind::Registry
                } else {
                    classify_url(url)
                };
                Ok((source, Some(url.clone())))
            }
            (None, None, None) if res.integrity.is_some() => Ok((SourceKind::Registry, None)),
            (None, None, None) => Err(self.err(
                key,
                format!("package \"{key}\" has a resolution with neither \"integrity\" nor \"tarball\""),
            )),
            (Some(other), _, _) => Err(self.err(
                key,
                format!(
                    "package \"{key}\" has a resolution of type \"{other}\"; warden reads git, directory and tarball resolutions"
                ),
            )),
        }
    }

    /// An edge from `from` (a package key or importer path, for errors), whose links resolve
    /// from `from_path` (an importer's path; `""` for packages), to the reference `reference`
    /// under dependency `name`.
    /// A reference to a key the lockfile lacks is an error: pnpm writes every entry it
    /// references, so a missing one means the file was cut short or edited (a YAML file cut at a
    /// line boundary still parses).
    fn edge(
        &mut self,
        from: &str,
        from_path: &str,
        name: &str,
        reference: &str,
        spec: &str,
        kind: DepKind,
    ) -> Result<Dependency, ParseError> {
        let target = match depath::ref_to_key(self.family, name, reference) {
            Ref::Key(key) => match self.by_key.get(&key) {
                Some(&i) => Some(NodeId::Package(i)),
                None => {
                    return Err(ParseError::new(
                        ErrorKind::Schema,
                        format!("\"{from}\" depends on {name} {reference}, but the lockfile has no entry \"{key}\""),
                    )
                    .at_key(self.text, from)
                    .with_help(format!("was the file cut short or edited by hand? {REGENERATE}")));
                }
            },
            Ref::Link(rel) => {
                let path = depath::join_path(from_path, &rel);
                match self.inv.importers.iter().position(|imp| imp.path == path) {
                    Some(i) => Some(NodeId::Importer(i)),
                    None => Some(NodeId::Package(self.link_package(name, &path))),
                }
            }
        };
        Ok(Dependency {
            name: name.to_string(),
            spec: spec.to_string(),
            kind,
            target,
        })
    }

    /// A `link:` to a folder that is not an importer. pnpm records nothing about the folder: its
    /// version comes from its package.json when the caller handed that over, else it is the link
    /// itself (`link:vendor/tool`).
    fn link_package(&mut self, name: &str, path: &str) -> usize {
        let location = format!("link:{path}");
        if let Some(&i) = self.by_key.get(&location) {
            return i;
        }
        let version = self
            .manifest_version(path)
            .unwrap_or_else(|| location.clone());
        let mut p = Package::new(name, version, SourceKind::Link);
        p.resolved = Some(path.to_string());
        p.locations.push(location.clone());
        let idx = self.inv.packages.len();
        self.by_key.insert(location, idx);
        self.recorded.push((false, false));
        self.inv.packages.push(p);
        idx
    }

    fn finish(mut self) -> Result<Inventory, ParseError> {
        // An alias is the name a package is required under when that is not its own.
        let mut aliases: Vec<(usize, String)> = Vec::new();
        let all_deps = self
            .inv
            .importers
            .iter()
            .flat_map(|i| i.dependencies.iter())
            .chain(self.inv.packages.iter().flat_map(|p| p.dependencies.iter()));
        for d in all_deps {
            if let Some(NodeId::Package(t)) = d.target
                && self.inv.packages[t].name != d.name
                && self.inv.packages[t].source != SourceKind::Link
            {
                aliases.push((t, d.name.clone()));
            }
        }
        for (t, a) in aliases {
            if !self.inv.packages[t].aliases.contains(&a) {
                self.inv.packages[t].aliases.push(a);
            }
        }
        // Flags are computed per peer variant, before variants merge: one variant of a package
        // can be reached from production code while another is reached only from a dev tool,
        // and their edges differ (jest-pnp-resolver(jest-resolve@27) vs (jest-resolve@29)).
        // Merging first would make everything either variant reaches look like production.
        graph::compute_flags(&mut self.inv);
        if self.keep_recorded {
            // pnpm wrote these for 5.x and 6.0; keep them (tests check they agree with the graph).
            for (p, (dev, optional)) in self.inv.packages.iter_mut().zip(&self.recorded) {
                p.dev = *dev;
                p.optional = *optional;
            }
        }
        // Merging keeps a flag only when every variant has it.
        graph::dedupe(&mut self.inv);
        graph::sort(&mut self.inv);
        Ok(self.inv)
    }
}

#[cfg(test)]
mod tests;
