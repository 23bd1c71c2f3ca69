use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// No source repository is declared.
pub static RULE: MetaRule = MetaRule {
    id: "no-repository",
    severity: Severity::Low,
    title: "no source repository",
    description: "The version's package.json names no repository, so its code cannot be compared with a public source. Most malicious packages published from throwaway accounts have none.",
    incident: "Typosquats and dependency-confusion packages rarely link a repository",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    match ctx.target.repository.as_deref().map(str::trim) {
        None | Some("") => Some("declares no repository".into()),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_missing_passes_present() {
        let mut a = v("1.0.0", "2025-01-01T00:00:00Z");
        let h = history(vec![a.clone()]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
        a.repository = None;
        let h = history(vec![a]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }
}
