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
    /// Code files whose upstream hunks only bump the release's version (a generated
    /// `lib/version.js`, a `VERSION` constant): not carried over, since the version in use keeps
    /// its own number (the build gets `VERSION-warden.N`).
    pub skipped_version_bump: Vec<String>,
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
    let versions = manifest_version(last_affected).zip(manifest_version(fixed));
    let mut skipped_absent = Vec::new();
    let mut skipped_other: Vec<String> = binary.into_iter().chain(deleted).collect();
    let mut skipped_version_bump = Vec::new();
    let mut keep = Vec::new();
    for part in upstream {
        if not_backported(&part.path) {
            skipped_other.push(part.path);
        } else if !target.files.contains_key(&part.path) {
            skipped_absent.push(part.path);
        } else {
            let (rest, dropped) = match &versions {
                Some((old, new)) => drop_version_bumps(&part, old, new),
                None => (Some(part.clone()), 0),
            };
            if dropped > 0 {
                skipped_version_bump.push(part.path.clone());
            }
            keep.extend(rest);
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
        skipped_version_bump,
    })
}

/// package.json's `"version"`.
fn manifest_version(tree: &Tree) -> Option<String> {
    let json: serde_json::Value = serde_json::from_str(tree.text("package.json")?).ok()?;
    json.get("version")?.as_str().map(str::to_string)
}

/// True when every line a hunk removes holds `old` and the line it adds in its place is the same
/// line with `new` instead: the release bumping its own version number, nothing else.
fn is_version_bump(hunk: &[&str], old: &str, new: &str) -> bool {
    let body = hunk.iter().skip(1).filter(|l| !l.starts_with('\\'));
    let removed: Vec<&str> = body.clone().filter_map(|l| l.strip_prefix('-')).collect();
    let added: Vec<&str> = body.filter_map(|l| l.strip_prefix('+')).collect();
    !old.is_empty()
        && old != new
        && !removed.is_empty()
        && removed.len() == added.len()
        && removed
            .iter()
            .zip(&added)
            .all(|(r, a)| r.contains(old) && r.replace(old, new) == *a)
}

/// `part` without its version-bump hunks (None when nothing else is left), and how many were
/// dropped. A dropped hunk adds as many lines as it removes, so the line numbers of the hunks
/// after it stay right.
fn drop_version_bumps(part: &FilePatch, old: &str, new: &str) -> (Option<FilePatch>, usize) {
    let lines: Vec<&str> = part.text.split_inclusive('\n').collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("@@"))
        .unwrap_or(lines.len());
    let mut text: String = lines[..first].concat();
    let (mut kept, mut dropped) = (0, 0);
    let mut start = first;
    while start < lines.len() {
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.starts_with("@@"))
            .map_or(lines.len(), |i| start + 1 + i);
        let hunk: Vec<&str> = lines[start..end]
            .iter()
            .map(|l| l.trim_end_matches('\n'))
            .collect();
        if is_version_bump(&hunk, old, new) {
            dropped += 1;
        } else {
            kept += 1;
            text.push_str(&lines[start..end].concat());
        }
        start = end;
    }
    if dropped == 0 {
        return (Some(part.clone()), 0);
    }
    let rest = (kept > 0).then(|| FilePatch {
        path: part.path.clone(),
        text,
    });
    (rest, dropped)
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
    use crate::tree::Entry;

    fn tree(files: &[(&str, &str)]) -> Tree {
        Tree {
            files: files
                .iter()
                .map(|(p, t)| {
                    (
                        p.to_string(),
                        Entry {
                            bytes: t.as_bytes().to_vec(),
                            executable: false,
                        },
                    )
                })
                .collect(),
        }
    }

    const LIB: &str = "function get(o, k) {\n  return o[k];\n}\nmodule.exports = get;\n";
    const FIXED_LIB: &str = "function get(o, k) {\n  if (k === '__proto__') return;\n  return o[k];\n}\nmodule.exports = get;\n";

    #[test]
    fn a_release_bumping_its_own_version_in_code_is_not_carried_over() {
        // tough-cookie's shape: lib/version.js says the release's number; the version in use
        // says its own, so the bump cannot apply and must not be rejected.
        let old = tree(&[
            ("package.json", r#"{"version":"4.1.2"}"#),
            ("lib/version.js", "// generated\nmodule.exports = '4.1.2'\n"),
            ("lib/get.js", LIB),
        ]);
        let new = tree(&[
            ("package.json", r#"{"version":"4.1.3"}"#),
            ("lib/version.js", "// generated\nmodule.exports = '4.1.3'\n"),
            ("lib/get.js", FIXED_LIB),
        ]);
        let target = tree(&[
            ("package.json", r#"{"version":"4.1.0"}"#),
            ("lib/version.js", "// generated\nmodule.exports = '4.1.0'\n"),
            ("lib/get.js", LIB),
        ]);
        let bp = backport(&target, &old, &new, 2).expect("backports");
        assert!(bp.outcome.clean(), "{:?}", bp.outcome.rejected);
        assert_eq!(bp.skipped_version_bump, ["lib/version.js"]);
        assert_eq!(bp.patch.len(), 1);
        assert_eq!(bp.patch[0].path, "lib/get.js");
        assert_eq!(
            bp.patched.text("lib/version.js"),
            Some("// generated\nmodule.exports = '4.1.0'\n")
        );
        assert_eq!(bp.patched.text("lib/get.js"), Some(FIXED_LIB));
    }

    #[test]
    fn a_hunk_that_bumps_the_version_and_changes_code_is_kept() {
        // The same hunk also changes behaviour: it is not a bump, so it is tried (and here
        // rejected, as its context names the other version).
        let old = tree(&[
            ("package.json", r#"{"version":"1.0.1"}"#),
            (
                "index.js",
                "exports.version = '1.0.1'\nexports.strict = false\n",
            ),
        ]);
        let new = tree(&[
            ("package.json", r#"{"version":"1.0.2"}"#),
            (
                "index.js",
                "exports.version = '1.0.2'\nexports.strict = true\n",
            ),
        ]);
        let target = tree(&[
            ("package.json", r#"{"version":"1.0.0"}"#),
            (
                "index.js",
                "exports.version = '1.0.0'\nexports.strict = false\n",
            ),
        ]);
        let bp = backport(&target, &old, &new, 2).expect("backports");
        assert!(bp.skipped_version_bump.is_empty());
        assert_eq!(bp.outcome.rejected.len(), 1);
    }

    #[test]
    fn only_the_bump_hunks_of_a_file_are_dropped() {
        let mut body = String::from("module.exports.VERSION = '2.0.0'\n");
        for i in 0..12 {
            body.push_str(&format!("var filler{i} = {i}\n"));
        }
        let fixed_body = body.replace("'2.0.0'", "'2.0.1'").replace(
            "var filler11 = 11\n",
            "var filler11 = 11\nObject.freeze(module.exports)\n",
        );
        let old = tree(&[("package.json", r#"{"version":"2.0.0"}"#), ("v.js", &body)]);
        let new = tree(&[
            ("package.json", r#"{"version":"2.0.1"}"#),
            ("v.js", &fixed_body),
        ]);
        let target_body = body.replace("'2.0.0'", "'1.9.0'");
        let target = tree(&[
            ("package.json", r#"{"version":"1.9.0"}"#),
            ("v.js", &target_body),
        ]);
        let bp = backport(&target, &old, &new, 2).expect("backports");
        assert!(bp.outcome.clean(), "{:?}", bp.outcome.rejected);
        assert_eq!(bp.skipped_version_bump, ["v.js"]);
        let text = bp.patched.text("v.js").expect("text");
        assert!(text.starts_with("module.exports.VERSION = '1.9.0'\n"));
        assert!(text.ends_with("var filler11 = 11\nObject.freeze(module.exports)\n"));
    }

    #[test]
    fn version_bump_detection() {
        let h = ["@@ -1,2 +1,2 @@", " // x", "-v = '1.0.1'", "+v = '1.0.2'"];
        assert!(is_version_bump(&h, "1.0.1", "1.0.2"));
        assert!(!is_version_bump(&h, "1.0.1", "1.0.1"));
        assert!(!is_version_bump(&h, "", "1.0.2"));
        let added = ["@@ -1,1 +1,2 @@", " // x", "+v = '1.0.2'"];
        assert!(!is_version_bump(&added, "1.0.1", "1.0.2"));
        let other = ["@@ -1,1 +1,1 @@", "-v = '1.0.1'; a()", "+v = '1.0.2'; b()"];
        assert!(!is_version_bump(&other, "1.0.1", "1.0.2"));
    }

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
