use super::{Ctx, MetaRule};
use crate::severity::Severity;

/// A dependency fetched from git or an arbitrary URL rather than the registry.
pub static RULE: MetaRule = MetaRule {
    id: "git-or-url-dependency",
    severity: Severity::Medium,
    title: "depends on a git repository or a URL",
    description: "A dependency is declared as a git repository, an HTTP(S) tarball or a local path. Such code bypasses the registry's integrity, signatures and advisories, and can change without a new version.",
    incident: "Packages pulling second stages from attacker-controlled git repositories and tarball URLs (PhantomRaven, 2025)",
    check,
};

fn is_url_spec(spec: &str) -> bool {
    let s = spec.trim().to_ascii_lowercase();
    s.starts_with("git")
        || s.starts_with("http:")
        || s.starts_with("https:")
        || s.starts_with("file:")
        || s.starts_with("github:")
        || s.starts_with("gitlab:")
        || s.starts_with("bitbucket:")
        // `user/repo` shorthand is a GitHub dependency.
        || (!s.starts_with('@') && !s.starts_with("npm:") && s.contains('/') && !s.contains(' '))
}

fn check(ctx: &Ctx<'_>) -> Option<String> {
    let found: Vec<String> = ctx
        .target
        .dependencies
        .iter()
        .filter(|(_, spec)| is_url_spec(spec))
        .map(|(n, spec)| format!("{n}: {spec}"))
        .collect();
    (!found.is_empty()).then(|| format!("dependencies outside the registry: {}", found.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::RULE;

    #[test]
    fn flags_git_and_urls() {
        let mut a = v("1.0.0", "2025-01-01T00:00:00Z");
        a.dependencies = vec![("ui".into(), "http://203.0.113.9/ui.tgz".into())];
        let h = history(vec![a.clone()]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
        a.dependencies = vec![("x".into(), "user/repo#main".into())];
        let h = history(vec![a]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_some());
    }

    #[test]
    fn passes_ranges_and_aliases() {
        let mut a = v("1.0.0", "2025-01-01T00:00:00Z");
        a.dependencies = vec![
            ("a".into(), "^1.2.3".into()),
            ("b".into(), "npm:string-width@^4".into()),
            ("c".into(), ">=1 <2 || 3.x".into()),
        ];
        let h = history(vec![a]);
        assert!(run(&RULE, &h, "1.0.0", "2025-03-01T00:00:00Z").is_none());
    }
}
