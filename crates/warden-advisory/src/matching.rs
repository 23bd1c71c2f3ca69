//! Matching: advisories and an inventory in, findings out. Pure.
//!
//! A version of a package is affected by an advisory when any of its ranges affects it or its
//! `versions` list names it. Advisories whose ids and aliases overlap (a GHSA record and the
//! CVE it aliases, a MAL record and the GHSA malware advisory it imports) become one finding.
//!
//! The merged-MAL quirk: OpenSSF's malicious-packages records merge every import of a report, so
//! an early `introduced: "0"` range (from one source, "every version") can sit beside the real
//! range from a later import (`@ctrl/tinycolor`: `>=0` and `>=4.1.1 <=4.1.2`). Read literally
//! that flags every version of a popular library. warden reports a version matched only by such
//! an open range as [`Confidence::OpenRange`]: shown, never silent, but apart from the exact
//! findings and not a `deny` (see docs/advisories.md). A record whose only evidence is the open
//! range (a typosquat) still matches every version exactly.

use crate::advisory::{Advisory, AffectedPackage, Kind};
use crate::error::Error;
use crate::range::{SortedRange, parse_version, version_listed};
use crate::severity::{CvssScore, Severity};
use crate::store::AdvisorySource;
use nodejs_semver::Version;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use warden_lockfile::{Inventory, SourceKind};

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Only an open `introduced: "0"` range of a malicious-package record matched, while the same
    /// record also has a range with an upper bound for the package that does not include this
    /// version (the merged-import quirk of `@ctrl/tinycolor`).
    OpenRange,
    /// A range or the versions list matched.
    Exact,
}

/// One finding: a package version and the advisories (merged by alias) that affect it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Index into the inventory's packages.
    pub package: usize,
    pub name: String,
    pub version: String,
    /// The primary id: a MAL id first, then GHSA, then CVE, then any other.
    pub id: String,
    /// Every record merged into this finding, primary first.
    pub ids: Vec<String>,
    /// Aliases of those records that are not records themselves (CVE ids, …), sorted.
    pub aliases: Vec<String>,
    pub kind: Kind,
    /// `None` when no record carries a CVSS vector or a label.
    pub severity: Option<Severity>,
    /// The highest CVSS base score computed from the records' vectors.
    pub score: Option<f64>,
    pub cvss: Vec<CvssScore>,
    pub summary: String,
    /// The lowest version above the one in use that none of the merged records affects.
    pub fixed: Option<String>,
    pub confidence: Confidence,
    pub references: Vec<String>,
    pub modified: String,
}

impl Match {
    /// The severity that `--fail-on` and the gate compare: an unknown severity counts as high,
    /// so that a record without a score fails closed.
    pub fn effective_severity(&self) -> Severity {
        self.severity.unwrap_or(Severity::High)
    }
}

/// How one advisory affects one version of a package, if it does.
struct Hit {
    confidence: Confidence,
}

fn evaluate(
    adv: &Advisory,
    entries: &[&AffectedPackage],
    v: Option<&Version>,
    raw: &str,
) -> Option<Hit> {
    let mut exact = false;
    let mut open = false;
    let mut has_open = false;
    let mut narrowed = false;
    for entry in entries {
        if entry.versions.iter().any(|l| match v {
            Some(v) => version_listed(l, v, raw),
            None => l.trim() == raw,
        }) {
            exact = true;
        }
        for events in &entry.ranges {
            let Ok(range) = SortedRange::new(events) else {
                continue;
            };
            let is_open = range.is_open_from_zero();
            has_open |= is_open;
            narrowed |= range.has_upper_bound();
            let Some(v) = v else { continue };
            if range.affects(v) {
                if is_open {
                    open = true;
                } else {
                    exact = true;
                }
            }
        }
    }
    let demote = adv.kind == Kind::Malicious && has_open && narrowed;
    if exact || (open && !demote) {
        Some(Hit {
            confidence: Confidence::Exact,
        })
    } else if open {
        Some(Hit {
            confidence: Confidence::OpenRange,
        })
    } else {
        None
    }
}

/// True when `adv` affects version `v` of `name` in any way.
fn affects_version(adv: &Advisory, name: &str, v: &Version) -> bool {
    let entries: Vec<&AffectedPackage> = adv.affected.iter().filter(|a| a.name == name).collect();
    evaluate(adv, &entries, Some(v), &v.to_string()).is_some()
}

fn id_rank(id: &str) -> u8 {
    if id.starts_with("MAL-") {
        0
    } else if id.starts_with("GHSA-") {
        1
    } else if id.starts_with("CVE-") {
        2
    } else {
        3
    }
}

/// Matches advisories against an inventory. Withdrawn advisories never match; only packages
/// from a registry are matched (a git or file dependency that shares a name is not the npm
/// package). Results are sorted by package name, version and primary id.
pub fn match_advisories(inventory: &Inventory, advisories: &[Advisory]) -> Vec<Match> {
    let mut by_name: HashMap<&str, Vec<&Advisory>> = HashMap::new();
    for adv in advisories.iter().filter(|a| a.withdrawn.is_none()) {
        let mut seen = BTreeSet::new();
        for name in adv.names() {
            if seen.insert(name) {
                by_name.entry(name).or_default().push(adv);
            }
        }
    }
    let mut out = Vec::new();
    for (index, pkg) in inventory.packages.iter().enumerate() {
        if pkg.source != SourceKind::Registry {
            continue;
        }
        let Some(candidates) = by_name.get(pkg.name.as_str()) else {
            continue;
        };
        let parsed = parse_version(&pkg.version);
        let mut hits: Vec<(&Advisory, Hit)> = Vec::new();
        for adv in candidates {
            let entries: Vec<&AffectedPackage> =
                adv.affected.iter().filter(|a| a.name == pkg.name).collect();
            if let Some(hit) = evaluate(adv, &entries, parsed.as_ref(), &pkg.version) {
                hits.push((adv, hit));
            }
        }
        for group in group_by_alias(hits) {
            out.push(merge(
                index,
                &pkg.name,
                &pkg.version,
                parsed.as_ref(),
                group,
            ));
        }
    }
    out.sort_by(|a, b| (&a.name, &a.version, &a.id).cmp(&(&b.name, &b.version, &b.id)));
    out
}

/// The ids of the advisories that affect some registry package of the inventory: the first
/// pass of [`matches_for`], without grouping, merging or looking for fixes.
fn hit_ids<'a>(inventory: &Inventory, advisories: &'a [Advisory]) -> BTreeSet<&'a str> {
    let mut by_name: HashMap<&str, Vec<&Advisory>> = HashMap::new();
    for adv in advisories.iter().filter(|a| a.withdrawn.is_none()) {
        for name in adv.names() {
            let list = by_name.entry(name).or_default();
            if !list.last().is_some_and(|a| std::ptr::eq(*a, adv)) {
                list.push(adv);
            }
        }
    }
    let mut hit = BTreeSet::new();
    for pkg in inventory
        .packages
        .iter()
        .filter(|p| p.source == SourceKind::Registry)
    {
        let Some(candidates) = by_name.get(pkg.name.as_str()) else {
            continue;
        };
        let parsed = parse_version(&pkg.version);
        for adv in candidates {
            if hit.contains(adv.id.as_str()) {
                continue;
            }
            let entries: Vec<&AffectedPackage> =
                adv.affected.iter().filter(|a| a.name == pkg.name).collect();
            if evaluate(adv, &entries, parsed.as_ref(), &pkg.version).is_some() {
                hit.insert(adv.id.as_str());
            }
        }
    }
    hit
}

/// Loads the advisories for the inventory's package names from `source` and matches them.
pub fn matches_for(
    inventory: &Inventory,
    source: &dyn AdvisorySource,
) -> Result<Vec<Match>, Error> {
    let names: BTreeSet<&str> = inventory
        .packages
        .iter()
        .filter(|p| p.source == SourceKind::Registry)
        .map(|p| p.name.as_str())
        .collect();
    let names: Vec<&str> = names.into_iter().collect();
    // Pass 1 on the cheap candidate form decides which advisories hit; pass 2 loads those in
    // full and builds the findings (summaries, severities, aliases, fixes).
    let candidates = source.candidates_for(&names)?;
    let hit = hit_ids(inventory, &candidates);
    let ids: Vec<&str> = hit.into_iter().collect();
    let advisories = source.advisories_by_id(&ids)?;
    Ok(match_advisories(inventory, &advisories))
}

/// Advisories that hit one package version, with how.
type Group<'a> = Vec<(&'a Advisory, Hit)>;

/// Splits hits into groups whose id/alias sets overlap (transitively).
fn group_by_alias(hits: Group<'_>) -> Vec<Group<'_>> {
    let mut groups: Vec<(BTreeSet<String>, Group<'_>)> = Vec::new();
    for (adv, hit) in hits {
        let mut keys: BTreeSet<String> = adv.aliases.iter().cloned().collect();
        keys.insert(adv.id.clone());
        let mut members = vec![(adv, hit)];
        // Absorb every existing group that shares a key.
        let mut i = 0;
        while i < groups.len() {
            if groups[i].0.iter().any(|k| keys.contains(k)) {
                let (k, m) = groups.swap_remove(i);
                keys.extend(k);
                members.extend(m);
            } else {
                i += 1;
            }
        }
        groups.push((keys, members));
    }
    groups.into_iter().map(|(_, m)| m).collect()
}

fn merge(
    index: usize,
    name: &str,
    version: &str,
    v: Option<&Version>,
    mut group: Vec<(&Advisory, Hit)>,
) -> Match {
    group.sort_by(|a, b| (id_rank(&a.0.id), &a.0.id).cmp(&(id_rank(&b.0.id), &b.0.id)));
    let primary = group[0].0;
    let ids: Vec<String> = group.iter().map(|(a, _)| a.id.clone()).collect();
    let aliases: BTreeSet<String> = group
        .iter()
        .flat_map(|(a, _)| a.aliases.iter().cloned())
        .filter(|a| !ids.contains(a))
        .collect();
    let kind = if group.iter().any(|(a, _)| a.kind == Kind::Malicious) {
        Kind::Malicious
    } else {
        Kind::Vulnerability
    };
    let severity = group.iter().filter_map(|(a, _)| a.severity()).max();
    let score = group
        .iter()
        .filter_map(|(a, _)| a.score())
        .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
    let mut cvss: Vec<CvssScore> = Vec::new();
    for c in group.iter().flat_map(|(a, _)| a.cvss.iter()) {
        if !cvss.contains(c) {
            cvss.push(c.clone());
        }
    }
    let confidence = group
        .iter()
        .map(|(_, h)| h.confidence)
        .max()
        .unwrap_or(Confidence::Exact);
    let mut references: Vec<String> = Vec::new();
    for r in group.iter().flat_map(|(a, _)| a.references.iter()) {
        if !references.contains(r) {
            references.push(r.clone());
        }
    }
    let modified = group
        .iter()
        .map(|(a, _)| a.modified.clone())
        .max()
        .unwrap_or_default();
    let fixed = v.and_then(|v| nearest_fixed(name, v, &group));
    Match {
        package: index,
        name: name.to_string(),
        version: version.to_string(),
        id: primary.id.clone(),
        ids,
        aliases: aliases.into_iter().collect(),
        kind,
        severity,
        score,
        cvss,
        summary: primary.summary.clone(),
        fixed,
        confidence,
        references,
        modified,
    }
}

/// The lowest `fixed` version above `v`, among the group's ranges, that no record of the group
/// affects (a fix in one range can still be inside another range of the same record).
fn nearest_fixed(name: &str, v: &Version, group: &[(&Advisory, Hit)]) -> Option<String> {
    let mut candidates: Vec<Version> = group
        .iter()
        .flat_map(|(a, _)| a.affected.iter().filter(|p| p.name == name))
        .flat_map(|p| p.ranges.iter())
        .filter_map(|events| SortedRange::new(events).ok())
        .flat_map(|r| r.fixed().cloned().collect::<Vec<_>>())
        .filter(|f| f > v)
        .collect();
    candidates.sort();
    candidates.dedup();
    candidates
        .into_iter()
        .find(|c| !group.iter().any(|(a, _)| affects_version(a, name, c)))
        .map(|c| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::range::Event::{Fixed, Introduced, LastAffected};
    use warden_lockfile::{LockfileKind, Package};

    fn adv(
        id: &str,
        kind: Kind,
        ranges: Vec<Vec<crate::range::Event>>,
        versions: &[&str],
    ) -> Advisory {
        Advisory {
            id: id.into(),
            modified: "2025-01-01T00:00:00.000000000Z".into(),
            published: None,
            withdrawn: None,
            kind,
            aliases: vec![],
            summary: String::new(),
            cvss: vec![],
            label: None,
            references: vec![],
            affected: vec![AffectedPackage {
                name: "pkg".into(),
                ranges,
                versions: versions.iter().map(|v| (*v).to_string()).collect(),
            }],
        }
    }

    fn hits(a: &Advisory, versions: &[&str]) -> Vec<(String, Confidence)> {
        let inv = Inventory {
            kind: LockfileKind::PackageLock,
            lockfile_version: "3".into(),
            importers: vec![],
            packages: versions
                .iter()
                .map(|v| Package::new("pkg", *v, SourceKind::Registry))
                .collect(),
        };
        match_advisories(&inv, std::slice::from_ref(a))
            .into_iter()
            .map(|m| (m.version, m.confidence))
            .collect()
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn fixed_before_introduced_in_a_second_range() {
        // range 1: [1.0.0, 2.0.0); range 2 written `introduced 3.0.0, fixed 0.5.0`: sorted, the
        // fix closes nothing and 3.0.0 opens an interval without end
        let a = adv(
            "GHSA-t1",
            Kind::Vulnerability,
            vec![
                vec![Introduced(s("1.0.0")), Fixed(s("2.0.0"))],
                vec![Introduced(s("3.0.0")), Fixed(s("0.5.0"))],
            ],
            &[],
        );
        let got: Vec<String> = hits(&a, &["0.4.0", "0.6.0", "1.5.0", "2.5.0", "3.0.0", "9.9.9"])
            .into_iter()
            .map(|h| h.0)
            .collect();
        assert_eq!(got, vec![s("1.5.0"), s("3.0.0"), s("9.9.9")]);
    }

    #[test]
    fn introduced_zero_and_last_affected_table() {
        let a = adv(
            "GHSA-t2",
            Kind::Vulnerability,
            vec![vec![Introduced(s("0")), LastAffected(s("1.2.3"))]],
            &[],
        );
        let got: Vec<String> = hits(
            &a,
            &["0.0.0-alpha", "1.2.3", "1.2.3+build.9", "1.2.4-0", "1.2.4"],
        )
        .into_iter()
        .map(|h| h.0)
        .collect();
        assert_eq!(got, vec![s("0.0.0-alpha"), s("1.2.3"), s("1.2.3+build.9")]);
    }

    #[test]
    fn versions_list_ignores_build_metadata_of_the_locked_version() {
        let a = adv("MAL-t3", Kind::Malicious, vec![], &["2.0.0"]);
        assert_eq!(
            hits(&a, &["2.0.0+abc", "2.0.1"]),
            vec![(s("2.0.0+abc"), Confidence::Exact)]
        );
    }

    #[test]
    fn open_range_is_demoted_only_beside_an_upper_bounded_range_in_malicious_records() {
        let merged = vec![
            vec![Introduced(s("0"))],
            vec![Introduced(s("4.1.1")), LastAffected(s("4.1.2"))],
        ];
        let mal = adv("MAL-t4", Kind::Malicious, merged.clone(), &[]);
        assert_eq!(
            hits(&mal, &["4.1.0", "4.1.1"]),
            vec![
                (s("4.1.0"), Confidence::OpenRange),
                (s("4.1.1"), Confidence::Exact)
            ]
        );
        // the same shape in a vulnerability record is taken literally
        let vuln = adv("GHSA-t4", Kind::Vulnerability, merged, &[]);
        assert_eq!(
            hits(&vuln, &["4.1.0"]),
            vec![(s("4.1.0"), Confidence::Exact)]
        );
        // a withdrawn record matches nothing
        let mut gone = adv(
            "MAL-t5",
            Kind::Malicious,
            vec![vec![Introduced(s("0"))]],
            &[],
        );
        gone.withdrawn = Some("2025-02-01T00:00:00.000000000Z".into());
        assert!(hits(&gone, &["1.0.0"]).is_empty());
    }

    #[test]
    fn alias_groups_merge_transitively() {
        let mut a = adv(
            "GHSA-a",
            Kind::Vulnerability,
            vec![vec![Introduced(s("0"))]],
            &[],
        );
        a.aliases = vec![s("CVE-1")];
        let mut b = adv(
            "CVE-1",
            Kind::Vulnerability,
            vec![vec![Introduced(s("0"))]],
            &[],
        );
        b.aliases = vec![s("OSV-9")];
        let mut c = adv(
            "OSV-9",
            Kind::Vulnerability,
            vec![vec![Introduced(s("0"))]],
            &[],
        );
        c.aliases = vec![];
        let d = adv(
            "GHSA-other",
            Kind::Vulnerability,
            vec![vec![Introduced(s("0"))]],
            &[],
        );
        let inv = Inventory {
            kind: LockfileKind::PackageLock,
            lockfile_version: "3".into(),
            importers: vec![],
            packages: vec![Package::new("pkg", "1.0.0", SourceKind::Registry)],
        };
        let m = match_advisories(&inv, &[c, d, b, a]);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].id, "GHSA-a");
        assert_eq!(m[0].ids, vec![s("GHSA-a"), s("CVE-1"), s("OSV-9")]);
        assert_eq!(m[1].id, "GHSA-other");
    }
}
