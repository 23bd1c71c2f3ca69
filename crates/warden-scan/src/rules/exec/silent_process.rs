//! Rule `silent-process`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Starts a process that outlives the installer and hides from the user: `detached: true`,
    /// `stdio: 'ignore'` with `.unref()`, hidden windows, `start /B`, `nohup … &`,
    /// `-WindowStyle Hidden`. Daemon managers do this by design (`medium`); at install time it
    /// is how droppers keep running after npm returns (`high`).
    id: "silent-process",
    category: Exec,
    severity: Medium,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "starts a detached or hidden process",
    incident: "eslint-config-prettier 8.10.1 (2025) started rundll32 detached and hidden; clipboard clippers run a detached monitor",
    case_file: "index.js",
    flag: ["const { spawn } = require('child_process'); const p = spawn('node', ['m.js'], { detached: true, stdio: 'ignore' }); p.unref();",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"start /B node x.js & node x.js\"}}\n=== x.js\n1"],
    pass: ["const { spawn } = require('child_process'); spawn('git', ['status'], { stdio: 'inherit' })", "const o = { detached: true }"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let text = crate::regex!(
        r"(?i)(^|[\s&;|])start\s+/b\s|\bnohup\s+\S+[^\n]*&|-w(indowstyle)?\s+hidden\b|\bsetsid\s+\S|\bdisown\b"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
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
