//! Rule `archive-link`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// npm packs regular files only; a link in a tarball points extraction at files elsewhere (a
/// symlink to ~/.ssh or a hard link over a system file).
    id: "archive-link",
    category: Archive,
    severity: Medium,
    capability: None,
    title: "an entry is a symbolic or hard link",
    incident: "node-tar symlink/hardlink extraction CVEs (CVE-2021-32804, CVE-2021-37712)",
    case_file: "<archive>",
    flag: ["symlink package/x /etc/passwd", "hardlink package/y package/index.js"],
    pass: ["file package/x = plain"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
