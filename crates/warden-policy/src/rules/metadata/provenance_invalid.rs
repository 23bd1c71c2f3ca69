use super::{Ctx, MetaRule};
use crate::evidence::ProvenanceFact;
use crate::severity::Severity;

/// The attestations do not verify. A hard denial at the gate: no audit outweighs it.
pub static RULE: MetaRule = MetaRule {
    id: "provenance-invalid",
    severity: Severity::Critical,
    title: "provenance does not verify",
    description: "The version's Sigstore attestations fail a check (certificate chain, transparency-log entry, DSSE signature, or a subject digest other than the tarball's), or the registry lists attestations it does not serve. Provenance that cannot be verified is not trusted, and a forged or mismatched bundle is an attack.",
    incident: "a bundle copied from another package or version claims a provenance the tarball never had; npm checks the subject digest for the same reason (EATTESTATIONSUBJECT)",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    describe(ctx.provenance?)
}

/// The finding for a provenance fact, when it is this rule's.
pub fn describe(fact: &ProvenanceFact) -> Option<String> {
    match fact {
        ProvenanceFact::Invalid(why) => Some(format!("the provenance does not verify: {why}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;
    use crate::evidence::ProvenanceFact;

    #[test]
    fn flags_a_bundle_that_does_not_verify() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        let fact = ProvenanceFact::Invalid("provenance.rekor_set: signature mismatch".into());
        let m = run_with(&RULE, &h, "1.0.0", &fact).unwrap();
        assert!(m.contains("provenance.rekor_set"), "{m}");
    }

    #[test]
    fn passes_verified_absent_and_unknown() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        for fact in [
            ProvenanceFact::Verified {
                repository: "https://github.com/a/b".into(),
                workflow: ".github/workflows/release.yml".into(),
            },
            ProvenanceFact::Absent,
            ProvenanceFact::Unknown,
        ] {
            assert!(run_with(&RULE, &h, "1.0.0", &fact).is_none(), "{fact:?}");
        }
        assert!(run(&RULE, &h, "1.0.0", "2025-02-01T00:00:00Z").is_none());
    }
}
