use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// The account that published this version never published the package before.
pub static RULE: MetaRule = MetaRule {
    id: "new-publisher",
    severity: Severity::High,
    title: "published by an account that never published this package before",
    description: "The version's publisher (`_npmUser`) does not appear among the publishers of any earlier version. A stolen token or a newly added account publishing is how most hijacks look.",
    incident: "ua-parser-js 0.7.29 (2021) and eslint-scope 3.7.2 (2018) were published from hijacked accounts",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let publisher = ctx.target.publisher.as_deref()?;
    let known: Vec<&str> = ctx
        .earlier
        .iter()
        .filter_map(|v| v.publisher.as_deref())
        .collect();
    if known.is_empty() || known.contains(&publisher) {
        return None;
    }
    let mut previous: Vec<&str> = known.clone();
    previous.sort_unstable();
    previous.dedup();
    Some(format!(
        "published by {publisher}; earlier versions by {}",
        previous.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_an_unknown_publisher() {
        let mut bad = v("1.1.0", "2025-02-01T00:00:00Z");
        bad.publisher = Some("mallory".into());
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z"), bad]);
        let m = run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").unwrap();
        assert!(m.contains("mallory") && m.contains("alice"), "{m}");
    }

    #[test]
    fn passes_a_known_publisher_and_a_first_release() {
        let h = history(vec![
            v("1.0.0", "2025-01-01T00:00:00Z"),
            v("1.1.0", "2025-02-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").is_none());
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
    }
}
