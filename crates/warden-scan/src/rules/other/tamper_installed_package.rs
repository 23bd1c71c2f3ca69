//! Rule `tamper-installed-package`.

use crate::model::Severity;
use crate::package::{FileKind, Package};
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// The code rewrites files that belong to someone else: another installed package under
    /// `node_modules`, or another tool's folder in the home directory (npm's cache store,
    /// git, ssh, editor settings). A backdoor spliced into a legitimate dependency survives the removal of
    /// the package that planted it. Patch tools do this on the user's command, so only code that
    /// runs at install time is flagged (`high`); it is `critical` when the file also resets the
    /// modification times it changed (timestomping, `utimes` from a stat) or, for another tool's
    /// folder, writes what it downloaded there. Code that finds the `node_modules` folder at
    /// run time (walking up until a folder of that name, joining it to a root, cutting a path
    /// at it, `require.resolve` of a computed name) rather than naming the package is the same
    /// when it splices a file in place (appends to it, or writes the old text back joined with
    /// a constant) and resets its times.
    id: "tamper-installed-package",
    category: Other,
    severity: High,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "modifies another installed package or another tool's files",
    incident: "ethers-provider2 / ethers-providerz (ReversingLabs, Mar 2025) patched the installed ethers; Phylum's paired packages (Jun 2023) hid a server token in npm's cache folder",
    case_file: "index.js",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node fix.js\"}}\n=== fix.js\nconst f = path.join(process.env.INIT_CWD, 'node_modules', dep, 'lib', 'index.js');\nfs.writeFileSync(f, src.replace(a, b));",
           "const target = require.resolve('ethers/lib/providers/provider.js');\nconst st = fs.statSync(target);\nfs.writeFileSync(target, hook + fs.readFileSync(target, 'utf8'));\nfs.utimesSync(target, st.atime, st.mtime);",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"node s.js\"}}\n=== s.js\nconst d = path.join(os.homedir(), '.npm', '_cacache', '.x');\nhttps.get(u, (r) => r.pipe(fs.createWriteStream(path.join(d, 'k'))));",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"sh p.sh\"}}\n=== p.sh\ncp ./hook.js ../../node_modules/express/lib/router/layer.js",
           "let nm = __dirname; while (path.basename(nm) !== 'node_modules') nm = path.dirname(nm);\nfor (const t of targets) { const file = path.join(nm, ...t); const src = fs.readFileSync(file, 'utf8'); const st = fs.statSync(file); fs.writeFileSync(file, src + hook); fs.utimesSync(file, st.atime, st.mtime) }",
           "const root = __dirname.slice(0, __dirname.lastIndexOf('node_modules') + 12);\nconst f = path.join(root, name, main); const st = fs.statSync(f); fs.appendFileSync(f, hook); fs.utimesSync(f, st.atime, st.mtime);"],
    pass: ["// patch-package style: applies the project's own patches when the user runs it\nconst dir = path.join(process.cwd(), 'node_modules', name);\nexecFileSync('git', ['apply', '--directory', dir, patch]);\nfs.writeFileSync(path.join(dir, '.patched'), '1');",
           "const cache = path.join(root, 'node_modules', '.cache', 'tool'); fs.writeFileSync(path.join(cache, 'x.json'), data)",
           "function copy(src, dest) { const st = fs.statSync(src); fs.copyFileSync(src, dest); fs.utimesSync(dest, st.atime, st.mtime) }",
           // a formatter that keeps the times of the files it rewrote and skips node_modules
           "for (const d of fs.readdirSync(dir)) { if (d === 'node_modules') continue; const f = path.join(dir, d); const st = fs.statSync(f); fs.writeFileSync(f, fmt(fs.readFileSync(f, 'utf8'))); fs.utimesSync(f, st.atime, st.mtime) }",
           "let nm = __dirname; while (path.basename(nm) !== 'node_modules') nm = path.dirname(nm);\nconst f = path.join(nm, '.cache', 'x.json'); fs.writeFileSync(f, data);",
           "for (const d of fs.readdirSync(dir, { withFileTypes: true })) { if (path.basename(d.name) === 'node_modules') continue; out.push(path.join(dir, d.name)) }\nfor (const file of out) { const src = fs.readFileSync(file, 'utf8'); const st = fs.statSync(file); fs.writeFileSync(file, src.replace(/\\r\\n/g, '\\n')); fs.utimesSync(file, st.atime, st.mtime); changed++ }",
           "const skip = [path.join(root, 'node_modules')]; for (const f of files) { if (skip.some((s) => f.startsWith(s))) continue; const st = fs.statSync(f); fs.writeFileSync(f, format(fs.readFileSync(f, 'utf8'), opts) + '\\n'); fs.utimesSync(f, st.atime, st.mtime) }",
           // @napi-rs/wasm-runtime 1.2.7: a bundler's input comment and memfs's time-preserving copy
           "// ../node_modules/tslib/tslib.es6.mjs\nconst cp = (vol, src, dest) => { const u = vol.statSync(src); fs.writeFileSync(log, 'x'); vol.utimesSync(dest, u.atime, u.mtime) }"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    // A path into another package: `'node_modules', x` or `node_modules/x` where x is not one
    // of the tool caches (`.cache`, `.bin`, `.vite`, …); or a module file resolved by name.
    let other_pkg = crate::regex!(
        r#"node_modules['"`]?\s*(,\s*['"`]?|[/\\]{1,2})[@\w]|require\.resolve\(\s*['"`][@a-z][^'"`./][^'"`]*/[^'"`]*\.[cm]?js['"`]"#
    );
    let tool_dir = crate::regex!(
        r#"['"`/\\]\.(ssh|gitconfig|vscode|cursor|docker|kube|config[/\\'"`]\s*,?\s*['"`]?(git|gh|npm))['"`/\\]|['"`/\\]\.npm(['"`]\s*,\s*['"`]|[/\\])(_cacache|\.)"#
    );
    let timestomp = crate::regex!(r"\btouch\s+-[a-z]*[rd]\b");
    let timestomp_in_place = crate::regex!(
        r"(?:l|f)?utimes(?:Sync)?\s*\(\s*([A-Za-z_$][\w$]*)\s*,[^;\n]{0,120}\.(?:a|m)time\b"
    );
    // The node_modules folder found at run time rather than named with the package in it.
    let locate_nm = crate::regex!(
        r#"basename\([^()]*\)\s*[!=]==?\s*['"`]node_modules['"`]|['"`]node_modules['"`]\s*[!=]==?\s*[\w$.]*basename\(|(?:lastIndexOf|indexOf|split)\(\s*['"`][/\\]*node_modules|\bjoin\([^()]*['"`]node_modules['"`]\s*\)|require\.resolve\(\s*[A-Za-z_$]|\bmodule\.paths\b"#
    );
    let shell_target = crate::regex!(r"node_modules/[@a-z]");
    let shell_write = crate::regex!(
        r"(?m)^\s*(cp|mv|install|tee|sed\s+-i[a-z]*|patch\s+-p\d|cat)\b[^\n]*(>|\s\S*\$|\s\S*node_modules/)"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(
            text,
            [
                "node_modules",
                "require.resolve",
                ".npm",
                ".ssh",
                ".gitconfig",
                ".vscode",
                ".cursor",
                ".docker",
                ".kube",
                ".config"
            ]
        ) {
            continue;
        }
        let install = pkg.is_install_file(f);
        if f.kind == FileKind::Shell {
            if install
                && shell_target.is_match(&f.text)
                && let Some(m) = shell_write.find(&f.text)
            {
                let (sev, why) = if timestomp.is_match(&f.text) {
                    (
                        Severity::Critical,
                        "install script writes into another installed package and resets the file times",
                    )
                } else {
                    (
                        Severity::High,
                        "install script writes into another installed package",
                    )
                };
                out.hit_sev(sev, pkg, f, m.start() as u32, why);
            }
            continue;
        }
        let Some(js) = &f.js else { continue };
        let write = js.calls.iter().find(|c| {
            let p = c.path.as_str();
            ["fs.", "fs/promises.", "fs-extra."].iter().any(|m| {
                p.strip_prefix(m).is_some_and(|r| {
                    let r = r.strip_prefix("promises.").unwrap_or(r);
                    r.starts_with("writeFile")
                        || r.starts_with("appendFile")
                        || r.starts_with("copyFile")
                        || r.starts_with("cpSync")
                        || r == "createWriteStream"
                        || r.starts_with("outputFile")
                })
            })
        });
        let Some(write) = write else { continue };
        // Timestomping: the times of a file this code rewrote in place are set back from a
        // stat (copy helpers that preserve a source's times onto a new copy do not count).
        let stomp = timestomp_in_place.captures_iter(text).take(16).find(|c| {
            c.get(1).is_some_and(|n| {
                let n = n.as_str();
                [
                    "writeFileSync(",
                    "writeFile(",
                    "appendFileSync(",
                    "appendFile(",
                ]
                .iter()
                .any(|w| text.contains(&format!("{w}{n},")) || text.contains(&format!("{w}{n} ,")))
            })
        });
        // Bundlers name their inputs in comments (`// ../node_modules/tslib/tslib.es6.mjs`).
        let in_code = |off: usize| {
            let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let line = text[start..off].trim_start();
            !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
        };
        if let Some(m) = other_pkg
            .find_iter(text)
            .take(64)
            .find(|m| in_code(m.start()))
        {
            let (sev, why) = match (install, stomp.is_some()) {
                (_, true) => (
                    Severity::Critical,
                    "writes into another installed package and resets the file times to hide it",
                ),
                (true, false) => (
                    Severity::High,
                    "writes into another installed package at install time",
                ),
                (false, false) => continue,
            };
            let off = f.text_off(m.start(), write.off);
            out.hit_sev(sev, pkg, f, off, why);
            continue;
        }
        // The located file is spliced, not transformed: appended to, or written back as the
        // old text joined with a constant (`src + '\n' + HOOK`). A formatter that keeps file
        // times writes `fmt(src)` and names node_modules only to skip it.
        let spliced = stomp.as_ref().and_then(|c| c.get(1)).is_some_and(|n| {
            let n = n.as_str();
            ["appendFileSync(", "appendFile("]
                .iter()
                .any(|w| text.contains(&format!("{w}{n},")))
                || ["writeFileSync(", "writeFile("].iter().any(|w| {
                    text.match_indices(&format!("{w}{n},"))
                        .take(8)
                        .any(|(at, m)| {
                            let rest = &text[at + m.len()..];
                            let arg = rest.split([';', '\n']).next().unwrap_or("");
                            let arg = arg.trim_start();
                            let transform = crate::regex!(r"^[\w$.]+\(");
                            (arg.contains('+') || arg.starts_with('`')) && !transform.is_match(arg)
                        })
                })
        });
        if spliced
            && let Some(m) = locate_nm
                .find_iter(text)
                .take(64)
                .find(|m| in_code(m.start()))
        {
            let off = f.text_off(m.start(), write.off);
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "finds the node_modules folder, rewrites files in it and resets their times to hide it",
            );
            continue;
        }
        if let Some(m) = tool_dir.find(text)
            && install
            && text.contains("homedir")
        {
            let net = crate::rules::data::has_network(f);
            let sev = if net || stomp.is_some() {
                Severity::Critical
            } else {
                Severity::High
            };
            let off = f.text_off(m.start(), write.off);
            out.hit_sev(
                sev,
                pkg,
                f,
                off,
                format!(
                    "writes into another tool's folder in the home directory ({}) at install time{}",
                    m.as_str().trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.'),
                    if net { ", beside network code" } else { "" }
                ),
            );
        }
    }
}
