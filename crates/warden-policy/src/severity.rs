//! Severities and the actions a policy maps them to.

use serde::{Deserialize, Serialize};

/// How bad a finding is, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Critical => "critical",
        }
    }

    /// What the gate does with a finding of this severity when the policy says nothing else.
    pub fn default_action(self) -> Action {
        match self {
            Self::Info | Self::Low => Action::Warn,
            Self::Medium | Self::High => Action::Review,
            Self::Critical => Action::Deny,
        }
    }
}

/// What the gate does with a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Ignore the rule entirely.
    Off,
    /// Show it; it does not change the verdict.
    Warn,
    /// An unvetted package with this finding needs a person's review.
    Review,
    /// Deny the package unless a person audited this exact version.
    Deny,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Warn => "warn",
            Self::Review => "review",
            Self::Deny => "deny",
        }
    }
}
