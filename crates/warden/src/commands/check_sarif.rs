//! SARIF 2.1.0 for `warden check`: one result per reason of every package not allowed, so code
//! scanning shows the decisions on the lockfile.

use serde_json::{Value, json};
use warden_policy::gate::{Decision, Verdict};
use warden_policy::severity::Action;

fn level(action: Action) -> &'static str {
    match action {
        Action::Deny => "error",
        Action::Review => "warning",
        _ => "note",
    }
}

pub fn sarif(verdicts: &[Verdict], lockfile: &str) -> Value {
    let mut rules: Vec<String> = Vec::new();
    let mut results = Vec::new();
    for v in verdicts {
        if v.decision == Decision::Allow {
            continue;
        }
        for r in v.reasons.iter().filter(|r| r.action >= Action::Review) {
            if !rules.contains(&r.rule) {
                rules.push(r.rule.clone());
            }
            results.push(json!({
                "ruleId": r.rule,
                "level": level(r.action),
                "message": { "text": format!("{}@{} ({}): {}", v.name, v.version, v.decision.as_str(), r.message) },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": lockfile } },
                    "logicalLocations": [{ "name": format!("{}@{}", v.name, v.version), "kind": "module" }]
                }],
                "partialFingerprints": { "wardenPackageRule": format!("{}@{}/{}", v.name, v.version, r.rule) }
            }));
        }
    }
    rules.sort();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "warden",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/warden-dev/warden",
                "rules": rules.iter().map(|r| json!({ "id": r, "name": r })).collect::<Vec<_>>()
            }},
            "results": results
        }]
    })
}
