//! `supply-chain/audits.toml` (the team's audits) and `supply-chain/imports.lock` (audits
//! imported from other organisations, pinned by content).
//!
//! ```toml
//! [[audits.chalk]]
//! who = "Ada <ada@example.com>"
//! criteria = "safe-to-deploy"
//! version = "5.3.0"
//! integrity = "sha512-…"
//! notes = "read every file"
//!
//! [[audits.chalk]]
//! who = "Ada <ada@example.com>"
//! criteria = "safe-to-deploy"
//! delta = "5.3.0 -> 5.4.0"
//! integrity = "sha512-…"   # of 5.4.0, the version the delta reaches
//! ```

use crate::config::CriteriaList;
use crate::error::PolicyError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const AUDITS_FILE: &str = "supply-chain/audits.toml";
pub const IMPORTS_LOCK: &str = "supply-chain/imports.lock";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Audit {
    #[serde(default)]
    pub who: Option<String>,
    pub criteria: CriteriaList,
    /// A full audit of this version.
    #[serde(default)]
    pub version: Option<String>,
    /// A delta audit: `"FROM -> TO"`.
    #[serde(default)]
    pub delta: Option<String>,
    /// Integrity of the version read (for a delta, of TO).
    #[serde(default)]
    pub integrity: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// What an audit covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Covers<'a> {
    Full(&'a str),
    Delta(&'a str, &'a str),
}

impl Audit {
    pub fn covers(&self) -> Option<Covers<'_>> {
        match (&self.version, &self.delta) {
            (Some(v), None) => Some(Covers::Full(v)),
            (None, Some(d)) => {
                let (from, to) = d.split_once("->")?;
                Some(Covers::Delta(from.trim(), to.trim()))
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct AuditsFile {
    #[serde(default)]
    pub audits: BTreeMap<String, Vec<Audit>>,
}

impl AuditsFile {
    pub fn parse(file: &str, text: &str) -> Result<Self, PolicyError> {
        let f: AuditsFile =
            toml::from_str(text).map_err(|e| PolicyError::from_toml(file, text, &e))?;
        for (name, list) in &f.audits {
            for a in list {
                if a.covers().is_none() {
                    let what = a
                        .version
                        .as_deref()
                        .or(a.delta.as_deref())
                        .unwrap_or("(no version)");
                    let needle = format!("[[audits.{name}]]");
                    return Err(PolicyError::new(
                        file,
                        format!(
                            "audit of {name} ({what}) needs exactly one of `version = \"X\"` or `delta = \"FROM -> TO\"`"
                        ),
                    )
                    .at_offset(text, text.find(&needle).unwrap_or(0)));
                }
            }
        }
        Ok(f)
    }
}

/// imports.lock: for each import, the audits fetched and the digest of what was fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ImportsLock {
    #[serde(default)]
    pub imports: BTreeMap<String, ImportedAudits>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ImportedAudits {
    pub url: String,
    /// `sha256-<hex>` of the fetched audits.toml.
    pub digest: String,
    #[serde(default)]
    pub audits: BTreeMap<String, Vec<Audit>>,
}

impl ImportsLock {
    pub fn parse(file: &str, text: &str) -> Result<Self, PolicyError> {
        toml::from_str(text).map_err(|e| PolicyError::from_toml(file, text, &e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_and_delta() {
        let text = r#"
[[audits.chalk]]
who = "ada"
criteria = "safe-to-deploy"
version = "5.3.0"

[[audits.chalk]]
criteria = ["safe-to-run"]
delta = "5.3.0 -> 5.4.0"
"#;
        let f = AuditsFile::parse("audits.toml", text).unwrap();
        let a = &f.audits["chalk"];
        assert_eq!(a[0].covers(), Some(Covers::Full("5.3.0")));
        assert_eq!(a[1].covers(), Some(Covers::Delta("5.3.0", "5.4.0")));
    }

    #[test]
    fn an_audit_without_version_names_its_line() {
        let text = "\n\n[[audits.chalk]]\ncriteria = \"safe-to-run\"\n";
        let e = AuditsFile::parse("supply-chain/audits.toml", text).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = AuditsFile::parse("a.toml", "[[audits.x]]\ncriteria = 5\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }
}
