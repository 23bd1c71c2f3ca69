//! Rule `unparseable-code`.

use crate::model::Severity;
use crate::package::{Package, ParseState};
use crate::rules::{Emitter, is_doc_path};

crate::declare_rule! {
    /// A JavaScript file that does not parse (or is too deeply nested or too big to parse
    /// safely). It still gets every text rule; this finding says the AST rules could not look.
    /// Files that run at install time or on import are `medium`.
    id: "unparseable-code",
    category: Obfuscation,
    severity: Low,
    capability: None,
    title: "JavaScript that does not parse",
    incident: "parser-confusion tricks that hide code from AST-based scanners",
    case_file: "index.js",
    flag: ["function ( { broken", &"[".repeat(2000)],
    pass: ["const ok = [1, [2, [3]]]; export default ok"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in pkg.files.iter().filter(|f| f.is_js() && f.script.is_none()) {
        if is_doc_path(&f.path) {
            continue;
        }
        let why = match &f.parse {
            ParseState::Unparseable(why) => why,
            ParseState::Skipped(why) => why,
            _ => continue,
        };
        let runs = pkg.is_install_file(f) || pkg.is_entry_file(f);
        let sev = if runs {
            Severity::Medium
        } else {
            Severity::Low
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            0,
            format!(
                "could not be parsed ({}); only the text rules looked at it",
                crate::package::one_line(why)
            ),
        );
    }
}
