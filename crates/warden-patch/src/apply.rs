//! Applying unified patches with offset and fuzz, as GNU patch does: a hunk is looked for at its
//! recorded line, then ever further away; when its context does not match anywhere, up to
//! `max_fuzz` context lines are dropped from each end and the search repeats. diffy parses the
//! hunks; the search with fuzz is ours, as diffy's own `apply` has no fuzz.

use crate::error::{Error, Result};
use crate::patchfile::FilePatch;
use crate::tree::{Entry, Tree};
use diffy::{Hunk, Line};

/// A hunk that found no place, with the text of a `.rej` file for it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RejectedHunk {
    pub path: String,
    /// 1-based hunk number within the file's part.
    pub hunk: usize,
    pub text: String,
}

/// What happened to one file's part.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AppliedFile {
    pub path: String,
    pub hunks: usize,
    pub applied: usize,
    /// The largest fuzz any applied hunk needed (0: all context matched).
    pub max_fuzz: usize,
    /// The largest distance, in lines, between a hunk's recorded and actual place.
    pub max_offset: usize,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ApplyOutcome {
    pub files: Vec<AppliedFile>,
    pub rejected: Vec<RejectedHunk>,
}

impl ApplyOutcome {
    pub fn clean(&self) -> bool {
        self.rejected.is_empty()
    }
}

/// Applies every part of a patch to `tree` in place (missing files count as empty, so parts
/// that create files apply). Hunks that fail are returned as rejects; the rest are applied.
pub fn apply_patch(
    file: &str,
    tree: &mut Tree,
    parts: &[FilePatch],
    max_fuzz: usize,
) -> Result<ApplyOutcome> {
    let mut out = ApplyOutcome::default();
    for part in parts {
        let (base, executable) = match tree.files.get(&part.path) {
            Some(e) => (
                std::str::from_utf8(&e.bytes)
                    .map_err(|_| Error::Patch {
                        file: file.to_string(),
                        reason: format!("{}: the target file is not UTF-8 text", part.path),
                    })?
                    .to_string(),
                e.executable,
            ),
            None => (String::new(), false),
        };
        let (text, applied, rejected) = apply_file_patch(file, &base, part, max_fuzz)?;
        if applied.applied > 0 {
            tree.files.insert(
                part.path.clone(),
                Entry {
                    bytes: text.into_bytes(),
                    executable,
                },
            );
        }
        out.files.push(applied);
        out.rejected.extend(rejected);
    }
    Ok(out)
}

/// Applies one file's part to `base`, returning the new text, a summary and the rejects.
pub fn apply_file_patch(
    file: &str,
    base: &str,
    part: &FilePatch,
    max_fuzz: usize,
) -> Result<(String, AppliedFile, Vec<RejectedHunk>)> {
    let patch = diffy::Patch::from_str(&part.text).map_err(|e| Error::Patch {
        file: file.to_string(),
        reason: format!("{}: {e}", part.path),
    })?;
    let mut image: Vec<&str> = base.split_inclusive('\n').collect();
    let mut summary = AppliedFile {
        path: part.path.clone(),
        hunks: patch.hunks().len(),
        applied: 0,
        max_fuzz: 0,
        max_offset: 0,
    };
    let mut rejected = Vec::new();
    // Lines added minus lines removed by the hunks applied so far, and where the last one ended.
    let mut delta: isize = 0;
    let mut floor = 0usize;
    for (i, hunk) in patch.hunks().iter().enumerate() {
        match place(&image, hunk, delta, floor, max_fuzz) {
            Some(p) => {
                let post: Vec<&str> = p.post.clone();
                let removed = p.pre_len;
                image.splice(p.pos..p.pos + removed, post.iter().copied());
                delta += post.len() as isize - removed as isize;
                floor = p.pos + post.len();
                summary.applied += 1;
                summary.max_fuzz = summary.max_fuzz.max(p.fuzz);
                summary.max_offset = summary.max_offset.max(p.offset);
            }
            None => rejected.push(RejectedHunk {
                path: part.path.clone(),
                hunk: i + 1,
                text: render_reject(&part.path, hunk),
            }),
        }
    }
    Ok((image.concat(), summary, rejected))
}

struct Placement<'a> {
    pos: usize,
    pre_len: usize,
    post: Vec<&'a str>,
    fuzz: usize,
    offset: usize,
}

fn place<'a>(
    image: &[&str],
    hunk: &Hunk<'a, str>,
    delta: isize,
    floor: usize,
    max_fuzz: usize,
) -> Option<Placement<'a>> {
    let lines = hunk.lines();
    let lead = lines
        .iter()
        .take_while(|l| matches!(l, Line::Context(_)))
        .count();
    let trail = lines
        .iter()
        .rev()
        .take_while(|l| matches!(l, Line::Context(_)))
        .count();
    for fuzz in 0..=max_fuzz {
        let drop_lead = fuzz.min(lead);
        let drop_trail = fuzz.min(trail);
        if fuzz > 0 && drop_lead == 0 && drop_trail == 0 {
            break;
        }
        if drop_lead + drop_trail >= lines.len() {
            break;
        }
        let core = &lines[drop_lead..lines.len() - drop_trail];
        let pre: Vec<&str> = core
            .iter()
            .filter_map(|l| match l {
                Line::Context(t) | Line::Delete(t) => Some(*t),
                Line::Insert(_) => None,
            })
            .collect();
        let post: Vec<&str> = core
            .iter()
            .filter_map(|l| match l {
                Line::Context(t) | Line::Insert(t) => Some(*t),
                Line::Delete(_) => None,
            })
            .collect();
        let recorded = hunk.old_range().start().saturating_sub(1) as isize + delta;
        let expected = (recorded.max(0) as usize + drop_lead).min(image.len());
        if pre.is_empty() {
            // Pure insertion: at the recorded place (only meaningful for a new or empty file).
            if fuzz == 0 && (image.is_empty() || hunk.old_range().is_empty()) {
                return Some(Placement {
                    pos: expected.max(floor).min(image.len()),
                    pre_len: 0,
                    post,
                    fuzz,
                    offset: 0,
                });
            }
            continue;
        }
        let fits = |pos: usize| {
            pos >= floor && pos + pre.len() <= image.len() && image[pos..pos + pre.len()] == pre[..]
        };
        let max_dist = image.len().max(expected);
        for dist in 0..=max_dist {
            let candidates = [expected.checked_sub(dist), Some(expected + dist)];
            for pos in candidates.into_iter().flatten() {
                if fits(pos) {
                    return Some(Placement {
                        pos,
                        pre_len: pre.len(),
                        post,
                        fuzz,
                        offset: dist,
                    });
                }
                if dist == 0 {
                    break;
                }
            }
        }
    }
    None
}

fn render_reject(path: &str, hunk: &Hunk<'_, str>) -> String {
    let (o, n) = (hunk.old_range(), hunk.new_range());
    let mut s = format!(
        "--- a/{path}\n+++ b/{path}\n@@ -{},{} +{},{} @@\n",
        o.start(),
        o.len(),
        n.start(),
        n.len()
    );
    for l in hunk.lines() {
        let (sign, t) = match l {
            Line::Context(t) => (' ', *t),
            Line::Delete(t) => ('-', *t),
            Line::Insert(t) => ('+', *t),
        };
        s.push(sign);
        s.push_str(t);
        if !t.ends_with('\n') {
            s.push_str("\n\\ No newline at end of file\n");
        }
    }
    s
}
