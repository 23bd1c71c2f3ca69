//! Trust material: the registry's public keys, loaded from the `/-/npm/v1/keys` response or from
//! the Sigstore TUF `npm-keys` target (which adds a usage and a validity window per key). Pure:
//! bytes in, a [`KeySet`] out. The registry-signature verifier uses it, and the provenance
//! verifier can share it (publish attestations are signed with the same keys).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use p256::ecdsa::VerifyingKey;
use p256::pkcs8::DecodePublicKey as _;
use sha2::{Digest as _, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// What a key may sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyUsage {
    /// `dist.signatures` on every version.
    Signatures,
    /// npm publish attestations.
    Attestations,
    /// The `/-/npm/v1/keys` format does not say: both.
    Any,
}

/// One public key with its id and the window it may be used in.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    /// `SHA256:<base64 of the SSH key fingerprint>`, as the registry names it.
    pub keyid: String,
    pub key: VerifyingKey,
    pub usage: KeyUsage,
    /// Not valid for versions published before this (TUF `validFor.start`).
    pub not_before: Option<OffsetDateTime>,
    /// Not valid for versions published at or after this (`expires`, TUF `validFor.end`).
    pub expires: Option<OffsetDateTime>,
}

/// The keys a verifier trusts.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    pub keys: Vec<TrustedKey>,
}

/// A key set that could not be read, with what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("registry keys: {0}")]
pub struct KeyError(pub String);

#[derive(serde::Deserialize)]
struct TufKeys {
    keys: Vec<TufKey>,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TufKey {
    key_id: String,
    key_usage: String,
    public_key: TufPublicKey,
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct TufPublicKey {
    raw_bytes: String,
    #[serde(default)]
    valid_for: Option<TufValidFor>,
}

#[derive(serde::Deserialize)]
struct TufValidFor {
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
}

impl KeySet {
    /// Reads the registry's `/-/npm/v1/keys` response: `{"keys": [{keyid, key, expires, …}]}`.
    /// Keys of a type other than ECDSA P-256 are skipped, as npm does.
    pub fn from_registry_json(bytes: &[u8]) -> Result<Self, KeyError> {
        // The same reader as the provenance verifier's attestation keys: one loader of trust material.
        let entries = warden_provenance::read_npm_keys(bytes)
            .map_err(|e| KeyError(format!("not a keys document: {e}")))?;
        let mut keys = Vec::new();
        for k in entries {
            if k.keytype
                .as_deref()
                .is_some_and(|t| t != "ecdsa-sha2-nistp256")
            {
                continue;
            }
            keys.push(TrustedKey {
                key: decode_spki(&k.key).map_err(|e| KeyError(format!("{}: {e}", k.keyid)))?,
                expires: parse_opt_time(k.expires.as_deref())
                    .map_err(|e| KeyError(format!("{}: expires: {e}", k.keyid)))?,
                keyid: k.keyid,
                usage: KeyUsage::Any,
                not_before: None,
            });
        }
        Ok(Self { keys })
    }

    /// Reads the Sigstore TUF `npm-keys` target: `{"keys": [{keyId, keyUsage, publicKey}]}`.
    pub fn from_sigstore_tuf(bytes: &[u8]) -> Result<Self, KeyError> {
        let doc: TufKeys = serde_json::from_slice(bytes)
            .map_err(|e| KeyError(format!("not a Sigstore npm-keys document: {e}")))?;
        let mut keys = Vec::new();
        for k in doc.keys {
            let usage = match k.key_usage.as_str() {
                "npm:signatures" => KeyUsage::Signatures,
                "npm:attestations" => KeyUsage::Attestations,
                _ => continue,
            };
            let valid = k.public_key.valid_for.as_ref();
            keys.push(TrustedKey {
                key: decode_spki(&k.public_key.raw_bytes)
                    .map_err(|e| KeyError(format!("{}: {e}", k.key_id)))?,
                not_before: parse_opt_time(valid.and_then(|v| v.start.as_deref()))
                    .map_err(|e| KeyError(format!("{}: validFor.start: {e}", k.key_id)))?,
                expires: parse_opt_time(valid.and_then(|v| v.end.as_deref()))
                    .map_err(|e| KeyError(format!("{}: validFor.end: {e}", k.key_id)))?,
                keyid: k.key_id,
                usage,
            });
        }
        Ok(Self { keys })
    }

    /// The keys with this id that may be used for `usage`.
    pub fn find<'a>(
        &'a self,
        keyid: &'a str,
        usage: KeyUsage,
    ) -> impl Iterator<Item = &'a TrustedKey> {
        self.keys.iter().filter(move |k| {
            k.keyid == keyid
                && (k.usage == KeyUsage::Any || usage == KeyUsage::Any || k.usage == usage)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl TrustedKey {
    /// Whether the key may vouch for something made at `at` (npm: `at < expires`).
    pub fn valid_at(&self, at: OffsetDateTime) -> bool {
        self.not_before.is_none_or(|s| at >= s) && self.expires.is_none_or(|e| at < e)
    }
}

/// An SPKI DER public key, base64: the form the registry serves.
pub fn decode_spki(b64: &str) -> Result<VerifyingKey, String> {
    let der = STANDARD
        .decode(b64.trim())
        .map_err(|e| format!("key is not base64: {e}"))?;
    VerifyingKey::from_public_key_der(&der)
        .map_err(|e| format!("key is not an ECDSA P-256 SPKI: {e}"))
}

/// The registry's key id for a P-256 key: `SHA256:` + unpadded base64 of the SHA-256 of the SSH
/// wire encoding (`ecdsa-sha2-nistp256`, `nistp256`, the uncompressed point).
pub fn keyid_of(key: &VerifyingKey) -> String {
    let point = key.to_encoded_point(false);
    let mut blob = Vec::new();
    for part in [
        b"ecdsa-sha2-nistp256".as_slice(),
        b"nistp256".as_slice(),
        point.as_bytes(),
    ] {
        blob.extend_from_slice(&(part.len() as u32).to_be_bytes());
        blob.extend_from_slice(part);
    }
    format!("SHA256:{}", STANDARD_NO_PAD.encode(Sha256::digest(&blob)))
}

/// Parses an RFC 3339 time (`2025-01-29T00:00:00.000Z`).
pub fn parse_time(s: &str) -> Result<OffsetDateTime, String> {
    OffsetDateTime::parse(s.trim(), &Rfc3339)
        .map_err(|e| format!("{s:?} is not an RFC 3339 time: {e}"))
}

fn parse_opt_time(s: Option<&str>) -> Result<Option<OffsetDateTime>, String> {
    match s {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => parse_time(s).map(Some),
    }
}
