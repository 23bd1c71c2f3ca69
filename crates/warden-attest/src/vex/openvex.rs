//! OpenVEX 0.2.0 documents. The document id is a `urn:uuid:` derived from the content.

use super::{Statement, VexInput};
use serde_json::{Map, Value, json};

pub const CONTEXT: &str = "https://openvex.dev/ns/v0.2.0";

fn statement(s: &Statement, now: &str) -> Value {
    let mut o = Map::new();
    let mut vuln = Map::new();
    vuln.insert("name".into(), json!(s.vulnerability));
    if !s.aliases.is_empty() {
        vuln.insert("aliases".into(), json!(s.aliases));
    }
    o.insert("vulnerability".into(), Value::Object(vuln));
    o.insert(
        "timestamp".into(),
        json!(s.timestamp.as_deref().unwrap_or(now)),
    );
    let products: Vec<Value> = s
        .products
        .iter()
        .map(|p| json!({ "@id": p, "identifiers": { "purl": p } }))
        .collect();
    o.insert("products".into(), json!(products));
    o.insert("status".into(), json!(s.status.as_str()));
    if let Some(n) = &s.status_notes {
        o.insert("status_notes".into(), json!(n));
    }
    if let Some(j) = s.justification {
        o.insert("justification".into(), json!(j.as_str()));
    }
    if let Some(i) = &s.impact_statement {
        o.insert("impact_statement".into(), json!(i));
    }
    if let Some(a) = &s.action_statement {
        o.insert("action_statement".into(), json!(a));
    }
    Value::Object(o)
}

/// The OpenVEX document. OpenVEX requires at least one statement; the caller checks
/// [`VexInput::resolved_statements`] first.
pub fn document(input: &VexInput<'_>) -> Value {
    let now = crate::time::rfc3339(input.now);
    let statements: Vec<Value> = input
        .resolved_statements()
        .iter()
        .map(|s| statement(s, &now))
        .collect();
    let mut doc = json!({
        "@context": CONTEXT,
        "@id": "",
        "author": input.author,
        "timestamp": now,
        "version": 1,
        "tooling": format!("{} {}", input.tool.name, input.tool.version),
        "statements": statements,
    });
    let id = format!("urn:uuid:{}", crate::uuid::v5(&crate::to_json_bytes(&doc)));
    if let Some(o) = doc.as_object_mut() {
        o.insert("@id".into(), json!(id));
    }
    doc
}
