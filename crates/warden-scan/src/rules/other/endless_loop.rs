//! Rule `endless-loop`.

use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A loop at the top level of a module (column 0, so it runs on `require`) whose condition
    /// can never end it (`i < Infinity`, `while (true)` with no break or await): every
    /// application that loads the package hangs. Maintainer protestware did exactly this.
    id: "endless-loop",
    category: Other,
    severity: Critical,
    capability: None,
    title: "hangs every program that loads it (endless loop on require)",
    incident: "colors 1.4.44-liberty-2 and faker 6.6.6 (January 2022): maintainer sabotage looping forever on require",
    case_file: "lib/index.js",
    flag: ["var am = require('./american');\nam();\nfor (var i = 666; i < Infinity; i++) {\n  console.log('x');\n}\n",
           "while (true) {\n  console.log('LIBERTY');\n}\n"],
    pass: ["function spin() {\n  for (let i = 0; i < Infinity; i++) { if (done(i)) break; }\n}\n",
           "while (true) {\n  const job = await queue.next();\n  if (!job) break;\n}\n",
           "for (let i = 0; i < n; i++) {\n  x += i;\n}\n"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let head = crate::regex!(
        r"(?m)^(?:for\s*\([^;\n]*;\s*\w+\s*<\s*Infinity\s*;[^)\n]*\)|while\s*\(\s*(?:true|1|!0)\s*\))\s*\{"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() || pkg.is_tool_file(f) {
            continue;
        }
        if !crate::mentions!(
            &f.text,
            [
                "< Infinity",
                "<Infinity",
                "while (true)",
                "while(true)",
                "while (1)",
                "while(1)",
                "while(!0)",
                "while (!0)"
            ]
        ) {
            continue;
        }
        for m in head.find_iter(&f.text) {
            // The body: up to the first closing brace at column 0.
            let rest = &f.text[m.end()..];
            let end = rest.find("\n}").unwrap_or(rest.len());
            let body = &rest[..end];
            let exits = crate::regex!(r"\b(break|return|await|yield|throw|process\.exit)\b");
            if exits.is_match(body) {
                continue;
            }
            out.hit(
                pkg,
                f,
                m.start() as u32,
                "loops forever at the top level of the module, hanging whoever loads it",
            );
            break;
        }
    }
}
