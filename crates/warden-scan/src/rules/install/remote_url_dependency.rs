//! Rule `remote-url-dependency`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// A dependency in `package.json` (dependencies, optionalDependencies, peerDependencies)
    /// whose spec is an `http:` or `https:` URL: npm downloads that tarball from the host at
    /// install time, outside the registry, its integrity records and its scans, and runs its
    /// install scripts. Over plain `http:` anyone on the path can swap the code, and no published
    /// library needs it (`critical`); an `https:` tarball URL is `high`. Git dependencies and
    /// devDependencies (not installed for users) are not flagged.
    id: "remote-url-dependency",
    category: Install,
    severity: High,
    capability: Some(crate::model::Capability::InstallScript),
    title: "depends on a tarball served from a URL instead of the registry",
    incident: "PhantomRaven (2025): 126 packages pulled 'http://' URL dependencies whose install scripts stole credentials",
    case_file: "package.json",
    flag: [r#"{"name":"a","version":"1.0.0","dependencies":{"ui-kit":"http://packages.example.net/npm/ui-kit"}}"#,
           r#"{"name":"a","version":"1.0.0","optionalDependencies":{"x":"https://cdn.example.org/x-1.0.0.tgz"}}"#],
    pass: [r#"{"name":"a","version":"1.0.0","dependencies":{"left-pad":"^1.3.0","b":"github:user/b#v1","c":"git+https://git.example.org/c.git"}}"#,
           r#"{"name":"a","version":"1.0.0","devDependencies":{"x":"http://example.net/x.tgz"}}"#,
           r#"{"name":"a","version":"1.0.0","dependencies":{"x":"http://localhost:4873/x.tgz"}}"#],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let Some(m) = &pkg.manifest else { return };
    for field in ["dependencies", "optionalDependencies", "peerDependencies"] {
        let Some(deps) = m.get(field).and_then(|d| d.as_object()) else {
            continue;
        };
        for (name, spec) in deps {
            let Some(spec) = spec.as_str() else { continue };
            let s = spec.trim().to_ascii_lowercase();
            let (plain, rest) = if let Some(r) = s.strip_prefix("http://") {
                (true, r)
            } else if let Some(r) = s.strip_prefix("https://") {
                (false, r)
            } else {
                continue;
            };
            let host = rest.split(['/', ':']).next().unwrap_or("");
            if matches!(host, "localhost" | "127.0.0.1" | "[::1]") || s.ends_with(".git") {
                continue;
            }
            let sev = if plain {
                Severity::Critical
            } else {
                Severity::High
            };
            out.whole(
                sev,
                "package.json",
                format!(
                    "{field}.{name} is fetched from {} at install time, outside the registry",
                    if plain { "a plain-HTTP URL" } else { "a URL" }
                ),
                format!("\"{name}\": \"{spec}\""),
            );
        }
    }
}
