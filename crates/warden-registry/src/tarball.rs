//! Integrity checking of tarball bytes: digests computed as the bytes stream in, compared with
//! the strongest algorithm the expected value holds (sha512 where there is one; a sha1-only
//! value is accepted and reported as weak), as npm's ssri does.

use crate::error::Error;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use sha1::Sha1;
use sha2::{Digest as _, Sha256, Sha384, Sha512};
use warden_lockfile::{HashAlgorithm, Integrity};

/// A verified tarball.
#[derive(Debug, Clone)]
pub struct Tarball {
    pub bytes: Vec<u8>,
    /// Served from the cache rather than downloaded.
    pub from_cache: bool,
    /// Only a sha1 digest vouched for it.
    pub weak: bool,
    /// The sha512 integrity of the bytes.
    pub sha512: String,
}

/// Digests computed while bytes arrive: always sha512, plus the algorithm being checked.
pub struct StreamHasher {
    sha512: Sha512,
    other: Option<Other>,
}

enum Other {
    Sha1(Sha1),
    Sha256(Sha256),
    Sha384(Sha384),
}

impl StreamHasher {
    pub fn new(check: HashAlgorithm) -> Self {
        let other = match check {
            HashAlgorithm::Sha512 => None,
            HashAlgorithm::Sha1 => Some(Other::Sha1(Sha1::new())),
            HashAlgorithm::Sha256 => Some(Other::Sha256(Sha256::new())),
            HashAlgorithm::Sha384 => Some(Other::Sha384(Sha384::new())),
        };
        Self {
            sha512: Sha512::new(),
            other,
        }
    }

    pub fn update(&mut self, chunk: &[u8]) {
        self.sha512.update(chunk);
        match &mut self.other {
            None => {}
            Some(Other::Sha1(h)) => h.update(chunk),
            Some(Other::Sha256(h)) => h.update(chunk),
            Some(Other::Sha384(h)) => h.update(chunk),
        }
    }

    /// `(algorithm, digest)` pairs: sha512 first, then the checked algorithm if different.
    pub fn finish(self) -> Vec<(HashAlgorithm, Vec<u8>)> {
        let mut out = vec![(HashAlgorithm::Sha512, self.sha512.finalize().to_vec())];
        match self.other {
            None => {}
            Some(Other::Sha1(h)) => out.push((HashAlgorithm::Sha1, h.finalize().to_vec())),
            Some(Other::Sha256(h)) => out.push((HashAlgorithm::Sha256, h.finalize().to_vec())),
            Some(Other::Sha384(h)) => out.push((HashAlgorithm::Sha384, h.finalize().to_vec())),
        }
        out
    }
}

/// The digest of `bytes` under `algorithm`.
pub fn digest(algorithm: HashAlgorithm, bytes: &[u8]) -> Vec<u8> {
    match algorithm {
        HashAlgorithm::Sha1 => Sha1::digest(bytes).to_vec(),
        HashAlgorithm::Sha256 => Sha256::digest(bytes).to_vec(),
        HashAlgorithm::Sha384 => Sha384::digest(bytes).to_vec(),
        HashAlgorithm::Sha512 => Sha512::digest(bytes).to_vec(),
    }
}

pub fn sri(algorithm: HashAlgorithm, digest: &[u8]) -> String {
    format!("{}-{}", algorithm.as_str(), STANDARD.encode(digest))
}

/// Checks computed digests against the strongest hash of `expected`.
pub fn check(
    package: &str,
    url: &str,
    expected: &Integrity,
    computed: &[(HashAlgorithm, Vec<u8>)],
) -> Result<(), Error> {
    let want = expected.strongest();
    let got = computed
        .iter()
        .find(|(a, _)| *a == want.algorithm)
        .map(|(_, d)| d.as_slice());
    match got {
        Some(d) if d == want.digest.as_slice() => Ok(()),
        Some(d) => Err(Error::Integrity {
            package: package.to_string(),
            url: url.to_string(),
            expected: sri(want.algorithm, &want.digest),
            actual: sri(want.algorithm, d),
        }),
        None => Err(Error::Other(format!(
            "{package}: no {} digest was computed for {url}",
            want.algorithm.as_str()
        ))),
    }
}

/// Verifies bytes in one go (the in-memory registry and cache reads use it).
pub fn verify_bytes(
    package: &str,
    url: &str,
    expected: &Integrity,
    bytes: &[u8],
) -> Result<Vec<(HashAlgorithm, Vec<u8>)>, Error> {
    let mut h = StreamHasher::new(expected.strongest().algorithm);
    h.update(bytes);
    let computed = h.finish();
    check(package, url, expected, &computed)?;
    Ok(computed)
}

/// Decides what a tarball must hash to: the lockfile's integrity where it has one, else the
/// registry's. When both exist and share an algorithm, they must agree: a registry that now
/// reports another digest for a locked version is a fact to stop at.
pub fn expected_integrity(
    package: &str,
    lockfile: Option<&Integrity>,
    registry: Option<&Integrity>,
) -> Result<Integrity, Error> {
    if let (Some(l), Some(r)) = (lockfile, registry) {
        for lh in l.hashes() {
            if let Some(rh) = r.hashes().iter().find(|h| h.algorithm == lh.algorithm) {
                if rh.digest != lh.digest {
                    return Err(Error::IntegrityChanged {
                        package: package.to_string(),
                        lockfile: sri(lh.algorithm, &lh.digest),
                        registry: sri(rh.algorithm, &rh.digest),
                    });
                }
                break;
            }
        }
    }
    lockfile
        .or(registry)
        .cloned()
        .ok_or_else(|| Error::NoIntegrity {
            package: package.to_string(),
        })
}
