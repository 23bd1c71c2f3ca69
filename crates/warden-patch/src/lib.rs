//! warden-patch: the pure core of the trusted-libraries lane. Bytes in, values out: package
//! tarballs read in memory ([`Tree`]), upstream diffs between two trees, unified patches applied
//! with offset and fuzz ([`apply`]), the automatic backport of a fix onto an older line
//! ([`backport`]), reproducible tarballs ([`Tree::to_tgz`]) and `patch.toml` ([`PatchManifest`]).
//! No network, no filesystem, no clock; nothing from a package is executed.

mod apply;
mod backport;
mod error;
mod manifest;
mod patchfile;
mod review;
mod tree;

pub use apply::{AppliedFile, ApplyOutcome, RejectedHunk, apply_file_patch, apply_patch};
pub use backport::{Backport, backport, pick_fixed, pick_last_affected};
pub use error::{Error, Result};
pub use manifest::{BuildRecord, PatchEntry, PatchManifest};
pub use patchfile::{FilePatch, diff_trees, parse_patch, render_patch};
pub use review::{Review, judge, review};
pub use tree::{Entry, Tree, integrity_sha512, patched_version};
