//! Rule `encoded-payload`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A base64, hex or char-code string literal that decodes to JavaScript or shell code. The
    /// scanner decodes such literals (recursively, to a bounded depth) and scans the result as
    /// part of the file; this rule says that it had to. `high` when the decoded code runs
    /// processes, evaluates code or uses the network.
    id: "encoded-payload",
    category: Obfuscation,
    severity: Medium,
    capability: Some(crate::model::Capability::Obfuscated),
    title: "carries encoded code",
    incident: "png-carried and base64-layered loaders (Phylum, Veracode 2024-2025); Nx s1ngularity triple base64",
    case_file: "index.js",
    flag: ["const n = ['63727970746f', '6372656174654465636970686572', '5f636f6d70696c65']",
           "const p = 'cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImlkIik7IHZhciB4ID0gMTs='; eval(Buffer.from(p, 'base64').toString())"],
    pass: ["const logo = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='",
           "const s = 'aGVsbG8gd29ybGQsIHRoaXMgaXMgcGxhaW4gdGV4dA=='"],
}

/// API and module names that loaders hide in hex strings.
const HIDDEN_NAMES: &[&str] = &[
    "child_process",
    "_compile",
    "createDecipher",
    "createDecipheriv",
    "eval",
    "exec",
    "execSync",
    "spawn",
    "Function",
    "require",
    "process",
    "env",
    "http",
    "https",
    "net",
    "crypto",
    "constructor",
    "mainModule",
    "npm_package_description",
    "readFileSync",
    "writeFileSync",
    "homedir",
    "ethereum",
    "Buffer",
];

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let hidden: Vec<&str> = HIDDEN_NAMES
            .iter()
            .copied()
            .filter(|n| js.decoded_words.iter().any(|(w, _)| w == n))
            .collect();
        if hidden.len() >= 2 {
            let off = js.decoded_words.first().map(|(_, o)| *o).unwrap_or(0);
            out.hit_sev(
                Severity::High,
                pkg,
                f,
                off,
                format!("hides API names in hex strings ({})", hidden.join(", ")),
            );
            continue;
        }
        let Some(off) = js.decoded_code.first() else {
            continue;
        };
        let risky = js.calls.iter().any(|c| {
            super::super::exec::is_spawn(&c.path)
                || matches!(
                    c.path.as_str(),
                    "eval" | "Function" | "vm.runInThisContext" | "vm.runInNewContext"
                )
                || super::super::network::is_net_call(&c.path)
        }) || js
            .modules
            .iter()
            .any(|(m, _)| matches!(m.as_str(), "child_process" | "net" | "http" | "https"));
        let sev = if risky {
            Severity::High
        } else {
            Severity::Medium
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            *off,
            format!("decodes {} embedded code payload(s)", js.decoded_code.len()),
        );
    }
}
