//! The risk score: 0 (worst) to 10, from checks over the evidence, each listed with its result,
//! in the spirit of OpenSSF Scorecard but over what the registry and the tarball say. Scorecard
//! results the user has (JSON from the `scorecard` CLI or its API) are read and shown beside.

use crate::rules::metadata::History;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// Facts the score is computed from, beyond the publish history.
#[derive(Debug, Clone, Default)]
pub struct ScoreInput<'a> {
    pub history: Option<&'a History>,
    pub version: &'a str,
    pub has_install_scripts: bool,
    pub dependency_count: usize,
    /// Open malicious-package or critical advisories for the version.
    pub open_critical_advisories: usize,
}

/// One check of the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub name: &'static str,
    /// 0..=10; `None` when the data to judge is missing (the check does not count).
    pub score: Option<f64>,
    pub weight: f64,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub score: f64,
    pub checks: Vec<Check>,
}

fn check(name: &'static str, weight: f64, score: Option<f64>, detail: impl Into<String>) -> Check {
    Check {
        name,
        score,
        weight,
        detail: detail.into(),
    }
}

/// Computes the score at `now`.
pub fn score(input: &ScoreInput<'_>, now: Timestamp) -> Score {
    let mut checks = Vec::new();
    let h = input.history;
    let target = h.and_then(|h| h.versions.iter().find(|v| v.version == input.version));

    let maintainers = h.map(|h| h.maintainers.len()).unwrap_or(0);
    checks.push(match maintainers {
        0 => check(
            "maintainers",
            1.0,
            None,
            "unknown (the registry did not say)",
        ),
        1 => check("maintainers", 1.0, Some(3.0), "one maintainer"),
        n => check("maintainers", 1.0, Some(10.0), format!("{n} maintainers")),
    });

    let times: Vec<Timestamp> = h
        .map(|h| h.versions.iter().filter_map(|v| v.published).collect())
        .unwrap_or_default();
    let year = SignedDuration::from_hours(365 * 24);
    let recent = times
        .iter()
        .filter(|t| now.duration_since(**t) <= year)
        .count();
    checks.push(if times.is_empty() {
        check("release-cadence", 1.0, None, "no publish times")
    } else {
        check(
            "release-cadence",
            1.0,
            Some(if recent > 0 { 10.0 } else { 2.0 }),
            format!("{recent} releases in the last 12 months"),
        )
    });
    let first = times.iter().min();
    checks.push(match first {
        None => check("package-age", 1.0, None, "no publish times"),
        Some(f) => {
            let days = now.duration_since(*f).as_hours() / 24;
            check(
                "package-age",
                1.0,
                Some(if days >= 90 { 10.0 } else { days as f64 / 9.0 }),
                format!("first published {days} days ago"),
            )
        }
    });
    let last5: Vec<bool> = h
        .map(|h| {
            let mut v: Vec<_> = h
                .versions
                .iter()
                .filter(|v| v.published.is_some())
                .collect();
            v.sort_by_key(|v| v.published);
            v.iter().rev().take(5).map(|v| v.has_provenance).collect()
        })
        .unwrap_or_default();
    checks.push(if last5.is_empty() {
        check("provenance", 1.0, None, "no versions to judge")
    } else {
        let with = last5.iter().filter(|b| **b).count();
        check(
            "provenance",
            1.0,
            Some(10.0 * with as f64 / last5.len() as f64),
            format!(
                "{with} of the last {} versions carry provenance",
                last5.len()
            ),
        )
    });
    checks.push(check(
        "install-scripts",
        1.5,
        Some(if input.has_install_scripts { 0.0 } else { 10.0 }),
        if input.has_install_scripts {
            "runs install scripts"
        } else {
            "no install scripts"
        },
    ));
    checks.push(check(
        "dependencies",
        0.5,
        Some(match input.dependency_count {
            0..=10 => 10.0,
            11..=30 => 6.0,
            _ => 3.0,
        }),
        format!("{} direct dependencies", input.dependency_count),
    ));
    checks.push(match target {
        None => check(
            "deprecation",
            0.5,
            None,
            "version not in the registry metadata",
        ),
        Some(t) => match &t.deprecated {
            Some(d) => check("deprecation", 0.5, Some(0.0), format!("deprecated: {d}")),
            None => check("deprecation", 0.5, Some(10.0), "not deprecated"),
        },
    });
    checks.push(match target {
        None => check(
            "repository",
            0.5,
            None,
            "version not in the registry metadata",
        ),
        Some(t)
            if t.repository
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty()) =>
        {
            check("repository", 0.5, Some(10.0), "declares its repository")
        }
        Some(_) => check("repository", 0.5, Some(0.0), "declares no repository"),
    });
    checks.push(check(
        "advisories",
        2.0,
        Some(if input.open_critical_advisories == 0 {
            10.0
        } else {
            0.0
        }),
        format!(
            "{} open malicious or critical advisories",
            input.open_critical_advisories
        ),
    ));

    let (sum, weights) = checks
        .iter()
        .filter_map(|c| c.score.map(|s| (s * c.weight, c.weight)))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    let mut total = if weights > 0.0 { sum / weights } else { 0.0 };
    if input.open_critical_advisories > 0 {
        // A known-malicious or critical version scores zero whatever else it does well.
        total = 0.0;
    }
    Score {
        score: (total * 10.0).round() / 10.0,
        checks,
    }
}

/// An OpenSSF Scorecard result, as its CLI (`--format json`) and API write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    #[serde(default)]
    pub date: Option<String>,
    pub repo: ScorecardRepo,
    pub score: f64,
    #[serde(default)]
    pub checks: Vec<ScorecardCheck>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardRepo {
    pub name: String,
    #[serde(default)]
    pub commit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorecardCheck {
    pub name: String,
    /// -1 when Scorecard could not decide.
    pub score: f64,
    #[serde(default)]
    pub reason: String,
}

impl Scorecard {
    /// Parses Scorecard JSON; `file` names it in errors.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, crate::error::PolicyError> {
        serde_json::from_slice(bytes).map_err(|e| crate::error::PolicyError {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: format!("not a Scorecard result: {e}"),
            help: Some("produce it with `scorecard --repo=… --format json`".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::metadata::VersionMeta;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn history(maintainers: usize, provenance: bool) -> History {
        History {
            name: "x".into(),
            versions: vec![VersionMeta {
                version: "1.0.0".into(),
                published: Some(ts("2025-01-01T00:00:00Z")),
                has_provenance: provenance,
                repository: Some("git+https://git.example/x.git".into()),
                ..Default::default()
            }],
            maintainers: (0..maintainers).map(|i| format!("m{i}")).collect(),
            unpublished: None,
        }
    }

    #[test]
    fn a_healthy_package_scores_high_and_a_risky_one_low() {
        let now = ts("2025-06-01T00:00:00Z");
        let good = history(3, true);
        let s = score(
            &ScoreInput {
                history: Some(&good),
                version: "1.0.0",
                dependency_count: 2,
                ..Default::default()
            },
            now,
        );
        assert!(s.score >= 9.0, "{s:?}");
        let bad = history(1, false);
        let s2 = score(
            &ScoreInput {
                history: Some(&bad),
                version: "1.0.0",
                has_install_scripts: true,
                dependency_count: 40,
                ..Default::default()
            },
            now,
        );
        assert!(s2.score < 7.0 && s2.score < s.score - 3.0, "{s2:?}");
        assert!(
            s2.checks
                .iter()
                .any(|c| c.name == "install-scripts" && c.score == Some(0.0))
        );
    }

    #[test]
    fn critical_advisories_zero_the_score_and_unknowns_do_not_count() {
        let now = ts("2025-06-01T00:00:00Z");
        let s = score(
            &ScoreInput {
                history: None,
                version: "1.0.0",
                open_critical_advisories: 1,
                ..Default::default()
            },
            now,
        );
        assert_eq!(s.score, 0.0);
        assert!(
            s.checks
                .iter()
                .any(|c| c.name == "maintainers" && c.score.is_none())
        );
    }

    #[test]
    fn reads_scorecard_json() {
        let j = br#"{"date":"2025-01-01","repo":{"name":"github.example/chalk/chalk","commit":"abc"},"score":7.5,"checks":[{"name":"Maintained","score":10,"reason":"30 commits"},{"name":"Signed-Releases","score":-1,"reason":"no releases"}]}"#;
        let s = Scorecard::parse("sc.json", j).unwrap();
        assert_eq!(s.checks.len(), 2);
        assert_eq!(s.score, 7.5);
        let e = Scorecard::parse("sc.json", b"{\"score\": 1}").unwrap_err();
        assert!(e.message.contains("not a Scorecard result"), "{e}");
    }
}
