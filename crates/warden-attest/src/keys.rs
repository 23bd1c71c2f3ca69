//! Signing keys: Ed25519 and ECDSA P-256 (SHA-256), read and written as PKCS#8 PEM (private)
//! and SPKI PEM (public), the forms openssl, cosign and securesystemslib read. ECDSA signatures
//! are DER-encoded, as cosign and securesystemslib write them; verification also accepts the
//! fixed 64-byte form.
//!
//! Key generation takes its 32 random bytes from the caller (the crate has no randomness).

use crate::error::AttestError;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use sha2::{Digest as _, Sha256};

/// A signature algorithm warden signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Ed25519,
    EcdsaP256,
}

impl Algorithm {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ed25519 => "ed25519",
            Self::EcdsaP256 => "ecdsa-p256-sha256",
        }
    }
}

/// A private key.
pub enum SigningKey {
    Ed25519(ed25519_dalek::SigningKey),
    P256(p256::ecdsa::SigningKey),
}

impl std::fmt::Debug for SigningKey {
    /// Names the algorithm and the public key id, never the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SigningKey({}, {})",
            self.algorithm().as_str(),
            self.verifying_key().keyid()
        )
    }
}

/// A public key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyingKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
}

fn key_err(what: &str, e: impl std::fmt::Display) -> AttestError {
    AttestError::Key(format!("{what}: {e}"))
}

impl SigningKey {
    /// A key from 32 random bytes. For P-256 a seed outside the curve's scalar range (odds
    /// about 2^-32) is an error: draw again.
    pub fn from_seed(alg: Algorithm, seed: &[u8; 32]) -> Result<Self, AttestError> {
        match alg {
            Algorithm::Ed25519 => Ok(Self::Ed25519(ed25519_dalek::SigningKey::from_bytes(seed))),
            Algorithm::EcdsaP256 => p256::ecdsa::SigningKey::from_slice(seed)
                .map(Self::P256)
                .map_err(|e| key_err("the random seed is not a valid P-256 scalar", e)),
        }
    }

    /// Reads a PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`), Ed25519 or P-256.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, AttestError> {
        if pem.contains("ENCRYPTED PRIVATE KEY") {
            return Err(AttestError::Key(
                "the key is encrypted; warden reads unencrypted PKCS#8 keys (decrypt it with `openssl pkcs8 -topk8 -nocrypt`)".into(),
            ));
        }
        if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_pem(pem) {
            return Ok(Self::Ed25519(k));
        }
        match p256::ecdsa::SigningKey::from_pkcs8_pem(pem) {
            Ok(k) => Ok(Self::P256(k)),
            Err(e) => Err(key_err(
                "not a PKCS#8 PEM private key for Ed25519 or ECDSA P-256",
                e,
            )),
        }
    }

    pub fn algorithm(&self) -> Algorithm {
        match self {
            Self::Ed25519(_) => Algorithm::Ed25519,
            Self::P256(_) => Algorithm::EcdsaP256,
        }
    }

    /// The PKCS#8 PEM text (secret: the caller writes it with mode 0600).
    pub fn to_pkcs8_pem(&self) -> Result<String, AttestError> {
        let pem = match self {
            // PKCS#8 v1 (RFC 8410 without the optional public key): Python's cryptography and
            // older openssl reject the v2 form ed25519-dalek writes by default.
            Self::Ed25519(k) => ed25519_dalek::pkcs8::KeypairBytes {
                secret_key: k.to_bytes(),
                public_key: None,
            }
            .to_pkcs8_pem(Default::default()),
            Self::P256(k) => p256::pkcs8::EncodePrivateKey::to_pkcs8_pem(k, Default::default()),
        };
        pem.map(|z| z.to_string())
            .map_err(|e| key_err("cannot encode the private key", e))
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        match self {
            Self::Ed25519(k) => VerifyingKey::Ed25519(k.verifying_key()),
            Self::P256(k) => VerifyingKey::P256(*k.verifying_key()),
        }
    }

    /// Signs a message: raw 64 bytes for Ed25519, DER for ECDSA P-256 (SHA-256, RFC 6979
    /// deterministic nonces).
    pub fn sign(&self, msg: &[u8]) -> Vec<u8> {
        match self {
            Self::Ed25519(k) => k.sign(msg).to_bytes().to_vec(),
            Self::P256(k) => {
                let sig: p256::ecdsa::Signature = k.sign(msg);
                sig.to_der().as_bytes().to_vec()
            }
        }
    }
}

impl VerifyingKey {
    /// Reads an SPKI PEM public key (`-----BEGIN PUBLIC KEY-----`); a PKCS#8 private key is
    /// accepted too, and its public half used.
    pub fn from_pem(pem: &str) -> Result<Self, AttestError> {
        if pem.contains("PRIVATE KEY") {
            return SigningKey::from_pkcs8_pem(pem).map(|k| k.verifying_key());
        }
        if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_pem(pem) {
            return Ok(Self::Ed25519(k));
        }
        match p256::ecdsa::VerifyingKey::from_public_key_pem(pem) {
            Ok(k) => Ok(Self::P256(k)),
            Err(e) => Err(key_err(
                "not an SPKI PEM public key for Ed25519 or ECDSA P-256",
                e,
            )),
        }
    }

    pub fn algorithm(&self) -> Algorithm {
        match self {
            Self::Ed25519(_) => Algorithm::Ed25519,
            Self::P256(_) => Algorithm::EcdsaP256,
        }
    }

    fn spki_der(&self) -> Vec<u8> {
        let der = match self {
            Self::Ed25519(k) => k.to_public_key_der(),
            Self::P256(k) => p256::pkcs8::EncodePublicKey::to_public_key_der(k),
        };
        // Encoding a valid in-memory public key cannot fail.
        der.map(|d| d.as_bytes().to_vec()).unwrap_or_default()
    }

    pub fn to_pem(&self) -> Result<String, AttestError> {
        let pem = match self {
            Self::Ed25519(k) => k.to_public_key_pem(Default::default()),
            Self::P256(k) => p256::pkcs8::EncodePublicKey::to_public_key_pem(k, Default::default()),
        };
        pem.map_err(|e| key_err("cannot encode the public key", e))
    }

    /// The key id DSSE signatures carry: lower-case hex SHA-256 of the SPKI DER encoding.
    pub fn keyid(&self) -> String {
        crate::purl::hex(&Sha256::digest(self.spki_der()))
    }

    /// True when `sig` is a valid signature of `msg` by this key.
    pub fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        match self {
            Self::Ed25519(k) => ed25519_dalek::Signature::from_slice(sig)
                .is_ok_and(|s| k.verify_strict(msg, &s).is_ok()),
            Self::P256(k) => {
                let parsed = p256::ecdsa::Signature::from_der(sig)
                    .or_else(|_| p256::ecdsa::Signature::from_slice(sig));
                parsed.is_ok_and(|s| k.verify(msg, &s).is_ok())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_roundtrip_and_sign_verify_for_both_algorithms() {
        for alg in [Algorithm::Ed25519, Algorithm::EcdsaP256] {
            let k = SigningKey::from_seed(alg, &[7u8; 32]).unwrap();
            let pem = k.to_pkcs8_pem().unwrap();
            assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
            let k2 = SigningKey::from_pkcs8_pem(&pem).unwrap();
            assert_eq!(k2.algorithm(), alg);
            let public = k.verifying_key();
            let pub_pem = public.to_pem().unwrap();
            let p2 = VerifyingKey::from_pem(&pub_pem).unwrap();
            assert_eq!(p2, public);
            assert_eq!(p2.keyid().len(), 64);
            let sig = k2.sign(b"message");
            assert!(p2.verify(b"message", &sig));
            assert!(!p2.verify(b"messagE", &sig));
            let other = SigningKey::from_seed(alg, &[8u8; 32])
                .unwrap()
                .verifying_key();
            assert!(!other.verify(b"message", &sig));
        }
    }

    #[test]
    fn rejects_what_is_not_a_key() {
        assert!(SigningKey::from_pkcs8_pem("hello").is_err());
        assert!(
            VerifyingKey::from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                .is_err()
        );
        let enc =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert!(
            SigningKey::from_pkcs8_pem(enc)
                .unwrap_err()
                .to_string()
                .contains("encrypted")
        );
    }
}
