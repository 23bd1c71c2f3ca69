//! The advisory as warden keeps it: an OSV record reduced to what matching and reports need,
//! validated once at import so matching never meets a malformed range.

use crate::osv;
use crate::range::{Event, SortedRange};
use crate::severity::{CvssScore, Severity, score_vector};
use crate::timestamp;
use serde::{Deserialize, Serialize};

/// What an advisory reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A malicious-package report (`MAL-` id or alias, or a GitHub malware advisory with
    /// CWE-506): every affected version is hostile.
    Malicious,
    /// A vulnerability (GHSA, CVE, …).
    Vulnerability,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Malicious => "malicious",
            Self::Vulnerability => "vulnerability",
        }
    }
}

/// One npm package an advisory names, with its ranges and listed versions. A version is affected
/// when any range affects it or the list names it (the union).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AffectedPackage {
    pub name: String,
    /// `SEMVER` and `ECOSYSTEM` ranges, events as written (evaluated sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<Vec<Event>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
}

/// An OSV record for npm, normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    pub id: String,
    /// Normalised UTC timestamp (see [`timestamp::normalize`]).
    pub modified: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Set when the record was withdrawn: it no longer matches anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cvss: Vec<CvssScore>,
    /// GitHub's `database_specific.severity` label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Severity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    pub affected: Vec<AffectedPackage>,
}

/// What became of a record at import.
#[derive(Debug)]
pub enum Converted {
    Npm(Box<Advisory>),
    /// Valid, but names no npm package (another ecosystem): not stored.
    NotNpm,
}

impl Advisory {
    /// Parses and validates one OSV JSON record. The error names the field that is wrong.
    pub fn from_json(bytes: &[u8]) -> Result<Converted, String> {
        let record =
            osv::Record::from_slice(bytes).map_err(|e| format!("not an OSV record: {e}"))?;
        Self::from_record(record)
    }

    /// Validates a parsed record and keeps its npm part.
    pub fn from_record(r: osv::Record) -> Result<Converted, String> {
        if r.id.trim().is_empty() {
            return Err("\"id\" is empty".into());
        }
        let modified = timestamp::normalize(&r.modified).ok_or_else(|| {
            format!(
                "{}: \"modified\" must be an RFC 3339 timestamp, found {:?}",
                r.id, r.modified
            )
        })?;
        let withdrawn = match &r.withdrawn {
            None => None,
            Some(w) => Some(timestamp::normalize(w).ok_or_else(|| {
                format!(
                    "{}: \"withdrawn\" must be an RFC 3339 timestamp, found {w:?}",
                    r.id
                )
            })?),
        };
        let published = r.published.as_deref().and_then(timestamp::normalize);
        let aliases: Vec<String> = r
            .aliases
            .unwrap_or_default()
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .collect();
        // A malicious-package report: an OpenSSF `MAL-` id or alias, or a GitHub malware
        // advisory (a GHSA whose `cwe_ids` name CWE-506, embedded malicious code).
        let ghsa_malware = r
            .database_specific
            .as_ref()
            .and_then(|d| d.get("cwe_ids"))
            .and_then(|c| c.as_array())
            .is_some_and(|c| c.iter().any(|x| x.as_str() == Some("CWE-506")));
        let malicious = r.id.starts_with("MAL-")
            || aliases.iter().any(|a| a.starts_with("MAL-"))
            || ghsa_malware;
        let mut affected: Vec<AffectedPackage> = Vec::new();
        let mut cvss = Vec::new();
        let mut score_all = |entries: Option<Vec<osv::SeverityEntry>>| {
            for s in entries.unwrap_or_default() {
                if let Some(c) = score_vector(&s.kind, &s.score)
                    && !cvss.contains(&c)
                {
                    cvss.push(c);
                }
            }
        };
        score_all(r.severity);
        for (i, a) in r.affected.unwrap_or_default().into_iter().enumerate() {
            let Some(pkg) = a.package else { continue };
            if pkg.ecosystem != "npm" {
                continue;
            }
            if pkg.name.trim().is_empty() {
                return Err(format!("{}: affected[{i}].package.name is empty", r.id));
            }
            score_all(a.severity);
            let mut ranges = Vec::new();
            for (j, range) in a.ranges.unwrap_or_default().into_iter().enumerate() {
                if range.kind != "SEMVER" && range.kind != "ECOSYSTEM" {
                    // GIT ranges name commits, which an npm lockfile does not record.
                    continue;
                }
                let mut events = Vec::with_capacity(range.events.len());
                for (k, e) in range.events.into_iter().enumerate() {
                    let set = [&e.introduced, &e.fixed, &e.last_affected, &e.limit]
                        .iter()
                        .filter(|f| f.is_some())
                        .count();
                    let event = match (e.introduced, e.fixed, e.last_affected, e.limit) {
                        (Some(v), None, None, None) => Event::Introduced(v),
                        (None, Some(v), None, None) => Event::Fixed(v),
                        (None, None, Some(v), None) => Event::LastAffected(v),
                        (None, None, None, Some(v)) => Event::Limit(v),
                        _ => {
                            return Err(format!(
                                "{}: affected[{i}].ranges[{j}].events[{k}] must hold exactly one of introduced, fixed, last_affected, limit; found {set}",
                                r.id
                            ));
                        }
                    };
                    events.push(event);
                }
                if let Err(bad) = SortedRange::new(&events) {
                    return Err(format!(
                        "{}: affected[{i}].ranges[{j}]: {bad:?} is not a semver version",
                        r.id
                    ));
                }
                if !events.is_empty() {
                    ranges.push(events);
                }
            }
            let versions = a.versions.unwrap_or_default();
            // GitHub writes one `affected` entry per range: merge entries of one package.
            match affected.iter_mut().find(|p| p.name == pkg.name) {
                Some(p) => {
                    p.ranges.extend(ranges);
                    p.versions.extend(versions);
                }
                None => affected.push(AffectedPackage {
                    name: pkg.name,
                    ranges,
                    versions,
                }),
            }
        }
        if affected.is_empty() {
            return Ok(Converted::NotNpm);
        }
        let label = r
            .database_specific
            .as_ref()
            .and_then(|d| d.get("severity"))
            .and_then(|s| s.as_str())
            .and_then(Severity::from_label);
        let references = r
            .references
            .unwrap_or_default()
            .into_iter()
            .filter(|x| x.url.starts_with("https://") || x.url.starts_with("http://"))
            .map(|x| x.url)
            .take(5)
            .collect();
        Ok(Converted::Npm(Box::new(Advisory {
            id: r.id,
            modified,
            published,
            withdrawn,
            kind: if malicious {
                Kind::Malicious
            } else {
                Kind::Vulnerability
            },
            aliases,
            summary: r.summary.unwrap_or_default(),
            cvss,
            label,
            references,
            affected,
        })))
    }

    /// The severity: `malicious` for malicious-package reports, else the highest computed CVSS
    /// severity, else GitHub's label, else `None` (unknown).
    pub fn severity(&self) -> Option<Severity> {
        if self.kind == Kind::Malicious {
            return Some(Severity::Malicious);
        }
        self.cvss.iter().map(|c| c.severity).max().or(self.label)
    }

    /// The highest CVSS base score, if any vector was scored.
    pub fn score(&self) -> Option<f64> {
        self.cvss
            .iter()
            .map(|c| c.score)
            .fold(None, |m, s| Some(m.map_or(s, |m: f64| m.max(s))))
    }

    /// Every package name the advisory names.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.affected.iter().map(|a| a.name.as_str())
    }
}
