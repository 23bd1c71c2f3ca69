//! `warden vulns --format sarif`: SARIF 2.1.0, one rule per advisory, one result per finding,
//! located at the package's entry in the lockfile.

use super::Finding;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use warden_advisory::{Confidence, Severity};
use warden_lockfile::Inventory;

fn level(f: &Finding) -> &'static str {
    if f.m.confidence == Confidence::OpenRange {
        return "note";
    }
    match f.m.effective_severity() {
        Severity::Malicious | Severity::Critical | Severity::High => "error",
        Severity::Moderate => "warning",
        Severity::Low => "note",
    }
}

/// The score code-scanning tools sort by: the CVSS base score, 10 for malicious packages.
fn security_severity(f: &Finding) -> String {
    match (f.m.severity, f.m.score) {
        (Some(Severity::Malicious), _) => "10.0".into(),
        (_, Some(s)) => format!("{s:.1}"),
        (Some(Severity::Critical), None) => "9.0".into(),
        (Some(Severity::High) | None, None) => "7.0".into(),
        (Some(Severity::Moderate), None) => "4.0".into(),
        (Some(Severity::Low), None) => "1.0".into(),
    }
}

/// The 1-based line of the package's first location key in the lockfile text, if found.
fn line_of(inv: &Inventory, package: usize, text: &str) -> Option<usize> {
    let loc = inv.packages[package].locations.first()?;
    let needle = format!("\"{loc}\"");
    let at = text.find(&needle).or_else(|| text.find(loc.as_str()))?;
    Some(text[..at].matches('\n').count() + 1)
}

pub fn document(
    findings: &[Finding],
    inv: &Inventory,
    lockfile_name: &str,
    lockfile_text: &str,
) -> Value {
    let mut rules: BTreeMap<String, Value> = BTreeMap::new();
    let mut results = Vec::new();
    for f in findings {
        let m = &f.m;
        let mut tags = vec![m.kind.as_str().to_string(), "security".to_string()];
        tags.extend(m.aliases.iter().cloned());
        rules.entry(m.id.clone()).or_insert_with(|| {
            let mut rule = json!({
                "id": m.id,
                "shortDescription": { "text": if m.summary.is_empty() { m.id.clone() } else { m.summary.clone() } },
                "fullDescription": { "text": format!("{} ({})", if m.summary.is_empty() { &m.id } else { &m.summary }, m.ids.join(", ")) },
                "properties": { "tags": tags, "security-severity": security_severity(f) },
            });
            if let Some(uri) = m.references.first() {
                rule["helpUri"] = json!(uri);
            }
            rule
        });
        let fix = match &m.fixed {
            Some(v) => format!("; fixed in {v}"),
            None => String::new(),
        };
        let confidence = if m.confidence == Confidence::OpenRange {
            " (low confidence: open range of a merged malicious-package record)"
        } else {
            ""
        };
        let mut region = json!({});
        if let Some(line) = line_of(inv, m.package, lockfile_text) {
            region = json!({ "startLine": line });
        }
        let mut physical = json!({ "artifactLocation": { "uri": lockfile_name } });
        if region.get("startLine").is_some() {
            physical["region"] = region;
        }
        results.push(json!({
            "ruleId": m.id,
            "level": level(f),
            "message": { "text": format!("{}@{} is affected by {}: {}{fix}{confidence}", m.name, m.version, m.ids.join(", "), m.summary) },
            "locations": [ { "physicalLocation": physical } ],
            "partialFingerprints": { "wardenAdvisory/v1": format!("{}:{}@{}", m.id, m.name, m.version) },
            "properties": {
                "package": m.name,
                "version": m.version,
                "kind": m.kind.as_str(),
                "severity": m.severity.map(Severity::as_str),
                "confidence": m.confidence,
                "aliases": m.aliases,
                "fixed": m.fixed,
                "paths": f.paths,
            },
        }));
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [ {
            "tool": { "driver": {
                "name": "warden",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.into_values().collect::<Vec<_>>(),
            } },
            "results": results,
        } ],
    })
}
