//! Attestations documents through the test registry (fetch, cache, offline, 404) and the
//! provenance verifier's result cache (keyed by tarball integrity and trust digest), on the real
//! bundles of ../shared/fixtures/provenance.

use std::path::PathBuf;
use std::time::Duration;
use warden_registry::{
    BlockingClient, Cache, Client, ClientOptions, Error, MemoryRegistry, NpmConfig,
    ProvenanceVerifier, Registry,
};
use warden_test_registry::fixtures::{self, PackageSpec};
use warden_test_registry::{Knob, TestRegistry};

fn fixture(rel: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/provenance")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn gundam() -> PackageSpec {
    let mut s = PackageSpec::new("gundam-visor", "1.0.1");
    s.tarball = Some(fixture(
        "packages/gundam-visor-1.0.1/gundam-visor-1.0.1.tgz",
    ));
    s.attestations = Some(fixture("packages/gundam-visor-1.0.1/attestations.json"));
    s
}

const GUNDAM_SRI: &str = "sha512-jZ15cvZ2UWx1AUqgdOEa5gTZjwtk7Gclph4oOP89qxYhGPpxQz+zHhVQ0wvQ3snQhs4DK5RFe1g5AMUHrPOcQA==";
const PATH: &str = "/-/npm/v1/attestations/gundam-visor@1.0.1";

fn client(reg: &TestRegistry, cache: &std::path::Path, offline: bool) -> BlockingClient {
    let config = NpmConfig::with_registry(&reg.url()).unwrap();
    let c = Client::new(
        config,
        Cache::new(cache),
        ClientOptions {
            offline,
            retries: 1,
            retry_delay: Duration::from_millis(5),
            ..ClientOptions::default()
        },
    )
    .unwrap();
    BlockingClient::new(c).unwrap()
}

#[test]
fn attestations_are_fetched_once_cached_and_read_offline() {
    let reg = TestRegistry::start();
    let set = fixtures::build(&[gundam()]);
    assert_eq!(set.integrity["gundam-visor@1.0.1"], GUNDAM_SRI);
    reg.publish(&set);
    let tmp = tempfile::tempdir().unwrap();
    let c = client(&reg, tmp.path(), false);
    let doc = c.attestations("gundam-visor", "1.0.1").unwrap();
    assert_eq!(
        doc,
        fixture("packages/gundam-visor-1.0.1/attestations.json")
    );
    assert_eq!(reg.requests_to(PATH).len(), 1);
    // Immutable: the second client reads the cache without asking.
    let again = client(&reg, tmp.path(), false)
        .attestations("gundam-visor", "1.0.1")
        .unwrap();
    assert_eq!(again, doc);
    assert_eq!(reg.requests_to(PATH).len(), 1);
    let offline = client(&reg, tmp.path(), true)
        .attestations("gundam-visor", "1.0.1")
        .unwrap();
    assert_eq!(offline, doc);
}

#[test]
fn a_missing_document_is_not_found_and_offline_names_the_cache_path() {
    let reg = TestRegistry::start();
    let mut s = gundam();
    s.attestations = None;
    s.attestations_listed_only = true;
    reg.publish(&fixtures::build(&[s]));
    let tmp = tempfile::tempdir().unwrap();
    let e = client(&reg, tmp.path(), false)
        .attestations("gundam-visor", "1.0.1")
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert!(e.to_string().contains(PATH), "{e}");
    let e = client(&reg, tmp.path(), true)
        .attestations("gundam-visor", "1.0.1")
        .unwrap_err();
    assert!(matches!(e, Error::Offline { .. }), "{e}");
}

#[test]
fn a_document_that_is_not_json_is_refused_and_not_cached() {
    let reg = TestRegistry::start();
    reg.publish(&fixtures::build(&[gundam()]));
    reg.knob(PATH, Knob::Replace(b"<html>proxy login</html>".to_vec()));
    let tmp = tempfile::tempdir().unwrap();
    let e = client(&reg, tmp.path(), false)
        .attestations("gundam-visor", "1.0.1")
        .unwrap_err();
    assert!(matches!(e, Error::Parse { .. }), "{e}");
    reg.clear_knob(PATH);
    client(&reg, tmp.path(), false)
        .attestations("gundam-visor", "1.0.1")
        .unwrap();
    assert_eq!(reg.requests_to(PATH).len(), 2);
}

#[test]
fn verified_results_are_cached_by_integrity_and_a_warm_lookup_does_not_verify() {
    let doc = fixture("packages/gundam-visor-1.0.1/attestations.json");
    let reg = MemoryRegistry::new().with_attestations("gundam-visor", "1.0.1", doc);
    let tmp = tempfile::tempdir().unwrap();
    let cold = ProvenanceVerifier::builtin(Some(tmp.path())).unwrap();
    let out = cold
        .check(&reg, "gundam-visor", "1.0.1", GUNDAM_SRI)
        .unwrap();
    assert!(out.verified, "{:?}", out.failures);
    let id = out.identity.as_ref().unwrap();
    assert_eq!(
        id.source_repository,
        "https://github.com/ramonpetgrave64/gundam-visor"
    );
    assert_eq!(cold.verifications(), 1);
    // A fresh verifier on the same cache: read from disk, nothing verified, nothing fetched.
    let warm = ProvenanceVerifier::builtin(Some(tmp.path())).unwrap();
    let empty = MemoryRegistry::new();
    let hit = warm
        .check(&empty, "gundam-visor", "1.0.1", GUNDAM_SRI)
        .unwrap();
    assert_eq!(*hit, *out);
    assert_eq!(warm.verifications(), 0);
    // The same tarball under another name is another subject: not a cache hit.
    assert!(warm.cached("other-name", "1.0.1", GUNDAM_SRI).is_none());
    // Other trust material starts a fresh cache.
    let other_root = fixture("trust/trusted_root.json");
    let other_keys = fixture("trust/npm-registry-keys.legacy-old-key-only.json");
    let other = ProvenanceVerifier::new(&other_root, &other_keys, Some(tmp.path())).unwrap();
    assert_ne!(other.trust_digest(), warm.trust_digest());
    assert!(other.cached("gundam-visor", "1.0.1", GUNDAM_SRI).is_none());
}

#[test]
fn a_tampered_bundle_is_cached_as_not_verified_with_the_failed_check() {
    let doc =
        fixture("negative/tampered/gundam-visor-1.0.1.TAMPERED-provenance-set.attestations.json");
    let reg = MemoryRegistry::new().with_attestations("gundam-visor", "1.0.1", doc);
    let tmp = tempfile::tempdir().unwrap();
    let v = ProvenanceVerifier::builtin(Some(tmp.path())).unwrap();
    let out = v.check(&reg, "gundam-visor", "1.0.1", GUNDAM_SRI).unwrap();
    assert!(!out.verified);
    assert_eq!(
        out.failures
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["provenance.rekor_set"]
    );
    let warm = ProvenanceVerifier::builtin(Some(tmp.path())).unwrap();
    assert!(
        !warm
            .cached("gundam-visor", "1.0.1", GUNDAM_SRI)
            .unwrap()
            .verified
    );
    // A registry that serves no document is the fetch's error, never a verified result.
    let none = MemoryRegistry::new();
    let fresh = ProvenanceVerifier::builtin(None).unwrap();
    assert!(matches!(
        fresh.check(&none, "gundam-visor", "1.0.1", GUNDAM_SRI),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn the_test_sigstore_issues_bundles_that_verify_only_under_its_root() {
    let sigstore = warden_test_registry::sigstore::TestSigstore::new();
    let tarball = fixtures::build_tarball(&PackageSpec::new("made-up-lib", "1.0.0"));
    let sri = fixtures::sha512_sri(&tarball);
    let doc = sigstore.attestations(
        "made-up-lib",
        "1.0.0",
        &tarball,
        "https://github.com/acme/made-up-lib",
        ".github/workflows/release.yml",
        1_735_689_600,
    );
    let v = ProvenanceVerifier::new(
        &sigstore.trusted_root(),
        warden_provenance::NPM_REGISTRY_KEYS,
        None,
    )
    .unwrap();
    let out = v.verify_document("made-up-lib", "1.0.0", &sri, &doc);
    assert!(out.verified, "{:?}", out.failures);
    let id = out.identity.as_ref().unwrap();
    assert_eq!(id.source_repository, "https://github.com/acme/made-up-lib");
    assert_eq!(id.workflow_path, ".github/workflows/release.yml");
    // Another tarball: the subject digest does not match.
    let other = v.verify_document("made-up-lib", "1.0.0", GUNDAM_SRI, &doc);
    assert!(!other.verified);
    assert!(
        other
            .failures
            .iter()
            .any(|c| c.name == "provenance.subject_sha512_matches_dist_integrity"),
        "{:?}",
        other.failures
    );
    // The public-good root does not trust the test CA or log.
    let real = ProvenanceVerifier::builtin(None).unwrap();
    let out = real.verify_document("made-up-lib", "1.0.0", &sri, &doc);
    let failed: Vec<&str> = out.failures.iter().map(|c| c.name.as_str()).collect();
    assert!(
        failed.contains(&"provenance.cert_chain") && failed.contains(&"provenance.rekor_set"),
        "{failed:?}"
    );
}

/// A certificate outside its validity window at signing time fails on that check alone: the
/// test log signs the entry, so the SET, the chain and the DSSE signature all still verify.
#[test]
fn a_certificate_not_valid_at_the_logged_time_fails_only_that_check() {
    let sigstore = warden_test_registry::sigstore::TestSigstore::new();
    let tarball = fixtures::build_tarball(&PackageSpec::new("made-up-lib", "1.0.0"));
    let sri = fixtures::sha512_sri(&tarball);
    let v = ProvenanceVerifier::new(
        &sigstore.trusted_root(),
        warden_provenance::NPM_REGISTRY_KEYS,
        None,
    )
    .unwrap();
    let logged = 1_735_689_600;
    for (what, window) in [
        ("expired", (logged - 3_600, logged - 3_000)),
        ("not yet valid", (logged + 60, logged + 600)),
        ("valid", (logged - 60, logged + 540)),
    ] {
        let doc = sigstore.attestations_with_cert_window(
            "made-up-lib",
            "1.0.0",
            &tarball,
            "https://github.com/acme/made-up-lib",
            ".github/workflows/release.yml",
            logged,
            window,
        );
        let out = v.verify_document("made-up-lib", "1.0.0", &sri, &doc);
        let failed: Vec<&str> = out.failures.iter().map(|c| c.name.as_str()).collect();
        if what == "valid" {
            assert!(out.verified, "{what}: {failed:?}");
        } else {
            assert!(!out.verified, "{what}");
            assert_eq!(
                failed,
                ["provenance.cert_valid_at_integrated_time"],
                "{what}: only the validity window may fail"
            );
        }
    }
}
