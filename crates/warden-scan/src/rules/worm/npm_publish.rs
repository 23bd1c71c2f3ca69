//! Rule `npm-publish`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Publishes packages from code (`npm publish` run by a library, registry PUTs), or looks up
    /// which packages the current token may publish (`npm whoami`, `maintainer:` searches) and
    /// rewrites their tarballs. Release tools publish on purpose (`high`, for review); together
    /// with a maintainer search or at install time it is a worm (`critical`). A command-line
    /// tool (a `bin` or tool file that neither install scripts nor `require` run) that publishes
    /// the package in the directory it is run in, without handling tarballs, is a release tool
    /// the user runs (`info`): worms publish other packages, from install or load time, after
    /// packing or patching their tarballs. A release tool reads the registry and forge tokens it
    /// publishes with, so this publish is `info`, no link of a chain.
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
        } else if w.is_empty() && release_cli(pkg, f) {
            Severity::Info
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

/// A release tool the user runs: the file is a command-line tool that no install script and no
/// `require` of the package runs (or a `bin` that is `index.js` of a package naming no entry),
/// or a module only such a command requires, and it handles no tarball (no `npm pack`, `.tgz`, tar or gzip
/// streams), so what it publishes is the package in the directory it is run in.
fn release_cli(pkg: &Package, f: &crate::package::FileCtx) -> bool {
    let tarballs = crate::regex!(
        r#"\.tgz\b|\btarball|\btar\s+-?[xcz]|\bnpm\s+pack\b|['"`]pack['"`]|require\(\s*['"`](?:node:)?(?:tar|zlib|tar-stream|tar-fs)['"`]|from\s+['"`](?:node:)?(?:tar|zlib|tar-stream|tar-fs)['"`]|gunzip|createGzip"#
    );
    // A package that declares no entry point but a `bin` is a command: its `index.js` is the
    // entry only by npm's default, and nobody requires a release tool.
    let declared_entry = pkg.manifest.as_ref().is_some_and(|m| {
        ["main", "module", "exports", "browser", "react-native"]
            .iter()
            .any(|k| m.get(k).is_some())
    });
    let command = pkg.bin_files.contains(&f.path) && !declared_entry;
    f.script.is_none()
        && !pkg.is_install_file(f)
        && (!pkg.is_entry_file(f) || command)
        && (pkg.is_tool_file(f) || pkg.bin_reach().contains(&f.path))
        && !tarballs.is_match(crate::rules::all_text(f))
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;

    fn severity(case: &str) -> Vec<Severity> {
        crate::rules::testing::run(&super::RULE, "index.js", case)
            .into_iter()
            .map(|h| h.severity)
            .collect()
    }

    const BIN_PKG: &str = r#"=== package.json
{"name":"rel","version":"1.0.0","bin":{"rel":"cli.js"}}
"#;

    #[test]
    fn a_release_cli_publishing_its_working_directory_is_info() {
        let case = format!(
            "{BIN_PKG}=== cli.js\nconst {{ execFileSync }} = require('child_process');\nexecFileSync('npm', ['publish', '--provenance'], {{ stdio: 'inherit', env: {{ ...process.env, NODE_AUTH_TOKEN: t }} }});\n"
        );
        assert_eq!(severity(&case), vec![Severity::Info]);
        let index = "=== package.json\n{\"name\":\"rel\",\"version\":\"1.0.0\",\"bin\":{\"rel\":\"index.js\"}}\n=== index.js\nconst { execFileSync } = require('child_process');\nexecFileSync('npm', ['publish']);\n";
        assert_eq!(severity(index), vec![Severity::Info]);
    }

    #[test]
    fn a_module_only_the_bin_requires_publishes_like_the_bin() {
        let case = "=== package.json\n{\"name\":\"rel\",\"version\":\"1.0.0\",\"main\":\"lib/api.js\",\"bin\":{\"rel\":\"cli.js\"}}\n=== lib/api.js\nmodule.exports = 1\n=== cli.js\nrequire('./src/steps/publish')()\n=== src/steps/publish.js\nconst { execa } = require('execa');\nmodule.exports = () => execa('npm', ['publish', '--tag', 'next']);\n";
        assert_eq!(severity(case), vec![Severity::Info]);
        // The same module downloading and unpacking another package's tarball first: high.
        let worm = case.replace(
            "module.exports = () =>",
            "module.exports = () => execa('sh', ['-c', `curl -sL ${u} | tar -xz -C ${d}`]) &&",
        );
        assert_eq!(severity(&worm), vec![Severity::High]);
    }

    #[test]
    fn a_cli_that_repacks_tarballs_or_a_library_that_publishes_stays_high() {
        let repack = format!(
            "{BIN_PKG}=== cli.js\nconst {{ execSync }} = require('child_process');\nexecSync('npm pack', {{ cwd: dir }}); patch(dir + '/pkg.tgz');\nexecSync('npm publish ' + dir + '/pkg.tgz');\n"
        );
        assert_eq!(severity(&repack), vec![Severity::High]);
        let library = "=== package.json\n{\"name\":\"rel\",\"version\":\"1.0.0\",\"main\":\"cli.js\",\"bin\":{\"rel\":\"cli.js\"}}\n=== cli.js\nconst { execFileSync } = require('child_process');\nexecFileSync('npm', ['publish']);\n";
        assert_eq!(severity(library), vec![Severity::High]);
    }
}
