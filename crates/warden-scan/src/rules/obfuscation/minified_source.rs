//! Rule `minified-source`.

use crate::package::Package;
use crate::rules::Emitter;

crate::declare_rule! {
    /// Minified JavaScript (very long lines). Informational: minified is not obfuscated, but it
    /// is where injected code is hardest for a person to see, so diffs of such files deserve the
    /// scanner's eyes rather than a reviewer's.
    id: "minified-source",
    category: Obfuscation,
    severity: Info,
    capability: None,
    title: "minified source",
    incident: "injections into minified bundles (@solana/web3.js 1.95.6, 2024)",
    case_file: "dist/app.js",
    flag: [&"var a=1;".repeat(400)],
    pass: ["function add(a, b) {\n  return a + b;\n}\nmodule.exports = add;\n"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in pkg.files.iter().filter(|f| f.is_js() && f.script.is_none()) {
        if f.minified || (f.path.ends_with(".min.js") && !f.text.is_empty()) {
            out.hit(
                pkg,
                f,
                0,
                format!(
                    "minified JavaScript ({} bytes on {} lines)",
                    f.text.len(),
                    f.lines()
                ),
            );
        }
    }
}
