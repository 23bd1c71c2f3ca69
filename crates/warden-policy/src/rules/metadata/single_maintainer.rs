use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// One person can publish it: one phished account is enough.
pub static RULE: MetaRule = MetaRule {
    id: "single-maintainer",
    severity: Severity::Info,
    title: "a single maintainer",
    description: "The package has exactly one maintainer, so one phished or leaked credential is enough to publish a malicious version. Informational: most packages are like this; it weighs in the risk score.",
    incident: "September 2025: one phished maintainer account published 18 packages",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let m = if ctx.history.maintainers.is_empty() {
        &ctx.target.maintainers
    } else {
        &ctx.history.maintainers
    };
    (m.len() == 1).then(|| format!("{} is the only maintainer", m[0]))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_one_and_passes_two() {
        let mut h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
        h.maintainers = vec!["qix".into()];
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }
}
