use super::{Ctx, MetaRule};
use crate::severity::Severity;
use jiff::SignedDuration;

/// No release for two years or more.
pub static RULE: MetaRule = MetaRule {
    id: "stale",
    severity: Severity::Low,
    title: "no release for 2+ years",
    description: "The newest release of the package is more than two years old. Unmaintained packages do not get security fixes and are candidates for takeover.",
    incident: "Abandoned packages revived by new owners (ctx, 2022)",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let newest = ctx
        .history
        .versions
        .iter()
        .filter_map(|v| v.published)
        .max()?;
    let age = ctx.now.duration_since(newest);
    (age >= SignedDuration::from_hours(2 * 365 * 24))
        .then(|| format!("the newest release is {} days old", age.as_hours() / 24))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_an_old_package_and_passes_a_live_one() {
        let h = history(vec![v("1.0.0", "2020-01-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
        assert!(run(&RULE, &h, "1.0.0", "2020-06-01T00:00:00Z").is_none());
    }
}
