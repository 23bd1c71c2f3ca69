//! The dependency graph of an [`Inventory`]: reachability (which decides the dev / optional /
//! peer flags the way npm does), dependency paths for `warden why`, and the merge of one version
//! placed at several locations into one package.

use crate::model::{DepKind, Dependency, Inventory, NodeId};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Adjacency lists over importers and packages.
pub struct Graph<'a> {
    inv: &'a Inventory,
    /// For each package, the nodes that depend on it, with the edge kind.
    reverse: Vec<Vec<(NodeId, DepKind)>>,
}

impl<'a> Graph<'a> {
    pub fn new(inv: &'a Inventory) -> Self {
        let mut reverse = vec![Vec::new(); inv.packages.len()];
        let mut add = |from: NodeId, deps: &[Dependency]| {
            for d in deps {
                if let Some(NodeId::Package(t)) = d.target
                    && t < reverse.len()
                    && !reverse[t].contains(&(from, d.kind))
                {
                    reverse[t].push((from, d.kind));
                }
            }
        };
        for (i, imp) in inv.importers.iter().enumerate() {
            add(NodeId::Importer(i), &imp.dependencies);
        }
        for (i, p) in inv.packages.iter().enumerate() {
            add(NodeId::Package(i), &p.dependencies);
        }
        Self { inv, reverse }
    }

    fn deps(&self, node: NodeId) -> &'a [Dependency] {
        match node {
            NodeId::Importer(i) => &self.inv.importers[i].dependencies,
            NodeId::Package(i) => &self.inv.packages[i].dependencies,
        }
    }

    /// Packages reachable from the importers following only edges `follow` accepts.
    pub fn reachable(&self, follow: impl Fn(DepKind) -> bool) -> Vec<bool> {
        let mut seen = vec![false; self.inv.packages.len()];
        let mut queue: VecDeque<NodeId> = (0..self.inv.importers.len())
            .map(NodeId::Importer)
            .collect();
        while let Some(node) = queue.pop_front() {
            for d in self.deps(node) {
                if !follow(d.kind) {
                    continue;
                }
                if let Some(NodeId::Package(t)) = d.target
                    && t < seen.len()
                    && !seen[t]
                {
                    seen[t] = true;
                    queue.push_back(NodeId::Package(t));
                }
            }
        }
        seen
    }

    /// True when an importer depends on the package directly.
    pub fn is_direct(&self, package: usize) -> bool {
        self.reverse[package]
            .iter()
            .any(|(from, _)| matches!(from, NodeId::Importer(_)))
    }

    /// Every dependency path from an importer to `package`, each from the importer down, at most
    /// `limit` of them, shortest first. Cycles are cut; the search gives up after a bounded
    /// number of steps so a pathological graph cannot hang it.
    pub fn paths_to(&self, package: usize, limit: usize) -> Vec<Vec<NodeId>> {
        let mut out = Vec::new();
        let mut steps = 0usize;
        let mut stack = vec![NodeId::Package(package)];
        let mut on_path = BTreeSet::from([NodeId::Package(package)]);
        self.walk_up(&mut stack, &mut on_path, &mut out, limit, &mut steps);
        out.sort_by_key(Vec::len);
        out
    }

    fn walk_up(
        &self,
        stack: &mut Vec<NodeId>,
        on_path: &mut BTreeSet<NodeId>,
        out: &mut Vec<Vec<NodeId>>,
        limit: usize,
        steps: &mut usize,
    ) {
        const MAX_STEPS: usize = 200_000;
        let Some(&top) = stack.last() else { return };
        let NodeId::Package(p) = top else {
            out.push(stack.iter().rev().copied().collect());
            return;
        };
        // Visit importers first so the short paths are found before the budget runs out.
        let mut parents: Vec<NodeId> = self.reverse[p].iter().map(|(n, _)| *n).collect();
        parents.sort();
        parents.dedup();
        for parent in parents {
            if out.len() >= limit || *steps >= MAX_STEPS {
                return;
            }
            *steps += 1;
            if on_path.contains(&parent) {
                continue;
            }
            stack.push(parent);
            on_path.insert(parent);
            self.walk_up(stack, on_path, out, limit, steps);
            on_path.remove(&parent);
            stack.pop();
        }
    }
}

/// The last steps of every format that does not record flags: merge duplicates, compute the
/// dev/optional/peer flags from the graph, sort.
pub fn finish(mut inv: Inventory) -> Inventory {
    dedupe(&mut inv);
    compute_flags(&mut inv);
    sort(&mut inv);
    inv
}

/// Sets `dev`, `optional` and `peer` from the graph, as npm defines them: a package is dev when
/// no importer reaches it without a dev edge, optional when every path has an optional edge, and
/// peer when every path has a peer edge. For formats that do not record these flags.
pub fn compute_flags(inv: &mut Inventory) {
    let g = inv.graph();
    let prod = g.reachable(|k| k != DepKind::Dev);
    let required = g.reachable(|k| k != DepKind::Optional);
    let non_peer = g.reachable(|k| k != DepKind::Peer);
    for (i, p) in inv.packages.iter_mut().enumerate() {
        p.dev = !prod[i];
        p.optional = !required[i];
        p.peer = !non_peer[i];
    }
}

/// Merges packages with the same identity (name, version, source, resolved, integrity) into one,
/// keeping every location, every alias and every distinct edge, and rewrites all edges to the
/// merged indices. Flags are combined the conservative way: dev only if every copy is dev.
pub fn dedupe(inv: &mut Inventory) {
    let mut index: HashMap<(String, String, String, String, String), usize> = HashMap::new();
    let mut remap = Vec::with_capacity(inv.packages.len());
    let mut merged: Vec<crate::model::Package> = Vec::new();
    for p in std::mem::take(&mut inv.packages) {
        let key = (
            p.name.clone(),
            p.version.clone(),
            p.source.as_str().to_string(),
            p.resolved.clone().unwrap_or_default(),
            p.integrity
                .as_ref()
                .map(|i| i.to_string())
                .unwrap_or_default(),
        );
        match index.get(&key) {
            Some(&at) => {
                let m = &mut merged[at];
                m.dev &= p.dev;
                m.optional &= p.optional;
                m.peer &= p.peer;
                m.bundled &= p.bundled;
                for l in p.locations {
                    if !m.locations.contains(&l) {
                        m.locations.push(l);
                    }
                }
                for a in p.aliases {
                    if !m.aliases.contains(&a) {
                        m.aliases.push(a);
                    }
                }
                for d in p.dependencies {
                    if !m.dependencies.contains(&d) {
                        m.dependencies.push(d);
                    }
                }
                remap.push(at);
            }
            None => {
                index.insert(key, merged.len());
                remap.push(merged.len());
                merged.push(p);
            }
        }
    }
    let fix = |deps: &mut Vec<Dependency>| {
        for d in deps.iter_mut() {
            if let Some(NodeId::Package(t)) = d.target {
                d.target = remap.get(t).map(|&n| NodeId::Package(n));
            }
        }
        let mut seen = Vec::with_capacity(deps.len());
        deps.retain(|d| {
            let key = (d.name.clone(), d.kind, d.target);
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
    };
    for p in &mut merged {
        fix(&mut p.dependencies);
    }
    for imp in &mut inv.importers {
        fix(&mut imp.dependencies);
    }
    inv.packages = merged;
}

/// Puts packages in a stable order (name, then version, then location) and rewrites edges, so
/// output does not depend on the order a lockfile happened to list things.
pub fn sort(inv: &mut Inventory) {
    let mut order: Vec<usize> = (0..inv.packages.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&inv.packages[a], &inv.packages[b]);
        (&pa.name, &pa.version, &pa.locations).cmp(&(&pb.name, &pb.version, &pb.locations))
    });
    let mut remap = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut old: Vec<Option<crate::model::Package>> = std::mem::take(&mut inv.packages)
        .into_iter()
        .map(Some)
        .collect();
    inv.packages = order
        .iter()
        .map(|&i| {
            old[i]
                .take()
                .expect("each index appears once in a permutation")
        })
        .collect();
    let fix = |deps: &mut Vec<Dependency>| {
        for d in deps.iter_mut() {
            if let Some(NodeId::Package(t)) = d.target {
                d.target = Some(NodeId::Package(remap[t]));
            }
        }
        deps.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    };
    for p in &mut inv.packages {
        fix(&mut p.dependencies);
    }
    for imp in &mut inv.importers {
        fix(&mut imp.dependencies);
    }
    for p in &mut inv.packages {
        p.locations.sort();
        p.aliases.sort();
    }
    // Root first, then workspaces by path.
    inv.importers.sort_by(|a, b| a.path.cmp(&b.path));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::source::SourceKind;

    fn dep(name: &str, kind: DepKind, target: usize) -> Dependency {
        Dependency {
            name: name.into(),
            spec: "*".into(),
            kind,
            target: Some(NodeId::Package(target)),
        }
    }

    /// root -prod-> a -> c ; root -dev-> b -> c, d ; root -optional-> e
    fn sample() -> Inventory {
        let mut pk: Vec<Package> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|n| Package::new(*n, "1.0.0", SourceKind::Registry))
            .collect();
        pk[0].dependencies = vec![dep("c", DepKind::Prod, 2)];
        pk[1].dependencies = vec![dep("c", DepKind::Prod, 2), dep("d", DepKind::Prod, 3)];
        Inventory {
            kind: LockfileKind::PackageLock,
            lockfile_version: "3".into(),
            importers: vec![Importer {
                path: String::new(),
                name: Some("root".into()),
                version: None,
                dependencies: vec![
                    dep("a", DepKind::Prod, 0),
                    dep("b", DepKind::Dev, 1),
                    dep("e", DepKind::Optional, 4),
                ],
            }],
            packages: pk,
        }
    }

    #[test]
    fn flags_follow_npm_semantics() {
        let mut inv = sample();
        compute_flags(&mut inv);
        let flags: Vec<(bool, bool)> = inv.packages.iter().map(|p| (p.dev, p.optional)).collect();
        assert_eq!(
            flags,
            vec![
                (false, false), // a: prod
                (true, false),  // b: dev
                (false, false), // c: reached by prod through a
                (true, false),  // d: only through b
                (false, true),  // e: optional
            ]
        );
    }

    #[test]
    fn paths_list_every_route_shortest_first() {
        let inv = sample();
        let g = inv.graph();
        let paths = g.paths_to(2, 10);
        assert_eq!(paths.len(), 2);
        assert!(
            paths
                .iter()
                .all(|p| p[0] == NodeId::Importer(0) && p.len() == 3)
        );
        assert!(g.is_direct(0));
        assert!(!g.is_direct(2));
    }

    #[test]
    fn cycles_do_not_hang_paths() {
        let mut inv = sample();
        inv.packages[2].dependencies = vec![dep("a", DepKind::Prod, 0)];
        // c -> a closes the cycle a -> c -> a; the walk cuts it and still finds b's route.
        let paths = inv.graph().paths_to(0, 10);
        assert_eq!(
            paths,
            vec![
                vec![NodeId::Importer(0), NodeId::Package(0)],
                vec![
                    NodeId::Importer(0),
                    NodeId::Package(1),
                    NodeId::Package(2),
                    NodeId::Package(0)
                ],
            ]
        );
    }

    #[test]
    fn dedupe_merges_locations_and_remaps_edges() {
        let mut inv = sample();
        let mut copy = Package::new("c", "1.0.0", SourceKind::Registry);
        copy.locations = vec!["node_modules/b/node_modules/c".into()];
        inv.packages.push(copy);
        inv.packages[1].dependencies[0].target = Some(NodeId::Package(5));
        dedupe(&mut inv);
        assert_eq!(inv.packages.len(), 5);
        assert_eq!(
            inv.packages[1].dependencies[0].target,
            Some(NodeId::Package(2))
        );
    }
}
