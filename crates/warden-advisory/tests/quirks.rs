//! Every quirk of the real OSV records (../shared/corpus/osv/README.md), each on the real record
//! copied under tests/fixtures/, through import and matching.

mod common;

use common::{inventory, store};
use warden_advisory::{Confidence, Kind, Match, Severity, matches_for};

fn matches(pkgs: &[(&str, &str)]) -> Vec<Match> {
    matches_for(&inventory(pkgs), &store()).expect("matching works")
}

fn only(pkgs: &[(&str, &str)]) -> Match {
    let m = matches(pkgs);
    assert_eq!(m.len(), 1, "expected one finding for {pkgs:?}, got {m:#?}");
    m.into_iter().next().expect("one finding")
}

fn none(pkgs: &[(&str, &str)]) {
    let m = matches(pkgs);
    assert!(m.is_empty(), "expected no finding for {pkgs:?}, got {m:#?}");
}

#[test]
fn september_2025_versions_lists_match_exactly() {
    for (name, version, id) in [
        ("chalk", "5.6.1", "MAL-2025-46969"),
        ("debug", "4.4.2", "MAL-2025-46974"),
        ("ansi-styles", "6.2.2", "MAL-2025-46967"),
    ] {
        let m = only(&[(name, version)]);
        assert_eq!(m.id, id);
        assert_eq!(m.kind, Kind::Malicious);
        assert_eq!(m.severity, Some(Severity::Malicious));
        assert_eq!(m.confidence, Confidence::Exact);
        assert!(!m.aliases.is_empty(), "{id} carries its GHSA alias");
    }
    // the versions just before and after are clean
    none(&[
        ("chalk", "5.6.0"),
        ("chalk", "5.6.2"),
        ("debug", "4.4.1"),
        ("debug", "4.4.3"),
    ]);
}

#[test]
fn semver_in_mal_records_and_ecosystem_in_ghsa_records_mean_the_same() {
    // chalk-template: SEMVER [>=1.1.1 <1.1.2] plus versions [1.1.1]
    assert_eq!(only(&[("chalk-template", "1.1.1")]).id, "MAL-2025-46970");
    none(&[("chalk-template", "1.1.2"), ("chalk-template", "1.1.0")]);
    // minimist: ECOSYSTEM [>=1.0.0 <1.2.6] and [>=0 <0.2.4]
    assert_eq!(only(&[("minimist", "1.2.5")]).id, "GHSA-xvch-5gv4-984h");
    assert_eq!(only(&[("minimist", "0.2.3")]).id, "GHSA-xvch-5gv4-984h");
    none(&[
        ("minimist", "1.2.6"),
        ("minimist", "0.2.4"),
        ("minimist", "0.9.0"),
    ]);
}

#[test]
fn versions_list_and_ranges_are_a_union() {
    // ngx-bootstrap: 18.1.4 is only in `versions`, 19.0.3 and 20.0.5 are in the ranges
    for v in ["18.1.4", "19.0.3", "19.0.4", "20.0.3", "20.0.5", "20.0.6"] {
        assert_eq!(only(&[("ngx-bootstrap", v)]).id, "MAL-2025-47197", "{v}");
    }
}

#[test]
fn out_of_order_events_with_several_intervals() {
    // ngx-bootstrap's one range: introduced 20.0.3, last_affected 20.0.6, introduced 19.0.3,
    // last_affected 19.0.4. Between and around the intervals nothing is affected.
    none(&[
        ("ngx-bootstrap", "19.0.2"),
        ("ngx-bootstrap", "19.0.5"),
        ("ngx-bootstrap", "20.0.0"),
        ("ngx-bootstrap", "20.0.7"),
        ("ngx-bootstrap", "18.1.3"),
    ]);
}

#[test]
fn last_affected_and_fixed_are_both_upper_bounds() {
    // last_affected is inclusive: @ctrl/tinycolor 4.1.2 is affected exactly, 4.1.3 is not exact
    assert_eq!(
        only(&[("@ctrl/tinycolor", "4.1.2")]).confidence,
        Confidence::Exact
    );
    assert_eq!(
        only(&[("@ctrl/tinycolor", "4.1.3")]).confidence,
        Confidence::OpenRange
    );
    // fixed is exclusive: lodash <4.17.20 (GHSA) and <4.17.19 (the synthetic CVE)
    let m = only(&[("lodash", "4.17.19")]);
    assert_eq!(m.id, "GHSA-p6mc-m468-83gw");
    assert_eq!(m.fixed.as_deref(), Some("4.17.20"));
    none(&[("lodash", "4.17.20"), ("lodash", "4.17.21")]);
}

#[test]
fn schema_versions_1_3_to_1_7_all_import_and_match() {
    // new-pro-anu is schema 1.3.0 (versions only), nx is 1.7.4
    assert_eq!(only(&[("new-pro-anu", "1.2.8")]).id, "MAL-2024-4");
    none(&[("new-pro-anu", "1.2.7")]);
    let nx = only(&[("nx", "21.5.0")]);
    assert_eq!(nx.id, "MAL-2025-41443");
    none(&[("nx", "21.4.1")]);
}

#[test]
fn withdrawn_records_keep_their_data_but_never_match() {
    // account-statement 35.0.0 and add-two 2.0.1 are listed by withdrawn MAL records
    none(&[("account-statement", "35.0.0"), ("add-two", "2.0.1")]);
    let s = store();
    let status = s.status().expect("status");
    assert_eq!(status.withdrawn, 2);
    let kept = s
        .get("MAL-2024-1723")
        .expect("get works")
        .expect("withdrawn record is kept");
    assert!(kept.withdrawn.is_some());
    assert_eq!(kept.affected[0].versions, vec!["35.0.0".to_string()]);
}

#[test]
fn tinycolor_open_range_beside_the_real_range_is_low_confidence() {
    // @ctrl/tinycolor: SEMVER [>=0] (the first import) and [>=4.1.1 <=4.1.2] (the real range).
    for v in ["4.1.1", "4.1.2"] {
        let m = only(&[("@ctrl/tinycolor", v)]);
        assert_eq!(m.confidence, Confidence::Exact, "{v}");
        assert_eq!(m.severity, Some(Severity::Malicious));
    }
    // Every other version of the legitimate library is reported, but apart: open-range.
    for v in ["3.4.0", "4.0.0", "4.1.0", "4.2.0"] {
        let m = only(&[("@ctrl/tinycolor", v)]);
        assert_eq!(m.confidence, Confidence::OpenRange, "{v}");
        assert_eq!(m.kind, Kind::Malicious);
    }
    // Same record shape for ngx-toastr
    assert_eq!(
        only(&[("ngx-toastr", "19.0.2")]).confidence,
        Confidence::Exact
    );
    assert_eq!(
        only(&[("ngx-toastr", "19.0.0")]).confidence,
        Confidence::OpenRange
    );
}

#[test]
fn open_range_without_an_upper_bounded_range_still_matches_every_version() {
    // a typosquat: SEMVER [>=0] only
    assert_eq!(
        only(&[("fixed-sidebar-modal", "9.9.9")]).confidence,
        Confidence::Exact
    );
    // [>=0] plus a versions list: the list records what was seen, it does not clear the rest
    assert_eq!(
        only(&[("ionic-icon", "4.7.0")]).confidence,
        Confidence::Exact
    );
    assert_eq!(
        only(&[("ionic-icon", "1.0.0")]).confidence,
        Confidence::Exact
    );
    // [>=0] plus [>=99.9.1] (dependency confusion): still open above, every version exact
    assert_eq!(
        only(&[("@act-platform/app-sdk", "1.0.0")]).confidence,
        Confidence::Exact
    );
}

#[test]
fn aliases_merge_into_one_finding() {
    // GHSA-p6mc-m468-83gw aliases CVE-2020-8203; the synthetic CVE record aliases the GHSA back.
    let m = only(&[("lodash", "4.17.15")]);
    assert_eq!(m.id, "GHSA-p6mc-m468-83gw");
    assert_eq!(
        m.ids,
        vec![
            "GHSA-p6mc-m468-83gw".to_string(),
            "CVE-2020-8203".to_string()
        ]
    );
    assert!(
        m.aliases.is_empty(),
        "both aliases are records here: {:?}",
        m.aliases
    );
    // the nearest version that neither record affects
    assert_eq!(m.fixed.as_deref(), Some("4.17.20"));
    // severity: the highest computed over both records (v3.1 7.4 high, v4.0 8.7 high)
    assert_eq!(m.severity, Some(Severity::High));
    assert_eq!(m.score, Some(8.7));
    assert_eq!(m.cvss.len(), 2);
}

#[test]
fn one_record_for_two_packages_and_one_entry_per_range() {
    // GHSA-p6mc-m468-83gw names lodash and lodash-es
    assert_eq!(only(&[("lodash-es", "4.17.15")]).id, "GHSA-p6mc-m468-83gw");
    // qs: one `affected` entry per range, merged per package
    assert_eq!(only(&[("qs", "6.9.6")]).id, "GHSA-hrpp-h998-j3pp");
    none(&[("qs", "6.9.7")]);
}

#[test]
fn non_semver_bound_in_a_ghsa_record() {
    // node-fetch: ECOSYSTEM [>=1.0 <3.1.1] (a two-part "1.0") and [>=0 <2.6.7]
    let m = only(&[("node-fetch", "2.6.1")]);
    assert_eq!(m.id, "GHSA-r683-j2x4-v87g");
    // 2.6.7 fixes the second range but is inside the first, so the nearest clean version is 3.1.1
    assert_eq!(m.fixed.as_deref(), Some("3.1.1"));
    assert_eq!(m.severity, Some(Severity::High));
    assert_eq!(m.score, Some(8.8));
    none(&[("node-fetch", "3.1.1")]);
}

#[test]
fn prerelease_bounds_in_a_ghsa_record() {
    // express: [>=0 <4.19.2] and [>=5.0.0-alpha.1 <5.0.0-beta.3]
    assert_eq!(
        only(&[("express", "5.0.0-beta.1")]).id,
        "GHSA-rv95-896h-c2vc"
    );
    assert_eq!(
        only(&[("express", "4.19.2-rc.1")]).id,
        "GHSA-rv95-896h-c2vc"
    );
    none(&[
        ("express", "5.0.0-beta.3"),
        ("express", "5.0.0"),
        ("express", "4.19.2"),
    ]);
}

#[test]
fn severity_label_is_kept_and_cvss_is_computed() {
    let s = store();
    let adv = s.get("GHSA-p6mc-m468-83gw").expect("get").expect("stored");
    assert_eq!(adv.label, Some(Severity::High));
    assert_eq!(adv.cvss[0].score, 7.4);
}

#[test]
fn only_registry_packages_are_matched() {
    let mut inv = inventory(&[("chalk", "5.6.1")]);
    inv.packages[0].source = warden_lockfile::SourceKind::Git;
    assert!(matches_for(&inv, &store()).expect("matching").is_empty());
}

#[test]
fn github_malware_advisories_are_malicious_too() {
    // synthetic: a GHSA with cwe_ids [CWE-506] and no MAL record
    let m = only(&[("left-pad-typo", "1.0.0")]);
    assert_eq!(m.id, "GHSA-mal-ware-test");
    assert_eq!(m.kind, Kind::Malicious);
    assert_eq!(m.severity, Some(Severity::Malicious));
    // an ordinary GHSA (CWE-1321) is not
    assert_eq!(only(&[("lodash", "4.17.15")]).kind, Kind::Vulnerability);
}
