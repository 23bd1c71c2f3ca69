//! Metadata rules, one file each, in one catalogue. Each looks at a package's publish history
//! (from the packument) and says what is unusual about the version being judged.

use crate::evidence::{Finding, ProvenanceFact};
use crate::severity::Severity;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

mod deprecated;
mod dormant_revival;
mod git_or_url_dependency;
mod maintainer_change;
mod new_publisher;
mod no_repository;
mod provenance_gap;
pub mod provenance_identity_change;
pub mod provenance_invalid;
pub mod provenance_verified;
mod single_maintainer;
mod stale;
mod too_new;
mod typosquat;
mod unpublished;
mod version_anomaly;

/// What the registry says about one version.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VersionMeta {
    pub version: String,
    pub published: Option<Timestamp>,
    /// `_npmUser.name` of the publish.
    pub publisher: Option<String>,
    /// `maintainers` names recorded on the version.
    pub maintainers: Vec<String>,
    /// `dist.attestations` present.
    pub has_provenance: bool,
    pub deprecated: Option<String>,
    pub repository: Option<String>,
    /// (name, spec) of dependencies, optional and peer included.
    pub dependencies: Vec<(String, String)>,
}

/// A package's publish history as the packument tells it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub name: String,
    pub versions: Vec<VersionMeta>,
    /// Current maintainers of the package.
    pub maintainers: Vec<String>,
    /// `time.unpublished`, when the package was unpublished.
    pub unpublished: Option<Timestamp>,
}

/// What a rule is handed.
pub struct Ctx<'a> {
    pub history: &'a History,
    /// The version judged.
    pub target: &'a VersionMeta,
    /// Versions published before the target, oldest first.
    pub earlier: Vec<&'a VersionMeta>,
    pub now: Timestamp,
    pub min_release_age: SignedDuration,
    /// Names of popular packages, for typosquatting.
    pub popular: &'a [&'a str],
    /// The verified provenance of the target, for the `provenance-*` rules that need it
    /// (`None`: not verified, those rules stay silent). The gate reads the same fact from
    /// [`crate::evidence::Evidence::provenance`] through [`provenance_reasons`].
    pub provenance: Option<&'a ProvenanceFact>,
}

impl<'a> Ctx<'a> {
    /// Builds the context for `version`; `None` when the history does not have it.
    pub fn new(
        history: &'a History,
        version: &str,
        now: Timestamp,
        min_release_age: SignedDuration,
        popular: &'a [&'a str],
    ) -> Option<Self> {
        let target = history.versions.iter().find(|v| v.version == version)?;
        let mut earlier: Vec<&VersionMeta> = match target.published {
            Some(t) => history
                .versions
                .iter()
                .filter(|v| v.version != version && v.published.is_some_and(|p| p < t))
                .collect(),
            None => Vec::new(),
        };
        earlier.sort_by_key(|v| v.published);
        Some(Self {
            history,
            target,
            earlier,
            now,
            min_release_age,
            popular,
            provenance: None,
        })
    }
}

/// A metadata rule: its catalogue entry and its check.
#[derive(Serialize)]
pub struct MetaRule {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub description: &'static str,
    /// The incident that motivated it.
    pub incident: &'static str,
    #[serde(skip)]
    pub check: fn(&Ctx<'_>) -> Option<String>,
}

/// Every metadata rule.
pub static RULES: &[&MetaRule] = &[
    &too_new::RULE,
    &new_publisher::RULE,
    &maintainer_change::RULE,
    &provenance_gap::RULE,
    &provenance_invalid::RULE,
    &provenance_identity_change::RULE,
    &provenance_verified::RULE,
    &dormant_revival::RULE,
    &version_anomaly::RULE,
    &typosquat::RULE,
    &single_maintainer::RULE,
    &stale::RULE,
    &deprecated::RULE,
    &no_repository::RULE,
    &git_or_url_dependency::RULE,
    &unpublished::RULE,
];

/// Words a rule's finding for a provenance fact, when the fact is the rule's.
pub type DescribeFact = fn(&ProvenanceFact) -> Option<String>;

/// The provenance rules judged from a verified fact rather than the publish history: each
/// with the function that words its finding.
pub static PROVENANCE_RULES: &[(&MetaRule, DescribeFact)] = &[
    (&provenance_invalid::RULE, provenance_invalid::describe),
    (
        &provenance_identity_change::RULE,
        provenance_identity_change::describe,
    ),
    (&provenance_verified::RULE, provenance_verified::describe),
];

/// The findings of the provenance rules for `fact`: the gate's reasons about provenance.
pub fn provenance_reasons(fact: &ProvenanceFact) -> Vec<Finding> {
    PROVENANCE_RULES
        .iter()
        .filter_map(|(rule, describe)| {
            describe(fact).map(|message| Finding {
                rule: rule.id.to_string(),
                severity: rule.severity,
                message,
                location: None,
            })
        })
        .collect()
}

/// The popular-package names shipped with warden (the most downloaded npm packages).
pub fn popular_names() -> Vec<&'static str> {
    include_str!("../../../data/popular-names.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Runs every rule on the context.
pub fn evaluate(ctx: &Ctx<'_>) -> Vec<Finding> {
    RULES
        .iter()
        .filter_map(|r| {
            (r.check)(ctx).map(|message| Finding {
                rule: r.id.to_string(),
                severity: r.severity,
                message,
                location: None,
            })
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn ts(s: &str) -> Timestamp {
        s.parse().expect("test timestamps are valid")
    }

    pub fn v(version: &str, published: &str) -> VersionMeta {
        VersionMeta {
            version: version.into(),
            published: Some(ts(published)),
            publisher: Some("alice".into()),
            maintainers: vec!["alice".into(), "bob".into()],
            has_provenance: false,
            deprecated: None,
            repository: Some("git+https://git.example/a/b.git".into()),
            dependencies: vec![],
        }
    }

    pub fn history(versions: Vec<VersionMeta>) -> History {
        History {
            name: "pkg".into(),
            versions,
            maintainers: vec!["alice".into(), "bob".into()],
            unpublished: None,
        }
    }

    /// Runs `rule` on `version` of `h` at `now`.
    pub fn run(rule: &MetaRule, h: &History, version: &str, now: &str) -> Option<String> {
        let popular = ["react", "express", "lodash", "chalk", "cross-env"];
        let ctx = Ctx::new(
            h,
            version,
            ts(now),
            SignedDuration::from_hours(168),
            &popular,
        )
        .expect("version in history");
        (rule.check)(&ctx)
    }

    /// Runs `rule` on `version` of `h` with a provenance fact.
    pub fn run_with(
        rule: &MetaRule,
        h: &History,
        version: &str,
        fact: &crate::evidence::ProvenanceFact,
    ) -> Option<String> {
        let popular: [&str; 0] = [];
        let mut ctx = Ctx::new(
            h,
            version,
            ts("2026-01-01T00:00:00Z"),
            SignedDuration::from_hours(168),
            &popular,
        )
        .expect("version in history");
        ctx.provenance = Some(fact);
        (rule.check)(&ctx)
    }
}
