//! Attestation documents, built from values and returned as values: CycloneDX and SPDX SBOMs,
//! OpenVEX and CycloneDX VEX, in-toto Statements in DSSE envelopes signed with Ed25519 or ECDSA
//! P-256 keys.
//!
//! Pure: no filesystem, network, clock, randomness or environment. The caller hands over the
//! inventory, the licence data, the time (`now`, seconds since the Unix epoch) and, for key
//! generation, the random seed; everything comes back as bytes or values.
//!
//! Every document is serialised deterministically: components and relationships sorted, object
//! keys in a fixed order, serial numbers and document ids derived from the content, so the same
//! inputs give the same bytes.

pub mod dsse;
pub mod error;
pub mod intoto;
pub mod keys;
pub mod meta;
pub mod purl;
pub mod sbom;
pub mod time;
pub mod uuid;
pub mod vex;

pub use error::AttestError;
pub use meta::{LicenseSource, NoLicenses, PackageInfo, ProjectInfo, Tool};

/// Serialises a document as pretty JSON with a trailing newline, the form warden writes.
pub fn to_json_bytes(value: &impl serde::Serialize) -> Vec<u8> {
    // The documents serialised here are made of strings, integers, booleans, sequences and
    // string-keyed maps, which serde_json always serialises.
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_default();
    out.push(b'\n');
    out
}
