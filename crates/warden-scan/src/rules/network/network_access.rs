//! Rule `network-access`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// The code can talk to the network: http, https, net, dgram, dns, tls modules and common
    /// clients (axios, node-fetch, undici, ws, socket.io-client), or fetch, XMLHttpRequest,
    /// WebSocket, EventSource, sendBeacon; also a command it starts that uploads with curl/wget
    /// (`--data-binary @`, `-T`, `-F x=@`, medium). A capability more than a finding: what matters is a
    /// package that gains it, or uses it together with secrets or obfuscation.
    id: "network-access",
    category: Network,
    severity: Low,
    capability: Some(crate::model::Capability::Network),
    title: "uses the network",
    incident: "the is 3.3.1 WebSocket backdoor (2025); every exfiltrating stealer",
    case_file: "index.js",
    flag: ["const https = require('https'); https.get(u)", "fetch('https://api.example.com/v1')", "const ws = new WebSocket(url)",
           "const { spawn } = require('child_process'); spawn('bash', ['-c', `cat ${f} | curl -s -X POST --data-binary @- ${u}`])"],
    pass: ["const path = require('path'); path.join(a, b)", "const fetch = 1; // fetch('x')",
           "const { execFileSync } = require('child_process'); execFileSync('git', ['log']); // see curl -T in the docs",
           "const help = 'upload with: curl -T file https://host/'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let upload = crate::regex!(
        r"\b(curl|wget)\b[^\n'\x22`]{0,200}?(--data-binary\s+@|--data\s+@|-d\s+@|--upload-file\b|-T\s+\S|-F\s+['\x22]?\w+=@|--post-file\b)"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let hit = js
            .modules
            .iter()
            .find(|(m, _)| super::NET_MODULES.contains(&m.as_str()))
            .map(|(m, o)| (m.clone(), *o))
            .or_else(|| {
                js.calls
                    .iter()
                    .find(|c| super::is_net_call(&c.path))
                    .map(|c| (c.path.clone(), c.off))
            });
        // A command it starts that uploads with curl or wget (`cat ~/.ssh/id_* | curl
        // --data-binary @- …`): the network use sits in the shell, not in JavaScript.
        if hit.is_none()
            && js
                .calls
                .iter()
                .any(|c| c.path.starts_with("child_process."))
            && let Some((off, m)) = crate::rules::find_text(f, upload)
                .into_iter()
                .find(|(o, _)| {
                    // Not in a `//` comment.
                    let o = (*o as usize).min(f.text.len());
                    let start = f.text[..o].rfind('\n').map_or(0, |i| i + 1);
                    !f.text[start..o].contains("//") || f.text[start..o].contains("://")
                })
        {
            out.hit_sev(
                Severity::Medium,
                pkg,
                f,
                off,
                format!("starts a command that uploads data ({m})"),
            );
            continue;
        }
        if let Some((what, off)) = hit {
            let sev = if pkg.is_install_file(f) {
                Severity::Medium
            } else {
                Severity::Low
            };
            out.hit_sev(sev, pkg, f, off, format!("uses the network ({what})"));
        }
    }
}
