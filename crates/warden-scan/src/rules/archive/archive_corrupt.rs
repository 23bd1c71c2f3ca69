//! Rule `archive-corrupt`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// A tarball that cannot be read to its end hides what comes after the break from scanners while
/// another extractor may still read it. The scan keeps what it could read and reports the break.
    id: "archive-corrupt",
    category: Archive,
    severity: High,
    capability: None,
    title: "the archive is truncated or corrupt",
    incident: "Archive-differential attacks on package scanners (tar parser confusion research, 2023)",
    case_file: "<archive>",
    flag: ["file package/index.js = module.exports = 1\ntruncate 60"],
    pass: ["file package/index.js = module.exports = 1"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
