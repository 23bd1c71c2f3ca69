//! Subresource Integrity strings (`sha512-<base64>`), the one digest format npm, pnpm and bun
//! record. Hand-written because the format is tiny and specified (W3C SRI), and because the
//! parsers must normalise the hex sha1 fragments that yarn classic and npm v1 write.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::fmt;

/// A hash algorithm that SRI strings use, weakest first so `max()` picks the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HashAlgorithm {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl HashAlgorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sha1 => "sha1",
            Self::Sha256 => "sha256",
            Self::Sha384 => "sha384",
            Self::Sha512 => "sha512",
        }
    }

    fn digest_len(self) -> usize {
        match self {
            Self::Sha1 => 20,
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }

    fn parse(s: &str) -> Option<Self> {
        match s {
            "sha1" => Some(Self::Sha1),
            "sha256" => Some(Self::Sha256),
            "sha384" => Some(Self::Sha384),
            "sha512" => Some(Self::Sha512),
            _ => None,
        }
    }
}

/// One `algorithm-digest` entry of an SRI string.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SriHash {
    pub algorithm: HashAlgorithm,
    pub digest: Vec<u8>,
}

/// A normalised SRI value: its hashes, strongest first, duplicates removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Integrity {
    hashes: Vec<SriHash>,
}

impl Integrity {
    /// Parses an SRI string. Several space-separated hashes are allowed; options (`?foo`) are
    /// ignored as the SRI spec says. Returns `None` when no entry is a well-formed hash.
    pub fn parse(s: &str) -> Option<Self> {
        let mut hashes = Vec::new();
        for token in s.split_ascii_whitespace() {
            let token = token.split('?').next().unwrap_or(token);
            let Some((algo, b64)) = token.split_once('-') else {
                continue;
            };
            let Some(algorithm) = HashAlgorithm::parse(&algo.to_ascii_lowercase()) else {
                continue;
            };
            let Ok(digest) = STANDARD.decode(b64) else {
                continue;
            };
            if digest.len() != algorithm.digest_len() {
                continue;
            }
            let hash = SriHash { algorithm, digest };
            if !hashes.contains(&hash) {
                hashes.push(hash);
            }
        }
        if hashes.is_empty() {
            return None;
        }
        hashes.sort_by_key(|h| std::cmp::Reverse(h.algorithm));
        Some(Self { hashes })
    }

    /// An SRI value from a hex sha1 digest (npm v1 `shasum`, yarn classic `#<sha1>` fragments).
    pub fn from_sha1_hex(hex: &str) -> Option<Self> {
        let digest = decode_hex(hex)?;
        (digest.len() == 20).then(|| Self {
            hashes: vec![SriHash {
                algorithm: HashAlgorithm::Sha1,
                digest,
            }],
        })
    }

    /// An SRI value from a hex digest of the given algorithm (pnpm's `tarball` entries, bun).
    pub fn from_hex(algorithm: HashAlgorithm, hex: &str) -> Option<Self> {
        let digest = decode_hex(hex)?;
        (digest.len() == algorithm.digest_len()).then(|| Self {
            hashes: vec![SriHash { algorithm, digest }],
        })
    }

    pub fn hashes(&self) -> &[SriHash] {
        &self.hashes
    }

    /// The strongest hash.
    pub fn strongest(&self) -> &SriHash {
        &self.hashes[0]
    }

    /// True when nothing stronger than sha1 is recorded.
    pub fn is_weak(&self) -> bool {
        self.strongest().algorithm == HashAlgorithm::Sha1
    }

    /// Merges another value's hashes into this one (a lockfile can record sha512 in one field
    /// and sha1 in another).
    pub fn merge(&mut self, other: &Integrity) {
        for h in &other.hashes {
            if !self.hashes.contains(h) {
                self.hashes.push(h.clone());
            }
        }
        self.hashes.sort_by_key(|h| std::cmp::Reverse(h.algorithm));
    }
}

impl fmt::Display for Integrity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, h) in self.hashes.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{}-{}", h.algorithm.as_str(), STANDARD.encode(&h.digest))?;
        }
        Ok(())
    }
}

impl serde::Serialize for Integrity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
        .collect()
}

/// A checksum that is not an SRI value, kept in the form the lockfile wrote it: yarn Berry's
/// `10c0/<sha512 of the zip archive>` cache keys, for instance, which hash a different file than
/// the tarball and so cannot be turned into an integrity.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Checksum {
    /// Which lockfile format the value comes from: `yarn-berry`, `bun`.
    pub format: String,
    pub value: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA512: &str = "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==";

    #[test]
    fn roundtrips_a_sha512() {
        let i = Integrity::parse(SHA512).unwrap();
        assert_eq!(i.to_string(), SHA512);
        assert!(!i.is_weak());
    }

    #[test]
    fn strongest_first_and_deduplicated() {
        let sha1 = "sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=";
        let i = Integrity::parse(&format!("{sha1} {SHA512} {sha1}")).unwrap();
        assert_eq!(i.hashes().len(), 2);
        assert_eq!(i.strongest().algorithm, HashAlgorithm::Sha512);
    }

    #[test]
    fn sha1_hex_becomes_sri() {
        let i = Integrity::from_sha1_hex("da39a3ee5e6b4b0d3255bfef95601890afd80709").unwrap();
        assert_eq!(i.to_string(), "sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
        assert!(i.is_weak());
    }

    #[test]
    fn garbage_is_not_an_integrity() {
        assert!(Integrity::parse("").is_none());
        assert!(Integrity::parse("md5-abc").is_none());
        assert!(Integrity::parse("sha512-!!!").is_none());
        assert!(
            Integrity::parse("sha512-YWJj").is_none(),
            "digest too short"
        );
        assert!(Integrity::from_sha1_hex("xyz").is_none());
    }
}
