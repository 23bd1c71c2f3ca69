//! Rule `archive-duplicate-entry`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// With duplicate entries a reviewer sees one copy and the installer keeps the last; both are
/// scanned and the duplication is reported.
    id: "archive-duplicate-entry",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "the same path appears twice",
    incident: "Duplicate-entry tricks that show reviewers one file and install another",
    case_file: "<archive>",
    flag: ["file package/index.js = a\nfile package/index.js = b"],
    pass: ["file package/index.js = a\nfile package/other.js = b"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
