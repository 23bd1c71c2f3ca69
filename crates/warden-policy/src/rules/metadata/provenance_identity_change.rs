use super::{Ctx, MetaRule};
use crate::config::TrustedPublisher;
use crate::evidence::ProvenanceFact;
use crate::severity::Severity;

/// Verified provenance, but from another repository or workflow than pinned or seen before.
pub static RULE: MetaRule = MetaRule {
    id: "provenance-identity-change",
    severity: Severity::Critical,
    title: "published from another repository or workflow",
    description: "The provenance verifies, but names another source repository or workflow than `[trusted-publishers.NAME]` pins, or than the vetted version's provenance named. A valid bundle from the attacker's own repository is still an attacker's build. Denied by default; a person's audit of the version outweighs it.",
    incident: "Shai-Hulud (September 2025) pushed workflows into victims' repositories and published from them; a package moving to a fork or a new workflow is how such a hijack looks in provenance",
    check,
};

fn check(ctx: &Ctx<'_>) -> Option<String> {
    describe(ctx.provenance?)
}

/// The finding for a provenance fact, when it is this rule's.
pub fn describe(fact: &ProvenanceFact) -> Option<String> {
    match fact {
        ProvenanceFact::IdentityChange { expected, found } => Some(format!(
            "published from {found}, but the trusted publisher is {expected}"
        )),
        _ => None,
    }
}

/// `https://github.com/Owner/Repo.git` → `github.com/owner/repo`.
fn normalize_repository(r: &str) -> String {
    let r = r.trim().trim_start_matches("git+").to_ascii_lowercase();
    let r = r.split_once("://").map_or(r.as_str(), |(_, rest)| rest);
    r.trim_end_matches('/')
        .trim_end_matches(".git")
        .trim_end_matches('/')
        .to_string()
}

/// `https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1` → `.github/workflows/x.yml`.
pub fn normalize_workflow(w: &str) -> String {
    let w = w.trim();
    let w = w.split_once('@').map_or(w, |(path, _)| path);
    let w = w.find(".github/").map_or(w, |i| &w[i..]);
    w.trim_start_matches("./").to_string()
}

/// `*` matches any run of characters, everything else itself.
fn glob(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, rest)) => {
            let Some(tail) = text.strip_prefix(head) else {
                return false;
            };
            (0..=tail.len())
                .filter(|i| tail.is_char_boundary(*i))
                .any(|i| glob(rest, &tail[i..]))
        }
    }
}

/// Whether a verified identity is the trusted publisher's: same repository (scheme, case and a
/// `.git` suffix aside; a pin without a host matches the `owner/repo` path), same workflow file,
/// and a ref matching one of the pin's `ref` patterns when it has any.
pub fn matches(pin: &TrustedPublisher, repository: &str, workflow: &str, git_ref: &str) -> bool {
    let want = normalize_repository(&pin.repository);
    let found = normalize_repository(repository);
    let repo_ok = found == want || (!want.contains('.') && found.ends_with(&format!("/{want}")));
    let workflow_ok = normalize_workflow(&pin.workflow) == normalize_workflow(workflow);
    let ref_ok = pin.refs.is_empty() || pin.refs.iter().any(|p| glob(p, git_ref));
    repo_ok && workflow_ok && ref_ok
}

/// `repository (workflow)`, how identities are shown.
pub fn show(repository: &str, workflow: &str) -> String {
    format!("{repository} ({})", normalize_workflow(workflow))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn pin(repo: &str, workflow: &str, refs: &[&str]) -> TrustedPublisher {
        TrustedPublisher {
            repository: repo.into(),
            workflow: workflow.into(),
            refs: refs.iter().map(|r| r.to_string()).collect(),
        }
    }

    #[test]
    fn flags_an_identity_change() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        let fact = ProvenanceFact::IdentityChange {
            expected: "https://github.com/a/b (.github/workflows/release.yml)".into(),
            found: "https://github.com/evil/b (.github/workflows/release.yml)".into(),
        };
        let m = run_with(&RULE, &h, "1.0.0", &fact).unwrap();
        assert!(m.contains("evil/b"), "{m}");
    }

    #[test]
    fn passes_a_verified_identity() {
        let h = history(vec![v("1.0.0", "2025-01-01T00:00:00Z")]);
        let fact = ProvenanceFact::Verified {
            repository: "https://github.com/a/b".into(),
            workflow: ".github/workflows/release.yml".into(),
        };
        assert!(run_with(&RULE, &h, "1.0.0", &fact).is_none());
    }

    #[test]
    fn identities_compare_by_repository_workflow_and_ref() {
        let p = pin(
            "https://github.com/Chalk/chalk.git",
            ".github/workflows/release.yml",
            &[],
        );
        let wf = ".github/workflows/release.yml";
        assert!(matches(
            &p,
            "https://github.com/chalk/chalk",
            wf,
            "refs/tags/v5"
        ));
        assert!(matches(
            &p,
            "git+https://github.com/chalk/chalk/",
            "https://github.com/chalk/chalk/.github/workflows/release.yml@refs/heads/main",
            "refs/heads/main"
        ));
        assert!(!matches(&p, "https://github.com/chalk-fork/chalk", wf, ""));
        assert!(!matches(
            &p,
            "https://github.com/chalk/chalk",
            ".github/workflows/other.yml",
            ""
        ));
        let short = pin("chalk/chalk", "release.yml", &[]);
        assert!(!matches(&short, "https://github.com/chalk/chalk", wf, ""));
        let short = pin("chalk/chalk", wf, &[]);
        assert!(matches(&short, "https://github.com/chalk/chalk", wf, ""));
        assert!(!matches(&short, "https://github.com/xchalk/chalk", wf, ""));
        let tags = pin("https://github.com/chalk/chalk", wf, &["refs/tags/v*"]);
        assert!(matches(
            &tags,
            "https://github.com/chalk/chalk",
            wf,
            "refs/tags/v5.6.0"
        ));
        assert!(!matches(
            &tags,
            "https://github.com/chalk/chalk",
            wf,
            "refs/heads/main"
        ));
    }
}
