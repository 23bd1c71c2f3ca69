//! The real npm bundles and negative cases of ../shared/fixtures/provenance/ (see its README),
//! checked against the outcomes in its expected.json.

use serde_json::Value;
use sha2::{Digest, Sha512};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use warden_provenance::{Report, Subject, TrustMaterial, verify};

fn fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("WARDEN_PROVENANCE_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/provenance")
        });
    if dir.join("expected.json").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: provenance fixtures not found at {} (set WARDEN_PROVENANCE_FIXTURES)",
            dir.display()
        );
        None
    }
}

fn read(dir: &Path, rel: &str) -> Vec<u8> {
    std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn json(dir: &Path, rel: &str) -> Value {
    serde_json::from_slice(&read(dir, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn trust(dir: &Path) -> TrustMaterial {
    TrustMaterial::from_json(
        &read(dir, "trust/trusted_root.json"),
        &read(dir, "trust/npm-registry-keys.json"),
    )
    .expect("fixture trust material parses")
}

/// The subject from a manifest, with the digest of the tarball when one is given.
fn subject(dir: &Path, manifest: &str, tarball: Option<&str>) -> Subject {
    let m = json(dir, manifest);
    let mut s = Subject::from_integrity(
        m["name"].as_str().unwrap(),
        m["version"].as_str().unwrap(),
        m["dist"]["integrity"].as_str().unwrap(),
    )
    .unwrap();
    if let Some(t) = tarball {
        s.sha512 = Sha512::digest(read(dir, t)).to_vec();
    }
    s
}

fn failing(r: &Report) -> BTreeSet<String> {
    r.failures().map(|c| c.name.clone()).collect()
}

#[test]
fn every_package_verifies_to_its_expected_identity() {
    let Some(dir) = fixtures() else { return };
    let expected = json(&dir, "expected.json");
    let trust = trust(&dir);
    let mut seen = 0;
    for (folder, exp) in expected["packages"].as_object().unwrap() {
        let base = format!("packages/{folder}");
        if !dir.join(&base).join("attestations.json").is_file() {
            continue; // kms-demo: registry signature only, no provenance
        }
        let tarball = std::fs::read_dir(dir.join(&base))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".tgz"))
            .map(|n| format!("{base}/{n}"));
        let subj = subject(&dir, &format!("{base}/manifest.json"), tarball.as_deref());
        let report = verify(
            &read(&dir, &format!("{base}/attestations.json")),
            &subj,
            &trust,
        )
        .unwrap();
        assert!(report.verified, "{folder}: {:?}", failing(&report));
        // Every check expected.json lists for the bundles ran and passed.
        for (name, ok) in exp["checks"].as_object().unwrap() {
            if name.starts_with("tarball_") {
                continue;
            }
            let got = report.checks.iter().find(|c| &c.name == name);
            assert_eq!(got.map(|c| c.ok), ok.as_bool(), "{folder}: check {name}");
        }
        let id = report.identity.as_ref().unwrap();
        let ci = &exp["certificate_identity"];
        assert_eq!(id.san, ci["san"].as_str().unwrap(), "{folder}: san");
        assert_eq!(
            id.issuer,
            ci["issuer"].as_str().unwrap(),
            "{folder}: issuer"
        );
        let repo = ci["source_repo"]
            .as_str()
            .map(String::from)
            .unwrap_or_else(|| {
                format!("https://github.com/{}", ci["legacy_repo"].as_str().unwrap())
            });
        assert_eq!(id.source_repository, repo, "{folder}: repository");
        let commit = ci["source_digest"]
            .as_str()
            .or(ci["legacy_sha"].as_str())
            .unwrap();
        assert_eq!(id.source_commit, commit, "{folder}: commit");
        let git_ref = ci["source_ref"]
            .as_str()
            .or(ci["legacy_ref"].as_str())
            .unwrap();
        assert_eq!(id.source_ref, git_ref, "{folder}: ref");
        assert_eq!(
            id.build_config,
            ci["build_config"].as_str().unwrap_or(""),
            "{folder}: build config"
        );
        if let Some(trigger) = ci["trigger"].as_str() {
            assert_eq!(id.trigger, trigger, "{folder}: trigger");
        }
        let claims = &exp["provenance_claims"];
        let builder = claims["builder.id"].as_str().unwrap();
        assert_eq!(id.builder, builder, "{folder}: builder");
        if let Some(path) = claims["workflow.path"].as_str() {
            assert_eq!(id.workflow_path, path, "{folder}: workflow path");
        }
        if let Some(inv) = claims["invocationId"].as_str() {
            assert_eq!(id.run_invocation, inv, "{folder}: run invocation");
        }
        if let Some(run) = claims["GITHUB_RUN_ID"].as_str() {
            assert!(
                id.run_invocation.contains(&format!("/actions/runs/{run}/")),
                "{folder}: {}",
                id.run_invocation
            );
        }
        assert!(
            id.workflow_path.starts_with(".github/workflows/"),
            "{folder}: {}",
            id.workflow_path
        );
        seen += 1;
    }
    assert_eq!(seen, 8, "all eight packages with provenance were checked");
}

#[test]
fn every_negative_fixture_fails_with_the_expected_checks() {
    let Some(dir) = fixtures() else { return };
    let expected = json(&dir, "expected.json");
    let trust = trust(&dir);
    let mut seen = 0;
    for (file, exp) in expected["negative"].as_object().unwrap() {
        let want: BTreeSet<String> = exp["failing_checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_str())
            .filter(|c| c.starts_with("provenance.") || c.starts_with("publish."))
            .map(String::from)
            .collect();
        let use_with = exp["use_with"].as_str().unwrap_or_default();
        let parts: Vec<&str> = use_with.split(" + ").map(str::trim).collect();
        let (manifest, tarball, attestations) = if file.ends_with(".attestations.json") {
            (parts[0], parts.get(1).copied(), file.as_str())
        } else if file.ends_with(".tgz") {
            let m = parts
                .iter()
                .find(|p| p.ends_with("manifest.json"))
                .copied()
                .unwrap();
            (
                m,
                Some(file.as_str()),
                "packages/gundam-visor-1.0.1/attestations.json",
            )
        } else if file.ends_with(".manifest.json") {
            if file.contains("sigstore-1.0.0") {
                (
                    file.as_str(),
                    None,
                    "packages/sigstore-1.0.0/attestations.json",
                )
            } else {
                continue; // registry-signature cases (kms-demo, tuf-js): not provenance
            }
        } else {
            panic!("unknown negative fixture {file}")
        };
        let subj = subject(&dir, manifest, tarball);
        let report = verify(&read(&dir, attestations), &subj, &trust).unwrap();
        assert!(!report.verified, "{file} must not verify");
        let got = failing(&report);
        if file.ends_with(".tgz") {
            // The tampered tarball's digest matches no subject of either bundle.
            let both: BTreeSet<String> = ["provenance", "publish"]
                .iter()
                .map(|r| format!("{r}.subject_sha512_matches_dist_integrity"))
                .collect();
            assert_eq!(got, both, "{file}");
        } else {
            assert_eq!(got, want, "{file}");
        }
        seen += 1;
    }
    assert_eq!(seen, 23, "16 upstream and 7 tampered provenance fixtures");
}

#[test]
fn swapped_attestations_fail_on_subject_name_and_digest() {
    let Some(dir) = fixtures() else { return };
    let sc = &json(&dir, "expected.json")["scenarios"]["swapped_attestations"];
    let subj = subject(
        &dir,
        sc["manifest"].as_str().unwrap(),
        sc["tarball"].as_str(),
    );
    let report = verify(
        &read(&dir, sc["attestations"].as_str().unwrap()),
        &subj,
        &trust(&dir),
    )
    .unwrap();
    let want: BTreeSet<String> = sc["failing_checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    assert_eq!(failing(&report), want);
}

/// Moves the provenance entry's integratedTime outside the certificate's ten-minute window.
fn shift_integrated_time(doc: &mut Value, by: i64) {
    for att in doc["attestations"].as_array_mut().unwrap() {
        if att["predicateType"]
            .as_str()
            .unwrap()
            .starts_with("https://slsa.dev/")
        {
            let entry = &mut att["bundle"]["verificationMaterial"]["tlogEntries"][0];
            let t: i64 = entry["integratedTime"].as_str().unwrap().parse().unwrap();
            entry["integratedTime"] = Value::String((t + by).to_string());
        }
    }
}

#[test]
fn certificate_outside_its_validity_window_at_signing_time_fails() {
    let Some(dir) = fixtures() else { return };
    let subj = subject(&dir, "packages/gundam-visor-1.0.1/manifest.json", None);
    for by in [3600, -3600] {
        let mut doc = json(&dir, "packages/gundam-visor-1.0.1/attestations.json");
        shift_integrated_time(&mut doc, by);
        let report = verify(&serde_json::to_vec(&doc).unwrap(), &subj, &trust(&dir)).unwrap();
        assert!(!report.verified);
        let got = failing(&report);
        assert!(
            got.contains("provenance.cert_valid_at_integrated_time"),
            "{by}: {got:?}"
        );
        // The SET covers the time, so moving it breaks the SET too.
        assert!(got.contains("provenance.rekor_set"), "{by}: {got:?}");
    }
}

#[test]
fn a_root_without_the_fulcio_ca_rejects_the_chain() {
    let Some(dir) = fixtures() else { return };
    let mut root = json(&dir, "trust/trusted_root.json");
    // Keep only the 2021 CA, which expired before any of these bundles was signed.
    root["certificateAuthorities"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let trust = TrustMaterial::from_json(
        &serde_json::to_vec(&root).unwrap(),
        &read(&dir, "trust/npm-registry-keys.json"),
    )
    .unwrap();
    let subj = subject(&dir, "packages/sigstore-1.0.0/manifest.json", None);
    let report = verify(
        &read(&dir, "packages/sigstore-1.0.0/attestations.json"),
        &subj,
        &trust,
    )
    .unwrap();
    assert_eq!(
        failing(&report),
        BTreeSet::from(["provenance.cert_chain".to_string()])
    );
}

#[test]
fn publish_attestation_with_an_unknown_npm_key_fails() {
    let Some(dir) = fixtures() else { return };
    let keys = br#"{"keys": []}"#;
    let trust = TrustMaterial::from_json(&read(&dir, "trust/trusted_root.json"), keys).unwrap();
    let subj = subject(&dir, "packages/sigstore-1.0.0/manifest.json", None);
    let report = verify(
        &read(&dir, "packages/sigstore-1.0.0/attestations.json"),
        &subj,
        &trust,
    )
    .unwrap();
    assert_eq!(
        failing(&report),
        BTreeSet::from(["publish.dsse_sig".to_string()])
    );
}

#[test]
fn builtin_trust_material_verifies_a_real_bundle() {
    let Some(dir) = fixtures() else { return };
    let subj = subject(
        &dir,
        "packages/gundam-visor-1.0.1/manifest.json",
        Some("packages/gundam-visor-1.0.1/gundam-visor-1.0.1.tgz"),
    );
    let trust = TrustMaterial::builtin().unwrap();
    let report = verify(
        &read(&dir, "packages/gundam-visor-1.0.1/attestations.json"),
        &subj,
        &trust,
    )
    .unwrap();
    assert!(report.verified, "{:?}", failing(&report));
}
