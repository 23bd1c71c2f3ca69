//! DSSE envelopes (Dead Simple Signing Envelope, v1.0). Hand-written: the pre-authentication
//! encoding is one line of the specification and the envelope is three JSON fields.
//!
//! `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths as ASCII
//! decimal byte counts. Signatures are over PAE, never over the raw payload.

use crate::error::AttestError;
use crate::keys::{SigningKey, VerifyingKey};
use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE};
use serde::{Deserialize, Serialize};

/// The payload type of an in-toto Statement.
pub const IN_TOTO_PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";

/// The pre-authentication encoding that is signed.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + payload_type.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

/// A signature entry of an envelope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    #[serde(default)]
    pub keyid: String,
    /// Base64 of the signature bytes.
    pub sig: String,
}

/// A DSSE envelope in its JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Base64 of the payload bytes.
    pub payload: String,
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    pub signatures: Vec<Signature>,
}

/// Base64 as DSSE allows it: standard or URL-safe alphabet, padded.
fn b64(s: &str) -> Option<Vec<u8>> {
    STANDARD.decode(s).or_else(|_| URL_SAFE.decode(s)).ok()
}

impl Envelope {
    /// Signs `payload` with `key`.
    pub fn sign(payload_type: &str, payload: &[u8], key: &SigningKey) -> Self {
        let sig = key.sign(&pae(payload_type, payload));
        Self {
            payload: STANDARD.encode(payload),
            payload_type: payload_type.to_string(),
            signatures: vec![Signature {
                keyid: key.verifying_key().keyid(),
                sig: STANDARD.encode(sig),
            }],
        }
    }

    /// Parses an envelope's JSON.
    pub fn from_json(bytes: &[u8]) -> Result<Self, AttestError> {
        serde_json::from_slice(bytes).map_err(|e| {
            AttestError::Malformed(format!(
                "not a DSSE envelope (expected JSON with payload, payloadType and signatures): {e}"
            ))
        })
    }

    pub fn to_json(&self) -> Vec<u8> {
        // Serialising plain strings cannot fail.
        let mut v = serde_json::to_vec_pretty(self).unwrap_or_default();
        v.push(b'\n');
        v
    }

    /// Checks that at least one signature is `key`'s over this payload; returns the payload.
    /// Key ids are unauthenticated hints (the DSSE specification says so, and other tools
    /// compute them differently), so every signature is tried; the ids only shape the message.
    pub fn verify(&self, key: &VerifyingKey) -> Result<Vec<u8>, AttestError> {
        let payload = b64(&self.payload).ok_or_else(|| {
            AttestError::Malformed("the envelope's payload is not valid base64".into())
        })?;
        if self.signatures.is_empty() {
            return Err(AttestError::Verification(
                "the envelope has no signatures".into(),
            ));
        }
        let keyid = key.keyid();
        let message = pae(&self.payload_type, &payload);
        for s in &self.signatures {
            if let Some(sig) = b64(&s.sig)
                && key.verify(&message, &sig)
            {
                return Ok(payload);
            }
        }
        if self
            .signatures
            .iter()
            .all(|s| !s.keyid.is_empty() && s.keyid != keyid)
        {
            let ids: Vec<&str> = self.signatures.iter().map(|s| s.keyid.as_str()).collect();
            return Err(AttestError::Verification(format!(
                "no signature verifies with this {} key (key id {keyid}); the envelope names key id {}: another key signed it, or the payload or signature was changed",
                key.algorithm().as_str(),
                ids.join(", ")
            )));
        }
        Err(AttestError::Verification(format!(
            "the signature does not verify with this {} key (key id {keyid}): the payload or the signature was changed",
            key.algorithm().as_str()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Algorithm;

    #[test]
    fn pae_matches_the_specification_example() {
        // The DSSE specification's test vector.
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ".to_vec());
    }

    #[test]
    fn sign_then_verify_and_every_tampered_byte_fails() {
        for alg in [Algorithm::Ed25519, Algorithm::EcdsaP256] {
            let key = SigningKey::from_seed(alg, &[3u8; 32]).unwrap();
            let env = Envelope::sign(IN_TOTO_PAYLOAD_TYPE, b"{\"a\":1}", &key);
            let public = key.verifying_key();
            assert_eq!(env.verify(&public).unwrap(), b"{\"a\":1}");
            let payload = STANDARD.decode(&env.payload).unwrap();
            for i in 0..payload.len() {
                let mut p = payload.clone();
                p[i] ^= 1;
                let t = Envelope {
                    payload: STANDARD.encode(&p),
                    ..env.clone()
                };
                assert!(t.verify(&public).is_err(), "payload byte {i} changed");
            }
            let sig = STANDARD.decode(&env.signatures[0].sig).unwrap();
            for i in 0..sig.len() {
                let mut s = sig.clone();
                s[i] ^= 0x40;
                let mut t = env.clone();
                t.signatures[0].sig = STANDARD.encode(&s);
                assert!(t.verify(&public).is_err(), "signature byte {i} changed");
            }
            let mut t = env.clone();
            t.payload_type = "application/json".into();
            assert!(t.verify(&public).is_err(), "payload type changed");
        }
    }

    #[test]
    fn other_keys_and_empty_envelopes_fail() {
        let key = SigningKey::from_seed(Algorithm::Ed25519, &[1u8; 32]).unwrap();
        let other = SigningKey::from_seed(Algorithm::Ed25519, &[2u8; 32]).unwrap();
        let env = Envelope::sign("t", b"x", &key);
        let e = env.verify(&other.verifying_key()).unwrap_err();
        assert!(
            e.to_string().contains("no signature verifies with this"),
            "{e}"
        );
        let mut anon = env.clone();
        anon.signatures[0].keyid.clear();
        assert!(anon.verify(&other.verifying_key()).is_err());
        assert!(anon.verify(&key.verifying_key()).is_ok());
        // A key id computed another way (securesystemslib's) does not stop verification.
        let mut foreign = env.clone();
        foreign.signatures[0].keyid = "0123abcd".into();
        assert!(foreign.verify(&key.verifying_key()).is_ok());
        let empty = Envelope {
            signatures: vec![],
            ..env
        };
        assert!(empty.verify(&key.verifying_key()).is_err());
        assert!(Envelope::from_json(b"{}").is_err());
    }
}
