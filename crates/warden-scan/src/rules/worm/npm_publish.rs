//! Rule `npm-publish`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Publishes packages from code (`npm publish` run by a library, registry PUTs), or looks up
    /// which packages the current token may publish (`npm whoami`, `maintainer:` searches) and
    /// rewrites their tarballs. Release tools publish on purpose (`high`, for review); together
    /// with a maintainer search or at install time it is a worm (`critical`).
    id: "npm-publish",
    category: Worm,
    severity: High,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "publishes or rewrites npm packages",
    incident: "Shai-Hulud (2025) republished every package its stolen token could publish",
    case_file: "index.js",
    flag: ["execSync('npm publish --access public', { cwd: dir })",
           "const { spawn } = require('child_process'); spawn('npm', [`publish`, '--access', 'public'], { cwd: dir })",
           "const r = await fetch(`${reg}/-/v1/search?text=maintainer:${user}&size=250`)"],
    pass: ["// run npm publish after the build",
           // rxjs 7.8.1: the `publish` operator's documentation
           "/**\n * If you're using {@link refCount} after `publish`, use {@link share} operator instead.\n */\nexport function publish() { return (source) => connectable(source); }", "const doc = 'see the npm publish documentation'.length"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let publish = crate::regex!(r#"['"`]\s*(npm|pnpm|yarn)\s+publish\b|['"`]publish['"`]\s*[,\]]"#);
    let worm =
        crate::regex!(r"maintainer:\$\{|maintainer:['\x22`]\s*\+|text=maintainer:|npm\s+whoami");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        // A match on a comment line is documentation (rxjs 7.8.1's publish operator: "after
        // `publish`, use share"), not an argument list.
        let comment = |o: u32| {
            let before = f.text.get(..o as usize).unwrap_or("");
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let line = f.text.get(start..).unwrap_or("").trim_start();
            line.starts_with("//") || line.starts_with('*')
        };
        let p: Vec<_> = find_text(f, publish)
            .into_iter()
            .filter(|(o, _)| f.script.is_some() || !comment(*o))
            .collect();
        let w = find_text(f, worm);
        let shell_cmd = f.script.is_some() && f.text.contains("npm publish");
        let Some((off, m)) = p
            .first()
            .cloned()
            .or_else(|| w.first().cloned())
            .or(shell_cmd.then(|| (0, "npm publish".to_string())))
        else {
            continue;
        };
        let spawns = f.js.as_ref().is_some_and(|j| {
            j.calls
                .iter()
                .any(|c| super::super::exec::is_spawn(&c.path))
        });
        if p.first()
            .is_some_and(|(_, m)| m.contains("publish'") || m.contains("publish\""))
            && !spawns
            && w.is_empty()
        {
            // ['publish', …] as an argument list only counts when the file starts processes.
            continue;
        }
        let sev = if !w.is_empty() && (!p.is_empty() || spawns) || pkg.is_install_file(f) {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!(
                "publishes npm packages from code ({})",
                m.trim_matches(['\'', '"', '`', ' '])
            ),
        );
    }
}
