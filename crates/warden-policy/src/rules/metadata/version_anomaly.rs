use super::{Ctx, MetaRule};
use crate::severity::Severity;
use nodejs_semver::Version;

/// Oddly jumping versions: a major far above anything published before, or a huge version for a
/// young package (dependency confusion picks 99.x so it wins every range).
pub static RULE: MetaRule = MetaRule {
    id: "version-anomaly",
    severity: Severity::Medium,
    title: "version jumps oddly",
    description: "The version's major is far above every earlier one (a jump of 10 or more), or the package starts at an implausibly high version. Dependency-confusion packages use versions like 99.10.9 to win every range.",
    incident: "Dependency confusion (2021): internal names published publicly at very high versions",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let target = Version::parse(&ctx.target.version).ok()?;
    let max_earlier = ctx
        .earlier
        .iter()
        .filter_map(|v| Version::parse(&v.version).ok())
        .max();
    match max_earlier {
        Some(prev) if target.major >= prev.major + 10 => Some(format!(
            "jumps from {prev} to {target} (major +{})",
            target.major - prev.major
        )),
        None if target.major >= 50 => Some(format!(
            "the first version published is {target}, an implausibly high start"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_a_jump_and_a_high_start() {
        let h = history(vec![
            v("1.2.0", "2025-01-01T00:00:00Z"),
            v("99.10.9", "2025-02-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "99.10.9", "2025-03-01T00:00:00Z").is_some());
        let h = history(vec![v("99.0.0", "2025-02-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "99.0.0", "2025-03-01T00:00:00Z").is_some());
    }

    #[test]
    fn passes_normal_steps() {
        let h = history(vec![
            v("4.9.0", "2025-01-01T00:00:00Z"),
            v("5.0.0", "2025-02-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "5.0.0", "2025-03-01T00:00:00Z").is_none());
    }
}
