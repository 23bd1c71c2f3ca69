//! yarn Berry (2+) `yarn.lock`: YAML, one entry per set of descriptors, plus `__metadata`.
//!
//! ```yaml
//! __metadata:
//!   version: 8
//!   cacheKey: 10c0
//!
//! "string-width-cjs@npm:string-width@^4.2.0, string-width@npm:^4.2.0":
//!   version: 4.2.3
//!   resolution: "string-width@npm:4.2.3"
//!   dependencies:
//!     emoji-regex: "npm:^8.0.0"
//!   checksum: 10c0/1e52…
//!   languageName: node
//!   linkType: hard
//! ```
//!
//! - Importers are the entries resolved `name@workspace:path` (`workspace:.` is the root). The
//!   lockfile merges a workspace's dev dependencies into its `dependencies`; the manifests, when
//!   handed over, tell which are dev. Without them every workspace edge counts as production.
//! - Edges resolve through the descriptor map: dependency `a: "npm:^1.0.0"` is descriptor
//!   `a@npm:^1.0.0`. Descriptors rewritten by the root manifest's `resolutions` are followed
//!   when the manifest is there; otherwise a name with a single entry is taken.
//! - `patch:` entries are the registry (or git, …) package they patch, with its real name and
//!   version, and a `resolved` that names the patch, so they never merge with the unpatched
//!   entry. A patch entry depends on the entry it patches (yarn fetches that one and applies the
//!   patch), which keeps the unpatched entry's flags right. yarn's built-in compat patches
//!   (`optional!builtin<compat/typescript>`) replace the plain descriptor they wrap, as yarn does.
//! - The YAML is read with serde_norway (as pnpm-lock.yaml is), after [`yaml::check_nesting`]
//!   and [`yaml::refuse_anchors`]: no alias can expand and deep flow nesting cannot stall libyaml.
//! - `checksum` (`10c0/<hex>`) hashes yarn's zip archive, not the tarball: it is kept as a
//!   [`Checksum`], never turned into an integrity.

use crate::Manifest;
use crate::error::{ErrorKind, ParseError};
use crate::formats::yarn::{
    ManifestDep, manifest_importers, manifest_resolutions, normalise_path, resolution_override,
    shorten, split_descriptor,
};
use crate::graph;
use crate::integrity::Checksum;
use crate::json::{UniqueMap, null_as_default};
use crate::model::{DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package};
use crate::source::{SourceKind, classify_resolved, classify_url};
use crate::yaml;
use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// `__metadata.version` values warden reads: yarn 2 wrote 4, yarn 3 wrote 5 and 6, yarn 4
/// writes 8 and later 10.
const SUPPORTED: std::ops::RangeInclusive<u32> = 4..=10;

/// A YAML scalar read as text (`version: 1.2.3` is a string, `version: 4` a number).
#[derive(Debug, Clone, Default)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    optional: Option<bool>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry {
    version: Option<Scalar>,
    resolution: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    dependencies: UniqueMap<Scalar>,
    #[serde(default, deserialize_with = "null_as_default")]
    peer_dependencies: UniqueMap<Scalar>,
    #[serde(default, deserialize_with = "null_as_default")]
    dependencies_meta: UniqueMap<Option<Meta>>,
    checksum: Option<Scalar>,
}

#[derive(Deserialize)]
struct Metadata {
    version: Option<Scalar>,
}

/// The whole file: `__metadata` and the entries in document order, keys unique.
struct Lock {
    version: Option<String>,
    entries: Vec<(String, Entry)>,
}

impl<'de> Deserialize<'de> for Lock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lock;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of lockfile entries")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Lock, A::Error> {
                let mut entries = Vec::new();
                let mut version = None;
                let mut seen = HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate key \"{}\"",
                            shorten(&key)
                        )));
                    }
                    if key == "__metadata" {
                        version = map.next_value::<Metadata>()?.version.map(|v| v.0);
                    } else {
                        entries.push((key, map.next_value::<Entry>()?));
                    }
                }
                Ok(Lock { version, entries })
            }
        }
        d.deserialize_map(V)
    }
}

fn help() -> &'static str {
    "regenerate the lockfile with `yarn install`"
}

/// A YAML error with yarn's way out. Duplicate keys are [`ErrorKind::Invalid`]; a duplicate
/// top-level key comes back without a position, so it points at the second occurrence.
fn yaml_error(text: &str, e: &serde_norway::Error) -> ParseError {
    let mut err = yaml::error(e).with_help(help());
    if err.message.contains("duplicate") {
        err.kind = ErrorKind::Invalid;
    }
    match err.message.strip_prefix("duplicate key \"") {
        Some(rest) if err.line <= 1 => {
            let key = rest.strip_suffix('"').unwrap_or(rest);
            let (quoted, plain) = (format!("\"{key}\":"), format!("{key}:"));
            let second = text
                .split('\n')
                .enumerate()
                .filter(|(_, l)| l.starts_with(&quoted) || l.starts_with(&plain))
                .nth(1);
            match second {
                Some((n, _)) => err.at(n + 1, 1),
                None => err,
            }
        }
        _ => err,
    }
}

/// Reads `__metadata.version` from the text before the full parse, so an unsupported version
/// is reported as such rather than as whatever its entries break.
fn metadata_version(text: &str) -> Result<(u32, String), ParseError> {
    let mut lines = text.lines().enumerate();
    let Some((meta_line, _)) = lines
        .by_ref()
        .find(|(_, l)| l.starts_with("__metadata:") || l.starts_with("\"__metadata\":"))
    else {
        return Err(ParseError::new(ErrorKind::Schema, "missing \"__metadata\"").at(1, 1));
    };
    for (n, l) in lines {
        let l = l.trim_end_matches('\r');
        if !l.starts_with(' ') && !l.trim().is_empty() {
            break;
        }
        let t = l.trim();
        if let Some(v) = t.strip_prefix("version:") {
            let v = v.trim().trim_matches(['"', '\'']);
            let col = l.find("version").map_or(1, |i| i + 1);
            return match v.parse::<u32>() {
                Ok(n) if SUPPORTED.contains(&n) => Ok((n, v.to_string())),
                _ => Err(ParseError::new(
                    ErrorKind::UnsupportedVersion,
                    format!(
                        "yarn.lock __metadata version {v} is not supported; warden reads versions {} to {}",
                        SUPPORTED.start(),
                        SUPPORTED.end()
                    ),
                )
                .at(n + 1, col)
                .with_help("regenerate the lockfile with a yarn 2, 3 or 4 release (`yarn install`)")),
            };
        }
    }
    Err(
        ParseError::new(ErrorKind::Schema, "\"__metadata\" has no \"version\"")
            .at(meta_line + 1, 1)
            .with_help(help()),
    )
}

/// Decodes the `%XX` escapes yarn uses inside `patch:` references.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(hi), Some(lo)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(hi * 16 + lo);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// For a `patch:<source>#<patch>` range or reference: the decoded source descriptor or locator
/// and the patch path.
fn patch_parts(range: &str) -> Option<(String, &str)> {
    let rest = range.strip_prefix("patch:")?;
    let (source, patch) = rest.split_once('#').unwrap_or((rest, ""));
    Some((percent_decode(source), patch))
}

fn is_builtin_patch(patch_path: &str) -> bool {
    patch_path.starts_with("optional!builtin<") || patch_path.starts_with("builtin<")
}

/// The source of a locator's reference. A `patch:` is the source of what it patches.
fn source_of(name: &str, reference: &str, version: &str) -> SourceKind {
    let mut name = name.to_string();
    let mut reference = reference.to_string();
    // Patches of patches are legal; a few levels is plenty, and the bound keeps hostile input
    // from looping.
    for _ in 0..8 {
        let Some((inner, _)) = patch_parts(&reference) else {
            break;
        };
        match split_descriptor(&inner) {
            Some((n, r)) => {
                name = n.to_string();
                reference = r.to_string();
            }
            None => return SourceKind::File,
        }
    }
    let r = reference.as_str();
    if r.starts_with("npm:") {
        SourceKind::Registry
    } else if r.starts_with("workspace:") {
        SourceKind::Workspace
    } else if r.starts_with("http://") || r.starts_with("https://") {
        classify_resolved(r, &name, version)
    } else if r.starts_with("exec:") {
        SourceKind::File
    } else {
        classify_url(r)
    }
}

/// Finds where an entry starts in the text, for errors found after deserialisation.
fn locate(text: &str, key: &str) -> (usize, usize) {
    let quoted = format!("\"{key}\":");
    let plain = format!("{key}:");
    text.split('\n')
        .position(|l| l.starts_with(&quoted) || l.starts_with(&plain))
        .map_or((0, 0), |n| (n + 1, 1))
}

fn schema(text: &str, key: &str, msg: String) -> ParseError {
    let (line, col) = locate(text, key);
    ParseError::new(ErrorKind::Schema, msg)
        .at(line, col)
        .with_help(help())
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    Package(usize),
    Importer(usize),
}

impl Slot {
    fn node(self) -> NodeId {
        match self {
            Slot::Package(i) => NodeId::Package(i),
            Slot::Importer(i) => NodeId::Importer(i),
        }
    }
}

/// An entry sorted into an importer or a package, with what edge resolution needs.
struct Node<'a> {
    key: &'a str,
    entry: &'a Entry,
    slot: Slot,
}

pub fn parse(text: &str, manifests: &[Manifest]) -> Result<Inventory, ParseError> {
    metadata_version(text)?;
    yaml::check_nesting(text).map_err(|e| e.with_help(help()))?;
    yaml::refuse_anchors(text).map_err(|e| e.with_help(help()))?;
    let lock: Lock = serde_norway::from_str(text).map_err(|e| yaml_error(text, &e))?;
    let Some(version) = lock.version.clone() else {
        return Err(
            ParseError::new(ErrorKind::Schema, "\"__metadata\" has no \"version\"")
                .at(locate(text, "__metadata").0, 1)
                .with_help(help()),
        );
    };

    // Importers first, sorted by path, so their indices are final before edges are resolved.
    let mut from_manifests = manifest_importers(manifests);
    let mut importers: Vec<(Importer, Option<Vec<ManifestDep>>)> = Vec::new();
    let mut nodes: Vec<Node<'_>> = Vec::new();
    let mut packages: Vec<Package> = Vec::new();
    let mut workspace_entries: Vec<(String, &str, &Entry)> = Vec::new();
    for (key, entry) in &lock.entries {
        let k = shorten(key);
        let Some(resolution) = &entry.resolution else {
            return Err(schema(
                text,
                key,
                format!("entry \"{k}\" has no \"resolution\""),
            ));
        };
        let Some((name, reference)) = split_descriptor(resolution) else {
            return Err(schema(
                text,
                key,
                format!(
                    "entry \"{k}\" has a resolution that is not `name@reference`: {:?}",
                    shorten(resolution)
                ),
            ));
        };
        if let Some(path) = reference.strip_prefix("workspace:") {
            workspace_entries.push((normalise_path(path), key, entry));
            continue;
        }
        let Some(Scalar(ver)) = &entry.version else {
            return Err(schema(
                text,
                key,
                format!("entry \"{k}\" has no \"version\""),
            ));
        };
        let mut p = Package::new(name, ver.clone(), source_of(name, reference, ver));
        p.resolved = Some(reference.to_string());
        p.checksum = entry.checksum.as_ref().map(|c| Checksum {
            format: "yarn-berry".into(),
            value: c.0.clone(),
        });
        for d in key.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            p.locations.push(d.to_string());
            if let Some((alias, _)) = split_descriptor(d)
                && alias != name
                && !p.aliases.iter().any(|a| a == alias)
            {
                p.aliases.push(alias.to_string());
            }
        }
        nodes.push(Node {
            key,
            entry,
            slot: Slot::Package(packages.len()),
        });
        packages.push(p);
    }
    workspace_entries.sort_by(|a, b| a.0.cmp(&b.0));
    if workspace_entries.first().is_none_or(|w| !w.0.is_empty()) {
        // No root workspace entry (a hand-trimmed file): keep the root-first invariant.
        let root = from_manifests.remove(0);
        importers.push((root.importer, root.deps));
    }
    for (path, key, entry) in &workspace_entries {
        if importers.iter().any(|(i, _)| i.path == *path) {
            return Err(schema(
                text,
                key,
                format!("two entries resolve to the workspace at \"{path}\""),
            ));
        }
        let resolution = entry.resolution.as_deref().unwrap_or_default();
        let name = split_descriptor(resolution).map(|(n, _)| n.to_string());
        let manifest = from_manifests.iter().position(|m| m.importer.path == *path);
        let manifest = manifest.map(|i| from_manifests.swap_remove(i));
        let version = match (&manifest, &entry.version) {
            (Some(m), _) if m.importer.version.is_some() => m.importer.version.clone(),
            (_, Some(Scalar(v))) if v != "0.0.0-use.local" => Some(v.clone()),
            _ => None,
        };
        nodes.push(Node {
            key,
            entry,
            slot: Slot::Importer(importers.len()),
        });
        importers.push((
            Importer {
                path: path.clone(),
                name,
                version,
                dependencies: Vec::new(),
            },
            manifest.and_then(|m| m.deps),
        ));
    }

    // Descriptor map, built-in patches by the descriptor they wrap, and entries by name.
    let mut by_descriptor: HashMap<&str, Slot> = HashMap::new();
    let mut builtin: HashMap<String, Slot> = HashMap::new();
    let mut by_name: HashMap<&str, Vec<Slot>> = HashMap::new();
    let mut by_locator: HashMap<&str, Slot> = HashMap::new();
    for n in &nodes {
        for d in n.key.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            if by_descriptor.insert(d, n.slot).is_some() {
                return Err(ParseError::new(
                    ErrorKind::Invalid,
                    format!(
                        "descriptor \"{}\" has two entries; yarn writes one entry per descriptor",
                        shorten(d)
                    ),
                )
                .at(locate(text, n.key).0, 1)
                .with_help(help()));
            }
            if let Some((name, range)) = split_descriptor(d) {
                let list = by_name.entry(name).or_default();
                if !list.contains(&n.slot) {
                    list.push(n.slot);
                }
                if let Some((inner, patch)) = patch_parts(range)
                    && is_builtin_patch(patch)
                {
                    builtin.insert(inner, n.slot);
                }
            }
        }
        if let Some(r) = &n.entry.resolution {
            by_locator.insert(r.as_str(), n.slot);
        }
    }
    let resolutions = manifest_resolutions(manifests);
    let lookup = |name: &str, range: &str| -> Option<Slot> {
        let direct = |range: &str| {
            let d = format!("{name}@{range}");
            builtin
                .get(&d)
                .or_else(|| by_descriptor.get(d.as_str()))
                .copied()
        };
        let with_npm = |range: &str| {
            direct(range).or_else(|| {
                (!range.contains(':'))
                    .then(|| direct(&format!("npm:{range}")))
                    .flatten()
            })
        };
        if let Some(s) = with_npm(range) {
            return Some(s);
        }
        if let Some(over) = resolution_override(&resolutions, name, range)
            && let Some(s) = with_npm(over)
        {
            return Some(s);
        }
        // A descriptor rewritten by `resolutions` we were not shown: a name with one entry,
        // or one patch together with the entries it patches, is unambiguous.
        let candidates = by_name.get(name)?;
        if let [only] = candidates.as_slice() {
            return Some(*only);
        }
        let patched: Vec<Slot> = candidates
            .iter()
            .copied()
            .filter(|s| match s {
                Slot::Package(i) => packages[*i]
                    .resolved
                    .as_deref()
                    .is_some_and(|r| r.starts_with("patch:")),
                Slot::Importer(_) => false,
            })
            .collect();
        match patched.as_slice() {
            [p] if candidates.iter().all(|c| {
                c == p || matches!((c, p), (Slot::Package(a), Slot::Package(b))
                    if packages[*a].name == packages[*b].name && packages[*a].version == packages[*b].version)
            }) =>
            {
                Some(*p)
            }
            _ => None,
        }
    };

    let mut package_deps: Vec<(usize, Vec<Dependency>)> = Vec::new();
    let mut importer_deps: Vec<(usize, Vec<Dependency>)> = Vec::new();
    for n in &nodes {
        let manifest_kinds: HashMap<&str, DepKind> = match n.slot {
            Slot::Importer(i) => importers[i]
                .1
                .iter()
                .flatten()
                .map(|(name, _, kind)| (name.as_str(), *kind))
                .collect(),
            Slot::Package(_) => HashMap::new(),
        };
        let optional: HashSet<&str> = n
            .entry
            .dependencies_meta
            .iter()
            .filter(|(_, m)| m.as_ref().and_then(|m| m.optional).unwrap_or(false))
            .map(|(k, _)| split_descriptor(k).map_or(k, |(name, _)| name))
            .collect();
        let mut deps = Vec::new();
        for (name, Scalar(range)) in n.entry.dependencies.iter() {
            let kind = match manifest_kinds.get(name) {
                Some(DepKind::Dev) => DepKind::Dev,
                Some(DepKind::Optional) => DepKind::Optional,
                _ if optional.contains(name) => DepKind::Optional,
                _ => DepKind::Prod,
            };
            deps.push(Dependency {
                name: name.to_string(),
                spec: range.clone(),
                kind,
                target: lookup(name, range).map(Slot::node),
            });
        }
        for (name, Scalar(range)) in n.entry.peer_dependencies.iter() {
            deps.push(Dependency {
                name: name.to_string(),
                spec: range.clone(),
                kind: DepKind::Peer,
                target: lookup(name, range).map(Slot::node),
            });
        }
        match n.slot {
            Slot::Package(i) => {
                // A patch depends on what it patches.
                if let Some(resolution) = &n.entry.resolution
                    && let Some((_, reference)) = split_descriptor(resolution)
                    && let Some((inner, _)) = patch_parts(reference)
                    && let Some((inner_name, inner_ref)) = split_descriptor(&inner)
                {
                    deps.push(Dependency {
                        name: inner_name.to_string(),
                        spec: inner_ref.to_string(),
                        kind: DepKind::Prod,
                        target: by_locator.get(inner.as_str()).map(|s| s.node()),
                    });
                }
                package_deps.push((i, deps));
            }
            Slot::Importer(i) => importer_deps.push((i, deps)),
        }
    }
    for (i, deps) in package_deps {
        packages[i].dependencies = deps;
    }
    for (i, deps) in importer_deps {
        importers[i].0.dependencies = deps;
    }
    let inv = Inventory {
        kind: LockfileKind::YarnBerry,
        lockfile_version: version,
        importers: importers.into_iter().map(|(i, _)| i).collect(),
        packages,
    };
    Ok(graph::finish(inv))
}

#[cfg(test)]
mod tests;
