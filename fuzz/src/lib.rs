//! What every fuzz target does: feed arbitrary bytes to `warden_lockfile::parse` under one
//! lockfile name. Any panic, overflow or hang is a bug: bad input must come back as a ParseError.

use warden_lockfile::{Input, Manifest};

/// Parses `data` as the lockfile `file_name`. The first byte decides whether a root manifest is
/// handed over too (yarn classic and bun read dev flags from it), split off the end of the input.
pub fn parse_as(file_name: &str, data: &[u8]) {
    let (manifests, bytes) = match data.split_first() {
        Some((&flag, rest)) if flag & 1 == 1 => {
            let cut = rest.len() - rest.len() / 4;
            let (lock, manifest) = rest.split_at(cut);
            (
                vec![Manifest {
                    path: String::new(),
                    bytes: manifest.to_vec(),
                }],
                lock,
            )
        }
        Some((_, rest)) => (Vec::new(), rest),
        None => (Vec::new(), data),
    };
    let _ = warden_lockfile::parse(&Input {
        file_name,
        bytes,
        manifests: &manifests,
    });
}
