//! VEX: statements about whether advisories affect the project's packages, from the user's
//! `supply-chain/vex.toml` ([`file`]) and from advisory matches, written as OpenVEX 0.2.0
//! ([`openvex`], hand-written: the format is small and specified) or CycloneDX VEX
//! ([`cyclonedx`]).

pub mod cyclonedx;
pub mod file;
pub mod openvex;

use crate::meta::Tool;

/// A VEX status, as OpenVEX names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotAffected,
    Affected,
    Fixed,
    UnderInvestigation,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotAffected => "not_affected",
            Self::Affected => "affected",
            Self::Fixed => "fixed",
            Self::UnderInvestigation => "under_investigation",
        }
    }
}

/// OpenVEX's justifications for `not_affected`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Justification {
    ComponentNotPresent,
    VulnerableCodeNotPresent,
    VulnerableCodeNotInExecutePath,
    VulnerableCodeCannotBeControlledByAdversary,
    InlineMitigationsAlreadyExist,
}

impl Justification {
    pub const ALL: [Justification; 5] = [
        Self::ComponentNotPresent,
        Self::VulnerableCodeNotPresent,
        Self::VulnerableCodeNotInExecutePath,
        Self::VulnerableCodeCannotBeControlledByAdversary,
        Self::InlineMitigationsAlreadyExist,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ComponentNotPresent => "component_not_present",
            Self::VulnerableCodeNotPresent => "vulnerable_code_not_present",
            Self::VulnerableCodeNotInExecutePath => "vulnerable_code_not_in_execute_path",
            Self::VulnerableCodeCannotBeControlledByAdversary => {
                "vulnerable_code_cannot_be_controlled_by_adversary"
            }
            Self::InlineMitigationsAlreadyExist => "inline_mitigations_already_exist",
        }
    }
}

/// One VEX statement: an advisory, the products (purls) it is about, and the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub vulnerability: String,
    pub aliases: Vec<String>,
    /// Canonical purls, sorted.
    pub products: Vec<String>,
    pub status: Status,
    pub justification: Option<Justification>,
    pub impact_statement: Option<String>,
    pub action_statement: Option<String>,
    pub status_notes: Option<String>,
    /// RFC 3339; `None` means the document's time.
    pub timestamp: Option<String>,
}

/// An advisory matched against a package of the tree (from the advisory database): what the
/// CLI hands over so that matches with no statement become `under_investigation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisoryMatch {
    /// The advisory's id (`GHSA-…`, `CVE-…`, `MAL-…`).
    pub id: String,
    pub aliases: Vec<String>,
    /// The matched package's purl.
    pub purl: String,
}

/// Everything a VEX document is built from.
pub struct VexInput<'a> {
    /// The document's author (vex.toml's `author`, else the tool).
    pub author: String,
    pub statements: &'a [Statement],
    pub matches: &'a [AdvisoryMatch],
    pub tool: &'a Tool,
    pub now: i64,
}

impl VexInput<'_> {
    /// The statements to publish: the user's, then one `under_investigation` per matched
    /// advisory and product that no statement covers (by id or alias). Sorted by vulnerability,
    /// then products, then status.
    pub fn resolved_statements(&self) -> Vec<Statement> {
        let mut out: Vec<Statement> = self.statements.to_vec();
        let covers = |s: &Statement, m: &AdvisoryMatch| {
            let ids = |v: &str, a: &[String]| -> Vec<String> {
                std::iter::once(v.to_ascii_uppercase())
                    .chain(a.iter().map(|x| x.to_ascii_uppercase()))
                    .collect()
            };
            let theirs = ids(&m.id, &m.aliases);
            ids(&s.vulnerability, &s.aliases)
                .iter()
                .any(|x| theirs.contains(x))
                && s.products.iter().any(|p| p == &m.purl)
        };
        let mut open: Vec<Statement> = Vec::new();
        for m in self.matches {
            if out.iter().any(|s| covers(s, m)) {
                continue;
            }
            if let Some(s) = open.iter_mut().find(|s| s.vulnerability == m.id) {
                if !s.products.contains(&m.purl) {
                    s.products.push(m.purl.clone());
                    s.products.sort();
                }
                continue;
            }
            let mut aliases = m.aliases.clone();
            aliases.sort();
            aliases.dedup();
            open.push(Statement {
                vulnerability: m.id.clone(),
                aliases,
                products: vec![m.purl.clone()],
                status: Status::UnderInvestigation,
                justification: None,
                impact_statement: None,
                action_statement: None,
                status_notes: Some(
                    "matched by the advisory database; no statement in supply-chain/vex.toml yet"
                        .into(),
                ),
                timestamp: None,
            });
        }
        out.extend(open);
        out.sort_by(|a, b| {
            (&a.vulnerability, &a.products, a.status).cmp(&(
                &b.vulnerability,
                &b.products,
                b.status,
            ))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(v: &str, p: &str, status: Status) -> Statement {
        Statement {
            vulnerability: v.into(),
            aliases: vec!["CVE-2024-1".into()],
            products: vec![p.into()],
            status,
            justification: Some(Justification::ComponentNotPresent),
            impact_statement: None,
            action_statement: None,
            status_notes: None,
            timestamp: None,
        }
    }

    #[test]
    fn unmatched_advisories_become_under_investigation() {
        let tool = Tool::warden("0.1.0");
        let user = [st("GHSA-aaaa", "pkg:npm/a@1.0.0", Status::NotAffected)];
        let matches = [
            // Covered by alias.
            AdvisoryMatch {
                id: "CVE-2024-1".into(),
                aliases: vec![],
                purl: "pkg:npm/a@1.0.0".into(),
            },
            // Same advisory, another product: not covered.
            AdvisoryMatch {
                id: "GHSA-aaaa".into(),
                aliases: vec![],
                purl: "pkg:npm/b@2.0.0".into(),
            },
            AdvisoryMatch {
                id: "GHSA-aaaa".into(),
                aliases: vec![],
                purl: "pkg:npm/c@1.0.0".into(),
            },
        ];
        let input = VexInput {
            author: "me".into(),
            statements: &user,
            matches: &matches,
            tool: &tool,
            now: 0,
        };
        let all = input.resolved_statements();
        assert_eq!(all.len(), 2);
        let open = all
            .iter()
            .find(|s| s.status == Status::UnderInvestigation)
            .unwrap();
        assert_eq!(open.products, vec!["pkg:npm/b@2.0.0", "pkg:npm/c@1.0.0"]);
        let input = VexInput {
            matches: &[],
            ..input
        };
        assert_eq!(input.resolved_statements().len(), 1);
    }
}
