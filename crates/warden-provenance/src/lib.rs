//! Offline verification of npm provenance: the Sigstore bundles served at
//! `/-/npm/v1/attestations/NAME@VERSION` (SLSA provenance v0.2/v1 signed by a Fulcio certificate,
//! and npm's publish attestation signed by the registry key), checked against trust material
//! passed in as values. Pure: bytes in, a [`Report`] out; no clock, no network, no files.
//!
//! Built on primitives (x509-cert, p256, p384, sha2) rather than a Sigstore client library: npm's
//! bundles carry Rekor `intoto` 0.0.2 entries and, before mid-2023, a signed entry timestamp
//! without an inclusion proof; current verifier libraries refuse both (see docs/provenance.md).

mod bundle;
mod identity;
mod merkle;
mod trust;

pub use identity::Identity;
pub use trust::{
    CertAuthority, NPM_REGISTRY_KEYS, NpmKey, NpmKeyEntry, PUBLIC_GOOD_TRUSTED_ROOT, TlogKey,
    TrustMaterial, Window, read_npm_keys,
};

use base64::Engine;
use serde::{Deserialize, Serialize};

pub const PREDICATE_SLSA_V1: &str = "https://slsa.dev/provenance/v1";
pub const PREDICATE_SLSA_V02: &str = "https://slsa.dev/provenance/v0.2";
pub const PREDICATE_NPM_PUBLISH: &str =
    "https://github.com/npm/attestation/tree/main/specs/publish/v0.1";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("trust material: {0}")]
    Trust(String),
    #[error("attestations document: {0}")]
    Document(String),
    #[error("integrity {0:?} is not a sha512 SRI string (expected sha512-<base64>)")]
    Integrity(String),
}

/// What the attestations must be about: the package and its tarball's SHA-512.
#[derive(Debug, Clone)]
pub struct Subject {
    pub name: String,
    pub version: String,
    pub sha512: Vec<u8>,
}

impl Subject {
    /// `integrity` is the SRI string of `dist.integrity`; only its sha512 part is used.
    pub fn from_integrity(name: &str, version: &str, integrity: &str) -> Result<Self, Error> {
        let sha512 = integrity
            .split_whitespace()
            .find_map(|part| part.strip_prefix("sha512-"))
            .and_then(|b| {
                base64::engine::general_purpose::STANDARD
                    .decode(b.split('?').next()?)
                    .ok()
            })
            .filter(|d| d.len() == 64)
            .ok_or_else(|| Error::Integrity(integrity.to_string()))?;
        Ok(Subject {
            name: name.into(),
            version: version.into(),
            sha512,
        })
    }

    /// The in-toto subject name npm signs: `pkg:npm/%40scope/name@version`.
    pub fn purl(&self) -> String {
        format!("pkg:npm/{}@{}", self.name.replace('@', "%40"), self.version)
    }
}

/// One named check and whether it passed; `detail` says why it failed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Check {
    pub name: String,
    pub ok: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub verified: bool,
    pub identity: Option<Identity>,
    pub checks: Vec<Check>,
}

impl Report {
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AttestationsDoc {
    attestations: Vec<Attestation>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Attestation {
    predicate_type: String,
    bundle: serde_json::Value,
}

/// Verify every bundle of an attestations document against `subject` and `trust`.
/// Verified means: every check passed and a provenance bundle named the publisher.
pub fn verify(
    attestations: &[u8],
    subject: &Subject,
    trust: &TrustMaterial,
) -> Result<Report, Error> {
    let doc: AttestationsDoc = serde_json::from_slice(attestations).map_err(|e| {
        Error::Document(format!(
            "expected {{\"attestations\": [{{predicateType, bundle}}]}}: {e}"
        ))
    })?;
    let mut checks = Vec::new();
    let mut identity = None;
    for att in &doc.attestations {
        // The wrapper's predicate type names the role; when it is unknown, the signed statement's
        // does, and the bundle check reports the mismatch by name.
        let Some(role) =
            role_of(&att.predicate_type).or_else(|| role_of(&signed_predicate_type(&att.bundle)))
        else {
            checks.push(fail(
                "attestation.predicate_type_known",
                format!("unknown predicate type {:?}", att.predicate_type),
            ));
            continue;
        };
        let out = bundle::verify_bundle(role, &att.predicate_type, &att.bundle, subject, trust);
        checks.extend(out.checks);
        if role == "provenance" && identity.is_none() {
            identity = out.identity;
        }
    }
    if !doc.attestations.iter().any(|a| {
        role_of(&a.predicate_type).or_else(|| role_of(&signed_predicate_type(&a.bundle)))
            == Some("provenance")
    }) {
        checks.push(fail(
            "provenance.present",
            "the document holds no SLSA provenance attestation".into(),
        ));
    }
    let verified = checks.iter().all(|c| c.ok) && identity.is_some();
    Ok(Report {
        verified,
        identity,
        checks,
    })
}

/// The npm package the attestations claim to be about (`NAME`, `VERSION`), read from the first
/// `pkg:npm/` subject of any bundle; `None` when there is none. For callers that know only the
/// tarball's digest: the digest check still binds the bundles to the tarball.
pub fn attested_package(attestations: &[u8]) -> Option<(String, String)> {
    let doc: AttestationsDoc = serde_json::from_slice(attestations).ok()?;
    doc.attestations.iter().find_map(|a| {
        let payload = b64(a.bundle["dsseEnvelope"]["payload"].as_str()?).ok()?;
        let statement: serde_json::Value = serde_json::from_slice(&payload).ok()?;
        statement["subject"].as_array()?.iter().find_map(|s| {
            let purl = s["name"].as_str()?.strip_prefix("pkg:npm/")?;
            let (name, version) = purl.rsplit_once('@')?;
            Some((name.replace("%40", "@"), version.to_string()))
        })
    })
}

fn role_of(predicate_type: &str) -> Option<&'static str> {
    match predicate_type {
        PREDICATE_SLSA_V1 | PREDICATE_SLSA_V02 => Some("provenance"),
        PREDICATE_NPM_PUBLISH => Some("publish"),
        _ => None,
    }
}

/// The predicate type inside the bundle's DSSE payload (empty when unreadable).
fn signed_predicate_type(bundle: &serde_json::Value) -> String {
    bundle["dsseEnvelope"]["payload"]
        .as_str()
        .and_then(|p| b64(p).ok())
        .and_then(|p| serde_json::from_slice::<serde_json::Value>(&p).ok())
        .and_then(|s| s["predicateType"].as_str().map(String::from))
        .unwrap_or_default()
}

pub(crate) fn fail(name: &str, detail: String) -> Check {
    Check {
        name: name.into(),
        ok: false,
        detail,
    }
}

pub(crate) fn b64(s: &str) -> Result<Vec<u8>, String> {
    base64::engine::general_purpose::STANDARD
        .decode(s.trim())
        .map_err(|e| format!("invalid base64: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_names_are_percent_encoded_in_the_purl() {
        let s = Subject {
            name: "@scope/pkg".into(),
            version: "1.0.0".into(),
            sha512: vec![],
        };
        assert_eq!(s.purl(), "pkg:npm/%40scope/pkg@1.0.0");
    }

    #[test]
    fn integrity_must_carry_a_sha512() {
        assert!(Subject::from_integrity("a", "1.0.0", "sha1-AAAA").is_err());
        assert!(Subject::from_integrity("a", "1.0.0", "sha512-notbase64!").is_err());
        let sri = format!(
            "sha512-{}",
            base64::engine::general_purpose::STANDARD.encode([7u8; 64])
        );
        assert_eq!(
            Subject::from_integrity("a", "1.0.0", &sri).unwrap().sha512,
            vec![7u8; 64]
        );
    }

    #[test]
    fn pae_follows_the_dsse_spec() {
        assert_eq!(bundle::pae("t", b"hello"), b"DSSEv1 1 t 5 hello".to_vec());
    }

    #[test]
    fn a_document_that_is_not_json_is_an_error() {
        let trust = TrustMaterial::builtin().unwrap();
        let s = Subject {
            name: "a".into(),
            version: "1".into(),
            sha512: vec![0; 64],
        };
        assert!(verify(b"<html>", &s, &trust).is_err());
        let r = verify(br#"{"attestations": []}"#, &s, &trust).unwrap();
        assert!(!r.verified);
        assert_eq!(
            r.failures().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["provenance.present"]
        );
    }
}
