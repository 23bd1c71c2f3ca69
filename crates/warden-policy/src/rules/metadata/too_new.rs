use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// A version younger than the policy's min-release-age. Most hijacked versions are found and
/// unpublished within hours (the September 2025 chalk/debug versions lasted about two hours), so
/// waiting a few days before adopting a release is the cheapest defence there is.
pub static RULE: MetaRule = MetaRule {
    id: "too-new",
    severity: Severity::Medium,
    title: "published less than min-release-age ago",
    description: "The version was published more recently than the policy's min-release-age. Unless a person audited it, it is quarantined until it is old enough.",
    incident: "September 2025 chalk/debug compromise: the malicious versions were live for about two hours",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let published = ctx.target.published?;
    let until = published.checked_add(ctx.min_release_age).ok()?;
    (until > ctx.now).then(|| format!("published {published}, quarantined until {until}"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_a_fresh_release() {
        let h = history(vec![v("1.0.0", "2025-09-08T13:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-09-09T00:00:00Z").is_some());
    }

    #[test]
    fn passes_an_old_release() {
        let h = history(vec![v("1.0.0", "2025-08-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-09-09T00:00:00Z").is_none());
    }
}
