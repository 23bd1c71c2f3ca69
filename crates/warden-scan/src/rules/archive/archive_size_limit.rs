//! Rule `archive-size-limit`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Decompression bombs exhaust memory and disk of whatever unpacks them; the unpacker stops at
/// the total-size limit and at a compression ratio above the limit for archives over 16 MiB.
    id: "archive-size-limit",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "the archive expands past the size or compression-ratio limit",
    incident: "Zip/gzip bombs submitted to package registries and CI scanners",
    case_file: "<archive>",
    flag: ["limits total=1000\nfile package/a.js 5000"],
    pass: ["limits total=100000\nfile package/a.js 5000"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
