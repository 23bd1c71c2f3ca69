//! Rule `archive-device`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Device nodes and FIFOs have no business in a package and can hang or harm extractors.
    id: "archive-device",
    category: Archive,
    severity: High,
    capability: None,
    title: "an entry is a device file, a pipe or an unknown type",
    incident: "Special-file entries in malicious archives",
    case_file: "<archive>",
    flag: ["fifo package/pipe"],
    pass: ["file package/pipe = x"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    super::report_issues(pkg, out, META.id);
}
