//! Rule `install-script-hidden-file`.

use crate::package::{Package, script_targets};
use crate::rules::Emitter;

crate::declare_rule! {
    /// A lifecycle script runs a file that reviewers do not see: a dotfile or a file in a dot
    /// directory, a file that is not in the package (fetched or written at install), or a file
    /// with a non-code extension (an "image" or "font" that is really a script).
    id: "install-script-hidden-file",
    category: Install,
    severity: High,
    capability: None,
    title: "install script runs a hidden or missing file",
    incident: "droppers that run `.cache/x.js` or `node logo.png` from install hooks (Phylum, Socket reports 2023-2025)",
    case_file: "package.json",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node .config/run.js\"}}\n=== .config/run.js\nconsole.log(1)",
           r#"{"name":"a","version":"1.0.0","scripts":{"preinstall":"node assets/logo.png"}}"#],
    pass: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node scripts/postinstall.js\"}}\n=== scripts/postinstall.js\nconsole.log(1)"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let paths: std::collections::HashSet<&str> = pkg
        .files
        .iter()
        .filter(|f| f.script.is_none())
        .map(|f| f.path.as_str())
        .collect();
    for f in pkg.files.iter().filter(|f| {
        f.script
            .as_ref()
            .is_some_and(|(n, _)| !crate::package::local_install_hook(n))
            && f.kind == crate::package::FileKind::Shell
    }) {
        for t in script_targets(&f.text) {
            if t.is_empty() || t.contains('$') || t.contains('%') {
                continue;
            }
            let hidden = t
                .split('/')
                .any(|s| s.starts_with('.') && s.len() > 1 && s != "..");
            let exists = [
                t.clone(),
                format!("{t}.js"),
                format!("{t}.cjs"),
                format!("{t}.mjs"),
                format!("{t}/index.js"),
            ]
            .iter()
            .any(|c| paths.contains(c.as_str()));
            let ext = t.rsplit('.').next().unwrap_or("");
            let non_code = t.contains('.')
                && !matches!(
                    ext,
                    "js" | "cjs" | "mjs" | "ts" | "mts" | "cts" | "jsx" | "tsx"
                )
                && !t.starts_with('.');
            let why = if hidden {
                Some("a hidden file")
            } else if non_code {
                Some("a file that is not JavaScript")
            } else if !exists && !t.contains("node_modules") {
                Some("a file the package does not contain")
            } else {
                None
            };
            if let Some(why) = why {
                out.hit(pkg, f, 0, format!("the install script runs {t:?}, {why}"));
            }
        }
    }
}
