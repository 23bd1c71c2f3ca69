//! Safe in-memory unpacking of npm tarballs: every gzip member is decoded, nothing touches the
//! disk, and every limit that is hit or unsafe entry that is seen becomes an [`ArchiveIssue`]
//! (turned into findings by the `archive` rules) instead of an error.

use crate::model::Limits;
use flate2::read::MultiGzDecoder;
use std::io::Read;

/// Something wrong with the archive itself. `rule` is the id of the archive rule that reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveIssue {
    pub rule: &'static str,
    pub path: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Unpacked {
    /// Paths relative to the package root (the first component, usually `package/`, removed).
    pub files: Vec<(String, Vec<u8>)>,
    pub issues: Vec<ArchiveIssue>,
}

/// Reader that refuses to yield more than `budget` bytes, remembering that it was cut.
struct Budget<R> {
    inner: R,
    read: u64,
    budget: u64,
    exceeded: bool,
}

impl<R: Read> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read >= self.budget {
            self.exceeded = true;
            return Err(std::io::Error::other("unpacked size limit reached"));
        }
        let room = (self.budget - self.read).min(buf.len() as u64) as usize;
        let n = self.inner.read(&mut buf[..room])?;
        self.read += n as u64;
        Ok(n)
    }
}

fn issue(rule: &'static str, path: &str, message: impl Into<String>) -> ArchiveIssue {
    ArchiveIssue {
        rule,
        path: path.to_string(),
        message: message.into(),
    }
}

/// Unpacks a `.tgz` (or a plain `.tar`) held in memory.
pub fn unpack(bytes: &[u8], limits: &Limits) -> Unpacked {
    let compressed = bytes.len() as u64;
    // The ratio limit only bites above 16 MiB: small archives of repetitive text legitimately
    // compress very well.
    let ratio_budget = compressed
        .saturating_mul(limits.max_ratio)
        .max(16 * 1024 * 1024);
    let budget = limits.max_total_size.min(ratio_budget);
    let gz = bytes.starts_with(&[0x1f, 0x8b]);
    if gz && let Some(tar) = inflate_whole(bytes, budget) {
        let reader = Budget {
            inner: tar.as_slice(),
            read: 0,
            budget,
            exceeded: false,
        };
        read_tar(reader, limits, compressed, ratio_budget)
    } else if gz {
        let reader = Budget {
            inner: MultiGzDecoder::new(bytes),
            read: 0,
            budget,
            exceeded: false,
        };
        read_tar(reader, limits, compressed, ratio_budget)
    } else {
        let reader = Budget {
            inner: bytes,
            read: 0,
            budget,
            exceeded: false,
        };
        read_tar(reader, limits, compressed, ratio_budget)
    }
}

/// Every gzip member of `bytes` inflated at once with zlib-rs, when nothing about the archive is
/// unusual: each member ends with a matching CRC and length, only members follow each other,
/// and the output stays below `budget`. Otherwise `None`, and the streaming flate2 decoder reads
/// the archive and reports what is wrong with it, as it always has.
fn inflate_whole(bytes: &[u8], budget: u64) -> Option<Vec<u8>> {
    use zlib_rs::{Inflate, InflateFlush, Status};
    // The last member's length mod 2^32 (a hint for the first allocation, never trusted).
    let isize_hint = bytes
        .len()
        .checked_sub(4)
        .and_then(|i| bytes.get(i..))
        .and_then(|t| <[u8; 4]>::try_from(t).ok())
        .map_or(0, |t| u32::from_le_bytes(t) as u64);
    let mut out: Vec<u8> = Vec::with_capacity(isize_hint.min(budget) as usize + 1);
    let mut input = bytes;
    loop {
        // Window bits 16 + 15: a gzip header and trailer around the deflate stream.
        let mut z = Inflate::new(true, 31);
        loop {
            let len = out.len();
            if (len as u64) >= budget {
                return None;
            }
            if len == out.capacity() {
                out.reserve(len.max(64 * 1024));
            }
            let room = (out.capacity() - len).min((budget - len as u64) as usize);
            out.resize(len + room, 0);
            let (in0, out0) = (z.total_in(), z.total_out());
            let status = z.decompress(input, &mut out[len..], InflateFlush::NoFlush);
            let produced = (z.total_out() - out0) as usize;
            out.truncate(len + produced);
            input = input.get((z.total_in() - in0) as usize..)?;
            match status.ok()? {
                Status::StreamEnd => break,
                // No progress: the member is cut short.
                _ if produced == 0 && z.total_in() == in0 => return None,
                _ => {}
            }
        }
        if input.is_empty() {
            return ((out.len() as u64) < budget).then_some(out);
        }
        if !input.starts_with(&[0x1f, 0x8b]) {
            return None;
        }
    }
}

fn read_tar<R: Read>(
    reader: Budget<R>,
    limits: &Limits,
    compressed: u64,
    ratio_budget: u64,
) -> Unpacked {
    let mut out = Unpacked::default();
    let mut archive = tar::Archive::new(reader);
    let mut seen = std::collections::HashSet::new();
    let mut count: u64 = 0;
    let entries = match archive.entries() {
        Ok(e) => e,
        Err(e) => {
            out.issues.push(issue(
                "archive-corrupt",
                "",
                format!("the archive cannot be read: {e}"),
            ));
            return out;
        }
    };
    let mut failed: Option<String> = None;
    for entry in entries {
        let mut entry = match entry {
            Ok(e) => e,
            Err(e) => {
                failed = Some(e.to_string());
                break;
            }
        };
        count += 1;
        if count > limits.max_entries {
            out.issues.push(issue(
                "archive-entry-limit",
                "",
                format!(
                    "the archive has more than {} entries; the rest was not scanned",
                    limits.max_entries
                ),
            ));
            break;
        }
        let raw = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        if raw.starts_with('/') || raw.starts_with('\\') || raw.get(1..2) == Some(":") {
            out.issues.push(issue(
                "archive-unsafe-path",
                &raw,
                format!("entry {raw:?} has an absolute path"),
            ));
            continue;
        }
        let parts: Vec<&str> = raw
            .split(['/', '\\'])
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        if parts.contains(&"..") {
            out.issues.push(issue(
                "archive-unsafe-path",
                &raw,
                format!("entry {raw:?} climbs out of the package with `..`"),
            ));
            continue;
        }
        let rel = if parts.len() > 1 {
            parts[1..].join("/")
        } else {
            parts.join("/")
        };
        if parts.len() > limits.max_path_depth + 1 {
            out.issues.push(issue(
                "archive-path-depth",
                &rel,
                format!(
                    "entry {rel:?} is nested {} levels deep (limit {})",
                    parts.len() - 1,
                    limits.max_path_depth
                ),
            ));
            continue;
        }
        use tar::EntryType as T;
        match kind {
            T::Regular | T::Continuous | T::GNUSparse => {}
            T::Directory | T::XGlobalHeader | T::XHeader | T::GNULongName | T::GNULongLink => {
                continue;
            }
            T::Symlink | T::Link => {
                let target = entry
                    .link_name_bytes()
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .unwrap_or_default();
                let what = if kind == T::Symlink {
                    "symbolic link"
                } else {
                    "hard link"
                };
                out.issues.push(issue(
                    "archive-link",
                    &rel,
                    format!("entry {rel:?} is a {what} to {target:?}"),
                ));
                continue;
            }
            T::Char | T::Block | T::Fifo => {
                out.issues.push(issue(
                    "archive-device",
                    &rel,
                    format!("entry {rel:?} is a device or pipe"),
                ));
                continue;
            }
            _ => {
                out.issues.push(issue(
                    "archive-device",
                    &rel,
                    format!("entry {rel:?} has an unknown type"),
                ));
                continue;
            }
        }
        let size = entry.header().size().unwrap_or(0);
        if size > limits.max_file_size {
            out.issues.push(issue(
                "archive-file-size",
                &rel,
                format!(
                    "{rel:?} is {size} bytes (limit {}); it was not scanned",
                    limits.max_file_size
                ),
            ));
            continue;
        }
        if !seen.insert(rel.clone()) {
            out.issues.push(issue(
                "archive-duplicate-entry",
                &rel,
                format!("{rel:?} appears more than once; installers keep the last copy, both were scanned"),
            ));
        }
        let mut data = Vec::with_capacity(size.min(1 << 24) as usize);
        if let Err(e) = (&mut entry).take(size).read_to_end(&mut data) {
            failed = Some(e.to_string());
            out.files.push((rel, data));
            break;
        }
        out.files.push((rel, data));
    }
    let budget = archive.into_inner();
    if budget.exceeded {
        let total = budget.read;
        if total >= ratio_budget && ratio_budget < u64::MAX {
            out.issues.push(issue(
                "archive-size-limit",
                "",
                format!(
                    "the archive expands past {total} bytes from {compressed} compressed (ratio limit); the rest was not scanned"
                ),
            ));
        } else {
            out.issues.push(issue(
                "archive-size-limit",
                "",
                format!("the archive expands past the {total}-byte unpacked size limit; the rest was not scanned"),
            ));
        }
    } else if let Some(e) = failed {
        out.issues.push(issue(
            "archive-corrupt",
            "",
            format!("the archive is truncated or corrupt: {e}"),
        ));
    }
    out
}

#[cfg(test)]
mod inflate_tests {
    use super::*;
    use std::io::Write;

    fn gzip(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).expect("in-memory gzip");
        e.finish().expect("in-memory gzip")
    }

    fn flate2_reads(b: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        MultiGzDecoder::new(b).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn clean_archives_inflate_as_flate2_reads_them() {
        let a: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let mut two = gzip(&a);
        two.extend(gzip(b"second member"));
        for gz in [gzip(&a), two, gzip(b"")] {
            let whole = inflate_whole(&gz, 1 << 30).expect("a clean archive");
            assert_eq!(whole, flate2_reads(&gz).expect("flate2 reads it"));
        }
    }

    #[test]
    fn unusual_archives_are_left_to_the_streaming_reader() {
        let gz = gzip(b"some text that compresses, some text that compresses");
        // Cut short, trailing garbage, a wrong CRC, over the budget.
        let mut garbage = gz.clone();
        garbage.extend_from_slice(b"\0\0\0\0");
        let mut bad_crc = gz.clone();
        let n = bad_crc.len();
        bad_crc[n - 8] ^= 1;
        for case in [gz[..gz.len() - 6].to_vec(), garbage, bad_crc] {
            assert!(inflate_whole(&case, 1 << 30).is_none());
            assert!(flate2_reads(&case).is_err(), "flate2 reports it");
        }
        assert!(inflate_whole(&gz, 10).is_none());
        assert!(inflate_whole(&gz, 1 << 30).is_some());
    }
}
