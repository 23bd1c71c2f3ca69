//! CycloneDX VEX: a BOM whose `vulnerabilities` carry the analysis, with one component per
//! product so that `affects` refers to a bom-ref inside the document.
//!
//! Status and justification mapping (CISA's "VEX status" ↔ CycloneDX `analysis`):
//! not_affected → `not_affected`, affected → `exploitable`, fixed → `resolved`,
//! under_investigation → `in_triage`; component_not_present and vulnerable_code_not_present →
//! `code_not_present`, vulnerable_code_not_in_execute_path → `code_not_reachable`,
//! vulnerable_code_cannot_be_controlled_by_adversary → `requires_environment`,
//! inline_mitigations_already_exist → `protected_by_mitigating_control`. The OpenVEX
//! justification is kept verbatim in a property.

use super::{Justification, Status, VexInput};
use crate::sbom::cyclonedx::SpecVersion;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

fn state(s: Status) -> &'static str {
    match s {
        Status::NotAffected => "not_affected",
        Status::Affected => "exploitable",
        Status::Fixed => "resolved",
        Status::UnderInvestigation => "in_triage",
    }
}

fn justification(j: Justification) -> &'static str {
    match j {
        Justification::ComponentNotPresent | Justification::VulnerableCodeNotPresent => {
            "code_not_present"
        }
        Justification::VulnerableCodeNotInExecutePath => "code_not_reachable",
        Justification::VulnerableCodeCannotBeControlledByAdversary => "requires_environment",
        Justification::InlineMitigationsAlreadyExist => "protected_by_mitigating_control",
    }
}

fn source_of(id: &str) -> &'static str {
    let up = id.to_ascii_uppercase();
    if up.starts_with("GHSA-") {
        "GitHub Advisory Database"
    } else if up.starts_with("CVE-") {
        "NVD"
    } else {
        "OSV"
    }
}

/// The CycloneDX VEX document.
pub fn document(input: &VexInput<'_>, spec: SpecVersion) -> Value {
    let statements = input.resolved_statements();
    let products: BTreeSet<&str> = statements
        .iter()
        .flat_map(|s| s.products.iter().map(String::as_str))
        .collect();
    let components: Vec<Value> = products
        .iter()
        .map(|p| {
            let mut o = Map::new();
            o.insert("type".into(), json!("library"));
            o.insert("bom-ref".into(), json!(p));
            match crate::purl::parse_npm_ref(p) {
                Ok(r) => {
                    match r.name.split_once('/') {
                        Some((scope, base)) if scope.starts_with('@') => {
                            o.insert("group".into(), json!(scope));
                            o.insert("name".into(), json!(base));
                        }
                        _ => {
                            o.insert("name".into(), json!(r.name));
                        }
                    }
                    if let Some(v) = r.version {
                        o.insert("version".into(), json!(v));
                    }
                }
                Err(_) => {
                    o.insert("name".into(), json!(p));
                }
            }
            o.insert("purl".into(), json!(p));
            Value::Object(o)
        })
        .collect();
    let now = crate::time::rfc3339(input.now);
    let vulnerabilities: Vec<Value> = statements
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut analysis = Map::new();
            analysis.insert("state".into(), json!(state(s.status)));
            if let Some(j) = s.justification {
                analysis.insert("justification".into(), json!(justification(j)));
            }
            if s.status == Status::Affected {
                analysis.insert("response".into(), json!(["update"]));
            }
            let detail: Vec<&str> = [&s.impact_statement, &s.action_statement, &s.status_notes]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !detail.is_empty() {
                analysis.insert("detail".into(), json!(detail.join("\n")));
            }
            let ts = s.timestamp.as_deref().unwrap_or(&now);
            analysis.insert("firstIssued".into(), json!(ts));
            analysis.insert("lastUpdated".into(), json!(ts));
            let mut v = Map::new();
            v.insert("bom-ref".into(), json!(format!("vex-{}", k + 1)));
            v.insert("id".into(), json!(s.vulnerability));
            v.insert(
                "source".into(),
                json!({ "name": source_of(&s.vulnerability) }),
            );
            if !s.aliases.is_empty() {
                let refs: Vec<Value> = s
                    .aliases
                    .iter()
                    .map(|a| json!({ "id": a, "source": { "name": source_of(a) } }))
                    .collect();
                v.insert("references".into(), json!(refs));
            }
            v.insert("analysis".into(), Value::Object(analysis));
            let affects: Vec<Value> = s.products.iter().map(|p| json!({ "ref": p })).collect();
            v.insert("affects".into(), json!(affects));
            if let Some(j) = s.justification {
                v.insert(
                    "properties".into(),
                    json!([{ "name": "openvex:justification", "value": j.as_str() }]),
                );
            }
            Value::Object(v)
        })
        .collect();
    let mut doc = json!({
        "$schema": format!("http://cyclonedx.org/schema/bom-{}.schema.json", spec.as_str()),
        "bomFormat": "CycloneDX",
        "specVersion": spec.as_str(),
        "serialNumber": "",
        "version": 1,
        "metadata": {
            "timestamp": now,
            "tools": { "components": [{ "type": "application", "name": input.tool.name, "version": input.tool.version }] },
            "authors": [{ "name": input.author }],
        },
        "components": components,
        "vulnerabilities": vulnerabilities,
    });
    crate::sbom::cyclonedx::set_serial(&mut doc);
    doc
}
