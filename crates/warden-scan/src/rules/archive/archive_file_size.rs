//! Rule `archive-file-size`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// One huge file (often padding to push a payload past scanners' size cut-offs) is skipped and
/// reported.
    id: "archive-file-size",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "a file is larger than the per-file limit",
    incident: "Oversized padded payload files used to evade scanners",
    case_file: "<archive>",
    flag: ["limits file=100\nfile package/big.js 500"],
    pass: ["limits file=1000\nfile package/big.js 500"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
