use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// The version is deprecated on the registry.
pub static RULE: MetaRule = MetaRule {
    id: "deprecated",
    severity: Severity::Low,
    title: "deprecated",
    description: "The registry marks this version deprecated; the message often says what to use instead or that the version is compromised.",
    incident: "Compromised versions are often deprecated before they are unpublished",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    ctx.target
        .deprecated
        .as_ref()
        .filter(|d| !d.trim().is_empty())
        .map(|d| format!("deprecated: {d}"))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_deprecated_passes_plain() {
        let mut a = v("1.0.0", "2025-01-01T00:00:00Z");
        let h = history(vec![a.clone()]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
        a.deprecated = Some("use 2.x".into());
        let h = history(vec![a]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }
}
