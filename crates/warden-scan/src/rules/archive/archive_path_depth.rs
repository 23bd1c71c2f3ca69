//! Rule `archive-path-depth`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Absurdly deep paths break tools with path-length limits and hide files from reviewers.
    id: "archive-path-depth",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "a path is nested deeper than the limit",
    incident: "Path-depth denial of service on extractors",
    case_file: "<archive>",
    flag: ["limits depth=2\nfile package/a/b/c/d.js 1"],
    pass: ["limits depth=4\nfile package/a/b/c/d.js 1"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
