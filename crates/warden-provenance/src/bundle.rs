//! One Sigstore bundle (v0.1 / v0.2, DSSE envelope, Rekor `intoto` 0.0.2 entry): every check by
//! name, `<role>.<check>` with role `provenance` or `publish`.

use crate::identity::{self, Identity};
use crate::merkle;
use crate::trust::TrustMaterial;
use crate::{Check, Subject, b64};
use der::{Decode, Encode};
use serde_json::Value;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

const IN_TOTO: &str = "application/vnd.in-toto+json";
const ECDSA_SHA256: &str = "1.2.840.10045.4.3.2";
const ECDSA_SHA384: &str = "1.2.840.10045.4.3.3";

pub struct BundleOutcome {
    pub checks: Vec<Check>,
    pub identity: Option<Identity>,
}

struct Recorder<'a> {
    role: &'a str,
    checks: Vec<Check>,
}

impl Recorder<'_> {
    fn put(&mut self, check: &str, result: Result<(), String>) -> bool {
        let ok = result.is_ok();
        self.checks.push(Check {
            name: format!("{}.{check}", self.role),
            ok,
            detail: result.err().unwrap_or_default(),
        });
        ok
    }
}

fn s<'v>(v: &'v Value, path: &[&str]) -> Option<&'v str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_str()
}

pub fn verify_bundle(
    role: &str,
    predicate_type: &str,
    bundle: &Value,
    subject: &Subject,
    trust: &TrustMaterial,
) -> BundleOutcome {
    let mut rec = Recorder {
        role,
        checks: Vec::new(),
    };
    let env = &bundle["dsseEnvelope"];
    let payload = s(env, &["payload"])
        .ok_or("bundle has no dsseEnvelope.payload".to_string())
        .and_then(b64);
    let payload = match payload {
        Ok(p) => p,
        Err(e) => {
            rec.put("dsse_envelope", Err(e));
            return BundleOutcome {
                checks: rec.checks,
                identity: None,
            };
        }
    };
    let payload_type = s(env, &["payloadType"]).unwrap_or_default();
    let sig_b64 = env["signatures"][0]["sig"].as_str().unwrap_or_default();
    let sig = b64(sig_b64).unwrap_or_default();

    // The statement: payload type, predicate type, subject name and digest.
    rec.put(
        "dsse_payloadType_is_in_toto",
        if payload_type == IN_TOTO {
            Ok(())
        } else {
            Err(format!(
                "payload type is {payload_type:?}, expected {IN_TOTO:?}"
            ))
        },
    );
    let statement: Value = serde_json::from_slice(&payload).unwrap_or(Value::Null);
    let stmt_pt = s(&statement, &["predicateType"]).unwrap_or_default();
    rec.put(
        "attestation_predicateType_matches_statement",
        if stmt_pt == predicate_type {
            Ok(())
        } else {
            Err(format!(
                "attestation says {predicate_type:?}, the signed statement says {stmt_pt:?}"
            ))
        },
    );
    let purl = subject.purl();
    let subjects = statement["subject"].as_array().cloned().unwrap_or_default();
    // An in-toto subject is a name and a DigestSet (a map); a malformed one names nothing.
    let named: Vec<&Value> = subjects
        .iter()
        .filter(|x| x["name"].as_str() == Some(purl.as_str()) && x["digest"].is_object())
        .collect();
    rec.put(
        "subject_name_is_purl",
        if named.is_empty() {
            Err(format!("no in-toto subject is named {purl}"))
        } else {
            Ok(())
        },
    );
    let want = hex(&subject.sha512);
    rec.put(
        "subject_sha512_matches_dist_integrity",
        if named
            .iter()
            .any(|x| x["digest"]["sha512"].as_str() == Some(want.as_str()))
        {
            Ok(())
        } else {
            Err(format!(
                "no subject {purl} carries sha512 {want} (the tarball's integrity)"
            ))
        },
    );

    // The tlog entry: times, SET, inclusion proof, body consistency.
    let entry = &bundle["verificationMaterial"]["tlogEntries"][0];
    let integrated: Option<i64> = s(entry, &["integratedTime"]).and_then(|t| t.parse().ok());
    let Some(integrated) = integrated else {
        rec.put(
            "rekor_set",
            Err("bundle has no transparency-log entry with an integratedTime".into()),
        );
        return BundleOutcome {
            checks: rec.checks,
            identity: None,
        };
    };

    // The signing key: the Fulcio leaf (provenance) or an npm registry key (publish).
    let pae = pae(payload_type, &payload);
    let certs = &bundle["verificationMaterial"]["x509CertificateChain"]["certificates"];
    let leaf_der = certs[0]["rawBytes"]
        .as_str()
        .or_else(|| s(bundle, &["verificationMaterial", "certificate", "rawBytes"]));
    let mut identity = None;
    if let Some(leaf_b64) = leaf_der {
        let leaf = b64(leaf_b64)
            .and_then(|d| Certificate::from_der(&d).map_err(|e| format!("leaf certificate: {e}")));
        match leaf {
            Ok(leaf) => {
                rec.put("cert_chain", chain(&leaf, integrated, trust));
                rec.put("cert_valid_at_integrated_time", valid_at(&leaf, integrated));
                let spki = leaf
                    .tbs_certificate
                    .subject_public_key_info
                    .to_der()
                    .unwrap_or_default();
                rec.put("dsse_sig", verify_sig(&spki, &pae, &sig));
                identity = Some(identity::extract(&leaf, &statement));
            }
            Err(e) => {
                rec.put("cert_chain", Err(e));
            }
        }
    } else {
        let hint = s(bundle, &["verificationMaterial", "publicKey", "hint"])
            .or_else(|| env["signatures"][0]["keyid"].as_str())
            .unwrap_or_default();
        let result = match trust.npm_keys.iter().find(|k| k.keyid == hint) {
            None => Err(format!("no npm registry key with keyid {hint:?}")),
            Some(k) if k.expires.is_some_and(|e| integrated >= e) => Err(format!(
                "npm key {hint} had expired when the attestation was logged"
            )),
            Some(k) => verify_sig(&k.spki_der, &pae, &sig),
        };
        rec.put("dsse_sig", result);
    }

    let body_b64 = s(entry, &["canonicalizedBody"]).unwrap_or_default();
    let body_bytes = b64(body_b64).unwrap_or_default();
    let log_id = s(entry, &["logId", "keyId"])
        .map(b64)
        .and_then(Result::ok)
        .unwrap_or_default();
    let log = trust
        .tlogs
        .iter()
        .find(|t| t.log_id == log_id && t.valid.contains(integrated));
    let set = s(entry, &["inclusionPromise", "signedEntryTimestamp"]);
    let proof = entry.get("inclusionProof").filter(|p| !p.is_null());
    if set.is_none() && proof.is_none() {
        rec.put(
            "rekor_set",
            Err("entry carries neither a signed entry timestamp nor an inclusion proof".into()),
        );
    }
    if let Some(set) = set {
        let result = match log {
            None => Err(format!(
                "no trusted transparency log with id {}",
                hex(&log_id)
            )),
            Some(log) => {
                let index = s(entry, &["logIndex"]).unwrap_or("x");
                if index.parse::<u64>().is_err() {
                    Err(format!("logIndex {index:?} is not a number"))
                } else {
                    let canon = format!(
                        r#"{{"body":"{body_b64}","integratedTime":{integrated},"logID":"{}","logIndex":{index}}}"#,
                        hex(&log_id)
                    );
                    b64(set).and_then(|sig| verify_sig(&log.spki_der, canon.as_bytes(), &sig))
                }
            }
        };
        rec.put("rekor_set", result);
    }
    if let Some(proof) = proof {
        inclusion(
            &mut rec,
            proof,
            &body_bytes,
            log.map(|l| l.spki_der.as_slice()),
        );
    }

    // The logged body must be this envelope: same payload hash, same signature.
    let body: Value = serde_json::from_slice(&body_bytes).unwrap_or(Value::Null);
    let kind_ok = body["kind"] == "intoto" && body["apiVersion"] == "0.0.2";
    if !kind_ok {
        rec.put(
            "tlog_payload_hash",
            Err(format!(
                "tlog entry is {}/{}, only intoto 0.0.2 is supported",
                body["kind"], body["apiVersion"]
            )),
        );
    } else {
        let content = &body["spec"]["content"];
        let got = s(content, &["payloadHash", "value"]).unwrap_or_default();
        let payload_sha = hex(&Sha256::digest(&payload));
        rec.put(
            "tlog_payload_hash",
            if got == payload_sha {
                Ok(())
            } else {
                Err(format!(
                    "logged payload hash {got} ≠ sha256 of the payload {payload_sha}"
                ))
            },
        );
        let logged_sig = content["envelope"]["signatures"][0]["sig"]
            .as_str()
            .and_then(|x| b64(x).ok());
        rec.put(
            "tlog_sig_matches",
            if logged_sig.as_deref() == Some(sig_b64.as_bytes()) {
                Ok(())
            } else {
                Err("the logged envelope signature is not the bundle's".into())
            },
        );
    }
    BundleOutcome {
        checks: rec.checks,
        identity,
    }
}

fn inclusion(rec: &mut Recorder, proof: &Value, body: &[u8], log_key: Option<&[u8]>) {
    let num = |k: &str| s(proof, &[k]).and_then(|v| v.parse::<u64>().ok());
    let root = s(proof, &["rootHash"])
        .map(b64)
        .and_then(Result::ok)
        .unwrap_or_default();
    let hashes: Vec<[u8; 32]> = proof["hashes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|h| {
                    h.as_str()
                        .and_then(|h| b64(h).ok())
                        .and_then(|h| h.try_into().ok())
                })
                .collect()
        })
        .unwrap_or_default();
    let (index, size) = (num("logIndex"), num("treeSize"));
    let computed = match (index, size) {
        (Some(i), Some(n)) => merkle::root_from_proof(i, n, merkle::leaf_hash(body), &hashes),
        _ => None,
    };
    rec.put(
        "inclusion_proof",
        match computed {
            Some(r) if r.as_slice() == root.as_slice() => Ok(()),
            Some(_) => Err("the Merkle path does not lead to the proof's root hash".into()),
            None => Err("the inclusion proof is malformed (index, size or hashes)".into()),
        },
    );
    let envelope = s(proof, &["checkpoint", "envelope"]).unwrap_or_default();
    let Some((note, sigs)) = envelope.split_once("\n\n") else {
        rec.put(
            "checkpoint_sig",
            Err("checkpoint is not a signed note".into()),
        );
        return;
    };
    let signed = format!("{note}\n");
    let key = log_key.ok_or_else(|| "no trusted transparency log for this entry".to_string());
    let sig_ok = key.and_then(|key| {
        sigs.lines()
            .filter_map(|l| l.strip_prefix("\u{2014} "))
            .filter_map(|l| l.rsplit_once(' ').and_then(|(_, b)| b64(b).ok()))
            .filter(|raw| raw.len() > 4)
            .find(|raw| verify_sig(key, signed.as_bytes(), &raw[4..]).is_ok())
            .map(|_| ())
            .ok_or_else(|| "no checkpoint signature verifies under the log's key".to_string())
    });
    rec.put("checkpoint_sig", sig_ok);
    let mut lines = note.lines().skip(1);
    let cp_size = lines.next().and_then(|l| l.parse::<u64>().ok());
    let cp_root = lines.next().and_then(|l| b64(l).ok());
    rec.put(
        "checkpoint_root_matches",
        if cp_size == size && cp_root.as_deref() == Some(root.as_slice()) {
            Ok(())
        } else {
            Err("checkpoint tree size or root hash differs from the inclusion proof's".into())
        },
    );
}

/// DSSE pre-authentication encoding (DSSE v1 spec; hand-written: five fields).
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {payload_type} {} ",
        payload_type.len(),
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// ECDSA verification with the key's own curve and hash (P-256/SHA-256, P-384/SHA-384), DER sigs.
fn verify_sig(spki_der: &[u8], msg: &[u8], sig: &[u8]) -> Result<(), String> {
    use p256::ecdsa::signature::Verifier;
    use p256::pkcs8::DecodePublicKey;
    if let Ok(key) = p256::ecdsa::VerifyingKey::from_public_key_der(spki_der) {
        let sig = p256::ecdsa::Signature::from_der(sig)
            .map_err(|e| format!("signature is not DER ECDSA: {e}"))?;
        return key
            .verify(msg, &sig)
            .map_err(|_| "ECDSA P-256 signature does not verify".into());
    }
    if let Ok(key) = p384::ecdsa::VerifyingKey::from_public_key_der(spki_der) {
        let sig = p384::ecdsa::Signature::from_der(sig)
            .map_err(|e| format!("signature is not DER ECDSA: {e}"))?;
        return key
            .verify(msg, &sig)
            .map_err(|_| "ECDSA P-384 signature does not verify".into());
    }
    Err("key is neither ECDSA P-256 nor P-384".into())
}

/// The leaf is signed by the issuing certificate of a trusted Fulcio CA valid at `at`.
fn chain(leaf: &Certificate, at: i64, trust: &TrustMaterial) -> Result<(), String> {
    let alg = leaf.signature_algorithm.oid.to_string();
    if alg != ECDSA_SHA256 && alg != ECDSA_SHA384 {
        return Err(format!("leaf signature algorithm {alg} is not ECDSA"));
    }
    let tbs = leaf
        .tbs_certificate
        .to_der()
        .map_err(|e| format!("leaf certificate: {e}"))?;
    let sig = leaf
        .signature
        .as_bytes()
        .ok_or("leaf signature has unused bits")?;
    for ca in trust.authorities.iter().filter(|ca| ca.valid.contains(at)) {
        let Some(issuer) = ca.chain.first().and_then(|d| Certificate::from_der(d).ok()) else {
            continue;
        };
        if issuer.tbs_certificate.subject != leaf.tbs_certificate.issuer {
            continue;
        }
        let spki = issuer
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .map_err(|e| e.to_string())?;
        if verify_sig(&spki, &tbs, sig).is_ok() {
            return Ok(());
        }
    }
    Err("the leaf certificate is not signed by any Fulcio CA of the trusted root valid at the signing time".into())
}

fn valid_at(leaf: &Certificate, at: i64) -> Result<(), String> {
    let v = &leaf.tbs_certificate.validity;
    let nb = v.not_before.to_unix_duration().as_secs() as i64;
    let na = v.not_after.to_unix_duration().as_secs() as i64;
    if nb <= at && at <= na {
        Ok(())
    } else {
        Err(format!(
            "certificate is valid {nb}..{na} (Unix seconds), the entry was logged at {at}"
        ))
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
