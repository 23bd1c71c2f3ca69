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
        let sev = if f.js.is_some() || pkg.is_install_file(f) {
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
