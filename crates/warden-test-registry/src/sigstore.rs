//! A test Sigstore: a Fulcio-like CA and a Rekor-like log key (fixed P-256 test keys, never real
//! secrets), the `trusted_root.json` naming them, and attestations documents for made-up
//! packages whose provenance bundle verifies against that root: a leaf certificate with the
//! Fulcio extensions for the given repository, an in-toto SLSA v1 statement about the tarball,
//! the DSSE signature, and a Rekor `intoto` 0.0.2 entry with a signed entry timestamp (the
//! shape of npm's bundles before inclusion proofs). Pass the root with `--trusted-root`.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use der::asn1::{BitString, Ia5String, ObjectIdentifier, OctetString, UtcTime, Utf8StringRef};
use der::{Decode as _, Encode as _};
use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{DerSignature, SigningKey};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256, Sha512};
use std::str::FromStr as _;
use std::time::Duration;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::{Extension, Extensions};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::{Time, Validity};

const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";
const ISSUER: &str = "https://token.actions.githubusercontent.example";

fn key(byte: u8) -> SigningKey {
    SigningKey::from_bytes(&[byte; 32].into()).expect("a repeated small byte is a valid scalar")
}

/// SPKI DER of a P-256 key: the fixed AlgorithmIdentifier header, then the point.
fn spki(k: &SigningKey) -> Vec<u8> {
    let mut out = vec![
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08,
        0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    ];
    out.extend_from_slice(k.verifying_key().to_encoded_point(false).as_bytes());
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn time(t: i64) -> Time {
    Time::UtcTime(
        UtcTime::from_unix_duration(Duration::from_secs(t.max(0) as u64))
            .expect("test times are within UTCTime"),
    )
}

fn ext(oid: &str, value: Vec<u8>) -> Extension {
    Extension {
        extn_id: ObjectIdentifier::new_unwrap(oid),
        critical: false,
        extn_value: OctetString::new(value).expect("extension values are small"),
    }
}

fn utf8(s: &str) -> Vec<u8> {
    Utf8StringRef::new(s)
        .and_then(|u| u.to_der())
        .expect("test strings encode")
}

/// A certificate for `subject_key`, signed by `issuer_key`.
fn certificate(
    issuer: &str,
    subject: &str,
    subject_key: &SigningKey,
    issuer_key: &SigningKey,
    valid: (i64, i64),
    extensions: Extensions,
) -> Vec<u8> {
    let alg = AlgorithmIdentifierOwned {
        oid: ObjectIdentifier::new_unwrap(ECDSA_SHA256),
        parameters: None,
    };
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(&[1, 2, 3]).expect("a short serial"),
        signature: alg.clone(),
        issuer: Name::from_str(issuer).expect("a valid test name"),
        validity: Validity {
            not_before: time(valid.0),
            not_after: time(valid.1),
        },
        subject: Name::from_str(subject).expect("a valid test name"),
        subject_public_key_info: SubjectPublicKeyInfoOwned::from_der(&spki(subject_key))
            .expect("the key's own SPKI parses"),
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!extensions.is_empty()).then_some(extensions),
    };
    let tbs_der = tbs.to_der().expect("the TBS certificate encodes");
    let sig: DerSignature = issuer_key.sign(&tbs_der);
    Certificate {
        tbs_certificate: tbs,
        signature_algorithm: alg,
        signature: BitString::from_bytes(sig.as_bytes()).expect("a DER signature fits"),
    }
    .to_der()
    .expect("the certificate encodes")
}

/// The test CA and log.
pub struct TestSigstore {
    ca_key: SigningKey,
    ca_der: Vec<u8>,
    rekor_key: SigningKey,
}

impl Default for TestSigstore {
    fn default() -> Self {
        Self::new()
    }
}

impl TestSigstore {
    pub fn new() -> Self {
        let ca_key = key(0x22);
        let ca_der = certificate(
            "CN=warden test fulcio,O=warden test",
            "CN=warden test fulcio,O=warden test",
            &ca_key,
            &ca_key,
            (1_577_836_800, 2_493_072_000),
            Vec::new(),
        );
        Self {
            ca_key,
            ca_der,
            rekor_key: key(0x33),
        }
    }

    fn log_id(&self) -> Vec<u8> {
        Sha256::digest(spki(&self.rekor_key)).to_vec()
    }

    /// The `trusted_root.json` naming the test CA and log (valid from 2020).
    pub fn trusted_root(&self) -> Vec<u8> {
        let doc = json!({
            "mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            "tlogs": [{
                "baseUrl": "https://rekor.test.example",
                "hashAlgorithm": "SHA2_256",
                "publicKey": {
                    "rawBytes": STANDARD.encode(spki(&self.rekor_key)),
                    "keyDetails": "PKIX_ECDSA_P256_SHA_256",
                    "validFor": {"start": "2020-01-01T00:00:00Z"}
                },
                "logId": {"keyId": STANDARD.encode(self.log_id())}
            }],
            "certificateAuthorities": [{
                "subject": {"organization": "warden test", "commonName": "warden test fulcio"},
                "uri": "https://fulcio.test.example",
                "certChain": {"certificates": [{"rawBytes": STANDARD.encode(&self.ca_der)}]},
                "validFor": {"start": "2020-01-01T00:00:00Z"}
            }],
            "ctlogs": [],
            "timestampAuthorities": []
        });
        serde_json::to_vec_pretty(&doc).expect("JSON encodes")
    }

    /// An attestations document (one SLSA v1 provenance bundle) for `name@version` whose
    /// tarball is `tarball`, published from `repository` (`https://github.com/OWNER/REPO`) by
    /// `workflow` (`.github/workflows/release.yml`), logged at `integrated_time` (Unix seconds).
    pub fn attestations(
        &self,
        name: &str,
        version: &str,
        tarball: &[u8],
        repository: &str,
        workflow: &str,
        integrated_time: i64,
    ) -> Vec<u8> {
        let window = (integrated_time - 60, integrated_time + 540);
        self.attestations_with_cert_window(
            name,
            version,
            tarball,
            repository,
            workflow,
            integrated_time,
            window,
        )
    }

    /// [`Self::attestations`] with the leaf certificate valid over `cert_window` (Unix seconds,
    /// not before / not after) instead of the ten minutes around `integrated_time`: a window
    /// that excludes the logged time gives a bundle whose every signature, SET included, is
    /// valid but whose certificate was not valid when it signed.
    #[allow(
        clippy::too_many_arguments,
        reason = "one value per field of the bundle"
    )]
    pub fn attestations_with_cert_window(
        &self,
        name: &str,
        version: &str,
        tarball: &[u8],
        repository: &str,
        workflow: &str,
        integrated_time: i64,
        cert_window: (i64, i64),
    ) -> Vec<u8> {
        let leaf_key = key(0x44);
        let san = format!("{repository}/{workflow}@refs/heads/main");
        let sans = SubjectAltName(vec![GeneralName::UniformResourceIdentifier(
            Ia5String::new(&san).expect("an ASCII URI"),
        )]);
        let leaf = certificate(
            "CN=warden test fulcio,O=warden test",
            "CN=sigstore-intermediate",
            &leaf_key,
            &self.ca_key,
            cert_window,
            vec![
                Extension {
                    extn_id: ObjectIdentifier::new_unwrap("2.5.29.17"),
                    critical: true,
                    extn_value: OctetString::new(sans.to_der().expect("SAN encodes"))
                        .expect("small"),
                },
                ext("1.3.6.1.4.1.57264.1.8", utf8(ISSUER)),
                ext("1.3.6.1.4.1.57264.1.12", utf8(repository)),
                ext("1.3.6.1.4.1.57264.1.14", utf8("refs/heads/main")),
                ext("1.3.6.1.4.1.57264.1.20", utf8("push")),
            ],
        );
        let statement = json!({
            "_type": "https://in-toto.io/Statement/v1",
            "subject": [{
                "name": format!("pkg:npm/{}@{version}", name.replace('@', "%40")),
                "digest": {"sha512": hex(&Sha512::digest(tarball))}
            }],
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": {
                "buildDefinition": {
                    "buildType": "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",
                    "externalParameters": {"workflow": {
                        "ref": "refs/heads/main", "repository": repository, "path": workflow
                    }}
                },
                "runDetails": {
                    "builder": {"id": "https://github.com/actions/runner/github-hosted"},
                    "metadata": {"invocationId": format!("{repository}/actions/runs/1/attempts/1")}
                }
            }
        });
        let payload = serde_json::to_vec(&statement).expect("JSON encodes");
        let payload_type = "application/vnd.in-toto+json";
        let mut pae = format!(
            "DSSEv1 {} {payload_type} {} ",
            payload_type.len(),
            payload.len()
        )
        .into_bytes();
        pae.extend_from_slice(&payload);
        let sig: DerSignature = leaf_key.sign(&pae);
        let sig_b64 = STANDARD.encode(sig.as_bytes());
        let body = json!({
            "apiVersion": "0.0.2",
            "kind": "intoto",
            "spec": {"content": {
                "envelope": {
                    "payloadType": payload_type,
                    "signatures": [{"sig": STANDARD.encode(&sig_b64)}]
                },
                "payloadHash": {"algorithm": "sha256", "value": hex(&Sha256::digest(&payload))}
            }}
        });
        let body_b64 = STANDARD.encode(serde_json::to_vec(&body).expect("JSON encodes"));
        let log_index = 7;
        let canon = format!(
            r#"{{"body":"{body_b64}","integratedTime":{integrated_time},"logID":"{}","logIndex":{log_index}}}"#,
            hex(&self.log_id())
        );
        let set: DerSignature = self.rekor_key.sign(canon.as_bytes());
        let bundle: Value = json!({
            "mediaType": "application/vnd.dev.sigstore.bundle+json;version=0.1",
            "verificationMaterial": {
                "x509CertificateChain": {"certificates": [{"rawBytes": STANDARD.encode(&leaf)}]},
                "tlogEntries": [{
                    "logIndex": log_index.to_string(),
                    "logId": {"keyId": STANDARD.encode(self.log_id())},
                    "kindVersion": {"kind": "intoto", "version": "0.0.2"},
                    "integratedTime": integrated_time.to_string(),
                    "inclusionPromise": {"signedEntryTimestamp": STANDARD.encode(set.as_bytes())},
                    "inclusionProof": null,
                    "canonicalizedBody": body_b64
                }]
            },
            "dsseEnvelope": {
                "payload": STANDARD.encode(&payload),
                "payloadType": payload_type,
                "signatures": [{"sig": sig_b64, "keyid": ""}]
            }
        });
        serde_json::to_vec(&json!({"attestations": [
            {"predicateType": "https://slsa.dev/provenance/v1", "bundle": bundle}
        ]}))
        .expect("JSON encodes")
    }
}
