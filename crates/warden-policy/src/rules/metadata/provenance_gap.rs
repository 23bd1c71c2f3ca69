use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// Earlier versions carried provenance; this one does not.
pub static RULE: MetaRule = MetaRule {
    id: "provenance-gap",
    severity: Severity::High,
    title: "provenance disappeared",
    description: "Recent earlier versions were published from CI with Sigstore provenance, this one was not. A hand publish with a stolen token cannot produce the CI's provenance.",
    incident: "September 2025: chalk 5.6.1 and debug 4.4.2 were published by hand, without the provenance their releases carried",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    if ctx.target.has_provenance {
        return None;
    }
    let recent: Vec<_> = ctx.earlier.iter().rev().take(5).collect();
    let with: Vec<&str> = recent
        .iter()
        .filter(|v| v.has_provenance)
        .map(|v| v.version.as_str())
        .collect();
    (!with.is_empty()).then(|| {
        format!(
            "no provenance, but earlier versions had it ({})",
            with.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_a_missing_attestation() {
        let mut a = v("5.6.0", "2025-08-01T00:00:00Z");
        a.has_provenance = true;
        let h = history(vec![a, v("5.6.1", "2025-09-08T13:00:00Z")]);
        assert!(run(&RULE, &h, "5.6.1", "2025-09-09T00:00:00Z").is_some());
    }

    #[test]
    fn passes_when_nothing_had_provenance_or_this_one_has() {
        let h = history(vec![
            v("1.0.0", "2025-01-01T00:00:00Z"),
            v("1.1.0", "2025-02-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").is_none());
        let mut a = v("1.0.0", "2025-01-01T00:00:00Z");
        a.has_provenance = true;
        let mut b = v("1.1.0", "2025-02-01T00:00:00Z");
        b.has_provenance = true;
        let h = history(vec![a, b]);
        assert!(run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").is_none());
    }
}
