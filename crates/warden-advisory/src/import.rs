//! Import sources: OSV's per-ecosystem `all.zip`, a directory of OSV JSON files (GitHub's
//! advisory-database layout and OpenSSF's malicious-packages layout, walked recursively), one
//! JSON file, or bytes already fetched (a zip, one record, or a JSON array of records). Each
//! yields raw entries; a file that cannot be read becomes a reported bad record, not an abort.

use crate::error::{BadRecord, Error};
use std::fs;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

/// One record's bytes and where they came from.
#[derive(Debug, Clone)]
pub struct RawEntry {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The entries of a source, with their count when it is known up front (for a progress bar).
pub struct Entries {
    pub total: Option<u64>,
    pub iter: Box<dyn Iterator<Item = Result<RawEntry, BadRecord>>>,
}

/// No single OSV record comes near this (the largest real npm record is ~30 KB).
pub const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Opens a path: a directory (walked for `*.json`), a zip file, or one JSON file.
pub fn open_path(path: &Path) -> Result<Entries, Error> {
    let label = path.display().to_string();
    let meta = fs::metadata(path).map_err(|source| Error::Io {
        path: label.clone(),
        source,
    })?;
    if meta.is_dir() {
        return Ok(walk_dir(path));
    }
    let mut file = fs::File::open(path).map_err(|source| Error::Io {
        path: label.clone(),
        source,
    })?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(|source| Error::Io {
        path: label.clone(),
        source,
    })?;
    if &magic[..n] == ZIP_MAGIC {
        file.rewind().map_err(|source| Error::Io {
            path: label.clone(),
            source,
        })?;
        return zip_entries(std::io::BufReader::new(file), &label);
    }
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: label.clone(),
        source,
    })?;
    from_bytes(bytes, &label)
}

/// Entries from bytes fetched elsewhere: a zip archive, one record, or a JSON array of records.
pub fn from_bytes(bytes: Vec<u8>, label: &str) -> Result<Entries, Error> {
    if bytes.starts_with(ZIP_MAGIC) {
        return zip_entries(std::io::Cursor::new(bytes), label);
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        Some(b'{') => Ok(Entries {
            total: Some(1),
            iter: Box::new(std::iter::once(Ok(RawEntry {
                path: label.to_string(),
                bytes,
            }))),
        }),
        Some(b'[') => {
            let values: Vec<serde_json::Value> =
                serde_json::from_slice(&bytes).map_err(|e| Error::Source {
                    path: label.to_string(),
                    message: format!("not a JSON array of OSV records: {e}"),
                })?;
            let label = label.to_string();
            Ok(Entries {
                total: Some(values.len() as u64),
                iter: Box::new(values.into_iter().enumerate().map(move |(i, v)| {
                    Ok(RawEntry {
                        path: format!("{label}[{i}]"),
                        bytes: serde_json::to_vec(&v).unwrap_or_default(),
                    })
                })),
            })
        }
        _ => Err(Error::Source {
            path: label.to_string(),
            message: "neither a zip archive nor OSV JSON".into(),
        }),
    }
}

fn zip_entries<R: Read + Seek + 'static>(reader: R, label: &str) -> Result<Entries, Error> {
    let archive = zip::ZipArchive::new(reader).map_err(|e| Error::Source {
        path: label.to_string(),
        message: format!("not a readable zip archive: {e}"),
    })?;
    let total = archive.len() as u64;
    Ok(Entries {
        total: Some(total),
        iter: Box::new(ZipIter {
            archive,
            next: 0,
            label: label.to_string(),
        }),
    })
}

struct ZipIter<R> {
    archive: zip::ZipArchive<R>,
    next: usize,
    label: String,
}

impl<R: Read + Seek> Iterator for ZipIter<R> {
    type Item = Result<RawEntry, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.next >= self.archive.len() {
                return None;
            }
            let i = self.next;
            self.next += 1;
            let bad = |path: String, message: String| Some(Err(BadRecord { path, message }));
            let mut file = match self.archive.by_index(i) {
                Ok(f) => f,
                Err(e) => {
                    return bad(
                        format!("{}#{i}", self.label),
                        format!("cannot read zip entry: {e}"),
                    );
                }
            };
            let name = match file.name() {
                Ok(n) => n.into_owned(),
                Err(e) => {
                    return bad(
                        format!("{}#{i}", self.label),
                        format!("zip entry has an unreadable name: {e}"),
                    );
                }
            };
            let path = format!("{}:{name}", self.label);
            if file.is_dir() || !name.ends_with(".json") {
                continue;
            }
            if file.size() > MAX_RECORD_BYTES {
                return bad(
                    path,
                    format!(
                        "entry is {} bytes, more than the {MAX_RECORD_BYTES} an OSV record may take",
                        file.size()
                    ),
                );
            }
            let mut bytes = Vec::with_capacity(file.size() as usize);
            if let Err(e) = (&mut file)
                .take(MAX_RECORD_BYTES + 1)
                .read_to_end(&mut bytes)
            {
                return bad(path, format!("cannot inflate zip entry: {e}"));
            }
            return Some(Ok(RawEntry { path, bytes }));
        }
    }
}

/// Walks a directory for `*.json` files, skipping hidden directories (`.git`) and symlinks,
/// in sorted order so imports are reproducible.
fn walk_dir(root: &Path) -> Entries {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let read = match fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) => {
                errors.push(BadRecord {
                    path: dir.display().to_string(),
                    message: format!("cannot list directory: {e}"),
                });
                continue;
            }
        };
        for entry in read.flatten() {
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if ft.is_dir() && !hidden {
                stack.push(path);
            } else if ft.is_file() && path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let total = (files.len() + errors.len()) as u64;
    let iter = errors
        .into_iter()
        .map(Err)
        .chain(files.into_iter().map(read_file));
    Entries {
        total: Some(total),
        iter: Box::new(iter),
    }
}

fn read_file(path: PathBuf) -> Result<RawEntry, BadRecord> {
    let label = path.display().to_string();
    let too_big = fs::metadata(&path)
        .map(|m| m.len() > MAX_RECORD_BYTES)
        .unwrap_or(false);
    if too_big {
        return Err(BadRecord {
            path: label,
            message: format!(
                "file is larger than the {MAX_RECORD_BYTES} bytes an OSV record may take"
            ),
        });
    }
    fs::read(&path)
        .map(|bytes| RawEntry {
            path: label.clone(),
            bytes,
        })
        .map_err(|e| BadRecord {
            path: label,
            message: format!("cannot read: {e}"),
        })
}
