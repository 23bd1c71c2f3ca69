//! `package-lock.json` and `npm-shrinkwrap.json`, lockfileVersion 1, 2 and 3.
//!
//! Versions 2 and 3 carry a flat `packages` map keyed by install location (`node_modules/a`,
//! `node_modules/a/node_modules/b`, `packages/web` for a workspace); edges are resolved with
//! node's lookup (walk up the `node_modules` chain). Version 1 carries only the nested
//! `dependencies` tree, resolved the same way over the nesting. npm's own `dev`, `optional` and
//! `peer` flags are kept: npm wrote them and `npm ls` follows them.

use crate::error::{ErrorKind, ParseError, check_text};
use crate::graph;
use crate::integrity::Integrity;
use crate::json::{SpecMap, UniqueMap, null_as_default};
use crate::model::{DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package};
use crate::source::{SourceKind, classify_resolved, classify_url};
use crate::{Input, Manifest};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Lock {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    lockfile_version: Option<serde_json::Value>,
    #[serde(default)]
    packages: Option<UniqueMap<Entry>>,
    #[serde(default)]
    dependencies: Option<UniqueMap<V1Entry>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Entry {
    name: Option<String>,
    version: Option<String>,
    resolved: Option<String>,
    integrity: Option<String>,
    #[serde(default)]
    link: bool,
    #[serde(default)]
    dev: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    peer: bool,
    #[serde(default)]
    in_bundle: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    dependencies: SpecMap,
    #[serde(default, deserialize_with = "null_as_default")]
    dev_dependencies: SpecMap,
    #[serde(default, deserialize_with = "null_as_default")]
    optional_dependencies: SpecMap,
    #[serde(default, deserialize_with = "null_as_default")]
    peer_dependencies: SpecMap,
    #[serde(default)]
    workspaces: Option<serde_json::Value>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct V1Entry {
    version: Option<String>,
    resolved: Option<String>,
    integrity: Option<String>,
    #[serde(default)]
    dev: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    bundled: bool,
    #[serde(default, deserialize_with = "null_as_default")]
    requires: SpecMapOrBool,
    #[serde(default, deserialize_with = "null_as_default")]
    dependencies: UniqueMap<V1Entry>,
}

/// v1 `requires` is a map; the root's is `true`.
#[derive(Default)]
struct SpecMapOrBool(SpecMap);

impl<'de> Deserialize<'de> for SpecMapOrBool {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Map(SpecMap),
            // The root's `requires: true`; the value carries nothing.
            Bool(#[allow(dead_code)] bool),
        }
        Ok(match Either::deserialize(d)? {
            Either::Map(m) => Self(m),
            Either::Bool(_) => Self(SpecMap::default()),
        })
    }
}

const SUPPORTED: &str = "1, 2 and 3";

pub fn parse(input: &Input<'_>, kind: LockfileKind) -> Result<Inventory, ParseError> {
    let text = check_text(input.bytes)?;
    let lock: Lock = serde_json::from_str(text).map_err(|e| {
        let mut err = ParseError::from_json(&e);
        if err.kind == ErrorKind::Syntax && e.is_eof() {
            err = err.with_help("the file ends early; was it truncated? regenerate it with `npm install --package-lock-only`");
        }
        err
    })?;
    let version = match &lock.lockfile_version {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(_) => {
            return Err(
                ParseError::new(ErrorKind::Schema, "\"lockfileVersion\" must be a number")
                    .near(text, "\"lockfileVersion\""),
            );
        }
        None => {
            return Err(ParseError::new(
                ErrorKind::Schema,
                "missing \"lockfileVersion\"; this does not look like a file npm wrote",
            )
            .at(1, 1)
            .with_help("regenerate it with `npm install --package-lock-only`"));
        }
    };
    let mut inv = match (version, lock.packages) {
        (Some(2 | 3), Some(packages)) => {
            parse_packages(text, kind, version.unwrap_or(3), packages)?
        }
        (Some(2), None) | (Some(1), _) => {
            let deps = lock.dependencies.unwrap_or_default();
            parse_v1(text, kind, &lock.name, &lock.version, deps, input.manifests)?
        }
        (Some(3), None) => {
            return Err(ParseError::new(
                ErrorKind::Schema,
                "lockfileVersion 3 requires a \"packages\" object",
            )
            .near(text, "\"lockfileVersion\""));
        }
        (other, _) => {
            let found = other.map_or_else(|| "a non-integer".to_string(), |v| v.to_string());
            return Err(ParseError::new(
                ErrorKind::UnsupportedVersion,
                format!(
                    "lockfileVersion {found} is not supported; warden reads versions {SUPPORTED}"
                ),
            )
            .near(text, "\"lockfileVersion\"")
            .with_help(
                "regenerate the lockfile with npm 7 or later (`npm install --package-lock-only`)",
            ));
        }
    };
    graph::dedupe(&mut inv);
    graph::sort(&mut inv);
    Ok(inv)
}

/// The package name a `node_modules/…` location installs: the part after the last
/// `node_modules/`.
fn name_at(location: &str) -> Option<&str> {
    location
        .rfind("node_modules/")
        .map(|i| &location[i + "node_modules/".len()..])
}

/// Node's lookup: from `from` (a location), find the location that `require(dep)` resolves to.
fn resolve_location<'a>(
    from: &str,
    dep: &str,
    locations: &'a HashMap<String, usize>,
) -> Option<(&'a String, usize)> {
    let mut base = from.to_string();
    loop {
        let candidate = if base.is_empty() {
            format!("node_modules/{dep}")
        } else {
            format!("{base}/node_modules/{dep}")
        };
        if let Some((k, &v)) = locations.get_key_value(&candidate) {
            return Some((k, v));
        }
        if base.is_empty() {
            return None;
        }
        // Strip the last `node_modules/<name>` (scoped names have two segments).
        base = match base.rfind("/node_modules/") {
            Some(i) => base[..i].to_string(),
            None if base.starts_with("node_modules/") => String::new(),
            // A workspace folder: its parent lookup is the root.
            None => String::new(),
        };
    }
}

enum Slot {
    Package(usize),
    Importer(usize),
    /// A link whose target is the location given.
    Link(String),
}

fn parse_packages(
    text: &str,
    kind: LockfileKind,
    lockfile_version: u64,
    packages: UniqueMap<Entry>,
) -> Result<Inventory, ParseError> {
    let root = packages.get("");
    let workspace_globs: Vec<String> = root
        .and_then(|r| r.workspaces.as_ref())
        .map(workspace_patterns)
        .unwrap_or_default();
    // Targets of links inside the project that match a workspace glob are importers.
    let mut importer_paths: Vec<String> = vec![String::new()];
    for (loc, e) in packages.iter() {
        if e.link
            && let Some(target) = &e.resolved
            && !target.starts_with("..")
            && workspace_globs.iter().any(|g| glob_match(g, target))
            && !importer_paths.contains(target)
        {
            importer_paths.push(target.clone());
        }
        let _ = loc;
    }
    // Workspaces that nothing links to yet still are importers when they match a glob.
    for (loc, _) in packages.iter() {
        if !loc.is_empty()
            && !loc.contains("node_modules/")
            && !loc.starts_with("..")
            && workspace_globs.iter().any(|g| glob_match(g, loc))
            && !importer_paths.iter().any(|p| p == loc)
        {
            importer_paths.push(loc.to_string());
        }
    }

    let mut inv = Inventory {
        kind,
        lockfile_version: lockfile_version.to_string(),
        importers: Vec::new(),
        packages: Vec::new(),
    };
    let mut slots: HashMap<String, Slot> = HashMap::new();
    let mut importer_entries: Vec<(&str, &Entry)> = Vec::new();
    let mut package_entries: Vec<(&str, &Entry)> = Vec::new();
    for (loc, e) in packages.iter() {
        if importer_paths.iter().any(|p| p == loc) {
            slots.insert(loc.to_string(), Slot::Importer(inv.importers.len()));
            inv.importers.push(Importer {
                path: loc.to_string(),
                name: e.name.clone(),
                version: e.version.clone(),
                dependencies: Vec::new(),
            });
            importer_entries.push((loc, e));
            continue;
        }
        if e.link {
            let Some(target) = &e.resolved else {
                return Err(ParseError::new(
                    ErrorKind::Schema,
                    format!("\"{loc}\" is a link without \"resolved\""),
                )
                .near(text, &format!("\"{loc}\"")));
            };
            slots.insert(loc.to_string(), Slot::Link(target.clone()));
            continue;
        }
        let installed_as = name_at(loc);
        let real_name = match (&e.name, installed_as) {
            (Some(n), _) => n.clone(),
            (None, Some(n)) => n.to_string(),
            (None, None) => {
                // A link target outside node_modules without a name: use the folder name.
                loc.rsplit('/').next().unwrap_or(loc).to_string()
            }
        };
        let Some(ver) = e.version.clone() else {
            // npm writes entries without a version only for extraneous or broken installs;
            // such a folder installs nothing from any registry, so it is not a package.
            if loc.contains("node_modules/") {
                return Err(ParseError::new(
                    ErrorKind::Schema,
                    format!("\"{loc}\" has no \"version\""),
                )
                .near(text, &format!("\"{loc}\""))
                .with_help("regenerate the lockfile with `npm install --package-lock-only`"));
            }
            continue;
        };
        let mut p = Package::new(real_name.clone(), ver.clone(), SourceKind::Registry);
        p.source = match &e.resolved {
            Some(r) => classify_resolved(r, &real_name, &ver),
            None if !loc.contains("node_modules/") => SourceKind::File,
            None => SourceKind::Registry,
        };
        if let Some(i) = &e.integrity {
            p.integrity = Some(Integrity::parse(i).ok_or_else(|| {
                ParseError::new(
                    ErrorKind::Schema,
                    format!("\"{loc}\" has an integrity that is not a valid SRI string: {i:?}"),
                )
                .near(text, i)
            })?);
        }
        p.resolved = e.resolved.clone();
        p.dev = e.dev;
        p.optional = e.optional;
        p.peer = e.peer;
        p.bundled = e.in_bundle;
        if let Some(alias) = installed_as
            && alias != real_name
        {
            p.aliases.push(alias.to_string());
        }
        p.locations.push(loc.to_string());
        slots.insert(loc.to_string(), Slot::Package(inv.packages.len()));
        inv.packages.push(p);
        package_entries.push((loc, e));
    }
    // Links to non-workspace folders (`file:` directory dependencies): the folder's entry is the
    // package, and its source is `file`.
    let mut locations: HashMap<String, usize> = HashMap::new();
    for (loc, slot) in &slots {
        locations.insert(loc.clone(), slot_index(slot, &slots));
    }
    // Encode importer targets as usize::MAX - i to share one map.
    let resolve = |from: &str, dep: &str| -> Option<NodeId> {
        let (_, idx) = resolve_location(from, dep, &locations)?;
        decode(idx)
    };
    let edges = |loc: &str, e: &Entry, is_importer: bool| -> Vec<Dependency> {
        let mut out = Vec::new();
        let mut add = |map: &SpecMap, kind: DepKind| {
            for (name, spec) in map.iter() {
                out.push(Dependency {
                    name: name.to_string(),
                    spec: spec.clone(),
                    kind,
                    target: resolve(loc, name),
                });
            }
        };
        add(&e.dependencies, DepKind::Prod);
        add(&e.optional_dependencies, DepKind::Optional);
        add(&e.peer_dependencies, DepKind::Peer);
        if is_importer {
            add(&e.dev_dependencies, DepKind::Dev);
        }
        // An optional dependency is listed in both `dependencies` and `optionalDependencies`.
        let optional: Vec<String> = out
            .iter()
            .filter(|d| d.kind == DepKind::Optional)
            .map(|d| d.name.clone())
            .collect();
        out.retain(|d| d.kind != DepKind::Prod || !optional.contains(&d.name));
        out
    };
    for (i, (loc, e)) in importer_entries.iter().enumerate() {
        inv.importers[i].dependencies = edges(loc, e, true);
    }
    for (i, (loc, e)) in package_entries.iter().enumerate() {
        inv.packages[i].dependencies = edges(loc, e, false);
    }
    // Link-target packages outside node_modules are `file:` sources.
    for p in &mut inv.packages {
        if p.locations.iter().all(|l| !l.contains("node_modules/")) && p.resolved.is_none() {
            p.source = SourceKind::File;
        }
    }
    Ok(inv)
}

const IMPORTER_TAG: usize = 1 << (usize::BITS - 1);

fn slot_index(slot: &Slot, slots: &HashMap<String, Slot>) -> usize {
    match slot {
        Slot::Package(i) => *i,
        Slot::Importer(i) => IMPORTER_TAG | *i,
        Slot::Link(target) => match slots.get(target) {
            Some(Slot::Package(i)) => *i,
            Some(Slot::Importer(i)) => IMPORTER_TAG | *i,
            // A link to a link or to nothing: unresolved.
            _ => usize::MAX,
        },
    }
}

fn decode(idx: usize) -> Option<NodeId> {
    if idx == usize::MAX {
        None
    } else if idx & IMPORTER_TAG != 0 {
        Some(NodeId::Importer(idx & !IMPORTER_TAG))
    } else {
        Some(NodeId::Package(idx))
    }
}

/// The `workspaces` field: an array of globs, or `{ "packages": [...] }`.
fn workspace_patterns(v: &serde_json::Value) -> Vec<String> {
    let arr = match v {
        serde_json::Value::Array(a) => a.as_slice(),
        serde_json::Value::Object(o) => match o.get("packages") {
            Some(serde_json::Value::Array(a)) => a.as_slice(),
            _ => &[],
        },
        _ => &[],
    };
    arr.iter()
        .filter_map(|x| x.as_str())
        .map(|s| s.trim_start_matches("./").trim_end_matches('/').to_string())
        .collect()
}

/// Matches a workspace glob (`packages/*`, `apps/**`, `tools/cli`) against a folder path.
pub fn glob_match(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    fn seg_match(p: &str, s: &str) -> bool {
        // `*` inside a segment: prefix*suffix.
        match p.split_once('*') {
            None => p == s,
            Some((pre, post)) => {
                s.len() >= pre.len() + post.len()
                    && s.starts_with(pre)
                    && seg_match(post.trim_start_matches('*'), &s[s.len() - post.len()..])
                    && (!post.contains('*') || s[pre.len()..].contains(post.trim_matches('*')))
            }
        }
    }
    fn rec(p: &[&str], s: &[&str]) -> bool {
        match (p.first(), s.first()) {
            (None, None) => true,
            (Some(&"**"), _) => rec(&p[1..], s) || (!s.is_empty() && rec(p, &s[1..])),
            (Some(pp), Some(ss)) => seg_match(pp, ss) && rec(&p[1..], &s[1..]),
            _ => false,
        }
    }
    rec(&pat, &segs)
}

/// Splits an npm alias spec `npm:name@range` into (name, range).
pub fn parse_alias(spec: &str) -> Option<(&str, &str)> {
    let rest = spec.strip_prefix("npm:")?;
    let at = if let Some(scoped) = rest.strip_prefix('@') {
        scoped.find('@').map(|i| i + 1)
    } else {
        rest.find('@')
    };
    Some(match at {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, "*"),
    })
}

fn parse_v1(
    text: &str,
    kind: LockfileKind,
    name: &Option<String>,
    version: &Option<String>,
    deps: UniqueMap<V1Entry>,
    manifests: &[Manifest],
) -> Result<Inventory, ParseError> {
    let mut inv = Inventory {
        kind,
        lockfile_version: "1".into(),
        importers: vec![Importer {
            path: String::new(),
            name: name.clone(),
            version: version.clone(),
            dependencies: Vec::new(),
        }],
        packages: Vec::new(),
    };
    // Flatten the nested tree into locations, as v2 would spell them.
    let mut locations: HashMap<String, usize> = HashMap::new();
    let mut requires: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut stack: Vec<(String, &UniqueMap<V1Entry>)> = vec![(String::new(), &deps)];
    while let Some((base, map)) = stack.pop() {
        for (dep_name, e) in map.iter() {
            let loc = if base.is_empty() {
                format!("node_modules/{dep_name}")
            } else {
                format!("{base}/node_modules/{dep_name}")
            };
            let Some(v) = &e.version else {
                return Err(ParseError::new(
                    ErrorKind::Schema,
                    format!("dependency \"{dep_name}\" has no \"version\""),
                )
                .near(text, &format!("\"{dep_name}\"")));
            };
            let (real_name, real_version, alias) = match parse_alias(v) {
                Some((n, ver)) => (n.to_string(), ver.to_string(), Some(dep_name.to_string())),
                None => (dep_name.to_string(), v.clone(), None),
            };
            // v1 writes a spec (`file:…`, `git+…`, a URL) in place of the version for packages
            // that do not come from the registry; a plain version is never one.
            let version_is_spec = real_version.contains(':') || real_version.contains('/');
            let spec_kind = version_is_spec.then(|| classify_url(&real_version));
            let source = match (&e.resolved, spec_kind) {
                (_, Some(kind @ (SourceKind::Git | SourceKind::File | SourceKind::Link))) => kind,
                (Some(r), _) => classify_resolved(r, &real_name, &real_version),
                (None, _) if real_version.starts_with("http") => SourceKind::Tarball,
                (None, _) => SourceKind::Registry,
            };
            let mut p = Package::new(real_name, real_version, source);
            if let Some(i) = &e.integrity {
                p.integrity = Integrity::parse(i);
                if p.integrity.is_none() {
                    return Err(ParseError::new(
                        ErrorKind::Schema,
                        format!(
                            "\"{dep_name}\" has an integrity that is not a valid SRI string: {i:?}"
                        ),
                    )
                    .near(text, i));
                }
            }
            p.resolved = e.resolved.clone().or_else(|| {
                matches!(p.source, SourceKind::Git | SourceKind::File).then(|| p.version.clone())
            });
            p.dev = e.dev;
            p.optional = e.optional;
            p.bundled = e.bundled;
            p.aliases.extend(alias);
            p.locations.push(loc.clone());
            locations.insert(loc.clone(), inv.packages.len());
            requires.push((
                loc.clone(),
                e.requires
                    .0
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.clone()))
                    .collect(),
            ));
            inv.packages.push(p);
            if !e.dependencies.is_empty() {
                stack.push((loc, &e.dependencies));
            }
        }
    }
    for (i, (loc, reqs)) in requires.iter().enumerate() {
        inv.packages[i].dependencies = reqs
            .iter()
            .map(|(n, spec)| Dependency {
                name: n.clone(),
                spec: spec.clone(),
                kind: DepKind::Prod,
                target: resolve_location(loc, n, &locations).map(|(_, t)| NodeId::Package(t)),
            })
            .collect();
    }
    // The root's direct dependencies: from package.json when we have it, otherwise every
    // top-level entry that no other package requires (v1 does not record the root's edges).
    let root_manifest = manifests.iter().find(|m| m.path.is_empty());
    let direct = root_manifest.and_then(|m| crate::formats::manifest_deps(&m.bytes));
    let root_deps = match direct {
        Some(list) => list
            .into_iter()
            .map(|(n, spec, kind)| Dependency {
                target: resolve_location("", &n, &locations).map(|(_, t)| NodeId::Package(t)),
                name: n,
                spec,
                kind,
            })
            .collect(),
        None => {
            let required: std::collections::HashSet<usize> = inv
                .packages
                .iter()
                .flat_map(|p| p.dependencies.iter())
                .filter_map(|d| match d.target {
                    Some(NodeId::Package(t)) => Some(t),
                    _ => None,
                })
                .collect();
            inv.packages
                .iter()
                .enumerate()
                .filter(|(i, p)| {
                    !required.contains(i)
                        && p.locations
                            .iter()
                            .any(|l| l.matches("node_modules/").count() == 1)
                })
                .map(|(i, p)| Dependency {
                    name: p.aliases.first().cloned().unwrap_or_else(|| p.name.clone()),
                    spec: p.version.clone(),
                    kind: if p.dev {
                        DepKind::Dev
                    } else if p.optional {
                        DepKind::Optional
                    } else {
                        DepKind::Prod
                    },
                    target: Some(NodeId::Package(i)),
                })
                .collect()
        }
    };
    inv.importers[0].dependencies = root_deps;
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_specs_split() {
        assert_eq!(
            parse_alias("npm:string-width@^4.2.0"),
            Some(("string-width", "^4.2.0"))
        );
        assert_eq!(
            parse_alias("npm:@scope/pkg@1.0.0"),
            Some(("@scope/pkg", "1.0.0"))
        );
        assert_eq!(parse_alias("^1.0.0"), None);
    }

    #[test]
    fn v1_registry_versions_are_not_file_specs() {
        let lock = br#"{"name":"x","lockfileVersion":1,"requires":true,"dependencies":{
            "a":{"version":"1.0.0","resolved":"https://registry.npm.example/a/-/a-1.0.0.tgz"},
            "b":{"version":"2.0.0"},
            "c":{"version":"file:vendor/c"}}}"#;
        let inv = parse(
            &Input {
                file_name: "package-lock.json",
                bytes: lock,
                manifests: &[],
            },
            LockfileKind::PackageLock,
        )
        .unwrap();
        let source = |n: &str| inv.find(n).next().map(|(_, p)| p.source);
        assert_eq!(source("a"), Some(SourceKind::Registry));
        assert_eq!(source("b"), Some(SourceKind::Registry));
        assert_eq!(source("c"), Some(SourceKind::File));
    }

    #[test]
    fn workspace_globs() {
        assert!(glob_match("packages/*", "packages/web"));
        assert!(!glob_match("packages/*", "packages/web/sub"));
        assert!(glob_match("apps/**", "apps/a/b"));
        assert!(glob_match("tools/cli", "tools/cli"));
        assert!(glob_match("packages/lib-*", "packages/lib-core"));
        assert!(!glob_match("packages/lib-*", "packages/app"));
    }

    #[test]
    fn node_lookup_walks_up() {
        let mut locs = HashMap::new();
        locs.insert("node_modules/a".to_string(), 0);
        locs.insert("node_modules/b".to_string(), 1);
        locs.insert("node_modules/a/node_modules/b".to_string(), 2);
        locs.insert("node_modules/@s/c".to_string(), 3);
        assert_eq!(resolve_location("node_modules/a", "b", &locs).unwrap().1, 2);
        assert_eq!(
            resolve_location("node_modules/@s/c", "b", &locs).unwrap().1,
            1
        );
        assert_eq!(
            resolve_location("node_modules/a/node_modules/b", "@s/c", &locs)
                .unwrap()
                .1,
            3
        );
        assert_eq!(resolve_location("packages/web", "a", &locs).unwrap().1, 0);
        assert!(resolve_location("", "zzz", &locs).is_none());
    }
}
