//! Rule `git-config-tamper`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// The code changes the user's global git configuration in a way that runs code or routes
    /// secrets: `credential.helper` (git hands it every username and token), `core.hooksPath`,
    /// `core.sshCommand`, `core.askPass`, `core.fsmonitor`, `url.*.insteadOf`, proxies, or a
    /// `[credential]`/`[core]` section written into `~/.gitconfig`. CLIs such as `gh auth
    /// setup-git` do this when the user asks (`medium`); doing it from code that runs at install
    /// time is `critical`.
    id: "git-config-tamper",
    category: Other,
    severity: Medium,
    capability: None,
    title: "changes the global git configuration (credential helper, hooks, ssh command)",
    incident: "credential-helper and hooksPath hijacks from install scripts (2023-2025 reports); same goal as the .npmrc and gh token thefts",
    case_file: "index.js",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node i.js\"}}\n=== i.js\nexecFileSync('git', ['config', '--global', 'credential.helper', helper]);",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node i.js\"}}\n=== i.js\nfs.appendFileSync(path.join(os.homedir(), '.gitconfig'), `\\n[core]\\n\\thooksPath = ${dir}\\n`);",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"git config --global core.sshCommand 'ssh -o ProxyCommand=x'\"}}",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"git config --global url.\\\"https://m.example/\\\".insteadOf https://forge.example/\"}}"],
    pass: ["const cur = execFileSync('git', ['config', '--global', '--get', 'credential.helper']).toString()",
           "execSync('git config core.hooksPath .husky')",
           "// run: git config --global credential.helper store\nmodule.exports = {}"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let key = crate::regex!(
        r"(?i)\b(credential\.[^\s'\x22`,]*helper|core\.(hooksPath|sshCommand|askPass|fsmonitor|gitProxy)|url\.[\x22']?[^\s'\x22`,]+[\x22']?\.insteadOf|https?\.proxy|include\.path)\b"
    );
    let section = crate::regex!(
        r"(?i)\[(credential|core|url)\b[^\]]{0,80}\][^\n]{0,4}(\\n|\n)[^\n]{0,30}(helper|hooksPath|sshCommand|askPass|fsmonitor|insteadOf)\s*="
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(
            text,
            [
                "credential",
                "hookspath",
                "sshcommand",
                "askpass",
                "fsmonitor",
                "insteadof",
                "proxy",
                "include.path",
                "gitproxy"
            ]
        ) {
            continue;
        }
        let mut found = None;
        // A line is only taken when it says `config` and `--global`, `--system` or
        // `.gitconfig` (in any ASCII case): without them in the text, no line is, and the
        // key pattern is not searched line by line through a bundle.
        let lines_can_pass = crate::mentions!(text, ["config"])
            && crate::mentions!(text, ["--global", "--system", ".gitconfig"]);
        for line in if lines_can_pass { text } else { "" }.lines() {
            let Some(m) = key.find(line) else { continue };
            let lower = line.to_ascii_lowercase();
            let trimmed = lower.trim_start();
            if trimmed.starts_with("//")
                || trimmed.starts_with('#') && !trimmed.starts_with("#!")
                || trimmed.starts_with('*')
            {
                continue;
            }
            if !lower.contains("config")
                || !(lower.contains("--global")
                    || lower.contains("--system")
                    || lower.contains(".gitconfig"))
                || lower.contains("--get")
                || lower.contains("--list")
                || lower.contains("--unset")
            {
                continue;
            }
            let off = (line.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            found = Some((off, m.as_str().to_string()));
            break;
        }
        if found.is_none()
            && text.contains(".gitconfig")
            && let Some(m) = section.find(text)
            && f.js.as_ref().is_some_and(|js| {
                js.calls
                    .iter()
                    .any(|c| crate::rules::is_file_write(&c.path))
            })
        {
            found = Some((m.start(), m.as_str().to_string()));
        }
        let Some((off, what)) = found else { continue };
        let off = f.text_off(off, 0);
        let install = pkg.is_install_file(f);
        let sev = if install {
            Severity::Critical
        } else {
            Severity::Medium
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!(
                "sets the global git configuration ({}){}",
                crate::package::one_line(&what),
                if install { " at install time" } else { "" }
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
    fn the_text_wide_precheck_keeps_any_ascii_case() {
        // The line test lowercases the line; the precheck over the whole text must not be
        // stricter than that.
        assert_eq!(
            hits("execSync('GIT CONFIG --GLOBAL credential.helper store')"),
            1
        );
    }

    #[test]
    fn a_key_without_a_global_flag_anywhere_is_not_searched_for() {
        assert_eq!(
            hits("execSync('git config credential.helper store')\nconst proxy = 1;"),
            0
        );
    }
}
