//! SBOMs from a lockfile inventory. [`model`] turns the inventory into one sorted list of
//! components with their edges; [`cyclonedx`] and [`spdx`] each write that list in their
//! standard's JSON form.

pub mod cyclonedx;
pub mod pedigree;
pub mod spdx;

use crate::meta::{LicenseSource, PackageInfo, ProjectInfo, Tool};
use crate::purl;
use std::collections::{BTreeMap, HashSet};
use warden_lockfile::{DepKind, HashAlgorithm, Inventory, NodeId, SourceKind};

/// Everything an SBOM is built from.
pub struct SbomInput<'a> {
    pub inventory: &'a Inventory,
    pub project: &'a ProjectInfo,
    /// Licence and author data per package (and per workspace, by its name and version).
    pub licenses: &'a dyn LicenseSource,
    pub tool: &'a Tool,
    /// Seconds since the Unix epoch: the document's timestamp (`SOURCE_DATE_EPOCH` in the CLI).
    pub now: i64,
    /// Patched builds in the tree and where they came from, matched by name and version.
    pub pedigree: &'a [pedigree::Pedigree],
}

/// What a component is in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Root,
    Workspace,
    Package,
}

/// One component, ready for either format.
#[derive(Debug, Clone)]
pub struct Component {
    pub role: Role,
    /// Unique within the document: the purl, with `#PATH` appended in the rare case that a
    /// workspace and a package share a name and version.
    pub bom_ref: String,
    pub purl: String,
    /// The full npm name (`@scope/name`).
    pub name: String,
    pub version: Option<String>,
    pub source: SourceKind,
    /// `(algorithm, lower-case hex digest)`, strongest first.
    pub hashes: Vec<(HashAlgorithm, String)>,
    pub info: Option<PackageInfo>,
    pub dev: bool,
    pub optional: bool,
    pub bundled: bool,
    pub resolved: Option<String>,
    /// `node_modules/…` locations (packages) or the workspace path.
    pub paths: Vec<String>,
    /// Indices into [`Model::components`] with the strongest kind of edge to each, sorted.
    pub depends_on: Vec<(usize, DepKind)>,
    /// For a patched build: the upstream release and the patches.
    pub pedigree: Option<pedigree::Pedigree>,
}

impl Component {
    /// `@scope` for scoped packages (CycloneDX's `group`) and the name without it.
    pub fn group_and_name(&self) -> (Option<&str>, &str) {
        match self.name.split_once('/') {
            Some((scope, base)) if scope.starts_with('@') => (Some(scope), base),
            _ => (None, &self.name),
        }
    }
}

/// The inventory as components: the root first, then everything else sorted by bom-ref.
pub struct Model {
    pub components: Vec<Component>,
}

impl Model {
    pub fn root(&self) -> &Component {
        &self.components[0]
    }

    pub fn build(input: &SbomInput<'_>) -> Self {
        let inv = input.inventory;
        let mut comps: Vec<(NodeId, Component)> = Vec::new();
        for (i, imp) in inv.importers.iter().enumerate() {
            let root = imp.path.is_empty();
            let (name, version) = if root {
                (
                    input.project.name.clone(),
                    input.project.version.clone().or(imp.version.clone()),
                )
            } else {
                (
                    imp.name.clone().unwrap_or_else(|| imp.path.clone()),
                    imp.version.clone(),
                )
            };
            let info = if root {
                Some(input.project.info.clone())
            } else {
                input.licenses.info(&name, version.as_deref().unwrap_or(""))
            };
            let purl = purl::npm(&name, version.as_deref(), &[]);
            comps.push((
                NodeId::Importer(i),
                Component {
                    role: if root { Role::Root } else { Role::Workspace },
                    bom_ref: purl.clone(),
                    purl,
                    name,
                    version,
                    source: SourceKind::Workspace,
                    hashes: Vec::new(),
                    info,
                    dev: false,
                    optional: false,
                    bundled: false,
                    resolved: None,
                    paths: if root {
                        Vec::new()
                    } else {
                        vec![imp.path.clone()]
                    },
                    depends_on: Vec::new(),
                    pedigree: None,
                },
            ));
        }
        for (i, p) in inv.packages.iter().enumerate() {
            let purl = purl::of_package(p);
            let hashes = p
                .integrity
                .as_ref()
                .map(|int| {
                    int.hashes()
                        .iter()
                        .map(|h| (h.algorithm, purl::hex(&h.digest)))
                        .collect()
                })
                .unwrap_or_default();
            comps.push((
                NodeId::Package(i),
                Component {
                    role: Role::Package,
                    bom_ref: purl.clone(),
                    purl,
                    name: p.name.clone(),
                    version: Some(p.version.clone()),
                    source: p.source,
                    hashes,
                    info: input.licenses.info(&p.name, &p.version),
                    dev: p.dev,
                    optional: p.optional,
                    bundled: p.bundled,
                    resolved: p.resolved.clone(),
                    paths: p.locations.clone(),
                    depends_on: Vec::new(),
                    pedigree: input
                        .pedigree
                        .iter()
                        .find(|x| x.name == p.name && x.version == p.version)
                        .cloned(),
                },
            ));
        }
        // Root first, then by bom-ref; ties (a workspace and a package with one purl) by path.
        comps.sort_by(|(_, a), (_, b)| {
            (a.role != Role::Root, &a.bom_ref, &a.paths).cmp(&(
                b.role != Role::Root,
                &b.bom_ref,
                &b.paths,
            ))
        });
        let mut seen = HashSet::new();
        for (_, c) in comps.iter_mut() {
            if !seen.insert(c.bom_ref.clone()) {
                c.bom_ref = format!(
                    "{}#{}",
                    c.bom_ref,
                    c.paths.first().map_or("", String::as_str)
                );
                seen.insert(c.bom_ref.clone());
            }
        }
        let index: BTreeMap<NodeId, usize> = comps
            .iter()
            .enumerate()
            .map(|(k, (id, _))| (*id, k))
            .collect();
        let edges_of = |id: NodeId| match id {
            NodeId::Importer(i) => &inv.importers[i].dependencies,
            NodeId::Package(i) => &inv.packages[i].dependencies,
        };
        let mut components = Vec::with_capacity(comps.len());
        for (id, mut c) in comps {
            let mut deps: Vec<(usize, DepKind)> = edges_of(id)
                .iter()
                .filter_map(|d| Some((*index.get(&d.target?)?, d.kind)))
                .collect();
            // The strongest kind of edge per target: sort by (target, kind), keep the first.
            deps.sort_unstable();
            deps.dedup_by_key(|(t, _)| *t);
            c.depends_on = deps;
            components.push(c);
        }
        Model { components }
    }
}

/// The JSON key of the hash algorithm in CycloneDX (`SHA-512`) and SPDX (`SHA512`).
pub(crate) fn alg_names(a: HashAlgorithm) -> (&'static str, &'static str) {
    match a {
        HashAlgorithm::Sha1 => ("SHA-1", "SHA1"),
        HashAlgorithm::Sha256 => ("SHA-256", "SHA256"),
        HashAlgorithm::Sha384 => ("SHA-384", "SHA384"),
        HashAlgorithm::Sha512 => ("SHA-512", "SHA512"),
    }
}

/// A URL a document may carry as a download location: absolute, with a scheme and no spaces.
pub(crate) fn usable_url(u: &str) -> bool {
    u.contains("://")
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"')
}
