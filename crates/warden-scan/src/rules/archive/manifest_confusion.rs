//! Rule `manifest-confusion`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::Emitter;
use serde_json::Value;

crate::declare_rule! {
    /// The tarball's package.json says something different from the registry's manifest for the
    /// same version (name, version, scripts, dependencies, bin). npm installs what the tarball
    /// says while tools and people read the manifest, so hidden install scripts or dependencies
    /// are `critical`. Only checked when the registry manifest is passed in.
    id: "manifest-confusion",
    category: Archive,
    severity: High,
    capability: None,
    title: "package.json differs from the registry manifest",
    incident: "manifest confusion disclosed by Darcy Clarke (June 2023)",
    case_file: "package.json",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node x.js\"}}\n=== <registry>\n{\"name\":\"a\",\"version\":\"1.0.0\"}",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.1\"}\n=== <registry>\n{\"name\":\"a\",\"version\":\"1.0.0\"}"],
    pass: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"x\"}}\n=== <registry>\n{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"test\":\"x\"}}",
           "{\"name\":\"a\",\"version\":\"1.0.0\",\"scripts\":{\"install\":\"node x.js\"}}"],
}

fn field<'v>(v: &'v Value, k: &str) -> Option<&'v Value> {
    v.get(k)
        .filter(|x| !(x.is_null() || x.as_object().is_some_and(|o| o.is_empty())))
}

fn check(pkg: &Package, out: &mut Emitter) {
    let (Some(reg), Some(tar)) = (pkg.registry_manifest, pkg.manifest.as_ref()) else {
        return;
    };
    for key in [
        "name",
        "version",
        "scripts",
        "dependencies",
        "optionalDependencies",
        "bin",
    ] {
        let (a, b) = (field(tar, key), field(reg, key));
        if a == b {
            continue;
        }
        let hidden_scripts = key == "scripts"
            && crate::package::INSTALL_HOOKS.iter().any(|h| {
                a.and_then(|s| s.get(*h)) != b.and_then(|s| s.get(*h))
                    && a.and_then(|s| s.get(*h)).is_some()
            });
        let sev = if hidden_scripts || key.ends_with("ependencies") || key == "name" {
            Severity::Critical
        } else {
            Severity::High
        };
        let show = |v: Option<&Value>| {
            v.map(|v| crate::package::one_line(&v.to_string()))
                .unwrap_or_else(|| "(absent)".into())
        };
        out.whole(
            sev,
            "package.json",
            format!(
                "\"{key}\" in the tarball ({}) differs from the registry manifest ({})",
                show(a),
                show(b)
            ),
            show(a),
        );
    }
}
