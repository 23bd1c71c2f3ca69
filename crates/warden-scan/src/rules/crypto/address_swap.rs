//! Rule `address-swap`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Recognises cryptocurrency addresses with format regexes and picks a replacement by string
    /// distance (Levenshtein), so the swapped address looks like the original at a glance.
    id: "address-swap",
    category: Crypto,
    severity: High,
    capability: Some(crate::model::Capability::WalletAccess),
    title: "swaps cryptocurrency addresses for look-alikes",
    incident: "the September 2025 chalk/debug drainer picked the Levenshtein-nearest attacker address",
    case_file: "index.js",
    flag: ["function lev(a, b) { const d = []; for (let i = 0; i <= a.length; i++) for (let j = 0; j <= b.length; j++) d[i][j] = Math.min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + c) } const r = [/0x[a-fA-F0-9]{40}/g, /bc1[a-z0-9]{39,59}/g]; text.replace(r[0], m => nearest(m))"],
    pass: ["const isEth = /^0x[a-fA-F0-9]{40}$/.test(a)", "function lev(a, b) { return Math.min(x + 1, y + 1, z) }"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let distance = crate::regex!(
        r"(?i)levenshtein|Math\.min\([^()]{0,80}\+\s*1\s*,[^()]{0,80}\+\s*1|\['min'\]\([^()]{0,80}\+\s*(0x)?1\s*,"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        let formats = super::address_regex_count(&text);
        if formats < 2 {
            continue;
        }
        let Some(m) = distance.find(&text) else {
            continue;
        };
        let off = if m.start() < f.text.len() {
            m.start() as u32
        } else {
            0
        };
        out.hit(
            pkg,
            f,
            off,
            format!("matches {formats} address formats and picks replacements by string distance"),
        );
    }
}
