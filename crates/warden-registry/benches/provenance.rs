//! Provenance benchmark. Cold: verifying one real attestations document (gundam-visor 1.0.1:
//! SLSA v1 + npm publish bundles, certificate chain, SET, inclusion proof, checkpoint, DSSE)
//! with no results cache. Warm: a 2,000-package tree where 30% (600 packages) carry
//! provenance, every result already in the on-disk results cache, looked up by a fresh
//! verifier (empty memory, so each lookup reads its file), as `warden check` does on a second
//! run; the other 1,400 list no attestations and cost nothing. The warm pass must verify
//! nothing (asserted) and should take under 100 ms.
//!
//! Run: `cargo bench -p warden-registry --bench provenance`. Needs ../shared beside the checkout.

use std::time::{Duration, Instant};
use warden_registry::{MemoryRegistry, ProvenanceVerifier};

fn fixture(rel: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/provenance")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

const GUNDAM_SRI: &str = "sha512-jZ15cvZ2UWx1AUqgdOEa5gTZjwtk7Gclph4oOP89qxYhGPpxQz+zHhVQ0wvQ3snQhs4DK5RFe1g5AMUHrPOcQA==";

fn main() {
    let doc = fixture("packages/gundam-visor-1.0.1/attestations.json");

    // Cold: one document, verified from scratch.
    let verifier = ProvenanceVerifier::builtin(None).expect("the built-in trust material parses");
    let mut cold = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let out = verifier.verify_document("gundam-visor", "1.0.1", GUNDAM_SRI, &doc);
        cold.push(t.elapsed());
        assert!(out.verified, "{:?}", out.failures);
    }
    println!(
        "cold: one bundle pair verified in {:.2} ms (median of 30)",
        median(cold).as_secs_f64() * 1e3
    );

    // The tree: 2,000 packages, 600 with provenance, each with its own tarball digest.
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut tree = Vec::new();
    for i in 0..2000u32 {
        let mut digest = [0u8; 64];
        digest[..4].copy_from_slice(&i.to_be_bytes());
        let sri = format!(
            "sha512-{}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, digest)
        );
        tree.push((format!("pkg-{i}"), "1.0.0".to_string(), sri, i % 10 < 3));
    }
    let fill = ProvenanceVerifier::builtin(Some(tmp.path())).expect("trust material");
    let t = Instant::now();
    for (name, version, sri, has) in &tree {
        if *has {
            // The subject is another package, so these results say "not verified"; a cached
            // result is read the same way whatever it says.
            fill.verify_document(name, version, sri, &doc);
        }
    }
    println!(
        "fill: 600 documents verified and cached in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let empty = MemoryRegistry::new();
    let mut warm = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let v = ProvenanceVerifier::builtin(Some(tmp.path())).expect("trust material");
        let mut hits = 0;
        for (name, version, sri, has) in &tree {
            if *has {
                v.check(&empty, name, version, sri)
                    .expect("every result is cached");
                hits += 1;
            }
        }
        warm.push(t.elapsed());
        assert_eq!(hits, 600);
        assert_eq!(v.verifications(), 0, "a warm lookup verifies nothing");
    }
    println!(
        "warm: 2,000-package tree, 600 with provenance, from the results cache in {:.1} ms (median of 10)",
        median(warm).as_secs_f64() * 1e3
    );
}
