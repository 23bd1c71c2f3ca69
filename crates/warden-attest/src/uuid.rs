//! Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), hand-written because
//! it is ten lines. Serial numbers and document ids are derived from a document's content so
//! the same content gets the same id; CycloneDX's schema only admits UUID versions 1 to 5.

use sha1::{Digest as _, Sha1};

/// warden's namespace for content-derived ids (itself a v5 UUID of "warden" in the URL
/// namespace; the value only has to be fixed).
const NAMESPACE: [u8; 16] = [
    0x6b, 0x1d, 0x6e, 0x2f, 0x58, 0x0c, 0x5a, 0x4e, 0x9d, 0x43, 0x1f, 0x3e, 0x77, 0x21, 0x0a, 0x52,
];

/// The version 5 UUID of `name` in warden's namespace, as `xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx`.
pub fn v5(name: &[u8]) -> String {
    let mut h = Sha1::new();
    h.update(NAMESPACE);
    h.update(name);
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = crate::purl::hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_and_version_5() {
        let a = super::v5(b"content");
        assert_eq!(a, super::v5(b"content"));
        assert_ne!(a, super::v5(b"content2"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "5");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
