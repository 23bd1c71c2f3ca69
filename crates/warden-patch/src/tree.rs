//! A package's file tree held in memory, read from a tarball and written back as a reproducible
//! one: sorted entries, mtime 0, uid/gid 0, modes 0644 or 0755, gzip with a fixed header.

use crate::error::{Error, Result};
use base64::Engine as _;
use sha2::{Digest as _, Sha512};
use std::collections::BTreeMap;
use std::io::{Read as _, Write as _};

/// The most a tarball may unpack to (the scanner's default limit is of the same order).
const MAX_TOTAL: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub bytes: Vec<u8>,
    pub executable: bool,
}

/// Regular files by path relative to the package root (`package/` removed), sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    pub files: BTreeMap<String, Entry>,
}

impl Tree {
    /// Reads a `.tgz` (or plain `.tar`) in memory. Only regular files are kept; paths that
    /// climb out of the root, links and devices are refused, as a package has no use for them.
    pub fn from_tarball(package: &str, bytes: &[u8]) -> Result<Self> {
        let err = |reason: String| Error::Tarball {
            package: package.to_string(),
            reason,
        };
        let mut raw = Vec::new();
        if bytes.starts_with(&[0x1f, 0x8b]) {
            flate2::read::MultiGzDecoder::new(bytes)
                .take(MAX_TOTAL + 1)
                .read_to_end(&mut raw)
                .map_err(|e| err(format!("gzip: {e}")))?;
            if raw.len() as u64 > MAX_TOTAL {
                return Err(err(format!("unpacks to more than {MAX_TOTAL} bytes")));
            }
        } else {
            raw = bytes.to_vec();
        }
        let mut archive = tar::Archive::new(raw.as_slice());
        let mut files = BTreeMap::new();
        for entry in archive.entries().map_err(|e| err(format!("tar: {e}")))? {
            let mut entry = entry.map_err(|e| err(format!("tar: {e}")))?;
            let kind = entry.header().entry_type();
            if kind.is_dir() || kind.is_pax_global_extensions() || kind.is_pax_local_extensions() {
                continue;
            }
            let path = entry
                .path()
                .map_err(|e| err(format!("tar path: {e}")))?
                .to_string_lossy()
                .replace('\\', "/");
            if !kind.is_file() {
                return Err(err(format!("{path}: only regular files are supported")));
            }
            let rel = match path.trim_start_matches("./").split_once('/') {
                Some((_, rest)) if !rest.is_empty() => rest.to_string(),
                _ => return Err(err(format!("{path}: entry outside the package directory"))),
            };
            if rel.split('/').any(|c| c == ".." || c.is_empty()) {
                return Err(err(format!("{path}: unsafe path")));
            }
            let mode = entry.header().mode().unwrap_or(0o644);
            let mut data = Vec::new();
            entry
                .read_to_end(&mut data)
                .map_err(|e| err(format!("{path}: {e}")))?;
            files.insert(
                rel,
                Entry {
                    bytes: data,
                    executable: mode & 0o111 != 0,
                },
            );
        }
        if !files.contains_key("package.json") {
            return Err(Error::NoManifest {
                package: package.to_string(),
            });
        }
        Ok(Self { files })
    }

    /// The text of `path`, when present and UTF-8.
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files
            .get(path)
            .and_then(|e| std::str::from_utf8(&e.bytes).ok())
    }

    /// Rewrites package.json's top-level `"version"` in place, keeping the rest byte for byte.
    pub fn set_version(&mut self, package: &str, new: &str) -> Result<()> {
        let merr = |reason: String| Error::Manifest {
            package: package.to_string(),
            reason,
        };
        let text = self
            .text("package.json")
            .ok_or_else(|| merr("not UTF-8 text".into()))?
            .to_string();
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| merr(e.to_string()))?;
        let old = json
            .get("version")
            .and_then(|v| v.as_str())
            .ok_or_else(|| merr("\"version\" must be a string".into()))?
            .to_string();
        let old_lit = serde_json::to_string(&old).map_err(|e| merr(e.to_string()))?;
        let new_lit = serde_json::to_string(new).map_err(|e| merr(e.to_string()))?;
        // The first `"version" : "<old>"` at any depth; checked below to be the top-level one.
        let mut rewritten = None;
        let mut from = 0;
        while let Some(i) = text[from..].find("\"version\"") {
            let at = from + i;
            let rest = &text[at + 9..];
            let trimmed = rest.trim_start();
            if let Some(after_colon) = trimmed.strip_prefix(':') {
                let value = after_colon.trim_start();
                if value.starts_with(&old_lit) {
                    let value_at = text.len() - value.len();
                    let mut s = String::with_capacity(text.len() + 16);
                    s.push_str(&text[..value_at]);
                    s.push_str(&new_lit);
                    s.push_str(&text[value_at + old_lit.len()..]);
                    rewritten = Some(s);
                    break;
                }
            }
            from = at + 9;
        }
        let s = rewritten.ok_or_else(|| merr(format!("cannot find \"version\": {old_lit}")))?;
        let check: serde_json::Value = serde_json::from_str(&s).map_err(|e| merr(e.to_string()))?;
        if check.get("version").and_then(|v| v.as_str()) != Some(new) {
            return Err(merr(
                "the first \"version\" key is not the top-level one; edit package.json by hand"
                    .into(),
            ));
        }
        if let Some(e) = self.files.get_mut("package.json") {
            e.bytes = s.into_bytes();
        }
        Ok(())
    }

    /// A reproducible `.tgz`: entries under `package/` in byte order of their paths, ustar
    /// headers with mtime 0, uid/gid 0, empty owner names, mode 0755 for executables else 0644;
    /// gzip level 9 with mtime 0, no file name and OS 255. The same tree gives the same bytes.
    pub fn to_tgz(&self) -> Result<Vec<u8>> {
        let werr = |e: std::io::Error| Error::Write(e.to_string());
        let mut tar = tar::Builder::new(Vec::new());
        tar.mode(tar::HeaderMode::Deterministic);
        for (path, entry) in &self.files {
            let mut h = tar::Header::new_ustar();
            h.set_entry_type(tar::EntryType::Regular);
            h.set_size(entry.bytes.len() as u64);
            h.set_mode(if entry.executable { 0o755 } else { 0o644 });
            h.set_mtime(0);
            h.set_uid(0);
            h.set_gid(0);
            tar.append_data(&mut h, format!("package/{path}"), entry.bytes.as_slice())
                .map_err(werr)?;
        }
        let raw = tar.into_inner().map_err(werr)?;
        let mut gz = flate2::GzBuilder::new()
            .mtime(0)
            .operating_system(255)
            .write(Vec::new(), flate2::Compression::new(9));
        gz.write_all(&raw).map_err(werr)?;
        gz.finish().map_err(werr)
    }
}

/// The sha512 SRI string of `bytes`.
pub fn integrity_sha512(bytes: &[u8]) -> String {
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha512::digest(bytes))
    )
}

/// `VERSION-warden.N`; a version that already has a prerelease gets `.warden.N` appended to it.
pub fn patched_version(version: &str, revision: u32) -> String {
    let core = version.split('+').next().unwrap_or(version);
    if core.contains('-') {
        format!("{core}.warden.{revision}")
    } else {
        format!("{core}-warden.{revision}")
    }
}
