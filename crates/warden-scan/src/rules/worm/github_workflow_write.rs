//! Rule `github-workflow-write`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, find_text, is_doc_path};

crate::declare_rule! {
    /// Creates or changes GitHub Actions workflows (`.github/workflows/*.yml`) from package
    /// code: how worms keep stealing repository secrets after the package is removed. A workflow
    /// body that dumps `toJSON(secrets)` is `critical`.
    id: "github-workflow-write",
    category: Worm,
    severity: High,
    capability: Some(crate::model::Capability::FilesystemWrite),
    title: "writes GitHub Actions workflows",
    incident: "Shai-Hulud (2025) pushed .github/workflows/shai-hulud-workflow.yml exfiltrating toJSON(secrets)",
    case_file: "index.js",
    flag: ["fs.writeFileSync('.github/workflows/ci.yml', body)",
           "const wf = 'on: push\\njobs:\\n  x:\\n    steps:\\n      - run: echo ${{ toJSON(secrets) }}'; put(`repos/${r}/contents/.github/workflows/x.yml`, wf)"],
    pass: ["// see .github/workflows in the repository", "const docs = 'https://docs.example/workflows'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let path = crate::regex!(r"\.github[/\\]workflows");
    let secrets = crate::regex!(r"toJSON\(\s*secrets\s*\)");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let hits: Vec<_> = find_text(f, path)
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
        let Some((off, _)) = hits.first().cloned() else {
            continue;
        };
        let dump = secrets.is_match(&all_text(f));
        let sev = if dump || pkg.is_install_file(f) {
            Severity::Critical
        } else {
            Severity::High
        };
        let msg = if dump {
            "writes a GitHub workflow that dumps all repository secrets"
        } else {
            "writes GitHub Actions workflow files"
        };
        out.hit_sev(sev, pkg, f, off, msg);
    }
}
