//! The values the scanner returns: findings, capabilities, verdicts, file summaries.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How bad a finding is. Ordered: `Info < Low < Medium < High < Critical`.
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
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
    /// One step up, saturating at critical.
    pub fn raised(self) -> Self {
        match self {
            Severity::Info => Severity::Low,
            Severity::Low => Severity::Medium,
            Severity::Medium => Severity::High,
            _ => Severity::Critical,
        }
    }
    /// One step down, saturating at info.
    pub fn lowered(self) -> Self {
        match self {
            Severity::Critical => Severity::High,
            Severity::High => Severity::Medium,
            Severity::Medium => Severity::Low,
            _ => Severity::Info,
        }
    }
}

/// The scanner's judgement of a package version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Ok,
    Review,
    Malicious,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Review => "review",
            Verdict::Malicious => "malicious",
        }
    }
}

/// What a package's code can do; the upgrade gate compares these between versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Capability {
    Network,
    ChildProcess,
    FilesystemWrite,
    FilesystemRead,
    Environment,
    Eval,
    InstallScript,
    NativeBinary,
    WalletAccess,
    Clipboard,
    Obfuscated,
    DynamicRequire,
}

impl Capability {
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::Network => "network",
            Capability::ChildProcess => "child-process",
            Capability::FilesystemWrite => "filesystem-write",
            Capability::FilesystemRead => "filesystem-read",
            Capability::Environment => "environment",
            Capability::Eval => "eval",
            Capability::InstallScript => "install-script",
            Capability::NativeBinary => "native-binary",
            Capability::WalletAccess => "wallet-access",
            Capability::Clipboard => "clipboard",
            Capability::Obfuscated => "obfuscated",
            Capability::DynamicRequire => "dynamic-require",
        }
    }
}

/// Each capability with the files that grant it (sorted, deduplicated).
pub type Capabilities = BTreeMap<Capability, Vec<String>>;

/// One thing the scanner noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule id, e.g. `wallet-hook`.
    pub rule: String,
    pub severity: Severity,
    /// Path inside the package (without the `package/` prefix); `package.json` for scripts.
    pub file: String,
    /// 1-based line; 0 when the finding is about the whole archive.
    pub line: u32,
    /// 1-based column in characters; 0 when not applicable.
    pub column: u32,
    /// A sentence a person can act on.
    pub message: String,
    /// A short excerpt of what matched (at most 160 characters).
    pub evidence: String,
    /// Stable across runs: sha256 of rule, file and evidence (not the line), first 16 hex digits.
    pub fingerprint: String,
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub path: String,
    pub size: u64,
    pub lines: u32,
    pub sha256: String,
}

/// Limits on what the unpacker accepts; each one that is hit becomes a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Total unpacked bytes.
    pub max_total_size: u64,
    /// Unpacked bytes per compressed byte.
    pub max_ratio: u64,
    pub max_entries: u64,
    pub max_file_size: u64,
    /// Path components below the package root.
    pub max_path_depth: usize,
    /// Files larger than this are scanned with the text rules only (no parse).
    pub max_parse_size: usize,
    /// Bracket nesting deeper than this is not parsed (text rules only).
    pub max_nesting: usize,
    /// How many times decoded payloads are decoded and rescanned.
    pub max_decode_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_total_size: 512 * 1024 * 1024,
            max_ratio: 200,
            max_entries: 50_000,
            max_file_size: 64 * 1024 * 1024,
            max_path_depth: 40,
            max_parse_size: 3 * 1024 * 1024,
            max_nesting: 1_500,
            max_decode_depth: 4,
        }
    }
}

/// How to scan.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub limits: Limits,
    /// The registry's manifest of this version (the packument's `versions[v]`), to detect
    /// manifest confusion. `None` skips that comparison.
    pub manifest: Option<serde_json::Value>,
}

/// The result of scanning one package version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanReport {
    pub name: Option<String>,
    pub version: Option<String>,
    pub verdict: Verdict,
    /// Why the verdict is what it is, one sentence per reason.
    pub reasons: Vec<String>,
    pub findings: Vec<Finding>,
    pub capabilities: Capabilities,
    pub files: Vec<FileSummary>,
    /// Lifecycle scripts from package.json (preinstall, install, postinstall, prepare, …).
    pub install_scripts: BTreeMap<String, String>,
    /// dependencies + optionalDependencies from package.json, name → spec.
    pub dependencies: BTreeMap<String, String>,
    /// Bytes of unpacked content scanned.
    pub unpacked_bytes: u64,
    pub rules_version: String,
}
