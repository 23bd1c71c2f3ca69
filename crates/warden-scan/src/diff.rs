//! What a new version adds over an old one: the upgrade gate's core signal.

use crate::model::{Capability, Finding, ScanReport};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileChange {
    pub path: String,
    /// Lines in the old and new file (0 for binaries or when absent).
    pub old_lines: u32,
    pub new_lines: u32,
    pub old_size: u64,
    pub new_size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanDiff {
    pub old_version: Option<String>,
    pub new_version: Option<String>,
    pub old_verdict: crate::Verdict,
    pub new_verdict: crate::Verdict,
    /// Capabilities the new version has and the old does not, with the files granting them.
    pub capabilities_gained: BTreeMap<Capability, Vec<String>>,
    pub capabilities_lost: Vec<Capability>,
    /// Findings of the new version whose fingerprint the old version does not have.
    pub new_findings: Vec<Finding>,
    pub files_added: Vec<FileChange>,
    pub files_removed: Vec<FileChange>,
    pub files_changed: Vec<FileChange>,
    pub install_scripts_added: BTreeMap<String, String>,
    pub install_scripts_changed: BTreeMap<String, String>,
    pub dependencies_added: BTreeMap<String, String>,
    pub dependencies_removed: Vec<String>,
    pub binaries_added: Vec<String>,
}

impl ScanDiff {
    /// Whether the upgrade adds anything the gate should look at.
    pub fn is_notable(&self) -> bool {
        !self.capabilities_gained.is_empty()
            || !self.new_findings.is_empty()
            || !self.install_scripts_added.is_empty()
            || !self.install_scripts_changed.is_empty()
            || !self.binaries_added.is_empty()
    }
}

pub fn diff(old: &ScanReport, new: &ScanReport) -> ScanDiff {
    let capabilities_gained = new
        .capabilities
        .iter()
        .filter(|(c, _)| !old.capabilities.contains_key(c))
        .map(|(c, f)| (*c, f.clone()))
        .collect();
    let capabilities_lost = old
        .capabilities
        .keys()
        .filter(|c| !new.capabilities.contains_key(c))
        .copied()
        .collect();
    let old_fp: HashSet<(&str, &str)> = old
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.fingerprint.as_str()))
        .collect();
    let new_findings = new
        .findings
        .iter()
        .filter(|f| !old_fp.contains(&(f.rule.as_str(), f.fingerprint.as_str())))
        .cloned()
        .collect();
    let old_files: HashMap<&str, &crate::FileSummary> =
        old.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let new_files: HashMap<&str, &crate::FileSummary> =
        new.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let change =
        |o: Option<&&crate::FileSummary>, n: Option<&&crate::FileSummary>, path: &str| FileChange {
            path: path.to_string(),
            old_lines: o.map(|f| f.lines).unwrap_or(0),
            new_lines: n.map(|f| f.lines).unwrap_or(0),
            old_size: o.map(|f| f.size).unwrap_or(0),
            new_size: n.map(|f| f.size).unwrap_or(0),
        };
    let mut files_added = Vec::new();
    let mut files_changed = Vec::new();
    for f in &new.files {
        match old_files.get(f.path.as_str()) {
            None => files_added.push(change(None, Some(&f), &f.path)),
            Some(o) if o.sha256 != f.sha256 => {
                files_changed.push(change(Some(o), Some(&f), &f.path))
            }
            _ => {}
        }
    }
    let files_removed = old
        .files
        .iter()
        .filter(|f| !new_files.contains_key(f.path.as_str()))
        .map(|f| change(Some(&f), None, &f.path))
        .collect();
    let install_scripts_added = new
        .install_scripts
        .iter()
        .filter(|(k, _)| !old.install_scripts.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let install_scripts_changed = new
        .install_scripts
        .iter()
        .filter(|(k, v)| old.install_scripts.get(*k).is_some_and(|o| o != *v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let dependencies_added = new
        .dependencies
        .iter()
        .filter(|(k, _)| !old.dependencies.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let dependencies_removed = old
        .dependencies
        .keys()
        .filter(|k| !new.dependencies.contains_key(*k))
        .cloned()
        .collect();
    let binaries_added = new
        .findings
        .iter()
        .filter(|f| f.rule == "native-binary")
        .map(|f| f.file.clone())
        .filter(|p| {
            !old.findings
                .iter()
                .any(|o| o.rule == "native-binary" && &o.file == p)
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    ScanDiff {
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        old_verdict: old.verdict,
        new_verdict: new.verdict,
        capabilities_gained,
        capabilities_lost,
        new_findings,
        files_added,
        files_removed,
        files_changed,
        install_scripts_added,
        install_scripts_changed,
        dependencies_added,
        dependencies_removed,
        binaries_added,
    }
}
