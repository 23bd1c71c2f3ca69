//! Registry signatures against the genuine key sets and vectors (tests/fixtures/provenance) and
//! against the test registry's own P-256 key.

use warden_registry::DistSignature;
use warden_registry::signatures::{InvalidCode, SignatureStatus, verify};
use warden_registry::trust::{KeySet, keyid_of};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/provenance/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn registry_keys() -> KeySet {
    KeySet::from_registry_json(&fixture("npm-registry-keys.json")).unwrap()
}

fn vectors() -> Vec<serde_json::Value> {
    let doc: serde_json::Value =
        serde_json::from_slice(&fixture("registry-signatures.json")).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

fn check(keys: &KeySet, v: &serde_json::Value, published: Option<&str>) -> SignatureStatus {
    let s = |k: &str| v[k].as_str().unwrap();
    verify(
        keys,
        s("name"),
        s("version"),
        Some(s("integrity")),
        &[DistSignature {
            keyid: s("keyid").into(),
            sig: s("sig").into(),
        }],
        published,
    )
}

#[test]
fn genuine_vectors_give_the_expected_result() {
    let keys = registry_keys();
    let all = vectors();
    assert_eq!(all.len(), 10);
    for v in &all {
        let got = check(&keys, v, None);
        let expect = v["expect"].as_str().unwrap();
        let id = v["id"].as_str().unwrap();
        if expect == "valid" {
            assert!(
                matches!(got, SignatureStatus::Verified { .. }),
                "{id}: {got:?}"
            );
        } else {
            let SignatureStatus::Invalid { code, .. } = &got else {
                panic!("{id}: expected invalid, got {got:?}");
            };
            let want = if id.contains("unknown-keyid") {
                InvalidCode::UnknownKey
            } else if id.contains("bogus") {
                InvalidCode::Malformed
            } else {
                InvalidCode::BadSignature
            };
            assert_eq!(*code, want, "{id}");
        }
    }
}

#[test]
fn genuine_key_ids_are_recomputed_from_the_keys() {
    let keys = registry_keys();
    assert_eq!(keys.keys.len(), 2);
    for k in &keys.keys {
        assert_eq!(keyid_of(&k.key), k.keyid);
    }
}

#[test]
fn new_key_signature_against_the_old_key_only_set_names_no_key() {
    let legacy =
        KeySet::from_registry_json(&fixture("npm-registry-keys.legacy-old-key-only.json")).unwrap();
    let express = vectors()
        .into_iter()
        .find(|v| v["id"] == "express-5.2.1")
        .unwrap();
    let got = check(&legacy, &express, Some("2025-12-01T00:00:00.000Z"));
    assert!(
        matches!(
            got,
            SignatureStatus::Invalid {
                code: InvalidCode::UnknownKey,
                ..
            }
        ),
        "{got:?}"
    );
    // The same vector verifies with the current key set.
    assert!(matches!(
        check(&registry_keys(), &express, Some("2025-12-01T00:00:00.000Z")),
        SignatureStatus::Verified { .. }
    ));
}

#[test]
fn old_key_is_refused_for_versions_published_after_it_expired() {
    let keys = registry_keys();
    let kms = vectors()
        .into_iter()
        .find(|v| v["id"] == "kms-demo-1.0.0")
        .unwrap();
    assert!(matches!(
        check(&keys, &kms, Some("2023-03-01T00:00:00.000Z")),
        SignatureStatus::Verified { .. }
    ));
    assert!(matches!(
        check(&keys, &kms, Some("2025-02-01T00:00:00.000Z")),
        SignatureStatus::Invalid {
            code: InvalidCode::ExpiredKey,
            ..
        }
    ));
    // At the expiry instant the key is no longer valid (npm: published < expires).
    assert!(matches!(
        check(&keys, &kms, Some("2025-01-29T00:00:00.000Z")),
        SignatureStatus::Invalid {
            code: InvalidCode::ExpiredKey,
            ..
        }
    ));
}

#[test]
fn sigstore_tuf_key_set_applies_usage_and_validity_windows() {
    let keys = KeySet::from_sigstore_tuf(&fixture("npm-keys.sigstore-tuf.json")).unwrap();
    assert_eq!(keys.keys.len(), 4);
    let v = vectors();
    let kms = v.iter().find(|v| v["id"] == "kms-demo-1.0.0").unwrap();
    let express = v.iter().find(|v| v["id"] == "express-5.2.1").unwrap();
    assert!(matches!(
        check(&keys, kms, Some("2023-03-01T00:00:00.000Z")),
        SignatureStatus::Verified { .. }
    ));
    // The new key is valid from 2025-01-13 only.
    assert!(matches!(
        check(&keys, express, Some("2024-06-01T00:00:00.000Z")),
        SignatureStatus::Invalid {
            code: InvalidCode::ExpiredKey,
            ..
        }
    ));
    assert!(matches!(
        check(&keys, express, Some("2025-06-01T00:00:00.000Z")),
        SignatureStatus::Verified { .. }
    ));
}

#[test]
fn own_test_key_signs_and_verifies() {
    use warden_test_registry::fixtures;
    let keys =
        KeySet::from_registry_json(&serde_json::to_vec(&fixtures::test_keys_json(None)).unwrap())
            .unwrap();
    assert_eq!(keyid_of(&keys.keys[0].key), fixtures::test_keyid());
    let integrity = "sha512-AAAA";
    let sig = DistSignature {
        keyid: fixtures::test_keyid(),
        sig: fixtures::sign("tiny-lib", "1.0.0", integrity),
    };
    let ok = verify(
        &keys,
        "tiny-lib",
        "1.0.0",
        Some(integrity),
        std::slice::from_ref(&sig),
        None,
    );
    assert_eq!(
        ok,
        SignatureStatus::Verified {
            keyid: fixtures::test_keyid()
        }
    );
    // Same signature over another version: invalid.
    let bad = verify(
        &keys,
        "tiny-lib",
        "1.0.1",
        Some(integrity),
        std::slice::from_ref(&sig),
        None,
    );
    assert!(matches!(
        bad,
        SignatureStatus::Invalid {
            code: InvalidCode::BadSignature,
            ..
        }
    ));
    // A second, bad signature next to a good one makes the version invalid (npm checks all).
    let forged = DistSignature {
        keyid: fixtures::test_keyid(),
        sig: fixtures::sign("other", "1.0.0", integrity),
    };
    let both = verify(
        &keys,
        "tiny-lib",
        "1.0.0",
        Some(integrity),
        &[sig, forged],
        None,
    );
    assert!(matches!(both, SignatureStatus::Invalid { .. }));
    // Nothing to check: missing, never verified.
    assert!(matches!(
        verify(&keys, "tiny-lib", "1.0.0", Some(integrity), &[], None),
        SignatureStatus::Missing { .. }
    ));
    assert!(matches!(
        verify(
            &KeySet::default(),
            "tiny-lib",
            "1.0.0",
            Some(integrity),
            &[],
            None
        ),
        SignatureStatus::Missing { .. }
    ));
}

#[test]
fn malformed_key_documents_are_errors() {
    assert!(KeySet::from_registry_json(b"{}").is_err());
    assert!(
        KeySet::from_registry_json(br#"{"keys":[{"keyid":"k","key":"not base64!"}]}"#).is_err()
    );
    assert!(KeySet::from_registry_json(br#"{"keys":[{"keyid":"k","key":"AAAA"}]}"#).is_err());
}
