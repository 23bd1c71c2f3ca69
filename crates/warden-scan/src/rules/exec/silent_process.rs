//! Rule `silent-process`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Starts a process that outlives the installer and hides from the user: `detached: true`,
    /// `stdio: 'ignore'` with `.unref()`, hidden windows, `start /B`, `nohup … &`,
    /// `-WindowStyle Hidden`; also any call given `detached: true` beside `stdio: 'ignore'`
    /// (only process starts take those), whatever name the code hides it behind. Daemon managers do this by design (`medium`); at install time it
    /// is how droppers keep running after npm returns (`high`).
    id: "silent-process",
    category: Exec,
    severity: Medium,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "starts a detached or hidden process",
    incident: "eslint-config-prettier 8.10.1 (2025) started rundll32 detached and hidden; clipboard clippers run a detached monitor",
    case_file: "index.js",
    flag: ["const { spawn } = require('child_process'); const p = spawn('node', ['m.js'], { detached: true, stdio: 'ignore' }); p.unref();",
           "const m = require(name); m[key](process.execPath, [file], { detached: true, stdio: 'ignore', windowsHide: true }).unref();",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"start /B node x.js & node x.js\"}}\n=== x.js\n1"],
    pass: ["const { spawn } = require('child_process'); spawn('git', ['status'], { stdio: 'inherit' })", "const o = { detached: true }",
           "const m = require(name); m[key](process.execPath, [file], { stdio: 'ignore' });",
           "const view = { detached: true };\nconst run = { stdio: 'ignore' };"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let text = crate::regex!(
        r"(?i)(^|[\s&;|])start\s+/b\s|\bnohup\s+\S+[^\n]*&|-w(indowstyle)?\s+hidden\b|\bsetsid\s+\S|\bdisown\b"
    );
    let options = crate::regex!(
        r#"\{[^{}\n]{0,200}?\bdetached\s*:\s*(?:true|!0)\b[^{}\n]{0,200}?\bstdio\s*:\s*['"`]ignore['"`]|\{[^{}\n]{0,200}?\bstdio\s*:\s*['"`]ignore['"`][^{}\n]{0,200}?\bdetached\s*:\s*(?:true|!0)\b"#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        if !crate::mentions!(
            crate::rules::all_text(f),
            [
                "detached",
                "windowsHide",
                "start",
                "nohup",
                "hidden",
                "setsid",
                "disown"
            ]
        ) {
            continue;
        }
        let sev = if pkg.is_install_file(f) {
            Severity::High
        } else {
            Severity::Medium
        };
        if let Some(js) = &f.js
            && let Some(c) = js.calls.iter().find(|c| {
                super::is_spawn(&c.path)
                    && (c.opt("detached") == Some("true")
                        || (c.opt("windowsHide") == Some("true")
                            && c.opt("stdio") == Some("ignore")))
            })
        {
            out.hit_sev(
                sev,
                pkg,
                f,
                c.off,
                format!("starts a detached process ({})", c.path),
            );
            continue;
        }
        // The options of a process start on a call the parser could not name (a method picked
        // by a decoded or computed key, `m[k](process.execPath, [f], { detached: true, … })`):
        // only process starts take `stdio`, and `detached` beside `stdio: 'ignore'` cuts the
        // child loose from the installer.
        if let Some((off, _)) = find_text(f, options).into_iter().next() {
            out.hit_sev(
                sev,
                pkg,
                f,
                off,
                "starts a detached process with its output discarded (a process start the code does not name)",
            );
            continue;
        }
        if let Some((off, m)) = find_text(f, text).into_iter().next() {
            out.hit_sev(
                sev,
                pkg,
                f,
                off,
                format!("starts a hidden or background process (`{}`)", m.trim()),
            );
        }
    }
}
