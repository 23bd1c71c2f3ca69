//! in-toto Statement v1: a subject (name and digests) and a typed predicate. The Statement is
//! what a DSSE envelope carries (payload type `application/vnd.in-toto+json`).

use crate::error::AttestError;
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

pub const STATEMENT_TYPE: &str = "https://in-toto.io/Statement/v1";
pub const CYCLONEDX_PREDICATE: &str = "https://cyclonedx.org/bom";
pub const SPDX_PREDICATE: &str = "https://spdx.dev/Document";
pub const OPENVEX_PREDICATE: &str = "https://openvex.dev/ns/v0.2.0";

/// The predicate type a document declares by its content: CycloneDX (`bomFormat`), SPDX
/// (`spdxVersion`) or OpenVEX (`@context`).
pub fn detect_predicate_type(doc: &Value) -> Option<&'static str> {
    if doc.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        return Some(CYCLONEDX_PREDICATE);
    }
    if doc
        .get("spdxVersion")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("SPDX-"))
    {
        return Some(SPDX_PREDICATE);
    }
    if doc
        .get("@context")
        .and_then(Value::as_str)
        .is_some_and(|c| c.starts_with("https://openvex.dev/ns"))
    {
        return Some(OPENVEX_PREDICATE);
    }
    None
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::purl::hex(&Sha256::digest(bytes))
}

/// A Statement about one subject file.
pub fn statement(
    subject_name: &str,
    subject_bytes: &[u8],
    predicate_type: &str,
    predicate: Value,
) -> Value {
    json!({
        "_type": STATEMENT_TYPE,
        "subject": [{ "name": subject_name, "digest": { "sha256": sha256_hex(subject_bytes) } }],
        "predicateType": predicate_type,
        "predicate": predicate,
    })
}

/// A parsed Statement: its subjects as `(name, sha256 hex)` and its predicate type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementSummary {
    pub subjects: Vec<(String, Option<String>)>,
    pub predicate_type: String,
}

/// Checks that `payload` is an in-toto Statement v1 and summarises it.
pub fn parse_statement(payload: &[u8]) -> Result<(Value, StatementSummary), AttestError> {
    let v: Value = serde_json::from_slice(payload)
        .map_err(|e| AttestError::Malformed(format!("the payload is not JSON: {e}")))?;
    if v.get("_type").and_then(Value::as_str) != Some(STATEMENT_TYPE) {
        return Err(AttestError::Malformed(format!(
            "the payload is not an in-toto Statement v1 (expected _type {STATEMENT_TYPE})"
        )));
    }
    let predicate_type = v
        .get("predicateType")
        .and_then(Value::as_str)
        .ok_or_else(|| AttestError::Malformed("the statement has no predicateType".into()))?
        .to_string();
    let subjects = v
        .get("subject")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| AttestError::Malformed("the statement has no subject".into()))?
        .iter()
        .map(|s| {
            (
                s.get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                s.get("digest")
                    .and_then(|d| d.get("sha256"))
                    .and_then(Value::as_str)
                    .map(str::to_ascii_lowercase),
            )
        })
        .collect();
    Ok((
        v,
        StatementSummary {
            subjects,
            predicate_type,
        },
    ))
}

impl StatementSummary {
    /// Checks that some subject has the SHA-256 digest of `bytes`.
    pub fn check_subject(&self, bytes: &[u8]) -> Result<(), AttestError> {
        let digest = sha256_hex(bytes);
        if self
            .subjects
            .iter()
            .any(|(_, d)| d.as_deref() == Some(digest.as_str()))
        {
            return Ok(());
        }
        let listed: Vec<String> = self
            .subjects
            .iter()
            .map(|(n, d)| format!("{n} sha256:{}", d.as_deref().unwrap_or("(none)")))
            .collect();
        Err(AttestError::Verification(format!(
            "the subject's sha256 {digest} matches no subject of the statement ({})",
            listed.join(", ")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_document_kinds() {
        assert_eq!(
            detect_predicate_type(&json!({"bomFormat":"CycloneDX"})),
            Some(CYCLONEDX_PREDICATE)
        );
        assert_eq!(
            detect_predicate_type(&json!({"spdxVersion":"SPDX-2.3"})),
            Some(SPDX_PREDICATE)
        );
        assert_eq!(
            detect_predicate_type(&json!({"@context":"https://openvex.dev/ns/v0.2.0"})),
            Some(OPENVEX_PREDICATE)
        );
        assert_eq!(detect_predicate_type(&json!({"name":"x"})), None);
    }

    #[test]
    fn subject_digest_must_match() {
        let st = statement("bom.json", b"abc", CYCLONEDX_PREDICATE, json!({}));
        let (_, s) = parse_statement(&serde_json::to_vec(&st).unwrap()).unwrap();
        assert_eq!(
            s.subjects[0].1.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert!(s.check_subject(b"abc").is_ok());
        assert!(s.check_subject(b"abd").is_err());
        assert!(parse_statement(b"{\"_type\":\"x\"}").is_err());
        assert!(parse_statement(b"nope").is_err());
    }
}
