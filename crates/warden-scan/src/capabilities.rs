//! The capability set of a package: what its code can do, each with the files granting it.

use crate::model::{Capabilities, Capability};
use crate::package::Package;
use crate::rules::Hit;

pub fn collect(pkg: &Package, hits: &[Hit]) -> Capabilities {
    let mut caps = Capabilities::new();
    let mut add = |c: Capability, file: &str| {
        let v = caps.entry(c).or_default();
        if !v.iter().any(|f| f == file) {
            v.push(file.to_string());
        }
    };
    for h in hits {
        if let Some(c) = h.rule.capability {
            add(c, &h.file);
        }
    }
    for f in &pkg.files {
        let Some(js) = &f.js else { continue };
        let fs_write = js.calls.iter().any(|c| {
            let p = c.path.as_str();
            (p.starts_with("fs.") || p.starts_with("fs/promises.") || p.starts_with("fs-extra."))
                && [
                    "write",
                    "append",
                    "unlink",
                    "rm",
                    "rename",
                    "mkdir",
                    "copy",
                    "chmod",
                    "createWriteStream",
                    "symlink",
                    "truncate",
                ]
                .iter()
                .any(|w| p.rsplit('.').next().unwrap_or("").starts_with(w))
        });
        if fs_write {
            add(Capability::FilesystemWrite, &f.path);
        }
        let fs_read = js.calls.iter().any(|c| {
            c.path.starts_with("fs.read")
                || c.path.starts_with("fs/promises.read")
                || c.path == "fs.createReadStream"
        });
        if fs_read {
            add(Capability::FilesystemRead, &f.path);
        }
        if js.members.keys().any(|k| k.starts_with("process.env")) {
            add(Capability::Environment, &f.path);
        }
    }
    for v in caps.values_mut() {
        v.sort();
    }
    caps
}
