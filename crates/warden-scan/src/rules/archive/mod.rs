//! Archive rules: limits and unsafe entries found while unpacking, and manifest confusion.

use crate::package::Package;
use crate::rules::Emitter;

pub mod archive_corrupt;
pub mod archive_device;
pub mod archive_duplicate_entry;
pub mod archive_entry_limit;
pub mod archive_file_size;
pub mod archive_link;
pub mod archive_path_depth;
pub mod archive_size_limit;
pub mod archive_unsafe_path;
pub mod manifest_confusion;

/// Reports the unpacker's issues that belong to rule `id`.
fn report_issues(pkg: &Package, out: &mut Emitter, id: &str) {
    for i in pkg.archive_issues.iter().filter(|i| i.rule == id) {
        let file = if i.path.is_empty() {
            "package.json"
        } else {
            i.path.as_str()
        };
        let sev = out.default_severity();
        out.whole(sev, file, i.message.clone(), i.path.clone());
    }
}
