//! Property tests: range matching against a brute-force evaluation over every published version
//! of a package (express: 280+ versions, prereleases included). The oracle is node-semver's own
//! range satisfaction (`>=a <b || >=c <=d || >=e`, prereleases included), an implementation
//! independent of warden's sorted-event walk.

mod common;

use nodejs_semver::{Range, Version};
use proptest::prelude::*;
use std::collections::BTreeSet;
use warden_advisory::advisory::{Advisory, AffectedPackage, Kind};
use warden_advisory::match_advisories;
use warden_advisory::range::{Event, SortedRange, parse_version};

fn published() -> Vec<String> {
    let bytes = std::fs::read(common::fixture("express-versions.json")).expect("fixture");
    let mut v: Vec<String> = serde_json::from_slice(&bytes).expect("json list");
    v.sort_by_key(|s| parse_version(s).expect("published versions parse"));
    v
}

/// Intervals over sorted indices: (start, end, end_kind) with end_kind 0 = fixed, 1 =
/// last_affected, 2 = open. `zero` makes the first start `"0"`.
fn build(points: &[usize], kinds: &[u8], zero: bool, versions: &[String]) -> (Vec<Event>, String) {
    let mut events = Vec::new();
    let mut clauses = Vec::new();
    let mut i = 0;
    let mut k = 0;
    while i < points.len() {
        let start = if zero && i == 0 {
            "0".to_string()
        } else {
            versions[points[i]].clone()
        };
        let lo = if start == "0" {
            ">=0.0.0-0".to_string()
        } else {
            format!(">={start}")
        };
        events.push(Event::Introduced(start));
        let kind = kinds.get(k).copied().unwrap_or(2);
        k += 1;
        match (points.get(i + 1), kind) {
            (Some(&end), 0) => {
                events.push(Event::Fixed(versions[end].clone()));
                clauses.push(format!("{lo} <{}", versions[end]));
            }
            (Some(&end), 1) => {
                events.push(Event::LastAffected(versions[end].clone()));
                clauses.push(format!("{lo} <={}", versions[end]));
            }
            _ => {
                clauses.push(lo);
                break;
            }
        }
        i += 2;
    }
    (events, clauses.join(" || "))
}

fn strategy(n: usize) -> impl Strategy<Value = (Vec<usize>, Vec<u8>, bool, Vec<usize>)> {
    (
        prop::collection::btree_set(0..n, 1..8).prop_map(|s| s.into_iter().collect::<Vec<_>>()),
        prop::collection::vec(0u8..3, 0..5),
        any::<bool>(),
        prop::collection::vec(0..n, 0..4),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn sorted_range_agrees_with_node_semver_ranges((points, kinds, zero, _) in strategy(published().len()), seed in any::<u64>()) {
        let versions = published();
        let (mut events, oracle) = build(&points, &kinds, zero, &versions);
        // out-of-order events: rotate and reverse by the seed
        let len = events.len();
        events.rotate_left((seed as usize) % len);
        if seed % 2 == 0 { events.reverse(); }
        let range = SortedRange::new(&events).expect("published versions parse");
        let oracle = Range::parse(&oracle).expect("oracle range parses");
        for v in &versions {
            let parsed: Version = parse_version(v).expect("parses");
            prop_assert_eq!(range.affects(&parsed), parsed.satisfies_with_prerelease(&oracle, true), "version {} events {:?} oracle {}", v, events, oracle);
        }
    }

    #[test]
    fn matcher_affects_the_union_of_ranges_and_versions((points, kinds, zero, listed) in strategy(published().len())) {
        let versions = published();
        let (events, oracle) = build(&points, &kinds, zero, &versions);
        let oracle = Range::parse(&oracle).expect("oracle range parses");
        let listed: Vec<String> = listed.iter().map(|&i| versions[i].clone()).collect();
        let adv = Advisory {
            id: "GHSA-prop-test".into(),
            modified: "2025-01-01T00:00:00.000000000Z".into(),
            published: None,
            withdrawn: None,
            kind: Kind::Vulnerability,
            aliases: vec![],
            summary: String::new(),
            cvss: vec![],
            label: None,
            references: vec![],
            affected: vec![AffectedPackage { name: "express".into(), ranges: vec![events], versions: listed.clone() }],
        };
        let pairs: Vec<(&str, &str)> = versions.iter().map(|v| ("express", v.as_str())).collect();
        let inv = common::inventory(&pairs);
        let hit: BTreeSet<String> = match_advisories(&inv, &[adv]).into_iter().map(|m| m.version).collect();
        let expected: BTreeSet<String> = versions
            .iter()
            .filter(|v| listed.contains(v) || parse_version(v).expect("parses").satisfies_with_prerelease(&oracle, true))
            .cloned()
            .collect();
        prop_assert_eq!(hit, expected);
    }
}
