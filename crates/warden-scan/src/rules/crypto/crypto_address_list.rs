//! Rule `crypto-address-list`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Many cryptocurrency address literals (ETH, BTC, TRX, LTC, BCH, XMR, SOL) in one file:
    /// the replacement addresses a drainer or clipper swaps in. Libraries carry a handful of
    /// well-known contract addresses; ten or more across chains is a list of receivers.
    id: "crypto-address-list",
    category: Crypto,
    severity: Medium,
    capability: Some(crate::model::Capability::WalletAccess),
    title: "carries a list of cryptocurrency addresses",
    incident: "the September 2025 drainer carried hundreds of attacker addresses per chain",
    case_file: "index.js",
    flag: ["const a = ['0x1111111111111111111111111111111111111111','0x2222222222222222222222222222222222222222','0x3333333333333333333333333333333333333333','0x4444444444444444444444444444444444444444','0x5555555555555555555555555555555555555555','0x6666666666666666666666666666666666666666','1BoatSLRHtKNngkdXEeobR76b53LETtpyT','1CounterpartyXXXXXXXXXXXXXXXUWLpVr','TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7','LaMT348PWRnrqeeWArpwQPbuanpXDZGEUz']"],
    pass: ["const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2'", "const hash = 'abc'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        let mut total = 0;
        let mut chains = Vec::new();
        let mut first = usize::MAX;
        for (label, re) in super::address_res() {
            let mut seen = std::collections::HashSet::new();
            for m in re.find_iter(text) {
                let s = m.as_str();
                // Solana-shaped strings must mix cases and digits to count (not a word or hash).
                if *label == "SOL"
                    && !(s.chars().any(|c| c.is_ascii_digit())
                        && s.chars().any(|c| c.is_ascii_lowercase())
                        && s.chars().any(|c| c.is_ascii_uppercase()))
                {
                    continue;
                }
                if seen.insert(s) {
                    first = first.min(m.start());
                }
            }
            // Solana-shaped base58 strings also match many ids: only count them in bulk.
            let n = if *label == "SOL" && seen.len() < 5 {
                0
            } else {
                seen.len()
            };
            if n > 0 {
                chains.push(format!("{label} {n}"));
                total += n;
            }
        }
        if total >= 10 && chains.len() >= 2 || total >= 25 {
            let sev = if chains.len() >= 3 {
                Severity::High
            } else {
                Severity::Medium
            };
            let off = f.text_off(first, 0);
            out.hit_sev(
                sev,
                pkg,
                f,
                off,
                format!(
                    "carries {total} cryptocurrency addresses ({})",
                    chains.join(", ")
                ),
            );
        }
    }
}
