use super::{Ctx, MetaRule};
use crate::severity::Severity;
use jiff::SignedDuration;

/// The first release after a year or more of silence.
pub static RULE: MetaRule = MetaRule {
    id: "dormant-revival",
    severity: Severity::Medium,
    title: "first release after 12+ months of silence",
    description: "The previous release was more than a year before this one. Abandoned packages are taken over (expired maintainer domains, transferred ownership) and revived with a malicious release.",
    incident: "ctx and phpass (2022): dormant packages revived through an expired maintainer email domain",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let published = ctx.target.published?;
    let prev = ctx.earlier.last()?;
    let prev_t = prev.published?;
    let gap = published.duration_since(prev_t);
    (gap >= SignedDuration::from_hours(365 * 24)).then(|| {
        format!(
            "published {} days after the previous release ({})",
            gap.as_hours() / 24,
            prev.version
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_a_revival() {
        let h = history(vec![
            v("0.6.2", "2014-03-01T00:00:00Z"),
            v("0.6.3", "2022-05-14T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "0.6.3", "2022-06-01T00:00:00Z").is_some());
    }

    #[test]
    fn passes_a_regular_cadence() {
        let h = history(vec![
            v("1.0.0", "2025-01-01T00:00:00Z"),
            v("1.1.0", "2025-06-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "1.1.0", "2025-07-01T00:00:00Z").is_none());
    }
}
