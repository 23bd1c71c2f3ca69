//! `supply-chain/vex.toml`: the user's own VEX statements.
//!
//! ```toml
//! author = "Example Security Team <security@example.com>"   # optional
//!
//! [[statement]]
//! vulnerability = "GHSA-xxxx-xxxx-xxxx"         # the advisory id
//! aliases = ["CVE-2024-0000"]                   # optional
//! products = ["pkg:npm/debug@4.3.4", "express@4.19.2"]   # purls or NAME@VERSION
//! status = "not_affected"                       # not_affected | affected | fixed | under_investigation
//! justification = "vulnerable_code_not_in_execute_path"  # required for not_affected
//! impact = "we never pass user input to debug's format string"   # optional
//! # action = "upgrade to 4.3.5 by 2026-01-01"   # required for affected
//! # notes = "..."                               # optional
//! # timestamp = "2026-01-02T03:04:05Z"          # optional; default: the document's time
//! ```
//!
//! Every error carries the line and column (1-based) of the offending value.

use super::{Justification, Statement, Status};
use crate::error::AttestError;
use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    author: Option<String>,
    #[serde(default)]
    statement: Vec<Spanned<RawStatement>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    vulnerability: Spanned<String>,
    #[serde(default)]
    aliases: Vec<String>,
    products: Spanned<Vec<Spanned<String>>>,
    status: Spanned<String>,
    justification: Option<Spanned<String>>,
    impact: Option<String>,
    action: Option<String>,
    notes: Option<String>,
    timestamp: Option<Spanned<String>>,
}

/// A parsed vex.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VexFile {
    pub author: Option<String>,
    pub statements: Vec<Statement>,
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    // Spans are byte offsets on character boundaries; back off to one if ever they are not.
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn at(text: &str, span: std::ops::Range<usize>, message: String) -> AttestError {
    let (line, column) = line_col(text, span.start);
    AttestError::Vex {
        line,
        column,
        message,
    }
}

/// Parses vex.toml text.
pub fn parse(text: &str) -> Result<VexFile, AttestError> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        at(text, span, e.message().trim().to_string())
    })?;
    let mut statements = Vec::with_capacity(raw.statement.len());
    for s in raw.statement {
        let s = s.into_inner();
        let vulnerability = s.vulnerability.get_ref().trim().to_string();
        if vulnerability.is_empty() {
            return Err(at(text, s.vulnerability.span(), "\"vulnerability\" is empty (expected an advisory id such as GHSA-xxxx-xxxx-xxxx or CVE-2024-0000)".into()));
        }
        let status: Status = match s.status.get_ref().as_str() {
            "not_affected" => Status::NotAffected,
            "affected" => Status::Affected,
            "fixed" => Status::Fixed,
            "under_investigation" => Status::UnderInvestigation,
            other => {
                return Err(at(
                    text,
                    s.status.span(),
                    format!(
                        "unknown status {other:?} (expected not_affected, affected, fixed or under_investigation)"
                    ),
                ));
            }
        };
        let justification = match &s.justification {
            None => None,
            Some(j) => match Justification::ALL
                .iter()
                .find(|x| x.as_str() == j.get_ref())
            {
                Some(x) => Some(*x),
                None => {
                    return Err(at(
                        text,
                        j.span(),
                        format!(
                            "unknown justification {:?} (expected one of {})",
                            j.get_ref(),
                            Justification::ALL.map(|x| x.as_str()).join(", ")
                        ),
                    ));
                }
            },
        };
        match status {
            Status::NotAffected if justification.is_none() => {
                return Err(at(
                    text,
                    s.status.span(),
                    format!(
                        "status \"not_affected\" needs a justification (one of {})",
                        Justification::ALL.map(|x| x.as_str()).join(", ")
                    ),
                ));
            }
            Status::Affected if s.action.as_deref().is_none_or(|a| a.trim().is_empty()) => {
                return Err(at(text, s.status.span(), "status \"affected\" needs an action (what you will do about it, e.g. action = \"upgrade to 1.2.4\")".into()));
            }
            _ => {}
        }
        if status != Status::NotAffected
            && let Some(j) = &s.justification
        {
            return Err(at(
                text,
                j.span(),
                format!(
                    "a justification only goes with status \"not_affected\", not {:?}",
                    status.as_str()
                ),
            ));
        }
        if s.products.get_ref().is_empty() {
            return Err(at(
                text,
                s.products.span(),
                "\"products\" is empty (expected purls or NAME@VERSION)".into(),
            ));
        }
        let mut products = Vec::new();
        for p in s.products.get_ref() {
            let r = crate::purl::parse_npm_ref(p.get_ref().trim())
                .map_err(|m| at(text, p.span(), m))?;
            products.push(r.purl);
        }
        products.sort();
        products.dedup();
        if let Some(t) = &s.timestamp
            && !crate::time::is_rfc3339(t.get_ref())
        {
            return Err(at(
                text,
                t.span(),
                format!(
                    "timestamp {:?} is not an RFC 3339 date-time (expected e.g. 2026-01-02T03:04:05Z)",
                    t.get_ref()
                ),
            ));
        }
        let mut aliases = s.aliases;
        aliases.sort();
        aliases.dedup();
        statements.push(Statement {
            vulnerability,
            aliases,
            products,
            status,
            justification,
            impact_statement: s.impact.filter(|x| !x.trim().is_empty()),
            action_statement: s.action.filter(|x| !x.trim().is_empty()),
            status_notes: s.notes.filter(|x| !x.trim().is_empty()),
            timestamp: s.timestamp.map(|t| t.into_inner()),
        });
    }
    Ok(VexFile {
        author: raw.author.filter(|a| !a.trim().is_empty()),
        statements,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
author = "Example Security <security@example.com>"

[[statement]]
vulnerability = "GHSA-1111-2222-3333"
aliases = ["CVE-2024-0001"]
products = ["debug@4.3.4", "pkg:npm/%40babel/core@7.24.0"]
status = "not_affected"
justification = "vulnerable_code_not_in_execute_path"
impact = "debug's format string never sees user input"

[[statement]]
vulnerability = "CVE-2024-0002"
products = ["express@4.19.2"]
status = "affected"
action = "upgrade to 4.19.3 this week"
"#;

    #[test]
    fn parses_a_well_formed_file() {
        let f = parse(GOOD).unwrap();
        assert_eq!(
            f.author.as_deref(),
            Some("Example Security <security@example.com>")
        );
        assert_eq!(f.statements.len(), 2);
        assert_eq!(
            f.statements[0].products,
            vec!["pkg:npm/%40babel/core@7.24.0", "pkg:npm/debug@4.3.4"]
        );
        assert_eq!(f.statements[1].status, Status::Affected);
        assert_eq!(parse("").unwrap().statements.len(), 0);
    }

    fn err(text: &str) -> (usize, usize, String) {
        match parse(text).unwrap_err() {
            AttestError::Vex {
                line,
                column,
                message,
            } => (line, column, message),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_line() {
        let (l, _, m) =
            err(&GOOD.replace("\"vulnerable_code_not_in_execute_path\"", "\"because\""));
        assert_eq!(l, 9);
        assert!(m.contains("unknown justification"), "{m}");
        let (l, _, m) = err(&GOOD.replace("action = \"upgrade to 4.19.3 this week\"\n", ""));
        assert_eq!(l, 15);
        assert!(m.contains("needs an action"), "{m}");
        let (l, c, m) = err(&GOOD.replace("\"express@4.19.2\"", "\"express\""));
        assert_eq!((l, c), (14, 13));
        assert!(m.contains("names no version"), "{m}");
        let (l, _, m) =
            err("[[statement]]\nvulnerability = \"X\"\nproducts = [\"a@1\"]\nstatus = \"fine\"\n");
        assert_eq!(l, 4);
        assert!(m.contains("unknown status"), "{m}");
        let (l, _, m) = err(
            "[[statement]]\nvulnerability = \"X\"\nproducts = [\"a@1\"]\nstatus = \"not_affected\"\n",
        );
        assert_eq!(l, 4);
        assert!(m.contains("needs a justification"), "{m}");
        let (l, _, m) = err("[[statement]]\nvulnerability = \"X\"\nproduct = [\"a@1\"]\n");
        assert_eq!(l, 3);
        assert!(m.contains("product"), "{m}");
        let (l, _, _) = err("author = \n");
        assert_eq!(l, 1);
        let (l, _, m) = err(
            "[[statement]]\nvulnerability = \"X\"\nproducts = [\"a@1\"]\nstatus = \"fixed\"\ntimestamp = \"yesterday\"\n",
        );
        assert_eq!(l, 5);
        assert!(m.contains("RFC 3339"), "{m}");
    }
}
