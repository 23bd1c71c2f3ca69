//! Rule `archive-unsafe-path`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Tar slip: entries named `/etc/...` or `../../x` overwrite files outside the package directory
/// with extractors that trust names.
    id: "archive-unsafe-path",
    category: Archive,
    severity: High,
    capability: None,
    title: "an entry has an absolute path or climbs out with `..`",
    incident: "Tar-slip vulnerabilities in node-tar (CVE-2021-32803, CVE-2021-37701)",
    case_file: "<archive>",
    flag: ["file ../../etc/cron.d/x = x", "file /tmp/x = x"],
    pass: ["file package/lib/x.js = x"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
