//! What a patch may not do: the scanner's diff of the patched build against the original must
//! show no capability gained (no network, no child process, nothing obfuscated…), no install
//! script added or changed, no dependency added, no binary added and no new finding. A patch
//! that fixes a bug has no reason to do any of these; one that does is refused.

use warden_scan::{ScanDiff, ScanOptions, ScanReport, Verdict};

#[derive(Debug, Clone)]
pub struct Review {
    pub before: ScanReport,
    pub after: ScanReport,
    pub diff: ScanDiff,
    /// Why the patched build is refused; empty when it is accepted.
    pub refusals: Vec<String>,
}

impl Review {
    pub fn accepted(&self) -> bool {
        self.refusals.is_empty()
    }
}

/// Scans both tarballs and judges the difference.
pub fn review(original_tgz: &[u8], patched_tgz: &[u8]) -> Review {
    let opts = ScanOptions::default();
    let before = warden_scan::scan_tarball(original_tgz, &opts);
    let after = warden_scan::scan_tarball(patched_tgz, &opts);
    judge(before, after)
}

/// Judges two scan reports (original, patched).
pub fn judge(before: ScanReport, after: ScanReport) -> Review {
    let diff = warden_scan::diff(&before, &after);
    let mut refusals = Vec::new();
    for (cap, files) in &diff.capabilities_gained {
        refusals.push(format!(
            "the patch adds the {} capability ({})",
            cap.as_str(),
            files.join(", ")
        ));
    }
    for (k, v) in diff
        .install_scripts_added
        .iter()
        .chain(&diff.install_scripts_changed)
    {
        refusals.push(format!("the patch adds or changes the {k} script: {v}"));
    }
    for (k, v) in &diff.dependencies_added {
        refusals.push(format!("the patch adds the dependency {k}@{v}"));
    }
    for b in &diff.binaries_added {
        refusals.push(format!("the patch adds the binary {b}"));
    }
    for f in &diff.new_findings {
        refusals.push(format!(
            "the patch introduces finding {} ({}) at {}:{}",
            f.rule,
            f.severity.as_str(),
            f.file,
            f.line
        ));
    }
    if after.verdict == Verdict::Malicious {
        refusals.push("the scanner judges the patched build malicious".into());
    }
    Review {
        before,
        after,
        diff,
        refusals,
    }
}
