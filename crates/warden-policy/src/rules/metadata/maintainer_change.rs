use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// Maintainers were added or removed since the previous version.
pub static RULE: MetaRule = MetaRule {
    id: "maintainer-change",
    severity: Severity::Medium,
    title: "maintainers changed since the previous version",
    description: "The maintainer list recorded on this version differs from the previous version's. Attackers who take over an account often add themselves or remove the owner before publishing.",
    incident: "event-stream 3.3.6 (2018): a new maintainer was added weeks before flatmap-stream was injected",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let prev = ctx.earlier.last()?;
    if prev.maintainers.is_empty() || ctx.target.maintainers.is_empty() {
        return None;
    }
    let added: Vec<&str> = ctx
        .target
        .maintainers
        .iter()
        .filter(|m| !prev.maintainers.contains(m))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = prev
        .maintainers
        .iter()
        .filter(|m| !ctx.target.maintainers.contains(m))
        .map(String::as_str)
        .collect();
    if added.is_empty() && removed.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("added {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("removed {}", removed.join(", ")));
    }
    Some(format!(
        "maintainers changed since {}: {}",
        prev.version,
        parts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_added_and_removed() {
        let mut b = v("1.1.0", "2025-02-01T00:00:00Z");
        b.maintainers = vec!["alice".into(), "right9ctrl".into()];
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z"), b]);
        let m = run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").unwrap();
        assert!(
            m.contains("added right9ctrl") && m.contains("removed bob"),
            "{m}"
        );
    }

    #[test]
    fn passes_the_same_team() {
        let h = history(vec![
            v("1.0.0", "2025-01-01T00:00:00Z"),
            v("1.1.0", "2025-02-01T00:00:00Z"),
        ]);
        assert!(run(&RULE, &h, "1.1.0", "2025-03-01T00:00:00Z").is_none());
    }
}
