//! The automatic backport: the upstream diff between the last affected release and the fixed
//! one, restricted to files the version in use has, applied to it with fuzz.

use crate::apply::{ApplyOutcome, apply_patch};
use crate::error::Result;
use crate::patchfile::{FilePatch, diff_trees};
use crate::tree::Tree;

/// The result of a backport. `patch` is the diff from the version in use to `patched`: exact
/// against the base tarball, whatever fuzz the upstream hunks needed.
#[derive(Debug, Clone)]
pub struct Backport {
    pub patched: Tree,
    pub patch: Vec<FilePatch>,
    pub outcome: ApplyOutcome,
    /// Upstream files the version in use does not have (their hunks are not carried over).
    pub skipped_absent: Vec<String>,
    /// Upstream changes never carried over: package.json (version, dependencies), documents,
    /// binaries and deletions.
    pub skipped_other: Vec<String>,
}

/// Files whose upstream changes are not code: release notes, licences, the manifest.
fn not_backported(path: &str) -> bool {
    let base = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    path == "package.json"
        || base.ends_with(".md")
        || base.ends_with(".markdown")
        || base.starts_with("license")
        || base.starts_with("licence")
        || base.starts_with("changelog")
        || base.starts_with("history")
}

/// Backports the change `last_affected → fixed` onto `target`, allowing `max_fuzz` lines of
/// context fuzz.
pub fn backport(
    target: &Tree,
    last_affected: &Tree,
    fixed: &Tree,
    max_fuzz: usize,
) -> Result<Backport> {
    let (upstream, binary, deleted) = diff_trees(last_affected, fixed);
    let mut skipped_absent = Vec::new();
    let mut skipped_other: Vec<String> = binary.into_iter().chain(deleted).collect();
    let mut keep = Vec::new();
    for part in upstream {
        if not_backported(&part.path) {
            skipped_other.push(part.path);
        } else if !target.files.contains_key(&part.path) {
            skipped_absent.push(part.path);
        } else {
            keep.push(part);
        }
    }
    skipped_other.sort();
    let mut patched = target.clone();
    let outcome = apply_patch("upstream diff", &mut patched, &keep, max_fuzz)?;
    let (patch, _, _) = diff_trees(target, &patched);
    Ok(Backport {
        patched,
        patch,
        outcome,
        skipped_absent,
        skipped_other,
    })
}

fn parse(v: &str) -> Option<(u64, u64, u64)> {
    let mut it = v.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = it.next()?.parse().ok()?;
    let patch = it.next()?.parse().ok()?;
    it.next().is_none().then_some((major, minor, patch))
}

/// The last release before `fixed` on its line (same major; same minor when the major is 0),
/// prereleases ignored: the version the fix was made against.
pub fn pick_last_affected<'a>(
    versions: impl IntoIterator<Item = &'a str>,
    fixed: &str,
) -> Option<String> {
    let f = parse(fixed)?;
    versions
        .into_iter()
        .filter_map(|v| parse(v).map(|p| (p, v)))
        .filter(|(p, _)| *p < f && p.0 == f.0 && (f.0 != 0 || p.1 == f.1))
        .max_by_key(|(p, _)| *p)
        .map(|(_, v)| v.to_string())
}

/// The lowest of an advisory's `fixed` versions above `version`: the release to take the fix from.
pub fn pick_fixed<'a>(fixed: impl IntoIterator<Item = &'a str>, version: &str) -> Option<String> {
    let v = parse(version)?;
    fixed
        .into_iter()
        .filter_map(|f| parse(f).map(|p| (p, f)))
        .filter(|(p, _)| *p > v)
        .min_by_key(|(p, _)| *p)
        .map(|(_, f)| f.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_affected_is_the_release_before_the_fix_on_its_line() {
        let vs = ["0.2.1", "1.2.4", "1.2.5", "1.3.0", "2.0.0", "1.2.6-rc.1"];
        assert_eq!(pick_last_affected(vs, "1.2.6").as_deref(), Some("1.2.5"));
        assert_eq!(pick_last_affected(vs, "0.2.2").as_deref(), Some("0.2.1"));
        assert_eq!(pick_last_affected(vs, "0.3.0"), None);
        assert_eq!(pick_last_affected(vs, "not-a-version"), None);
    }

    #[test]
    fn fixed_is_the_lowest_fix_above_the_version_in_use() {
        let fixed = ["1.2.6", "0.2.4"];
        assert_eq!(pick_fixed(fixed, "0.2.1").as_deref(), Some("0.2.4"));
        assert_eq!(pick_fixed(fixed, "1.0.0").as_deref(), Some("1.2.6"));
        assert_eq!(pick_fixed(fixed, "1.2.6"), None);
    }
}
