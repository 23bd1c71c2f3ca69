//! Rule `wallet-hook`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Replaces browser wallet or network functions so the page's transactions and responses
    /// pass through the package: assigning `ethereum.request/send/sendAsync`, Solana/Phantom
    /// signing methods, a wallet library's key constructors (`Keypair.fromSecretKey/fromSeed`,
    /// `Wallet.fromMnemonic/fromPhrase/fromPrivateKey`, `HDKey.fromMasterSeed`; also wrapped by
    /// name, critical from a hook on module loading), a setter trap on a wallet global
    /// (`Object.defineProperty(window, 'ethereum', { set })`: medium, critical beside a fixed
    /// address),
    /// `window.fetch`,
    /// or `XMLHttpRequest.prototype.open/send`. Wallet
    /// libraries *call* these; they do not overwrite them. In obfuscated code where the AST cannot
    /// see the assignment, several wallet and hook names in one file count too.
    id: "wallet-hook",
    category: Crypto,
    severity: High,
    capability: Some(crate::model::Capability::WalletAccess),
    title: "hooks wallet providers or patches fetch/XMLHttpRequest",
    incident: "the September 2025 chalk/debug compromise hooked window.ethereum, Solana and fetch/XHR to swap addresses",
    case_file: "index.js",
    flag: ["if (typeof window.ethereum !== 'undefined') { const orig = window.ethereum.request; window.ethereum.request = async (a) => orig(a) }",
           "XMLHttpRequest.prototype.open = function (m, u) { this._u = u; return open.apply(this, arguments) }; window.fetch = hooked",
           "const s = window.solana; s.signTransaction = fake",
           "const web3 = require('@solana/web3.js'); const orig = web3.Keypair.fromSecretKey; web3.Keypair.fromSecretKey = function (k) { leak(k); return orig(k) }",
           "const { ethers } = require('ethers'); const o = ethers.Wallet.fromPhrase; ethers.Wallet.fromPhrase = (p) => { keep(p); return o(p) }"],
    pass: ["const kp = web3.Keypair.fromSecretKey(Uint8Array.from(secret)); const w = ethers.Wallet.fromPhrase(phrase)",
           "class Keypair { static fromSeed(s) { return new Keypair(s) } } Keypair.fromSeedHex = (h) => Keypair.fromSeed(hex(h))",
           "// a comment about window.ethereum", "const docs = 'window.ethereum'", "const accounts = await window.ethereum.request({ method: 'eth_requestAccounts' })"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let mut wallet = None;
        let mut net = None;
        if let Some(js) = &f.js {
            for (p, off) in &js.assigns {
                let last = p.rsplit('.').next().unwrap_or("");
                let wallet_obj =
                    p.contains("ethereum.") || p.contains("solana.") || p.contains("phantom.");
                if wallet_obj
                    && matches!(
                        last,
                        "request"
                            | "send"
                            | "sendAsync"
                            | "enable"
                            | "signTransaction"
                            | "signAllTransactions"
                            | "signAndSendTransaction"
                            | "signMessage"
                    )
                {
                    wallet.get_or_insert((*off, p.clone()));
                }
                if matches!(
                    p.as_str(),
                    "fetch"
                        | "window.fetch"
                        | "XMLHttpRequest.prototype.open"
                        | "XMLHttpRequest.prototype.send"
                        | "XMLHttpRequest.prototype.setRequestHeader"
                ) {
                    net.get_or_insert((*off, p.clone()));
                }
            }
        }
        // A wallet library's key constructors (`Keypair.fromSecretKey`, `Wallet.fromMnemonic`)
        // replaced: every key the application loads passes through the package. Applications
        // call these; they never reassign them. Read from the text: the object is usually an
        // imported module the analysis does not resolve.
        if wallet.is_none()
            && crate::mentions!(&f.text, ["keypair", "wallet", "hdkey", "hdnode"])
            && let Some(m) = key_ctor_assign().find(&f.text)
        {
            wallet = Some((
                m.start() as u32,
                m.as_str().trim_end_matches([' ', '=']).to_string(),
            ));
        }
        // The same wrapped by name (`wrap(exp.Keypair, "fromSecretKey")` with `obj[name] = w`),
        // often from a hook on module loading that patches each wallet library as the
        // application requires it.
        let mut loader_hook = false;
        if wallet.is_none()
            && let Some((off, p, hook)) = key_ctor_wrapped_by_name(&f.text)
        {
            wallet = Some((off, p));
            loader_hook = hook;
        }
        // A setter trap on the wallet global (`Object.defineProperty(window, 'ethereum', { set
        // })`): every provider a wallet extension injects later passes through the package.
        // Critical with a fixed address in the file (written, decoded or reversed): a drainer.
        // Without one `medium`: dApp helpers watch the property to learn when a wallet arrives.
        if wallet.is_none()
            && let Some(c) = f.js.as_ref().and_then(|js| {
                js.calls.iter().find(|c| {
                    c.path == "Object.defineProperty"
                        && matches!(
                            c.arg_path(0),
                            Some("window" | "globalThis" | "self" | "global")
                        )
                        && c.arg_lit(1).is_some_and(wallet_global)
                        && c.opt("set").is_some()
                })
            })
        {
            let fixed = crate::regex!(r"\b0x[a-fA-F0-9]{40}\b")
                .find_iter(all_text(f))
                .any(|m| !m.as_str().contains("0000000000"));
            let name = c.arg_lit(1).unwrap_or_default();
            out.hit_sev(
                if fixed {
                    Severity::Critical
                } else {
                    Severity::Medium
                },
                pkg,
                f,
                c.off,
                format!(
                    "traps assignments to window.{name} with a setter{}",
                    if fixed {
                        " in a file holding a fixed wallet address"
                    } else {
                        ""
                    }
                ),
            );
            continue;
        }
        match (wallet, net) {
            (Some((off, p)), n) => {
                let sev = if n.is_some() || loader_hook {
                    Severity::Critical
                } else {
                    Severity::High
                };
                out.hit_sev(
                    sev,
                    pkg,
                    f,
                    off,
                    format!("replaces the wallet provider method {p}"),
                );
            }
            (None, Some((off, p))) => {
                // Monitoring SDKs and test mocks patch fetch/XHR too: worth a look, not an alarm.
                let text = all_text(f);
                let wallet_words = ["ethereum", "solana", "phantom", "eth_sendTransaction"]
                    .iter()
                    .filter(|w| text.contains(*w))
                    .count();
                let sev = if wallet_words >= 2 {
                    Severity::High
                } else {
                    Severity::Medium
                };
                out.hit_sev(
                    sev,
                    pkg,
                    f,
                    off,
                    format!("replaces {p} to see or rewrite every request"),
                );
            }
            (None, None) => {
                // Obfuscated code hides assignments behind string tables: look at the names.
                let Some(js) = &f.js else { continue };
                if js.obf_idents < 20 {
                    continue;
                }
                let text = all_text(f);
                let words = [
                    "ethereum",
                    "solana",
                    "phantom",
                    "XMLHttpRequest",
                    "prototype",
                    "sendAsync",
                    "fetch",
                ];
                let present: Vec<&str> = words
                    .iter()
                    .copied()
                    .filter(|w| text.contains(*w))
                    .collect();
                if present.len() >= 4 && present.contains(&"ethereum") {
                    let off = text
                        .find("ethereum")
                        .filter(|o| *o < f.text.len())
                        .unwrap_or(0) as u32;
                    out.hit_sev(
                        Severity::High,
                        pkg,
                        f,
                        off,
                        format!(
                            "obfuscated code that names wallet and hook targets ({})",
                            present.join(", ")
                        ),
                    );
                }
            }
        }
    }
}

/// An assignment to a wallet library's key constructor (`X.Keypair.fromSeed = …`), not a
/// comparison.
fn key_ctor_assign() -> &'static crate::rules::gate::Re {
    crate::regex!(
        r"\b(Keypair|Wallet|HDNodeWallet|HDKey|HDNode)\s*\.\s*(fromSecretKey|fromSeed|fromMnemonic|fromPhrase|fromPrivateKey|fromExtendedKey|fromMasterSeed|fromEncryptedJson|fromEncryptedJsonSync)\s*=[^=>]"
    )
}

/// Globals that browser wallet extensions inject.
fn wallet_global(name: &str) -> bool {
    matches!(
        name,
        "ethereum"
            | "solana"
            | "phantom"
            | "tronWeb"
            | "tronLink"
            | "BinanceChain"
            | "okxwallet"
            | "bitkeep"
            | "trustwallet"
            | "coinbaseWalletExtension"
    )
}

/// A wallet library's key constructor named as a string beside the object that holds it
/// (`wrap(exp.Keypair, "fromSecretKey")`, `shimmer.wrap(W, 'fromPhrase', …)`) in a file that
/// assigns object members by computed name: the wrapper installs itself by name. With where it
/// was found, the method, and whether the file also hooks module loading
/// (`Module.prototype.require`, `Module._load`, `Module._extensions`).
fn key_ctor_wrapped_by_name(text: &str) -> Option<(u32, String, bool)> {
    if !crate::mentions!(
        text,
        [
            "fromsecretkey",
            "fromseed",
            "frommnemonic",
            "fromphrase",
            "fromprivatekey",
            "frommasterseed",
            "mnemonictoseed"
        ]
    ) {
        return None;
    }
    let named = crate::regex!(
        r#"[\w$.\]\)]\s*,\s*['"`](fromSecretKey|fromSeed|fromMnemonic|fromPhrase|fromPrivateKey|fromExtendedKey|fromMasterSeed|mnemonicToSeed|mnemonicToSeedSync)['"`]"#
    );
    let m = named.captures(text)?;
    let computed_assign = crate::regex!(r"[\w$\]]\[\s*[\w$]+\s*\]\s*=[^=>]");
    if !computed_assign.is_match(text) {
        return None;
    }
    let hook = crate::regex!(
        r"\.prototype\.require\s*=[^=]|\._load\s*=[^=]|\._extensions\s*\[[^\]]{1,40}\]\s*=[^=]|\._resolveFilename\s*=[^=]"
    )
    .is_match(text);
    let whole = m.get(0)?;
    Some((whole.start() as u32, m[1].to_string(), hook))
}

#[cfg(test)]
mod setter_tests {
    use crate::model::Severity;
    use crate::rules::testing::{first_severity, run};

    #[test]
    fn a_setter_trap_on_a_decoded_wallet_global_with_a_reversed_address_is_critical() {
        let src = "const r = (s) => s.replace(/[a-z]/gi, (c) => String.fromCharCode((c <= 'Z' ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26));\nconst K = { p: r('rgurerhz') };\nconst W = '7EE9614E2D7589600307F0E68872589000480925x0'.split('').reverse().join('');\nlet cur; function wrap(p) { const o = p.request.bind(p); p.request = (a) => o({ ...a, to: W }); return p }\nObject.defineProperty(window, K.p, { configurable: true, get() { return cur }, set(v) { cur = wrap(v) } });";
        let (severity, hits) = first_severity(&super::RULE, "index.js", src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn a_setter_that_only_watches_for_the_wallet_is_medium() {
        let src = "let value = window.ethereum; Object.defineProperty(window, 'ethereum', { configurable: true, get() { return value }, set(v) { value = v; resolve(v) } })";
        let (severity, hits) = first_severity(&super::RULE, "index.js", src);
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
    }

    #[test]
    fn a_read_only_wallet_global_is_not_a_trap() {
        let src = "Object.defineProperty(window, 'ethereum', { value: provider, writable: false, configurable: false }); window.dispatchEvent(new Event('ethereum#initialized'))";
        assert!(run(&super::RULE, "index.js", src).is_empty());
    }
}

#[cfg(test)]
mod by_name_tests {
    use crate::model::Severity;
    use crate::rules::testing::{first_severity, run};

    #[test]
    fn a_require_hook_wrapping_key_constructors_by_name_is_critical() {
        let src = "const Module = require('module');\nfunction wrap(o, n) { const f = o[n]; o[n] = function (...a) { keep(a[0]); return f.apply(this, a) } }\nconst orig = Module.prototype.require;\nModule.prototype.require = function (id) { const e = orig.apply(this, arguments); if (e && e.Keypair) { wrap(e.Keypair, 'fromSecretKey'); wrap(e.Keypair, 'fromSeed') } return e };";
        let (severity, hits) = first_severity(&super::RULE, "index.js", src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn a_test_stubbing_a_key_constructor_is_not_a_hook() {
        let src = "const sinon = require('sinon'); const { Keypair } = require('@solana/web3.js');\nit('loads', () => { const s = sinon.stub(Keypair, 'fromSecretKey').returns(kp); load(); s.restore() });";
        assert!(run(&super::RULE, "index.js", src).is_empty());
    }
}
