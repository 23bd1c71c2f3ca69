use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// The package was unpublished from the registry.
pub static RULE: MetaRule = MetaRule {
    id: "unpublished",
    severity: Severity::High,
    title: "unpublished from the registry",
    description: "The registry records that the package was unpublished. Malicious packages are unpublished by the registry once reported; a lockfile that still pins one keeps installing it from caches and mirrors.",
    incident: "Removed malicious packages kept in lockfiles and caches after their takedown",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    ctx.history
        .unpublished
        .map(|t| format!("the package was unpublished at {t}"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_unpublished_passes_live() {
        let mut h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
        h.unpublished = Some(ts("2025-02-01T00:00:00Z"));
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }
}
