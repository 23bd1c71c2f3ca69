//! Severity: computed from CVSS v3.x and v4.0 base vectors with RustSec's `cvss` crate (the
//! FIRST specifications' formulas and v4.0 lookup tables), else GitHub's severity label.
//! Malicious-package reports are their own level, above critical.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How bad a finding is. Ordered: `Low < Moderate < High < Critical < Malicious`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Moderate,
    High,
    Critical,
    /// A malicious-package report (`MAL-`): the gate denies the version.
    Malicious,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Moderate => "moderate",
            Self::High => "high",
            Self::Critical => "critical",
            Self::Malicious => "malicious",
        }
    }

    /// GitHub's label (`LOW`, `MODERATE`, `HIGH`, `CRITICAL`), any case; `MEDIUM` too.
    pub fn from_label(label: &str) -> Option<Self> {
        match label.trim().to_ascii_lowercase().as_str() {
            "low" => Some(Self::Low),
            "moderate" | "medium" => Some(Self::Moderate),
            "high" => Some(Self::High),
            "critical" => Some(Self::Critical),
            _ => None,
        }
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.eq_ignore_ascii_case("malicious") {
            return Ok(Self::Malicious);
        }
        Self::from_label(s).ok_or_else(|| {
            format!("unknown severity {s:?}; expected low, moderate, high, critical or malicious")
        })
    }
}

/// A CVSS vector of a record with its computed base score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvssScore {
    /// `CVSS_V3` or `CVSS_V4`, as the record says.
    pub kind: String,
    pub vector: String,
    /// The base score, 0.0 to 10.0, computed from the vector.
    pub score: f64,
    pub severity: Severity,
}

/// Scores a CVSS v3.0, v3.1 or v4.0 vector. `None` for other versions or a malformed vector.
pub fn score_vector(kind: &str, vector: &str) -> Option<CvssScore> {
    let v = vector.trim();
    let ok_prefix =
        v.starts_with("CVSS:3.0/") || v.starts_with("CVSS:3.1/") || v.starts_with("CVSS:4.0/");
    if !ok_prefix {
        return None;
    }
    // Every base metric must be stated: a partial vector would be scored from defaults, which is
    // a guess.
    let required: &[&str] = if v.starts_with("CVSS:4.0/") {
        &[
            "AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA",
        ]
    } else {
        &["AV", "AC", "PR", "UI", "S", "C", "I", "A"]
    };
    let stated: Vec<&str> = v
        .split('/')
        .skip(1)
        .filter_map(|m| m.split(':').next())
        .collect();
    if !required.iter().all(|r| stated.contains(r)) {
        return None;
    }
    let parsed = cvss::Cvss::from_str(v).ok()?;
    let score = parsed.score();
    // The qualitative scale of v3 and v4: 0.0 none, 0.1-3.9 low, 4.0-6.9 medium, 7.0-8.9 high,
    // 9.0-10.0 critical. A 0.0 score counts as low: the record still names the version.
    let severity = match parsed.severity() {
        cvss::Severity::None | cvss::Severity::Low => Severity::Low,
        cvss::Severity::Medium => Severity::Moderate,
        cvss::Severity::High => Severity::High,
        cvss::Severity::Critical => Severity::Critical,
    };
    Some(CvssScore {
        kind: kind.to_string(),
        vector: v.to_string(),
        score,
        severity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v31_vectors_are_scored() {
        // lodash GHSA-p6mc-m468-83gw
        let s = score_vector("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H")
            .expect("scores");
        assert_eq!(s.score, 8.1);
        assert_eq!(s.severity, Severity::High);
        let s = score_vector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
            .expect("scores");
        assert_eq!(s.score, 9.8);
        assert_eq!(s.severity, Severity::Critical);
        let s = score_vector("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N")
            .expect("scores");
        assert_eq!(s.score, 6.1);
        assert_eq!(s.severity, Severity::Moderate);
    }

    #[test]
    fn v40_vectors_are_scored_from_the_lookup_tables() {
        // Reference values from the FIRST CVSS v4.0 calculator.
        let s = score_vector(
            "CVSS_V4",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        )
        .expect("scores");
        assert_eq!(s.score, 9.3);
        assert_eq!(s.severity, Severity::Critical);
        let s = score_vector(
            "CVSS_V4",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N",
        )
        .expect("scores");
        assert_eq!(s.score, 8.7);
        assert_eq!(s.severity, Severity::High);
        let s = score_vector(
            "CVSS_V4",
            "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N",
        )
        .expect("scores");
        assert_eq!(s.severity, Severity::Moderate);
    }

    #[test]
    fn malformed_and_v2_vectors_are_not_guessed() {
        assert!(score_vector("CVSS_V3", "CVSS:3.1/AV:N").is_none());
        assert!(score_vector("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P").is_none());
        assert!(score_vector("CVSS_V3", "").is_none());
    }

    #[test]
    fn labels_and_order() {
        assert_eq!(Severity::from_label("MODERATE"), Some(Severity::Moderate));
        assert_eq!(Severity::from_label("bogus"), None);
        assert!(Severity::Malicious > Severity::Critical && Severity::Low < Severity::Moderate);
        assert_eq!("malicious".parse::<Severity>(), Ok(Severity::Malicious));
        assert!("none".parse::<Severity>().is_err());
    }
}
