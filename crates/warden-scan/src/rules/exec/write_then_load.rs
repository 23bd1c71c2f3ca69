//! Rule `write-then-load`.

use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// Writes a file whose content came over the network or out of a decoded blob, then loads
    /// that same path: `require`/`import()` of it, `child_process.fork`, or `node` started on it
    /// (`spawn(process.execPath, [p])`, `exec('node ' + p)`), `process.dlopen` of it (a native
    /// addon; `createRequire` counts as `require` for what it loads). The path matches when both calls
    /// name the same variable or the same expression (`path.join(os.tmpdir(), 'x.js')`). This
    /// is a dropper: the code that runs is not in the package. Malicious when the file also uses
    /// the network.
    id: "write-then-load",
    category: Exec,
    severity: High,
    capability: Some(crate::model::Capability::DynamicRequire),
    title: "writes downloaded or decoded code to a file and runs it",
    incident: "gist and paste-site loaders (2023-2025) write the fetched stage to a temp .js file and require it; the 2024 \"node-ipc\"-style droppers decode a blob to disk and fork it",
    case_file: "index.js",
    flag: ["const https = require('https'); const fs = require('fs'); https.get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { const p = require('path').join(require('os').tmpdir(), 'u.js'); fs.writeFileSync(p, s); require(p) }) })",
           "const fs = require('fs'); const f = __dirname + '/.c.js'; fs.writeFileSync(f, Buffer.from(blob, 'base64')); require('child_process').spawn(process.execPath, [f], { stdio: 'ignore' })",
           "const fs = require('fs'); const r = await fetch(u); fs.writeFileSync(path.join(os.tmpdir(), 'k.mjs'), await r.text()); await import(path.join(os.tmpdir(), 'k.mjs'))",
           "const fs = require('fs'); const { exec } = require('child_process'); const res = await fetch(u); const out = dir + '/s.js'; await fs.promises.writeFile(out, await res.text()); exec('node ' + out)",
           "import { createRequire } from 'node:module'; import { writeFileSync } from 'node:fs'; const r = createRequire(import.meta.url); const h = r('ht' + 'tps'); h.get(u, (res) => { const b = []; res.on('data', (d) => b.push(d)); res.on('end', () => { writeFileSync(file, Buffer.concat(b)); process['dl' + 'open']({ exports: {} }, file); }); });"],
    pass: ["const fs = require('fs'); fs.writeFileSync(cache, babel.transform(src).code); require(cache)",
           "const fs = require('fs'); const r = await fetch(u); fs.writeFileSync(out, await r.text()); require(other)",
           "const fs = require('fs'); fs.writeFileSync(p, Buffer.from(png, 'base64')); console.log(p)",
           "const fs = require('fs'); const r = await fetch(u); fs.writeFileSync(out, Buffer.from(await r.arrayBuffer())); process.dlopen(m, path.join(__dirname, 'build', 'addon.node'))",
           "const fs = require('fs'); const r = await fetch(u); const f = path.join(dir, 'db.json'); fs.writeFileSync(path.join(dir, 'db.json'), await r.text()); require(path.join(dir, 'db.json'))"],
}

/// The argument list text of the call whose name ends at `open` (the index of its `(`): the
/// first argument and the whole list, split at depth 0, at most 300 characters.
fn args_at(text: &str, open: usize) -> Option<(String, String)> {
    let b = text.as_bytes();
    let (mut depth, mut first_end) = (0i32, None);
    let mut i = open + 1;
    while i < b.len() && i < open + 300 {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                let all = &text[open + 1..i];
                let first = &text[open + 1..first_end.unwrap_or(i)];
                return Some((norm(first), norm(all)));
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 && first_end.is_none() => first_end = Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn norm(s: &str) -> String {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('"', "'");
    // `import(url.pathToFileURL(p).href)` loads `p`.
    let t = t.strip_suffix(".href").unwrap_or(&t);
    let t = t
        .strip_prefix("url.pathToFileURL(")
        .or_else(|| t.strip_prefix("pathToFileURL("))
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t);
    t.strip_prefix("await").unwrap_or(t).to_string()
}

/// Paths written (first arguments of file writes) with the content argument.
fn writes(text: &str) -> Vec<(usize, String, String)> {
    let re = crate::regex!(
        r"\b(?:writeFileSync|writeFile|createWriteStream|appendFileSync|copyFileSync)\s*\("
    );
    re.find_iter(text)
        .filter_map(|m| {
            let (first, all) = args_at(text, m.end() - 1)?;
            Some((m.start(), first, all))
        })
        .collect()
}

/// Paths loaded: `require(p)`, `import(p)`, `fork(p)`, `node` started on `p`.
fn loads(text: &str) -> Vec<(usize, String)> {
    let re = crate::regex!(
        r"\b(?:require|import|fork|spawn|spawnSync|execFile|execFileSync|exec|execSync)\s*\("
    );
    let mut out = Vec::new();
    for m in re.find_iter(text) {
        let Some((first, all)) = args_at(text, m.end() - 1) else {
            continue;
        };
        let name = text[m.start()..m.end() - 1].trim_end();
        match name {
            "require" | "import" | "fork" => out.push((m.start(), first)),
            "spawn" | "spawnSync" | "execFile" | "execFileSync" => {
                // spawn(process.execPath | 'node', [p, …])
                if first == "process.execPath" || first == "'node'" {
                    let rest = all[first.len()..].trim_start_matches(',');
                    if let Some(p) = rest.strip_prefix('[') {
                        let p = p.split([',', ']']).next().unwrap_or("");
                        out.push((m.start(), p.to_string()));
                    }
                }
            }
            _ => {
                // exec('node ' + p), exec(`node ${p}`)
                if let Some(p) = first
                    .strip_prefix("'node'+")
                    .map(str::to_string)
                    .or_else(|| {
                        first
                            .strip_prefix("`node${")
                            .and_then(|x| x.strip_suffix("}`"))
                            .map(str::to_string)
                    })
                {
                    out.push((m.start(), p));
                } else if let Some(p) = first.strip_prefix("'node") {
                    // `'node ' + p` normalises to `'node'+p`; handled above. Keep literal paths:
                    // exec('node /tmp/x.js') vs writeFileSync('/tmp/x.js', …)
                    let p = p.trim_end_matches('\'');
                    if !p.is_empty() {
                        out.push((m.start(), format!("'{p}'")));
                    }
                }
            }
        }
    }
    out
}

fn check(pkg: &Package, out: &mut Emitter) {
    let decoded = crate::regex!(
        r#"Buffer\.from\([^)]*['"](?:hex|base64)['"]|\batob\(|\b(?:inflate|gunzip|inflateRaw|unzip|brotliDecompress)Sync\("#
    );
    let fetched = crate::regex!(
        r#"\.on\(\s*['"]data['"]|\.text\(\)|\.arrayBuffer\(\)|\b(?:res|resp|response)\.data\b|\.responseText\b|\.pipe\("#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.minified || f.text.len() > 100_000 {
            continue;
        }
        let text = &f.text;
        if !crate::mentions!(text, ["writeFile", "createWriteStream", "appendFileSync"]) {
            continue;
        }
        let from_net = fetched.is_match(text)
            && f.js.as_ref().is_some_and(|js| {
                js.calls.iter().any(|c| {
                    c.path == "fetch"
                        || ["http.", "https.", "axios", "net.", "http2."]
                            .iter()
                            .any(|p| c.path.starts_with(p))
                })
            });
        let from_blob = decoded.is_match(text);
        if !(from_net || from_blob) {
            continue;
        }
        let w = writes(text);
        if w.is_empty() {
            continue;
        }
        let mut loaded = loads(text);
        // `process.dlopen(module, p)` (however its name is spelled): a native addon runs its
        // constructors as it loads.
        if let Some(js) = &f.js {
            for c in js.calls.iter().filter(|c| c.path == "process.dlopen") {
                let at = c.off as usize;
                let Some(near) = text.get(at..(at + 120).min(text.len())) else {
                    continue;
                };
                let Some(open) = ["dlopen(", "]("]
                    .iter()
                    .filter_map(|k| near.find(k).map(|i| at + i + k.len() - 1))
                    .min()
                else {
                    continue;
                };
                if let Some((first, all)) = args_at(text, open)
                    && let Some(rest) = all.strip_prefix(first.as_str())
                {
                    let second = rest.trim_start_matches(',');
                    let second = second.split(',').next().unwrap_or("");
                    if !second.is_empty() {
                        loaded.push((at, second.to_string()));
                    }
                }
            }
        }
        let hit = w.iter().find_map(|(_, p, _)| {
            // A downloaded JSON document required as data is a cache, not a stage.
            (!p.is_empty() && !p.contains(".json"))
                .then_some(())
                .and_then(|_| loaded.iter().find(|(_, l)| l == p))
                .map(|(off, _)| (*off, p.clone()))
        });
        if let Some((off, p)) = hit {
            let what = if from_net { "downloaded" } else { "decoded" };
            out.hit(
                pkg,
                f,
                off as u32,
                format!("writes {what} content to `{p}` and loads that file"),
            );
        }
    }
}
