//! SARIF 2.1.0 output of scan findings, usable by GitHub code scanning: one run, the rule
//! catalogue as `tool.driver.rules`, one result per finding with a stable partial fingerprint.

use serde_json::{Value, json};
use warden_scan::{ScanReport, Severity};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// A SARIF log for the given `(target, report)` pairs. Locations are relative to each target
/// (`package/`-relative paths inside a tarball), prefixed by the target when there are several.
pub fn document(reports: &[(&str, &ScanReport)]) -> Value {
    let catalogue = warden_scan::rules();
    let rules: Vec<Value> = catalogue
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.title },
                "fullDescription": { "text": r.description.trim() },
                "help": { "text": format!("{}\nmotivated by: {}", r.description.trim(), r.incident) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": {
                    "category": r.category.as_str(),
                    "severity": r.severity.as_str(),
                    "tags": ["security", "supply-chain", r.category.as_str()],
                },
            })
        })
        .collect();
    let mut results = Vec::new();
    let several = reports.len() > 1;
    for (target, report) in reports {
        let subject = match (&report.name, &report.version) {
            (Some(n), Some(v)) => format!("{n}@{v}"),
            _ => target.to_string(),
        };
        for f in &report.findings {
            let uri = if several {
                format!("{}/{}", target.trim_end_matches('/'), f.file)
            } else {
                f.file.clone()
            };
            let mut physical = json!({ "artifactLocation": { "uri": uri } });
            if f.line > 0 {
                physical["region"] = json!({ "startLine": f.line, "startColumn": f.column.max(1) });
            }
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": format!("{subject}: {}", f.message) },
                "locations": [{ "physicalLocation": physical }],
                "partialFingerprints": { "wardenFingerprint/v1": f.fingerprint },
                "properties": { "severity": f.severity.as_str(), "evidence": f.evidence, "package": subject, "verdict": report.verdict.as_str() },
            });
            if let Some(i) = catalogue.iter().position(|r| r.id == f.rule) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "warden",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                    "properties": { "rulesVersion": warden_scan::RULES_VERSION },
                }
            },
            "results": results,
        }]
    })
}
