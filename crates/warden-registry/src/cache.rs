//! The on-disk cache. Tarballs are content-addressed by their digest
//! (`tarballs/<algorithm>/<hex[0..2]>/<hex>`); packuments and key sets are addressed by the
//! SHA-256 of their URL and kind (`packuments/<hex[0..2]>/<hex>`), stored with the validators
//! (ETag, Last-Modified) that let the next run revalidate with a conditional request.
//!
//! Every write is a temp file in the destination's directory, fsynced, then renamed over the
//! destination: a reader (another warden process, or this one after a crash) sees the old entry
//! or the new one, never a torn one. Two processes writing the same tarball write the same
//! bytes, and a packument written twice holds one of two complete responses, so no lock is
//! needed.

use crate::error::{Error, Result};
use sha2::{Digest as _, Sha256};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use warden_lockfile::{HashAlgorithm, Integrity};

#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

/// A cached document (packument or key set) and the validators it was served with.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CachedDoc {
    pub url: String,
    #[serde(default)]
    pub etag: Option<String>,
    #[serde(default)]
    pub last_modified: Option<String>,
    /// The response's content type (tells an abbreviated document from a full one).
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(skip)]
    pub body: Vec<u8>,
}

impl Cache {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// `--cache-dir`, else `WARDEN_CACHE`, else the platform's user cache directory
    /// (`~/.cache/warden` on Linux).
    pub fn default_dir(flag: Option<&Path>, env: Option<&str>) -> Option<PathBuf> {
        if let Some(p) = flag {
            return Some(p.to_path_buf());
        }
        if let Some(e) = env.filter(|e| !e.is_empty()) {
            return Some(PathBuf::from(e));
        }
        directories::ProjectDirs::from("", "", "warden").map(|d| d.cache_dir().to_path_buf())
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where a tarball with this digest lives.
    pub fn tarball_path(&self, algorithm: HashAlgorithm, digest: &[u8]) -> PathBuf {
        let hex = hex(digest);
        self.root
            .join("tarballs")
            .join(algorithm.as_str())
            .join(&hex[..2])
            .join(hex)
    }

    /// A cached tarball matching `integrity`, verified again on read (a corrupted entry is
    /// removed and reported as absent).
    pub fn get_tarball(&self, integrity: &Integrity) -> Option<Vec<u8>> {
        for h in integrity.hashes() {
            let path = self.tarball_path(h.algorithm, &h.digest);
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if crate::tarball::digest(h.algorithm, &bytes) == h.digest {
                return Some(bytes);
            }
            let _ = std::fs::remove_file(&path);
        }
        None
    }

    /// Where `get_tarball` looks first (for "missing" messages).
    pub fn tarball_path_for(&self, integrity: &Integrity) -> PathBuf {
        let h = integrity.strongest();
        self.tarball_path(h.algorithm, &h.digest)
    }

    /// Stores verified tarball bytes under each of the given digests.
    pub fn put_tarball(&self, digests: &[(HashAlgorithm, Vec<u8>)], bytes: &[u8]) -> Result<()> {
        for (algorithm, digest) in digests {
            let path = self.tarball_path(*algorithm, digest);
            if path.is_file() {
                continue;
            }
            write_atomic(&path, bytes)?;
        }
        Ok(())
    }

    /// Where a document for `url` of `kind` (`full`, `abbreviated`, `keys`) lives.
    pub fn doc_path(&self, kind: &str, url: &str) -> PathBuf {
        let key = hex(&Sha256::digest(format!("{kind}\n{url}").as_bytes()));
        self.root.join("packuments").join(&key[..2]).join(key)
    }

    /// Reads a cached document: one JSON line of metadata, then the body.
    pub fn get_doc(&self, kind: &str, url: &str) -> Option<CachedDoc> {
        let bytes = std::fs::read(self.doc_path(kind, url)).ok()?;
        let nl = bytes.iter().position(|&b| b == b'\n')?;
        let mut doc: CachedDoc = serde_json::from_slice(&bytes[..nl]).ok()?;
        if doc.url != url {
            return None;
        }
        doc.body = bytes[nl + 1..].to_vec();
        Some(doc)
    }

    pub fn put_doc(&self, kind: &str, doc: &CachedDoc) -> Result<()> {
        let path = self.doc_path(kind, &doc.url);
        let mut out = serde_json::to_vec(doc).map_err(|e| Error::Cache {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        out.push(b'\n');
        out.extend_from_slice(&doc.body);
        write_atomic(&path, &out)
    }
}

/// Writes `bytes` to `path` through a temp file in the same directory, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let err = |e: std::io::Error| Error::Cache {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}
