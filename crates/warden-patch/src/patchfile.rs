//! Patch files: one unified diff per file (`--- a/PATH` / `+++ b/PATH`, paths relative to the
//! package root), concatenated. diffy computes and parses each file's part.

use crate::error::{Error, Result};
use crate::tree::Tree;

/// One file's part of a patch: its path and its unified diff text, headers included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePatch {
    pub path: String,
    pub text: String,
}

/// The diff from `old` to `new` over text files: changed and added files, sorted by path.
/// Binary files and deletions are returned by path in the second and third lists, since a
/// text patch cannot carry them.
pub fn diff_trees(old: &Tree, new: &Tree) -> (Vec<FilePatch>, Vec<String>, Vec<String>) {
    let mut patches = Vec::new();
    let mut binary = Vec::new();
    for (path, entry) in &new.files {
        let before = old.files.get(path);
        if before.is_some_and(|b| b.bytes == entry.bytes) {
            continue;
        }
        let (Ok(after), Ok(before)) = (
            std::str::from_utf8(&entry.bytes),
            before.map_or(Ok(""), |b| std::str::from_utf8(&b.bytes)),
        ) else {
            binary.push(path.clone());
            continue;
        };
        let mut opts = diffy::DiffOptions::new();
        opts.set_original_filename(format!("a/{path}"))
            .set_modified_filename(format!("b/{path}"));
        let text = opts.create_patch(before, after).to_string();
        patches.push(FilePatch {
            path: path.clone(),
            text,
        });
    }
    let deleted = old
        .files
        .keys()
        .filter(|p| !new.files.contains_key(*p))
        .cloned()
        .collect();
    (patches, binary, deleted)
}

/// The patch file text of `parts`.
pub fn render_patch(parts: &[FilePatch]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(&p.text);
        if !s.ends_with('\n') {
            s.push('\n');
        }
    }
    s
}

/// Splits a patch file into its files' parts, checking each parses as a unified diff.
/// `file` names the patch in errors. Lines before the first `--- ` header (a description) are
/// ignored, as `git apply` ignores them.
pub fn parse_patch(file: &str, text: &str) -> Result<Vec<FilePatch>> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut starts = Vec::new();
    for i in 0..lines.len() {
        if lines[i].starts_with("--- ") && lines.get(i + 1).is_some_and(|l| l.starts_with("+++ ")) {
            starts.push(i);
        }
    }
    let mut out = Vec::new();
    for (n, &s) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(lines.len());
        let part: String = lines[s..end].concat();
        let header = lines[s + 1][4..].trim_end();
        let header = header.split('\t').next().unwrap_or(header);
        let path = header.strip_prefix("b/").unwrap_or(header).to_string();
        if path.is_empty() || path == "/dev/null" || path.split('/').any(|c| c == "..") {
            return Err(Error::Patch {
                file: file.to_string(),
                reason: format!("unsupported target path {header:?} (deletions are not supported)"),
            });
        }
        diffy::Patch::from_str(&part).map_err(|e| Error::Patch {
            file: file.to_string(),
            reason: format!("{path}: {e}"),
        })?;
        out.push(FilePatch { path, text: part });
    }
    if out.is_empty() {
        return Err(Error::Patch {
            file: file.to_string(),
            reason: "no `--- a/PATH` / `+++ b/PATH` file header found".into(),
        });
    }
    Ok(out)
}
