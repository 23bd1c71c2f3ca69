//! Rule `npm-publish`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Publishes packages from code (`npm publish` run by a library, registry PUTs), or looks up
    /// which packages the current token may publish (`npm whoami`, `maintainer:` searches) and
    /// rewrites their tarballs. Release tools publish on purpose, and check the login with `npm
    /// whoami` first (`high`, for review); together with a maintainer search, at install time,
    /// or after `npm whoami` in code run on load it is a worm (`critical`). `npm whoami` named in
    /// a comment or a message to the user is no command, and `'publish',` is an argument list
    /// only first in an array or after the package manager's name. A command-line tool (a `bin`
    /// or tool file that neither install scripts nor `require` run) that publishes the package in
    /// the directory it is run in, without `npm whoami`, a maintainer search or handling
    /// tarballs, is a release tool the user runs (`info`, no link of a chain): worms publish other
    /// packages, from install or load time, after packing or patching their tarballs.
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

/// Whether the match at `off` starts a string that is a command (`'npm whoami'`,
/// `` `npm whoami --registry ${r}` ``): the quote before it opens an argument or a value, not a
/// word inside a sentence ("Use `npm whoami` to troubleshoot").
fn command_string(text: &str, off: u32) -> bool {
    let before = text
        .get(..off as usize)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let Some(q) = before.chars().next_back() else {
        return false;
    };
    if !matches!(q, '\'' | '"' | '`') {
        return false;
    }
    let rest = before[..before.len() - 1].trim_end();
    !rest
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '.')
}

/// Whether a `'publish',` match at `off` is a command's argument list: the first element of
/// an array (`['publish', '--access', 'public']`) or right after the package manager's name
/// (`['npm', 'publish']`), not one name in a list of lifecycle scripts (`['prepack',
/// 'postpack', 'publish', 'postpublish']` in @napi-rs/cli 3.10.12). Command strings (`'npm
/// publish'`) always are.
fn argv_start(text: &str, off: u32, m: &str) -> bool {
    if m.contains("npm") || m.contains("yarn") {
        return true;
    }
    let before = text.get(..off as usize).unwrap_or("").trim_end();
    if before.ends_with('[') || before.ends_with('(') {
        return true;
    }
    let Some(prev) = before.strip_suffix(',') else {
        return false;
    };
    let prev = prev.trim_end().trim_end_matches(['\'', '"', '`']);
    ["npm", "pnpm", "yarn", "bun"]
        .iter()
        .any(|pm| prev.ends_with(pm))
}

/// Whether a file runs the package manager's publish command in code that is not an install
/// step: the npm CLI then reads `.npmrc` itself, so the file handling it is configuring that
/// release (see `sensitive-file-read`).
pub fn runs_publish(pkg: &Package, f: &crate::package::FileCtx) -> bool {
    let publish = crate::regex!(r#"['"`]\s*(npm|pnpm|yarn)\s+publish\b"#);
    !pkg.is_install_file(f)
        && f.js.is_some()
        && find_text(f, publish).into_iter().any(|(o, _)| {
            let start = f.text[..(o as usize).min(f.text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = f.text[start..].trim_start();
            !(line.starts_with("//") || line.starts_with('*'))
        })
}

fn check(pkg: &Package, out: &mut Emitter) {
    let publish = crate::regex!(r#"['"`]\s*(npm|pnpm|yarn)\s+publish\b|['"`]publish['"`]\s*[,\]]"#);
    let search = crate::regex!(r"maintainer:\$\{|maintainer:['\x22`]\s*\+|text=maintainer:");
    let whoami = crate::regex!(r"npm\s+whoami");
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
            .filter(|(o, m)| argv_start(&f.text, *o, m))
            .collect();
        // Which packages the token may publish: a maintainer search, or `npm whoami` run as a
        // command (not named in a comment or a message telling the user what to run, as np
        // 12.1.1 does: "Use `npm whoami` to troubleshoot").
        let searches: Vec<_> = find_text(f, search)
            .into_iter()
            .filter(|(o, _)| f.script.is_some() || !comment(*o))
            .collect();
        let who: Vec<_> = find_text(f, whoami)
            .into_iter()
            .filter(|(o, _)| f.js.is_none() || !comment(*o) && command_string(&f.text, *o))
            .collect();
        let w: Vec<_> = searches.iter().chain(&who).cloned().collect();
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
        // Publishing after a maintainer search is a worm; so is publishing after `npm whoami`
        // at install or load time. A release tool checks the login with `npm whoami` and
        // publishes the project it is run in from a command (np, release-it): for review.
        let sends = !p.is_empty() || spawns;
        let sev = if !searches.is_empty() && sends
            || !who.is_empty() && sends && pkg.runs_on_load(f, off)
            || pkg.is_install_file(f)
        {
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
    use crate::rules::testing::run;

    fn severities(file: &str, src: &str) -> Vec<Severity> {
        run(&super::RULE, file, src)
            .iter()
            .map(|h| h.severity)
            .collect()
    }

    fn severity(case: &str) -> Vec<Severity> {
        run(&super::RULE, "index.js", case)
            .into_iter()
            .map(|h| h.severity)
            .collect()
    }

    /// np 12.1.1 and release-it 21.1.2: a release command checks the login with `npm whoami`
    /// and publishes the project it runs in: for review, not a worm.
    #[test]
    fn a_release_cli_checking_the_login_before_publishing_is_high() {
        let cli = "const { execSync } = require('child_process');\n\
            async function release(dir) { execSync('npm whoami'); execSync('npm publish --tag latest', { cwd: dir }); }\n\
            module.exports = release;\n";
        assert_eq!(severities("bin/release.js", cli), vec![Severity::High]);
        // "Use `npm whoami`" in a message is not a command.
        let message = "const { execa } = require('execa');\n\
            async function user() { try { return (await execa('npm', ['whoami'])).stdout } catch { throw new Error('Authentication error. Use `npm whoami` to troubleshoot.') } }\n\
            module.exports = user;\n";
        assert!(severities("source/npm/util.js", message).is_empty());
    }

    /// @napi-rs/cli 3.10.12 lists lifecycle script names; an argument list is a command.
    #[test]
    fn publish_in_a_list_of_script_names_is_no_argument_list() {
        let names = "const { spawn } = require('child_process');\nconst LIFECYCLE = ['prepack', 'postpack', 'publish', 'postpublish'];\nspawn('cargo', ['build']);\n";
        assert!(severities("src/api/pre-publish.js", names).is_empty());
        let argv = names.replace(
            "spawn('cargo', ['build'])",
            "spawn('npm', ['publish', '--access', 'public'], { cwd: dir })",
        );
        assert_eq!(
            severities("src/api/pre-publish.js", &argv),
            vec![Severity::High]
        );
    }

    /// The same calls after a maintainer search, or at the top level of the code run on load,
    /// are a worm.
    #[test]
    fn publishing_after_a_maintainer_search_or_on_load_is_critical() {
        let search = "const { execSync } = require('child_process');\n\
            async function spread(u) { const r = await fetch(`${reg}/-/v1/search?text=maintainer:${u}`); for (const p of (await r.json()).objects) execSync('npm publish', { cwd: p.dir }); }\n\
            module.exports = spread;\n";
        assert_eq!(
            severities("bin/release.js", search),
            vec![Severity::Critical]
        );
        let on_load = "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n=== index.js\n\
            const { execSync } = require('child_process');\n\
            const me = execSync('npm whoami').toString(); execSync('npm publish', { cwd: tmp });\n";
        assert_eq!(severities("index.js", on_load), vec![Severity::Critical]);
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
