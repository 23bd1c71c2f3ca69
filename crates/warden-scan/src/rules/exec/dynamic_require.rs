//! Rule `dynamic-require`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files};

crate::declare_rule! {
    /// `require()` or `import()` of a name that is not a constant: plugin loaders do this, and so
    /// does code that hides which module it loads (`require(_0x3f2a('0x1b'))`). Informational
    /// unless the file is obfuscated or runs at install time.
    id: "dynamic-require",
    category: Exec,
    severity: Low,
    capability: Some(crate::model::Capability::DynamicRequire),
    title: "loads a module whose name is computed",
    incident: "obfuscated loaders resolving child_process through a string table (Socket, Phylum reports)",
    case_file: "index.js",
    flag: ["const m = require(names[3])", "const x = await import(decode(s))"],
    pass: ["const cp = require('child_' + 'process')", "const fs = require('fs')"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        let Some(js) = &f.js else { continue };
        let Some(off) = js.dynamic_requires.first() else {
            continue;
        };
        let obf = js.obf_idents >= 20;
        let sev = if obf || pkg.is_install_file(f) {
            Severity::Medium
        } else {
            Severity::Low
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            *off,
            format!(
                "loads a module whose name is computed ({} place(s))",
                js.dynamic_requires.len()
            ),
        );
    }
}
