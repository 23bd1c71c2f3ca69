//! Rule `wallet-hook`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Replaces browser wallet or network functions so the page's transactions and responses
    /// pass through the package: assigning `ethereum.request/send/sendAsync`, Solana/Phantom
    /// signing methods, a wallet library's key constructors (`Keypair.fromSecretKey/fromSeed`,
    /// `Wallet.fromMnemonic/fromPhrase/fromPrivateKey`, `HDKey.fromMasterSeed`), `window.fetch`,
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
        match (wallet, net) {
            (Some((off, p)), n) => {
                let sev = if n.is_some() {
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
