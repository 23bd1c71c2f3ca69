//! Provenance evidence for one version: verify its attestations (through the results cache),
//! and compare the identity with the publisher it should have: the `[trusted-publishers.NAME]`
//! pin, else the identity recorded for the vetted version, else that version's own provenance.

use super::Gatherer;
use serde::Serialize;
use std::collections::BTreeMap;
use warden_policy::config::{Config, TrustedPublisher};
use warden_policy::evidence::{Evidence, Finding, ProvenanceFact, SignatureFact};
use warden_policy::rules::metadata::provenance_identity_change::{
    matches, normalize_workflow, show,
};
use warden_policy::severity::Severity;
use warden_provenance::Identity;
use warden_registry::{Error, Packument, ProvenanceVerifier};

/// Counts for the report section shared by registry signatures and provenance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TrustSummary {
    pub signatures: SignatureCounts,
    pub provenance: ProvenanceCounts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SignatureCounts {
    pub verified: usize,
    pub missing: usize,
    pub invalid: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProvenanceCounts {
    pub verified: usize,
    pub gap: usize,
    pub identity_change: usize,
    pub invalid: usize,
}

impl TrustSummary {
    pub fn count(&mut self, signature: &SignatureFact, provenance: &ProvenanceFact) {
        match signature {
            SignatureFact::Verified => self.signatures.verified += 1,
            SignatureFact::Missing => self.signatures.missing += 1,
            SignatureFact::Invalid(_) => self.signatures.invalid += 1,
            SignatureFact::Unknown => {}
        }
        match provenance {
            ProvenanceFact::Verified { .. } => self.provenance.verified += 1,
            ProvenanceFact::Gap => self.provenance.gap += 1,
            ProvenanceFact::IdentityChange { .. } => self.provenance.identity_change += 1,
            ProvenanceFact::Invalid(_) => self.provenance.invalid += 1,
            ProvenanceFact::Absent | ProvenanceFact::Unknown => {}
        }
    }

    /// `signatures: 3 verified / 1 missing / 0 invalid; provenance: …`
    pub fn line(&self) -> String {
        let s = &self.signatures;
        let p = &self.provenance;
        format!(
            "signatures: {} verified / {} missing / {} invalid; provenance: {} verified / {} gap / {} identity change / {} invalid",
            s.verified, s.missing, s.invalid, p.verified, p.gap, p.identity_change, p.invalid
        )
    }
}

/// The workflow an identity names: the workflow path, else the build configuration.
pub fn workflow_of(id: &Identity) -> &str {
    if id.workflow_path.is_empty() {
        &id.build_config
    } else {
        &id.workflow_path
    }
}

/// The identity as a `[trusted-publishers.NAME]` entry (no ref patterns).
pub fn publisher_of(id: &Identity) -> TrustedPublisher {
    TrustedPublisher {
        repository: id.source_repository.clone(),
        workflow: normalize_workflow(workflow_of(id)),
        refs: Vec::new(),
    }
}

/// The integrity to check the attested subject against: the lockfile's sha512, else the
/// registry's.
fn sha512_integrity(lockfile: Option<&str>, registry: Option<&str>) -> Option<String> {
    lockfile
        .filter(|i| i.contains("sha512-"))
        .or(registry.filter(|i| i.contains("sha512-")))
        .map(str::to_string)
}

/// Where provenance is judged: the verifier and the policy's publishers.
pub struct ProvenanceSetup<'a> {
    pub verifier: &'a ProvenanceVerifier,
    pub config: &'a Config,
}

impl Gatherer<'_> {
    /// The provenance fact of `name@version`. `gap` says the metadata rule found earlier
    /// versions with provenance; `base` is the nearest vetted version. Fetch failures other than
    /// a missing document go to `gaps` (review, fail closed).
    /// Sets `ev.provenance`. A version without attestations of a package that
    /// `[trusted-publishers]` pins is a gap even when no earlier version listed any (a publisher
    /// is pinned because its releases carry provenance): the `provenance-gap` finding says so.
    pub(crate) fn judge_provenance(
        &self,
        p: &Packument,
        pkg: &warden_lockfile::Package,
        base: Option<&str>,
        ev: &mut Evidence,
    ) {
        let gap = ev.metadata.iter().any(|f| f.rule == "provenance-gap");
        let pin = self
            .provenance
            .as_ref()
            .and_then(|s| s.config.trusted_publishers.get(&pkg.name));
        let fact = self.provenance_fact(p, pkg, base, gap || pin.is_some(), &mut ev.gaps);
        if fact == ProvenanceFact::Gap
            && !gap
            && let Some(pin) = pin
        {
            ev.metadata.push(Finding {
                rule: "provenance-gap".into(),
                severity: warden_policy::rules::metadata::RULES
                    .iter()
                    .find(|r| r.id == "provenance-gap")
                    .map_or(Severity::High, |r| r.severity),
                message: format!(
                    "no provenance, but [trusted-publishers.\"{}\"] pins {}",
                    pkg.name,
                    show(&pin.repository, &pin.workflow)
                ),
                location: None,
            });
        }
        ev.provenance = fact;
    }

    fn provenance_fact(
        &self,
        p: &Packument,
        pkg: &warden_lockfile::Package,
        base: Option<&str>,
        gap: bool,
        gaps: &mut Vec<String>,
    ) -> ProvenanceFact {
        let (name, version) = (pkg.name.as_str(), pkg.version.as_str());
        let lockfile = pkg.integrity.as_ref().map(|i| i.to_string());
        let lockfile_integrity = lockfile.as_deref();
        let Some(meta) = p.versions.get(version) else {
            return ProvenanceFact::Unknown;
        };
        if meta.dist.attestations.is_none() {
            return if gap {
                ProvenanceFact::Gap
            } else {
                ProvenanceFact::Absent
            };
        }
        let Some(setup) = &self.provenance else {
            return ProvenanceFact::Unknown;
        };
        let Some(integrity) = sha512_integrity(lockfile_integrity, meta.dist.integrity.as_deref())
        else {
            return ProvenanceFact::Invalid(format!(
                "{name}@{version} has attestations but no sha512 integrity to check their subject against"
            ));
        };
        let outcome = match setup
            .verifier
            .check(self.registry, name, version, &integrity)
        {
            Ok(o) => o,
            Err(e @ Error::NotFound { .. }) => {
                return ProvenanceFact::Invalid(format!(
                    "the registry lists attestations for {name}@{version} but serves none: {e}"
                ));
            }
            Err(e) => {
                gaps.push(format!("provenance: {e}"));
                return ProvenanceFact::Unknown;
            }
        };
        if !outcome.verified {
            return ProvenanceFact::Invalid(outcome.failure_summary());
        }
        let Some(id) = &outcome.identity else {
            return ProvenanceFact::Invalid("no provenance bundle names the publisher".into());
        };
        let found_workflow = workflow_of(id);
        let expected = setup
            .config
            .trusted_publishers
            .get(name)
            .cloned()
            .or_else(|| base.and_then(|b| self.vetted_publisher(setup, p, name, b)));
        match expected {
            Some(pin) if !matches(&pin, &id.source_repository, found_workflow, &id.source_ref) => {
                let mut want = show(&pin.repository, &pin.workflow);
                if !pin.refs.is_empty() {
                    want.push_str(&format!(" on {}", pin.refs.join(" or ")));
                }
                let mut found = show(&id.source_repository, found_workflow);
                if !pin.refs.is_empty() {
                    found.push_str(&format!(" on {}", id.source_ref));
                }
                ProvenanceFact::IdentityChange {
                    expected: want,
                    found,
                }
            }
            _ => ProvenanceFact::Verified {
                repository: id.source_repository.clone(),
                workflow: found_workflow.to_string(),
            },
        }
    }

    /// The publisher of the vetted version `base`: recorded on its exemption, else read from
    /// its own verified provenance. `None` when it had none (nothing to compare with).
    fn vetted_publisher(
        &self,
        setup: &ProvenanceSetup<'_>,
        p: &Packument,
        name: &str,
        base: &str,
    ) -> Option<TrustedPublisher> {
        if let Some(recorded) = setup
            .config
            .exemptions
            .get(name)
            .and_then(|list| list.iter().find(|e| e.version == base))
            .and_then(|e| e.publisher.clone())
        {
            return Some(recorded);
        }
        let meta = p.versions.get(base)?;
        meta.dist.attestations.as_ref()?;
        let integrity = sha512_integrity(None, meta.dist.integrity.as_deref())?;
        let outcome = setup
            .verifier
            .check(self.registry, name, base, &integrity)
            .ok()?;
        if !outcome.verified {
            return None;
        }
        outcome.identity.as_ref().map(publisher_of)
    }
}

/// Publishers to record for vetted versions (`warden init`, `warden certify`): name →
/// identity, for every `(name, version, integrity)` whose provenance verifies.
pub fn identities(
    registry: &dyn warden_registry::Registry,
    verifier: &ProvenanceVerifier,
    packages: &[(String, String, Option<String>)],
) -> BTreeMap<(String, String), TrustedPublisher> {
    // Each package is a packument request and maybe an attestations request: a few at a time, so
    // `warden init` on a tree of thousands does not wait for them one after another.
    const WORKERS: usize = 8;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let found = std::sync::Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for _ in 0..WORKERS.min(packages.len()) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((name, version, lockfile)) = packages.get(i) else {
                        break;
                    };
                    if let Some(p) = identity_of(registry, verifier, name, version, lockfile) {
                        found
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .insert((name.clone(), version.clone()), p);
                    }
                }
            });
        }
    });
    found
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The publisher of one version, when it carries provenance that verifies.
fn identity_of(
    registry: &dyn warden_registry::Registry,
    verifier: &ProvenanceVerifier,
    name: &str,
    version: &str,
    lockfile: &Option<String>,
) -> Option<TrustedPublisher> {
    let p = registry.packument(name).ok()?;
    let meta = p.versions.get(version)?;
    meta.dist.attestations.as_ref()?;
    let integrity = sha512_integrity(lockfile.as_deref(), meta.dist.integrity.as_deref())?;
    let o = verifier.check(registry, name, version, &integrity).ok()?;
    if !o.verified {
        return None;
    }
    o.identity.as_ref().map(publisher_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trust_line_counts_each_fact_once() {
        let mut t = TrustSummary::default();
        t.count(&SignatureFact::Verified, &ProvenanceFact::Gap);
        t.count(
            &SignatureFact::Invalid("x".into()),
            &ProvenanceFact::IdentityChange {
                expected: "a".into(),
                found: "b".into(),
            },
        );
        t.count(&SignatureFact::Unknown, &ProvenanceFact::Absent);
        assert_eq!(
            t.line(),
            "signatures: 1 verified / 0 missing / 1 invalid; provenance: 0 verified / 1 gap / 1 identity change / 0 invalid"
        );
    }

    #[test]
    fn the_subject_integrity_prefers_the_lockfile_sha512() {
        assert_eq!(
            sha512_integrity(Some("sha512-AAA"), Some("sha512-BBB")).as_deref(),
            Some("sha512-AAA")
        );
        assert_eq!(
            sha512_integrity(Some("sha1-AAA"), Some("sha512-BBB")).as_deref(),
            Some("sha512-BBB")
        );
        assert_eq!(sha512_integrity(Some("sha1-AAA"), None), None);
    }

    #[test]
    fn a_publisher_keeps_the_workflow_path_of_the_identity() {
        let id = Identity {
            source_repository: "https://github.com/a/b".into(),
            build_config: "https://github.com/a/b/.github/workflows/r.yml@refs/heads/main".into(),
            ..Identity::default()
        };
        let p = publisher_of(&id);
        assert_eq!(p.workflow, ".github/workflows/r.yml");
        assert_eq!(p.repository, "https://github.com/a/b");
    }
}
