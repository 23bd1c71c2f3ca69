//! What the evidence gatherers (registry, scanner, advisories, provenance) learned about one
//! package version. The gate reads only this; gathering happens before, at the edge.

use crate::severity::Severity;
use jiff::Timestamp;
use serde::Serialize;

/// One finding from the scanner or a metadata rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// `file:line:col` inside the package, when the finding has a place.
    pub location: Option<String>,
}

/// The scanner's judgement of the tarball.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScanVerdict {
    Ok,
    Review,
    Malicious,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanFacts {
    pub verdict: ScanVerdict,
    pub findings: Vec<Finding>,
    /// Capabilities gained since the closest vetted version (`network`, `child-process`, …).
    pub capabilities_gained: Vec<String>,
}

/// An advisory that matches the version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdvisoryFact {
    pub id: String,
    pub aliases: Vec<String>,
    /// A malicious-package report (OSV `MAL-`): always deny.
    pub malicious: bool,
    pub severity: Option<Severity>,
    pub summary: String,
    pub fixed: Option<String>,
}

/// The registry signature over `name@version:integrity`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case", tag = "status", content = "detail")]
pub enum SignatureFact {
    Verified,
    /// The registry publishes no signature for it (a mirror, or an old version).
    Missing,
    Invalid(String),
    /// Not checked (offline, or keys unavailable).
    #[default]
    Unknown,
}

/// Sigstore provenance of the version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case", tag = "status", content = "detail")]
pub enum ProvenanceFact {
    /// Verified; the identity (`repository` and `workflow`).
    Verified {
        repository: String,
        workflow: String,
    },
    /// Verified, but from another repository or workflow than pinned or seen before.
    IdentityChange { expected: String, found: String },
    /// A bundle that does not verify, or a subject digest that does not match the tarball.
    Invalid(String),
    /// Earlier versions carried provenance; this one does not.
    Gap,
    /// No provenance, and none expected.
    Absent,
    #[default]
    Unknown,
}

/// Everything known about one locked package version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub name: String,
    pub version: String,
    /// The lockfile's integrity (SRI).
    pub integrity: Option<String>,
    /// Only needed for development (decides which criteria apply).
    pub dev: bool,
    /// When the registry says it was published; `None` when unknown.
    pub published: Option<Timestamp>,
    /// The tarball scan; `None` when the tarball could not be fetched or scanned.
    pub scan: Option<ScanFacts>,
    pub advisories: Vec<AdvisoryFact>,
    pub signature: SignatureFact,
    pub provenance: ProvenanceFact,
    /// Lifecycle scripts the package declares: (`postinstall`, command).
    pub install_scripts: Vec<(String, String)>,
    /// Findings of the metadata rules (new-publisher, typosquat, …).
    pub metadata: Vec<Finding>,
    /// The risk score, 0 (worst) to 10, when computed.
    pub score: Option<f64>,
    /// Whether this exact name@version was in the tree when it was frozen or last checked
    /// (new dependencies face `min-score`).
    pub is_new: bool,
    /// What could not be gathered, in words ("registry metadata: connection refused"). Fail
    /// closed: a package with gaps is never allowed without a person's audit.
    pub gaps: Vec<String>,
}

impl Evidence {
    /// Evidence with nothing gathered yet.
    pub fn new(name: impl Into<String>, version: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            version: version.into(),
            integrity: None,
            dev: false,
            published: None,
            scan: None,
            advisories: Vec::new(),
            signature: SignatureFact::Unknown,
            provenance: ProvenanceFact::Unknown,
            install_scripts: Vec::new(),
            metadata: Vec::new(),
            score: None,
            is_new: false,
            gaps: Vec::new(),
        }
    }
}
