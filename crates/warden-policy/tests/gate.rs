//! Table tests for the gate: every decision and every reason, with the policy, audits and
//! evidence spelled out per case.

use jiff::Timestamp;
use warden_policy::audits::{AuditsFile, ImportsLock};
use warden_policy::config::Config;
use warden_policy::evidence::*;
use warden_policy::gate::{Decision, Store, gate};
use warden_policy::severity::{Action, Severity};

const NOW: &str = "2025-09-09T12:00:00Z";
const A: &str = "sha512-AAAA";
const B: &str = "sha512-BBBB";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

struct Case {
    config: &'static str,
    audits: &'static str,
    imports: &'static str,
}

impl Case {
    fn new(config: &'static str, audits: &'static str) -> Self {
        Self {
            config,
            audits,
            imports: "",
        }
    }

    fn judge(&self, ev: &Evidence) -> warden_policy::gate::Verdict {
        let config = Config::parse("config.toml", self.config).unwrap();
        let audits = AuditsFile::parse("audits.toml", self.audits).unwrap();
        let imports = ImportsLock::parse("imports.lock", self.imports).unwrap();
        let store = Store::new(&config, &audits, &imports);
        gate(&store, ev, now())
    }
}

fn clean(name: &str, version: &str) -> Evidence {
    let mut e = Evidence::new(name, version);
    e.integrity = Some(A.into());
    e.published = Some("2025-01-01T00:00:00Z".parse().unwrap());
    e.scan = Some(ScanFacts {
        verdict: ScanVerdict::Ok,
        findings: vec![],
        capabilities_gained: vec![],
    });
    e.signature = SignatureFact::Verified;
    e
}

fn malicious_scan() -> ScanFacts {
    ScanFacts {
        verdict: ScanVerdict::Malicious,
        findings: vec![Finding {
            rule: "wallet-hook".into(),
            severity: Severity::Critical,
            message: "hooks window.ethereum".into(),
            location: Some("index.js:1:28340".into()),
        }],
        capabilities_gained: vec!["wallet-access".into()],
    }
}

const EXEMPT_CHALK: &str = r#"
[[exemptions.chalk]]
version = "5.6.0"
integrity = "sha512-AAAA"
criteria = "safe-to-deploy"
"#;

fn rules(v: &warden_policy::gate::Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.rule.as_str()).collect()
}

#[test]
fn exemption_allows() {
    let v = Case::new(EXEMPT_CHALK, "").judge(&clean("chalk", "5.6.0"));
    assert_eq!(v.decision, Decision::Allow, "{v:?}");
    assert!(matches!(
        v.vetted,
        Some(warden_policy::vet::Vetted::Exemption { .. })
    ));
}

#[test]
fn full_audit_allows_and_dev_criteria_apply_to_dev() {
    let audits = r#"
[[audits.debug]]
criteria = "safe-to-run"
version = "4.4.1"
"#;
    let mut ev = clean("debug", "4.4.1");
    let v = Case::new("", audits).judge(&ev);
    assert_eq!(
        v.decision,
        Decision::Review,
        "safe-to-run is not enough for prod"
    );
    ev.dev = true;
    let v = Case::new("", audits).judge(&ev);
    assert_eq!(v.decision, Decision::Allow, "{v:?}");
}

#[test]
fn delta_chain_allows_even_when_too_new() {
    let audits = r#"
[[audits.chalk]]
criteria = "safe-to-deploy"
delta = "5.6.0 -> 5.6.2"
integrity = "sha512-AAAA"
"#;
    let mut ev = clean("chalk", "5.6.2");
    ev.published = Some("2025-09-09T00:00:00Z".parse().unwrap());
    let v = Case::new(EXEMPT_CHALK, audits).judge(&ev);
    assert_eq!(v.decision, Decision::Allow, "{v:?}");
}

#[test]
fn too_new_is_quarantined_until_old_enough() {
    let mut ev = clean("chalk", "5.6.2");
    ev.published = Some("2025-09-08T13:00:00Z".parse().unwrap());
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    let until: Timestamp = "2025-09-15T13:00:00Z".parse().unwrap();
    assert_eq!(v.decision, Decision::Quarantine(until), "{v:?}");
    assert!(rules(&v).contains(&"too-new"));
    assert_eq!(
        v.suggestion.as_deref(),
        Some("warden certify chalk 5.6.2 --from 5.6.0 --criteria safe-to-deploy")
    );
}

#[test]
fn min_release_age_is_configurable() {
    let mut ev = clean("chalk", "5.6.2");
    ev.published = Some("2025-09-08T13:00:00Z".parse().unwrap());
    let v = Case::new("[policy]\nmin-release-age = \"12h\"\n", "").judge(&ev);
    assert_eq!(v.decision, Decision::Review, "{v:?}");
}

#[test]
fn unvetted_clean_package_needs_review_with_cheapest_audit() {
    let v = Case::new(EXEMPT_CHALK, "").judge(&clean("chalk", "5.7.0"));
    assert_eq!(v.decision, Decision::Review);
    assert!(rules(&v).contains(&"not-vetted"));
    assert_eq!(
        v.suggestion.as_deref(),
        Some("warden certify chalk 5.7.0 --from 5.6.0 --criteria safe-to-deploy")
    );
    let v = Case::new("", "").judge(&clean("left-pad", "1.3.0"));
    assert_eq!(
        v.suggestion.as_deref(),
        Some("warden certify left-pad 1.3.0 --criteria safe-to-deploy"),
        "nothing vetted: a full audit"
    );
}

#[test]
fn scanner_malicious_denies_unless_a_person_audited_it() {
    let mut ev = clean("chalk", "5.6.1");
    ev.scan = Some(malicious_scan());
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny, "{v:?}");
    let wallet = v.reasons.iter().find(|r| r.rule == "wallet-hook").unwrap();
    assert_eq!(wallet.action, Action::Deny);
    assert_eq!(wallet.location.as_deref(), Some("index.js:1:28340"));
    assert!(
        v.suggestion
            .as_deref()
            .unwrap()
            .starts_with("if you have reviewed it, run: warden certify chalk 5.6.1 --from 5.6.0")
    );
    let audited = "[[audits.chalk]]\ncriteria = \"safe-to-deploy\"\nversion = \"5.6.1\"\n";
    let v = Case::new(EXEMPT_CHALK, audited).judge(&ev);
    assert_eq!(v.decision, Decision::Allow);
    assert!(v.reasons.iter().all(|r| r.action <= Action::Warn), "{v:?}");
}

#[test]
fn an_exemption_does_not_outweigh_the_scanner() {
    let mut ev = clean("chalk", "5.6.0");
    ev.scan = Some(malicious_scan());
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
}

#[test]
fn malicious_advisory_denies_even_an_audited_version() {
    let mut ev = clean("chalk", "5.6.0");
    ev.advisories.push(AdvisoryFact {
        id: "MAL-2025-46969".into(),
        aliases: vec![],
        malicious: true,
        severity: None,
        summary: "malicious code in chalk".into(),
        fixed: None,
    });
    let audited = "[[audits.chalk]]\ncriteria = \"safe-to-deploy\"\nversion = \"5.6.0\"\n";
    let v = Case::new(EXEMPT_CHALK, audited).judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    assert_eq!(rules(&v)[0], "malicious-advisory");
}

#[test]
fn vulnerabilities_need_review_but_do_not_block_vetted_versions() {
    let mut ev = clean("chalk", "5.6.0");
    ev.advisories.push(AdvisoryFact {
        id: "GHSA-xxxx".into(),
        aliases: vec!["CVE-2099-0001".into()],
        malicious: false,
        severity: Some(Severity::High),
        summary: "ReDoS".into(),
        fixed: Some("5.6.3".into()),
    });
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Allow);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rule == "vulnerability")
        .unwrap();
    assert_eq!(r.action, Action::Warn);
    assert!(r.message.contains("CVE-2099-0001") && r.message.contains("fixed in 5.6.3"));
    let mut ev2 = ev.clone();
    ev2.version = "5.7.0".into();
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev2);
    assert_eq!(v.decision, Decision::Review);
}

#[test]
fn invalid_signature_and_provenance_deny() {
    let audited = "[[audits.chalk]]\ncriteria = \"safe-to-deploy\"\nversion = \"5.6.0\"\n";
    let mut ev = clean("chalk", "5.6.0");
    ev.signature = SignatureFact::Invalid("signature does not match key SHA256:abc".into());
    let v = Case::new("", audited).judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    assert_eq!(rules(&v), vec!["signature-invalid"]);
    let mut ev = clean("chalk", "5.6.0");
    ev.provenance = ProvenanceFact::Invalid("subject digest mismatch".into());
    let v = Case::new("", audited).judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    assert_eq!(rules(&v), vec!["provenance-invalid"]);
}

#[test]
fn integrity_changed_from_what_was_vetted_denies() {
    let mut ev = clean("chalk", "5.6.0");
    ev.integrity = Some(B.into());
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    let r = &v.reasons[0];
    assert_eq!(r.rule, "integrity-changed");
    assert!(
        r.message.contains(A) && r.message.contains(B),
        "{}",
        r.message
    );
}

#[test]
fn install_scripts_follow_the_policy_and_allowlist() {
    let mut ev = clean("esbuild", "0.25.0");
    ev.install_scripts = vec![("postinstall".into(), "node install.js".into())];
    let strict = "[policy]\ninstall-scripts = \"allowlist\"\n";
    let v = Case::new(strict, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    assert!(rules(&v).contains(&"install-script"));
    let listed =
        "[policy]\ninstall-scripts = \"allowlist\"\ninstall-script-allowlist = [\"esbuild\"]\n";
    let v = Case::new(listed, "").judge(&ev);
    assert_eq!(
        v.decision,
        Decision::Review,
        "allowed scripts; still not vetted"
    );
    let lax = "[policy]\ninstall-scripts = \"allow\"\n";
    let v = Case::new(lax, "").judge(&ev);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rule == "install-script")
        .unwrap();
    assert_eq!(r.action, Action::Warn);
}

#[test]
fn provenance_identity_change_denies_by_default() {
    let mut ev = clean("chalk", "5.6.3");
    ev.provenance = ProvenanceFact::IdentityChange {
        expected: "github.example/chalk/chalk .github/workflows/release.yml".into(),
        found: "github.example/attacker/chalk .github/workflows/x.yml".into(),
    };
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
    let relaxed = "[policy.rules]\nprovenance-identity-change = \"review\"\n";
    let v = Case::new(relaxed, "").judge(&ev);
    assert_eq!(v.decision, Decision::Review);
}

#[test]
fn verified_provenance_is_shown_as_evidence_and_never_denies() {
    let mut ev = clean("chalk", "5.6.0");
    ev.provenance = ProvenanceFact::Verified {
        repository: "https://github.example/chalk/chalk".into(),
        workflow: ".github/workflows/release.yml".into(),
    };
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Allow);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rule == "provenance-verified")
        .unwrap();
    assert_eq!(r.action, Action::Warn);
    assert!(
        r.message.contains("github.example/chalk/chalk"),
        "{}",
        r.message
    );
    // Without provenance there is no such evidence.
    let v = Case::new(EXEMPT_CHALK, "").judge(&clean("chalk", "5.6.0"));
    assert!(!rules(&v).contains(&"provenance-verified"));
}

#[test]
fn provenance_gap_needs_review_and_can_be_made_to_deny() {
    let mut ev = clean("chalk", "5.6.1");
    ev.provenance = ProvenanceFact::Gap;
    ev.metadata.push(Finding {
        rule: "provenance-gap".into(),
        severity: Severity::High,
        message: "no provenance, but earlier versions had it (5.6.0)".into(),
        location: None,
    });
    let v = Case::new(EXEMPT_CHALK, "").judge(&ev);
    assert_eq!(v.decision, Decision::Review);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rule == "provenance-gap")
        .unwrap();
    assert_eq!(r.action, Action::Review);
    let strict = "[policy.rules]\nprovenance-gap = \"deny\"\n";
    let v = Case::new(strict, "").judge(&ev);
    assert_eq!(v.decision, Decision::Deny);
}

#[test]
fn metadata_rules_follow_overrides_and_trusted_scopes() {
    let mut ev = clean("@acme/lib", "1.0.1");
    ev.metadata.push(Finding {
        rule: "new-publisher".into(),
        severity: Severity::High,
        message: "published by mallory".into(),
        location: None,
    });
    let v = Case::new("", "").judge(&ev);
    assert_eq!(v.decision, Decision::Review);
    assert_eq!(
        v.reasons
            .iter()
            .find(|r| r.rule == "new-publisher")
            .unwrap()
            .action,
        Action::Review
    );
    let deny = "[policy.rules]\nnew-publisher = \"deny\"\n";
    assert_eq!(Case::new(deny, "").judge(&ev).decision, Decision::Deny);
    let off = "[policy.rules]\nnew-publisher = \"off\"\n";
    assert!(!rules(&Case::new(off, "").judge(&ev)).contains(&"new-publisher"));
    let trusted =
        "[policy]\ntrusted-scopes = [\"@acme\"]\n[policy.rules]\nnew-publisher = \"deny\"\n";
    assert_eq!(Case::new(trusted, "").judge(&ev).decision, Decision::Review);
}

#[test]
fn what_cannot_be_gathered_is_not_allowed() {
    let mut ev = clean("chalk", "5.7.0");
    ev.scan = None;
    ev.gaps.push("tarball: connection refused".into());
    let v = Case::new("", "").judge(&ev);
    assert_eq!(v.decision, Decision::Review);
    let r = v
        .reasons
        .iter()
        .find(|r| r.rule == "evidence-missing")
        .unwrap();
    assert!(r.message.contains("connection refused"));
    let mut ev = clean("chalk", "5.7.0");
    ev.scan = None;
    let v = Case::new("", "").judge(&ev);
    assert!(
        rules(&v).contains(&"evidence-missing"),
        "unscanned is a gap too"
    );
}

#[test]
fn min_score_applies_to_new_dependencies_only() {
    let mut ev = clean("tiny", "1.0.0");
    ev.score = Some(3.0);
    let policy = "[policy]\nmin-score = 5\n";
    let exempt = "[policy]\nmin-score = 5\n[[exemptions.tiny]]\nversion = \"1.0.0\"\ncriteria = \"safe-to-deploy\"\n";
    assert!(!rules(&Case::new(policy, "").judge(&ev)).contains(&"min-score"));
    ev.is_new = true;
    assert!(rules(&Case::new(policy, "").judge(&ev)).contains(&"min-score"));
    assert_eq!(Case::new(exempt, "").judge(&ev).decision, Decision::Allow);
}

#[test]
fn imported_audits_count() {
    let case = Case {
        config: "",
        audits: "",
        imports: r#"
[imports.acme]
url = "https://audits.example/acme.toml"
digest = "sha256-00"
[[imports.acme.audits.left-pad]]
criteria = "safe-to-deploy"
version = "1.3.0"
"#,
    };
    let v = case.judge(&clean("left-pad", "1.3.0"));
    assert_eq!(v.decision, Decision::Allow);
    assert!(matches!(
        v.vetted,
        Some(warden_policy::vet::Vetted::Audit { origin: warden_policy::vet::Origin::Imported(ref n), .. }) if n == "acme"
    ));
}
