//! Registry signatures, checked as `npm audit signatures` does: every entry of a version's
//! `dist.signatures` must be an ECDSA P-256 signature (DER, base64) over
//! `name@version:integrity`, made with a registry key of the same `keyid` that had not expired
//! when the version was published (no publish time: 2015-01-01 is assumed, as in pacote).
//!
//! Outcomes: verified, missing (nothing to check: no signatures, or the registry publishes no
//! keys), invalid (a signature that does not verify, names an unknown key, or was made with a
//! key outside its validity window). Invalid is a deny-level fact for the gate. npm lists an
//! unknown key id as "missing"; warden counts it as invalid, because a signature that names a
//! key the registry does not publish cannot be told apart from a forged one.

use crate::trust::{KeySet, KeyUsage, parse_time};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use p256::ecdsa::Signature;
use p256::ecdsa::signature::Verifier as _;
use time::OffsetDateTime;

use crate::packument::DistSignature;

/// Why a version's signature is not verified.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum SignatureStatus {
    Verified {
        keyid: String,
    },
    Missing {
        reason: String,
    },
    Invalid {
        code: InvalidCode,
        keyid: String,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InvalidCode {
    /// The signature does not verify over `name@version:integrity` (npm: EINTEGRITYSIGNATURE).
    BadSignature,
    /// The signature is not base64 DER.
    Malformed,
    /// No published key has this key id (npm: EMISSINGSIGNATUREKEY).
    UnknownKey,
    /// The key had expired (or was not yet valid) when the version was published
    /// (npm: EEXPIREDSIGNATUREKEY).
    ExpiredKey,
}

impl SignatureStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Verified { .. } => "verified",
            Self::Missing { .. } => "missing",
            Self::Invalid { .. } => "invalid",
        }
    }
}

/// npm's assumed publish time for versions without one.
fn default_publish_time() -> OffsetDateTime {
    // 2015-01-01T00:00:00Z
    OffsetDateTime::from_unix_timestamp(1_420_070_400).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Verifies one version's registry signatures.
pub fn verify(
    keys: &KeySet,
    name: &str,
    version: &str,
    integrity: Option<&str>,
    signatures: &[DistSignature],
    published: Option<&str>,
) -> SignatureStatus {
    if keys.is_empty() {
        return SignatureStatus::Missing {
            reason: "the registry publishes no signing keys".into(),
        };
    }
    if signatures.is_empty() {
        return SignatureStatus::Missing {
            reason: "the version carries no registry signature".into(),
        };
    }
    let Some(integrity) = integrity else {
        return SignatureStatus::Missing {
            reason: "the version has no integrity to check the signature over".into(),
        };
    };
    let at = published
        .and_then(|p| parse_time(p).ok())
        .unwrap_or_else(default_publish_time);
    let message = format!("{name}@{version}:{integrity}");
    let mut verified_keyid = None;
    for s in signatures {
        let candidates: Vec<_> = keys.find(&s.keyid, KeyUsage::Signatures).collect();
        if candidates.is_empty() {
            return SignatureStatus::Invalid {
                code: InvalidCode::UnknownKey,
                keyid: s.keyid.clone(),
                reason: format!("no registry key has id {}", s.keyid),
            };
        }
        let valid: Vec<_> = candidates.iter().filter(|k| k.valid_at(at)).collect();
        if valid.is_empty() {
            return SignatureStatus::Invalid {
                code: InvalidCode::ExpiredKey,
                keyid: s.keyid.clone(),
                reason: format!(
                    "key {} was not valid when the version was published ({})",
                    s.keyid,
                    published.unwrap_or("no publish time; 2015-01-01 assumed")
                ),
            };
        }
        let sig = match STANDARD
            .decode(s.sig.trim())
            .ok()
            .and_then(|der| Signature::from_der(&der).ok())
        {
            Some(sig) => sig,
            None => {
                return SignatureStatus::Invalid {
                    code: InvalidCode::Malformed,
                    keyid: s.keyid.clone(),
                    reason: "the signature is not a base64 DER ECDSA signature".into(),
                };
            }
        };
        if !valid
            .iter()
            .any(|k| k.key.verify(message.as_bytes(), &sig).is_ok())
        {
            return SignatureStatus::Invalid {
                code: InvalidCode::BadSignature,
                keyid: s.keyid.clone(),
                reason: format!("the signature does not verify over {message:?}"),
            };
        }
        verified_keyid.get_or_insert_with(|| s.keyid.clone());
    }
    match verified_keyid {
        Some(keyid) => SignatureStatus::Verified { keyid },
        None => SignatureStatus::Missing {
            reason: "the version carries no registry signature".into(),
        },
    }
}
