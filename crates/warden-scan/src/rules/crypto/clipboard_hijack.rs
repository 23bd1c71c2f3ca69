//! Rule `clipboard-hijack`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Reads and rewrites the clipboard where cryptocurrency addresses are recognised (address
    /// regexes or address lists), or polls the clipboard on a timer and writes it back: a
    /// clipper. Clipboard libraries read and write on request, without either.
    id: "clipboard-hijack",
    category: Crypto,
    severity: High,
    capability: Some(crate::model::Capability::Clipboard),
    title: "rewrites cryptocurrency addresses in the clipboard",
    incident: "crypto clipper packages on npm (2023-2025) polling the clipboard every 500 ms",
    case_file: "index.js",
    flag: ["document.addEventListener('copy', e => { const t = String(document.getSelection()); const o = t.replace(/\\b0x[a-fA-F0-9]{40}\\b/g, mine); e.clipboardData.setData('text/plain', o); e.preventDefault(); })",
           "setInterval(() => { const t = execSync('pbpaste').toString(); if (/^0x[a-fA-F0-9]{40}$/.test(t)) execSync('pbcopy', { input: mine }) }, 500)",
           "setInterval(async () => { const t = await navigator.clipboard.readText(); await navigator.clipboard.writeText(t.replace(re, x)) }, 1000)"],
    pass: ["document.addEventListener('copy', e => { e.clipboardData.setData('text/plain', String(document.getSelection()).trim()); e.preventDefault(); })",
           "export async function copy(t) { await navigator.clipboard.writeText(t) } export async function paste() { return navigator.clipboard.readText() }"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let read = crate::regex!(
        r"(?i)pbpaste|xclip\s+-o|xclip[^'\x22`]*-selection[^'\x22`]*-o|xsel\s+(-b\s+)?-o|xsel\s+--output|get-clipboard|readText\(|clipboardy[^\n]{0,40}read|wl-paste|getSelection\("
    );
    let write = crate::regex!(
        r"(?i)pbcopy|xclip\s+-i|xclip[^'\x22`]*-selection\s+\w+['\x22`]?\s*[,\]]|xsel\s+(-b\s+)?-i|xsel\s+--input|set-clipboard|\bclip(\.exe)?['\x22`]|writeText\(|clipboardy[^\n]{0,40}write|wl-copy|clipboardData\.setData\("
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        let (Some(r), Some(_w)) = (read.find(text), write.find(text)) else {
            continue;
        };
        let addresses = super::address_regex_count(text) > 0;
        let polls = text.contains("setInterval(")
            || text.contains("'setInterval'")
            || text.contains("setInterval,");
        if !(addresses || polls) {
            continue;
        }
        let off = f.text_off(r.start(), 0);
        out.hit(
            pkg,
            f,
            off,
            "reads the clipboard and writes it back where it recognises cryptocurrency addresses",
        );
    }
}
