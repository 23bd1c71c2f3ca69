//! Is a version vetted for a criterion? By an exemption, a full audit, or a chain of delta
//! audits from a vetted version — cargo-vet's model, with the audited integrity pinned.

use crate::audits::{Audit, Covers};
use crate::config::Exemption;
use crate::criteria::Criteria;
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};

/// Where an audit comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "name")]
pub enum Origin {
    Local,
    Imported(String),
}

/// All audits and exemptions of one package, from every source.
#[derive(Debug, Clone, Default)]
pub struct PackageAudits<'a> {
    pub audits: Vec<(&'a Audit, Origin)>,
    pub exemptions: Vec<&'a Exemption>,
}

/// How a version came to be vetted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "by")]
pub enum Vetted {
    /// `[[exemptions.NAME]]` — accepted, not reviewed.
    Exemption { version: String },
    /// A full audit of this version.
    Audit {
        version: String,
        who: Option<String>,
        origin: Origin,
    },
    /// A chain: a root (full audit or exemption) then delta audits, e.g. `["5.3.0", "5.4.0", "5.6.2"]`.
    Chain {
        versions: Vec<String>,
        root_exempted: bool,
    },
}

impl Vetted {
    /// True when a person read the code (an audit, or a chain of deltas): such vetting outweighs
    /// the scanner's judgement. An exemption is only a frozen baseline.
    pub fn is_reviewed(&self) -> bool {
        !matches!(self, Vetted::Exemption { .. })
    }
}

/// Integrity recorded for `version` by an audit or exemption that does not match `integrity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntegrityConflict {
    pub version: String,
    pub recorded: String,
    pub source: &'static str,
}

fn integrity_ok(recorded: &Option<String>, actual: Option<&str>) -> bool {
    match (recorded, actual) {
        (Some(r), Some(a)) => same_integrity(r, a),
        // Nothing recorded, or the lockfile has none: the version match is all we have.
        _ => true,
    }
}

/// Two SRI strings name the same content when they share a hash of the same algorithm.
pub fn same_integrity(a: &str, b: &str) -> bool {
    let set = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
    let (a, b) = (set(a), set(b));
    let algo = |h: &str| h.split('-').next().unwrap_or("").to_string();
    let mut compared = false;
    for x in &a {
        for y in &b {
            if algo(x) == algo(y) {
                compared = true;
                if x != y {
                    return false;
                }
            }
        }
    }
    compared
}

/// Audits or exemptions of exactly `version` whose recorded integrity differs from the
/// lockfile's: the tarball changed under a vetted version.
pub fn integrity_conflicts(
    pa: &PackageAudits<'_>,
    version: &str,
    integrity: Option<&str>,
) -> Vec<IntegrityConflict> {
    let mut out = Vec::new();
    let Some(actual) = integrity else { return out };
    for e in &pa.exemptions {
        if e.version == version
            && let Some(r) = &e.integrity
            && !same_integrity(r, actual)
        {
            out.push(IntegrityConflict {
                version: version.into(),
                recorded: r.clone(),
                source: "exemption",
            });
        }
    }
    for (a, _) in &pa.audits {
        let target = match a.covers() {
            Some(Covers::Full(v)) => v,
            Some(Covers::Delta(_, to)) => to,
            None => continue,
        };
        if target == version
            && let Some(r) = &a.integrity
            && !same_integrity(r, actual)
        {
            out.push(IntegrityConflict {
                version: version.into(),
                recorded: r.clone(),
                source: "audit",
            });
        }
    }
    out
}

/// Finds how `version` is vetted for `need`, preferring a person's review over an exemption and
/// shorter chains over longer ones. `integrity` is the lockfile's; audits of the same version
/// that pinned another integrity do not count (see [`integrity_conflicts`]).
pub fn find_vetting(
    pa: &PackageAudits<'_>,
    criteria: &Criteria,
    version: &str,
    integrity: Option<&str>,
    need: &str,
) -> Option<Vetted> {
    let meets = |c: &crate::config::CriteriaList| criteria.satisfies(c.names(), need);
    // 1. A full audit of this version.
    for (a, origin) in &pa.audits {
        if let Some(Covers::Full(v)) = a.covers()
            && v == version
            && meets(&a.criteria)
            && integrity_ok(&a.integrity, integrity)
        {
            return Some(Vetted::Audit {
                version: v.to_string(),
                who: a.who.clone(),
                origin: origin.clone(),
            });
        }
    }
    // 2. A chain of deltas from a root: BFS backwards is awkward with several roots, so BFS
    //    forwards from every root at once; the first arrival is a shortest chain.
    let mut roots: Vec<(String, bool)> = Vec::new();
    for (a, _) in &pa.audits {
        if let Some(Covers::Full(v)) = a.covers()
            && meets(&a.criteria)
        {
            roots.push((v.to_string(), false));
        }
    }
    for e in &pa.exemptions {
        if meets(&e.criteria) {
            roots.push((e.version.clone(), true));
        }
    }
    let mut edges: BTreeMap<&str, Vec<(&str, &Audit)>> = BTreeMap::new();
    for (a, _) in &pa.audits {
        if let Some(Covers::Delta(from, to)) = a.covers()
            && meets(&a.criteria)
        {
            edges.entry(from).or_default().push((to, a));
        }
    }
    let mut prev: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut queue = VecDeque::new();
    // Reviewed roots first so a chain from an audit wins over one from an exemption.
    roots.sort_by_key(|(_, exempted)| *exempted);
    let mut root_exempted: BTreeMap<String, bool> = BTreeMap::new();
    for (v, exempted) in &roots {
        if !prev.contains_key(v) {
            prev.insert(v.clone(), None);
            root_exempted.insert(v.clone(), *exempted);
            queue.push_back(v.clone());
        }
    }
    while let Some(v) = queue.pop_front() {
        if v == version && prev[&v].is_some() {
            let mut chain = vec![v.clone()];
            let mut cur = v.clone();
            while let Some(Some(p)) = prev.get(&cur) {
                chain.push(p.clone());
                cur = p.clone();
            }
            chain.reverse();
            let exempted = root_exempted.get(&chain[0]).copied().unwrap_or(true);
            return Some(Vetted::Chain {
                versions: chain,
                root_exempted: exempted,
            });
        }
        for (to, a) in edges.get(v.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            // The last step must have read the tarball the lockfile has.
            if *to == version && !integrity_ok(&a.integrity, integrity) {
                continue;
            }
            if !prev.contains_key(*to) {
                prev.insert(to.to_string(), Some(v.clone()));
                queue.push_back(to.to_string());
            }
        }
    }
    // 3. An exemption of this version.
    for e in &pa.exemptions {
        if e.version == version && meets(&e.criteria) && integrity_ok(&e.integrity, integrity) {
            return Some(Vetted::Exemption {
                version: e.version.clone(),
            });
        }
    }
    None
}

/// Versions that are vetted for `need` (roots and everything their delta chains reach), for
/// suggesting the cheapest next audit.
pub fn vetted_versions(pa: &PackageAudits<'_>, criteria: &Criteria, need: &str) -> Vec<String> {
    let mut versions: Vec<String> = Vec::new();
    let mut candidates: Vec<&str> = Vec::new();
    for (a, _) in &pa.audits {
        match a.covers() {
            Some(Covers::Full(v)) => candidates.push(v),
            Some(Covers::Delta(f, t)) => {
                candidates.push(f);
                candidates.push(t);
            }
            None => {}
        }
    }
    for e in &pa.exemptions {
        candidates.push(&e.version);
    }
    for c in candidates {
        if !versions.iter().any(|v| v == c) && find_vetting(pa, criteria, c, None, need).is_some() {
            versions.push(c.to_string());
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CriteriaList;

    fn full(v: &str, c: &str) -> Audit {
        Audit {
            who: Some("ada".into()),
            criteria: CriteriaList::One(c.into()),
            version: Some(v.into()),
            delta: None,
            integrity: None,
            notes: None,
        }
    }

    fn delta(from: &str, to: &str, c: &str) -> Audit {
        Audit {
            who: None,
            criteria: CriteriaList::One(c.into()),
            version: None,
            delta: Some(format!("{from} -> {to}")),
            integrity: None,
            notes: None,
        }
    }

    fn exemption(v: &str, integrity: Option<&str>) -> Exemption {
        Exemption {
            version: v.into(),
            integrity: integrity.map(str::to_string),
            criteria: CriteriaList::One("safe-to-deploy".into()),
            notes: None,
            publisher: None,
        }
    }

    fn criteria() -> Criteria {
        Criteria::new(&Default::default()).unwrap()
    }

    #[test]
    fn full_audit_and_implied_criteria() {
        let a = full("1.0.0", "safe-to-deploy");
        let pa = PackageAudits {
            audits: vec![(&a, Origin::Local)],
            exemptions: vec![],
        };
        let c = criteria();
        assert!(matches!(
            find_vetting(&pa, &c, "1.0.0", None, "safe-to-run"),
            Some(Vetted::Audit { .. })
        ));
        assert_eq!(find_vetting(&pa, &c, "1.0.1", None, "safe-to-run"), None);
        let weak = full("1.0.0", "safe-to-run");
        let pa = PackageAudits {
            audits: vec![(&weak, Origin::Local)],
            exemptions: vec![],
        };
        assert_eq!(find_vetting(&pa, &c, "1.0.0", None, "safe-to-deploy"), None);
    }

    #[test]
    fn delta_chain_from_an_exemption() {
        let e = exemption("5.6.0", None);
        let d1 = delta("5.6.0", "5.6.1", "safe-to-deploy");
        let d2 = delta("5.6.1", "5.6.2", "safe-to-deploy");
        let pa = PackageAudits {
            audits: vec![(&d1, Origin::Local), (&d2, Origin::Local)],
            exemptions: vec![&e],
        };
        let v = find_vetting(&pa, &criteria(), "5.6.2", None, "safe-to-deploy").unwrap();
        assert_eq!(
            v,
            Vetted::Chain {
                versions: vec!["5.6.0".into(), "5.6.1".into(), "5.6.2".into()],
                root_exempted: true
            }
        );
        assert!(v.is_reviewed());
    }

    #[test]
    fn a_weak_link_breaks_the_chain() {
        let root = full("1.0.0", "safe-to-deploy");
        let d1 = delta("1.0.0", "1.1.0", "safe-to-run");
        let d2 = delta("1.1.0", "1.2.0", "safe-to-deploy");
        let pa = PackageAudits {
            audits: vec![
                (&root, Origin::Local),
                (&d1, Origin::Local),
                (&d2, Origin::Local),
            ],
            exemptions: vec![],
        };
        let c = criteria();
        assert_eq!(find_vetting(&pa, &c, "1.2.0", None, "safe-to-deploy"), None);
        assert!(find_vetting(&pa, &c, "1.2.0", None, "safe-to-run").is_some());
    }

    #[test]
    fn cycles_terminate() {
        let d1 = delta("1.0.0", "1.1.0", "safe-to-deploy");
        let d2 = delta("1.1.0", "1.0.0", "safe-to-deploy");
        let pa = PackageAudits {
            audits: vec![(&d1, Origin::Local), (&d2, Origin::Local)],
            exemptions: vec![],
        };
        assert_eq!(
            find_vetting(&pa, &criteria(), "1.1.0", None, "safe-to-run"),
            None,
            "deltas without a root vet nothing"
        );
    }

    #[test]
    fn integrity_pins() {
        let e = exemption("1.0.0", Some("sha512-AAAA"));
        let pa = PackageAudits {
            audits: vec![],
            exemptions: vec![&e],
        };
        let c = criteria();
        assert!(find_vetting(&pa, &c, "1.0.0", Some("sha512-AAAA"), "safe-to-run").is_some());
        assert_eq!(
            find_vetting(&pa, &c, "1.0.0", Some("sha512-BBBB"), "safe-to-run"),
            None
        );
        assert_eq!(
            integrity_conflicts(&pa, "1.0.0", Some("sha512-BBBB"))[0].source,
            "exemption"
        );
        assert!(integrity_conflicts(&pa, "1.0.0", Some("sha512-AAAA sha1-xx")).is_empty());
        assert!(same_integrity("sha1-a sha512-b", "sha512-b"));
        assert!(!same_integrity("sha1-a", "sha512-b"), "nothing comparable");
    }

    #[test]
    fn vetted_versions_lists_roots_and_reached() {
        let e = exemption("1.0.0", None);
        let d = delta("1.0.0", "1.1.0", "safe-to-deploy");
        let orphan = delta("3.0.0", "3.1.0", "safe-to-deploy");
        let pa = PackageAudits {
            audits: vec![(&d, Origin::Local), (&orphan, Origin::Local)],
            exemptions: vec![&e],
        };
        let mut v = vetted_versions(&pa, &criteria(), "safe-to-deploy");
        v.sort();
        assert_eq!(v, vec!["1.0.0", "1.1.0"]);
    }
}
