use super::{Ctx, MetaRule};
use crate::evidence::ProvenanceFact;
use crate::severity::Severity;

/// Positive evidence: the version's provenance verified and names its publisher.
pub static RULE: MetaRule = MetaRule {
    id: "provenance-verified",
    severity: Severity::Info,
    title: "provenance verified",
    description: "The version's SLSA provenance and npm publish attestation verify offline against the Sigstore trusted root, their subject is this tarball, and the publisher identity (repository and workflow) is the pinned or previously seen one. Shown in reports as evidence; it never denies.",
    incident: "a CI publish with provenance is what a stolen npm token cannot reproduce (chalk and debug, September 2025, were published by hand without it)",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    describe(ctx.provenance?)
}

/// The finding for a provenance fact, when it is this rule's.
pub fn describe(fact: &ProvenanceFact) -> Option<String> {
    match fact {
        ProvenanceFact::Verified {
            repository,
            workflow,
        } => Some(format!(
            "provenance verified: published from {repository} by {workflow}"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;
    use crate::evidence::ProvenanceFact;

    #[test]
    fn flags_verified_provenance_as_evidence() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        let fact = ProvenanceFact::Verified {
            repository: "https://github.com/a/b".into(),
            workflow: ".github/workflows/release.yml".into(),
        };
        let m = run_with(&RULE, &h, "1.0.0", &fact).unwrap();
        assert!(
            m.contains("https://github.com/a/b") && m.contains("release.yml"),
            "{m}"
        );
    }

    #[test]
    fn passes_anything_not_verified() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        for fact in [
            ProvenanceFact::Invalid("x".into()),
            ProvenanceFact::Gap,
            ProvenanceFact::Absent,
            ProvenanceFact::IdentityChange {
                expected: "a".into(),
                found: "b".into(),
            },
        ] {
            assert!(run_with(&RULE, &h, "1.0.0", &fact).is_none(), "{fact:?}");
        }
    }
}
