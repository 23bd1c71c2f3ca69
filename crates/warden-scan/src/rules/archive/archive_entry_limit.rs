//! Rule `archive-entry-limit`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Hundreds of thousands of tiny entries are a denial of service on scanners and installers.
    id: "archive-entry-limit",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "the archive has too many entries",
    incident: "Entry-count denial of service on archive scanners",
    case_file: "<archive>",
    flag: ["limits entries=2\nfile package/a.js 1\nfile package/b.js 1\nfile package/c.js 1"],
    pass: ["limits entries=3\nfile package/a.js 1\nfile package/b.js 1"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
