//! Provenance verification at the edge: fetch a version's attestations document through a
//! [`Registry`], verify it offline with the pure `warden-provenance` crate, and keep the result
//! on disk keyed by the tarball's SHA-512 under a directory named after the trust material's
//! digest (`<cache>/provenance/<trust digest>/<sha512 hex>.json`). A verified tarball stays
//! verified under the same trust material, so a warm lookup reads one small file and verifies
//! nothing; new trust material starts a fresh directory. Writes are atomic (temp file + rename).

use crate::cache::{hex, write_atomic};
use crate::error::Error;
use crate::registry::Registry;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use warden_provenance::{Check, Identity, Subject, TrustMaterial};

/// The result of verifying one version's attestations: the shape `warden provenance` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// `name@version` the bundles were checked against.
    pub package: String,
    pub verified: bool,
    pub identity: Option<Identity>,
    /// Every failed check, by name.
    pub failures: Vec<Check>,
}

impl Outcome {
    fn failed(package: String, name: &str, detail: String) -> Self {
        Self {
            package,
            verified: false,
            identity: None,
            failures: vec![Check {
                name: name.into(),
                ok: false,
                detail,
            }],
        }
    }

    /// The failures in one line: `name: detail; name: detail`.
    pub fn failure_summary(&self) -> String {
        self.failures
            .iter()
            .map(|c| {
                if c.detail.is_empty() {
                    c.name.clone()
                } else {
                    format!("{}: {}", c.name, c.detail)
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Verifies attestations against fixed trust material and caches the results.
pub struct ProvenanceVerifier {
    trust: TrustMaterial,
    trust_digest: String,
    dir: Option<PathBuf>,
    memo: Mutex<HashMap<String, Arc<Outcome>>>,
    verifications: AtomicUsize,
}

impl ProvenanceVerifier {
    /// `trusted_root` (a Sigstore trusted_root.json) and `npm_keys` (`{"keys": [...]}`);
    /// results are cached under `cache_root/provenance/` when a cache root is given.
    pub fn new(
        trusted_root: &[u8],
        npm_keys: &[u8],
        cache_root: Option<&Path>,
    ) -> Result<Self, warden_provenance::Error> {
        let trust = TrustMaterial::from_json(trusted_root, npm_keys)?;
        let mut h = Sha256::new();
        h.update(Sha256::digest(trusted_root));
        h.update(Sha256::digest(npm_keys));
        let trust_digest = hex(&h.finalize());
        let dir = cache_root.map(|c| c.join("provenance").join(&trust_digest[..32]));
        Ok(Self {
            trust,
            trust_digest,
            dir,
            memo: Mutex::new(HashMap::new()),
            verifications: AtomicUsize::new(0),
        })
    }

    /// The trust material compiled into warden (the Sigstore public-good root, the npm keys).
    pub fn builtin(cache_root: Option<&Path>) -> Result<Self, warden_provenance::Error> {
        Self::new(
            warden_provenance::PUBLIC_GOOD_TRUSTED_ROOT,
            warden_provenance::NPM_REGISTRY_KEYS,
            cache_root,
        )
    }

    /// SHA-256 (hex) over the digests of the trusted root and the npm keys.
    pub fn trust_digest(&self) -> &str {
        &self.trust_digest
    }

    /// How many documents this verifier has verified (cache hits do not count).
    pub fn verifications(&self) -> usize {
        self.verifications.load(Ordering::Relaxed)
    }

    fn path(&self, subject: &Subject) -> Option<PathBuf> {
        self.dir
            .as_ref()
            .map(|d| d.join(format!("sha512-{}.json", hex(&subject.sha512))))
    }

    fn memo(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Outcome>>> {
        self.memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A stored result for this exact package and tarball, from memory or disk.
    pub fn cached(&self, name: &str, version: &str, integrity: &str) -> Option<Arc<Outcome>> {
        let subject = Subject::from_integrity(name, version, integrity).ok()?;
        let package = format!("{name}@{version}");
        let key = format!("{package}\n{}", hex(&subject.sha512));
        if let Some(hit) = self.memo().get(&key) {
            return Some(hit.clone());
        }
        let bytes = std::fs::read(self.path(&subject)?).ok()?;
        let outcome: Outcome = serde_json::from_slice(&bytes).ok()?;
        // The same tarball published under another name is another subject.
        if outcome.package != package {
            return None;
        }
        let outcome = Arc::new(outcome);
        self.memo().insert(key, outcome.clone());
        Some(outcome)
    }

    /// Verifies `doc` (an attestations document) for `name@version` whose tarball has
    /// `integrity`, and stores the result.
    pub fn verify_document(
        &self,
        name: &str,
        version: &str,
        integrity: &str,
        doc: &[u8],
    ) -> Arc<Outcome> {
        let package = format!("{name}@{version}");
        let subject = match Subject::from_integrity(name, version, integrity) {
            Ok(s) => s,
            Err(e) => {
                // Nothing to key a cache entry by: report without storing.
                return Arc::new(Outcome::failed(
                    package,
                    "subject_sha512_matches_dist_integrity",
                    e.to_string(),
                ));
            }
        };
        self.verifications.fetch_add(1, Ordering::Relaxed);
        let outcome = match warden_provenance::verify(doc, &subject, &self.trust) {
            Ok(report) => Outcome {
                package: package.clone(),
                verified: report.verified,
                identity: report.identity.clone(),
                failures: report.failures().cloned().collect(),
            },
            Err(e) => Outcome::failed(package.clone(), "attestations.document", e.to_string()),
        };
        if let Some(p) = self.path(&subject)
            && let Ok(json) = serde_json::to_vec(&outcome)
        {
            // A failed cache write only costs a verification next time.
            let _ = write_atomic(&p, &json);
        }
        let outcome = Arc::new(outcome);
        self.memo().insert(
            format!("{package}\n{}", hex(&subject.sha512)),
            outcome.clone(),
        );
        outcome
    }

    /// The verification of `name@version` (tarball `integrity`): the cached result, else the
    /// document fetched through `registry` and verified. Errors are the fetch's; a registry that
    /// serves no document answers [`Error::NotFound`].
    pub fn check(
        &self,
        registry: &dyn Registry,
        name: &str,
        version: &str,
        integrity: &str,
    ) -> Result<Arc<Outcome>, Error> {
        if let Some(hit) = self.cached(name, version, integrity) {
            return Ok(hit);
        }
        let doc = registry.attestations(name, version)?;
        Ok(self.verify_document(name, version, integrity, &doc))
    }
}
