//! `bun.lock`, bun's text lockfile: lockfileVersion 0 (bun 1.1.39+), 1 (bun 1.2) and 2
//! (bun 1.3+, which adds `configVersion` and integrity on remote tarballs).
//!
//! JSON with trailing commas (made plain JSON by `crate::jsonc`, positions kept). `workspaces`
//! maps each importer's path to its manifest's dependencies; `packages` maps an install key to
//! a tuple whose shape depends on where the package comes from:
//!
//! | source | tuple |
//! |---|---|
//! | registry | `["name@1.2.3", "registry tarball URL or \"\"", {info}, "sha512-…"]` |
//! | tarball URL | `["name@https://…", {info}]` (+ `"sha512-…"` from lockfileVersion 2) |
//! | folder / local tarball | `["name@file:path", {info}]` |
//! | link | `["name@link:name", {info}]` |
//! | git / github | `["name@git+url#ref", {info}, "commit"]`, `["name@github:u/r#ref", {info}, "u-r-commit"]` |
//! | workspace | `["name@workspace:path"]` (version 0 adds {info}) |
//! | root | `["name@root:", {bin}]` |
//!
//! Keys are install paths: `a`, `a/b` (b nested under a), `@s/x/@t/y`, and a workspace's own
//! copies under its package name (`@mono/b/react`). An alias is a key whose last segment is not
//! the tuple's name (`string-width-cjs` → `string-width@4.2.3`). Edges resolve the way bun
//! does: from key `a/b`, dependency `c` is `a/b/c`, else `a/c`, else `c`. Dev, optional and
//! peer flags are computed from the graph; bun records none.

use crate::error::{ErrorKind, ParseError, check_text};
use crate::formats::pnpm::split_name_version;
use crate::graph;
use crate::integrity::Integrity;
use crate::json::{SpecMap, UniqueMap};
use crate::model::{DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package};
use crate::source::{SourceKind, classify_url, is_registry_tarball, registry_tarball_version};
use crate::{Input, jsonc};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Lock {
    lockfile_version: Option<serde_json::Value>,
    workspaces: Option<UniqueMap<Info>>,
    packages: Option<UniqueMap<Tuple>>,
}

/// A workspace's manifest snapshot, or a package's INFO object.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Info {
    name: Option<String>,
    version: Option<String>,
    dependencies: Option<SpecMap>,
    dev_dependencies: Option<SpecMap>,
    optional_dependencies: Option<SpecMap>,
    peer_dependencies: Option<SpecMap>,
    /// Shipped inside its parent's tarball.
    bundled: Option<bool>,
}

enum Elem {
    Str(String),
    Info(Box<Info>),
}

/// A `packages` value: the ident, then strings and at most one INFO object, in order.
struct Tuple {
    ident: String,
    rest: Vec<Elem>,
}

impl<'de> Deserialize<'de> for Elem {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Elem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or an object")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Elem, E> {
                Ok(Elem::Str(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Elem, A::Error> {
                let info = Info::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Elem::Info(Box::new(info)))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Tuple {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Tuple;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array starting with \"name@resolution\"")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Tuple, A::Error> {
                use serde::de::Error;
                let Some(ident) = seq.next_element::<String>()? else {
                    return Err(A::Error::invalid_length(0, &self));
                };
                let mut rest = Vec::new();
                while let Some(e) = seq.next_element::<Elem>()? {
                    if rest.len() >= 4 {
                        return Err(A::Error::custom("a package entry has at most 5 elements"));
                    }
                    if matches!(e, Elem::Info(_)) && rest.iter().any(|x| matches!(x, Elem::Info(_)))
                    {
                        return Err(A::Error::custom("a package entry has at most one object"));
                    }
                    rest.push(e);
                }
                Ok(Tuple { ident, rest })
            }
        }
        d.deserialize_seq(V)
    }
}

impl Tuple {
    fn info(&self) -> Option<&Info> {
        self.rest.iter().find_map(|e| match e {
            Elem::Info(i) => Some(&**i),
            Elem::Str(_) => None,
        })
    }

    /// The strings before and after the INFO object.
    fn strings(&self) -> (Vec<&str>, Vec<&str>) {
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut seen_info = false;
        for e in &self.rest {
            match e {
                Elem::Info(_) => seen_info = true,
                Elem::Str(s) if seen_info => after.push(s.as_str()),
                Elem::Str(s) => before.push(s.as_str()),
            }
        }
        (before, after)
    }
}

const SUPPORTED: &str = "0, 1 and 2 (bun 1.1.39 and later)";
const REGENERATE: &str = "regenerate it with `bun install --lockfile-only`";

pub fn parse(input: &Input<'_>) -> Result<Inventory, ParseError> {
    let text = check_text(input.bytes)?;
    let json = jsonc::to_json(text)?;
    let lock: Lock = serde_json::from_str(&json).map_err(|e| {
        let err = ParseError::from_json(&e);
        if e.is_eof() {
            err.with_help(format!(
                "the file ends early; was it truncated? {REGENERATE}"
            ))
        } else {
            err
        }
    })?;
    let version = match &lock.lockfile_version {
        Some(serde_json::Value::Number(n)) if matches!(n.as_u64(), Some(0..=2)) => n.to_string(),
        Some(other) => {
            return Err(ParseError::new(
                ErrorKind::UnsupportedVersion,
                format!(
                    "lockfileVersion {other} is not supported; warden reads versions {SUPPORTED}"
                ),
            )
            .near(text, "\"lockfileVersion\"")
            .with_help(format!("{REGENERATE} using a bun release warden reads")));
        }
        None => {
            return Err(ParseError::new(
                ErrorKind::Schema,
                "missing \"lockfileVersion\"; this does not look like a file bun wrote",
            )
            .at(1, 1)
            .with_help(REGENERATE));
        }
    };
    let err = |key: &str, message: String| {
        ParseError::new(ErrorKind::Schema, message)
            .near(text, &format!("\"{key}\": ["))
            .with_help(REGENERATE)
    };

    let mut inv = Inventory {
        kind: LockfileKind::Bun,
        lockfile_version: version,
        importers: Vec::new(),
        packages: Vec::new(),
    };
    let workspaces = lock.workspaces.unwrap_or_default();
    if workspaces.get("").is_none() {
        return Err(
            ParseError::new(ErrorKind::Schema, "\"workspaces\" has no root entry \"\"")
                .near(text, "\"workspaces\"")
                .with_help(REGENERATE),
        );
    }
    for (path, ws) in workspaces.iter() {
        inv.importers.push(Importer {
            path: path.to_string(),
            name: ws.name.clone(),
            version: ws.version.clone(),
            dependencies: Vec::new(),
        });
    }

    // Nodes: key -> node.
    let packages = lock.packages.unwrap_or_default();
    let mut by_key: HashMap<&str, NodeId> = HashMap::new();
    let mut infos: Vec<(usize, &str, Option<&Info>)> = Vec::new();
    for (key, tuple) in packages.iter() {
        let Some((name, resolution)) = split_name_version(&tuple.ident) else {
            return Err(err(
                key,
                format!(
                    "package \"{key}\" has an ident that is not \"name@resolution\": {:?}",
                    tuple.ident
                ),
            ));
        };
        if let Some(path) = resolution.strip_prefix("workspace:") {
            let Some(i) = inv.importers.iter().position(|imp| imp.path == path) else {
                return Err(err(
                    key,
                    format!(
                        "package \"{key}\" is workspace \"{path}\", which \"workspaces\" does not list"
                    ),
                ));
            };
            by_key.insert(key, NodeId::Importer(i));
            continue;
        }
        if resolution.starts_with("root:") {
            by_key.insert(key, NodeId::Importer(0));
            continue;
        }
        let (before, after) = tuple.strings();
        let (source, version, resolved, integrity) = if let Some(path) =
            resolution.strip_prefix("file:")
        {
            (
                SourceKind::File,
                resolution.to_string(),
                Some(path.to_string()),
                None,
            )
        } else if resolution.starts_with("link:") {
            (
                SourceKind::Link,
                resolution.to_string(),
                Some(resolution.to_string()),
                None,
            )
        } else if resolution.starts_with("http://") || resolution.starts_with("https://") {
            let version = registry_tarball_version(resolution, name).unwrap_or(resolution);
            let source = if is_registry_tarball(resolution, name, version) {
                SourceKind::Registry
            } else {
                classify_url(resolution)
            };
            (
                source,
                version.to_string(),
                Some(resolution.to_string()),
                after.first().copied(),
            )
        } else if matches!(classify_url(resolution), SourceKind::Git) {
            // The string after INFO is the resolved commit (or bun's tag naming it).
            let resolved = match after.first() {
                Some(commit) => format!("{resolution} ({commit})"),
                None => resolution.to_string(),
            };
            (
                SourceKind::Git,
                resolution.to_string(),
                Some(resolved),
                None,
            )
        } else if resolution.ends_with(".tgz") || resolution.ends_with(".tar.gz") {
            // A local tarball is written as its bare path.
            (
                SourceKind::File,
                resolution.to_string(),
                Some(resolution.to_string()),
                None,
            )
        } else if resolution.contains(':') {
            return Err(err(
                key,
                format!("package \"{key}\" has a resolution warden does not know: {resolution:?}"),
            ));
        } else {
            // A registry package: [ident, registry URL or "", INFO, integrity].
            if before.len() != 1 || after.len() != 1 || tuple.info().is_none() {
                return Err(err(
                    key,
                    format!(
                        "registry package \"{key}\" must be [\"name@version\", \"registry\", {{…}}, \"integrity\"]"
                    ),
                ));
            }
            let registry = before[0];
            let resolved = (!registry.is_empty()).then(|| registry.to_string());
            (
                SourceKind::Registry,
                resolution.to_string(),
                resolved,
                Some(after[0]),
            )
        };
        // A folder's version is in its package.json, when the caller handed it over.
        let version = match (source, &resolved) {
            (SourceKind::File, Some(dir)) => input
                .manifests
                .iter()
                .find(|m| m.path == dir.trim_start_matches("./").trim_end_matches('/'))
                .and_then(|m| crate::formats::manifest_identity(&m.bytes).1)
                .unwrap_or(version),
            _ => version,
        };
        let mut p = Package::new(name, version, source);
        p.resolved = resolved;
        p.bundled = tuple.info().and_then(|i| i.bundled) == Some(true);
        if let Some(i) = integrity {
            p.integrity = Some(Integrity::parse(i).ok_or_else(|| {
                err(
                    key,
                    format!(
                        "package \"{key}\" has an integrity that is not a valid SRI string: {i:?}"
                    ),
                )
            })?);
        }
        let installed_as = last_segment(key);
        if installed_as != name {
            p.aliases.push(installed_as.to_string());
        }
        p.locations.push(key.to_string());
        by_key.insert(key, NodeId::Package(inv.packages.len()));
        infos.push((inv.packages.len(), key, tuple.info()));
        inv.packages.push(p);
    }

    // Edges.
    let resolve = |from: &str, dep: &str| -> Option<NodeId> {
        let mut base = from;
        loop {
            let candidate = if base.is_empty() {
                dep.to_string()
            } else {
                format!("{base}/{dep}")
            };
            if let Some(&n) = by_key.get(candidate.as_str()) {
                return Some(n);
            }
            if base.is_empty() {
                return None;
            }
            base = parent(base);
        }
    };
    let edges = |from: &str, info: &Info, importer: bool| -> Vec<Dependency> {
        let mut out = Vec::new();
        let mut groups = vec![
            (&info.dependencies, DepKind::Prod),
            (&info.optional_dependencies, DepKind::Optional),
            (&info.peer_dependencies, DepKind::Peer),
        ];
        if importer {
            groups.push((&info.dev_dependencies, DepKind::Dev));
        }
        for (map, kind) in groups {
            for (name, spec) in map.iter().flat_map(|m| m.iter()) {
                if kind == DepKind::Prod
                    && info
                        .optional_dependencies
                        .as_ref()
                        .is_some_and(|o| o.get(name).is_some())
                {
                    continue;
                }
                out.push(Dependency {
                    name: name.to_string(),
                    spec: spec.clone(),
                    kind,
                    target: resolve(from, name),
                });
            }
        }
        out
    };
    for (i, (path, ws)) in workspaces.iter().enumerate() {
        // A workspace's own copies live under its package name.
        let prefix = if path.is_empty() {
            ""
        } else {
            ws.name.as_deref().unwrap_or("")
        };
        inv.importers[i].dependencies = edges(prefix, ws, true);
    }
    for (idx, key, info) in infos {
        if let Some(info) = info {
            inv.packages[idx].dependencies = edges(key, info, false);
        }
    }
    Ok(graph::finish(inv))
}

/// The segments of an install key, a scoped name counting as one.
fn segments(key: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = key;
    while !rest.is_empty() {
        // A scoped name spans two `/`-separated parts.
        let skip = if rest.starts_with('@') {
            rest.find('/').map_or(rest.len(), |i| i + 1)
        } else {
            0
        };
        let end = rest[skip..].find('/').map_or(rest.len(), |i| i + skip);
        out.push(&rest[..end]);
        rest = rest.get(end + 1..).unwrap_or("");
    }
    out
}

fn last_segment(key: &str) -> &str {
    segments(key).last().copied().unwrap_or(key)
}

/// `a/@s/b/c` -> `a/@s/b`; `a` -> ``.
fn parent(key: &str) -> &str {
    let last = last_segment(key);
    key[..key.len() - last.len()].trim_end_matches('/')
}

#[cfg(test)]
mod tests;
