//! Rule `eval-dynamic`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files};

crate::declare_rule! {
    /// Runs code built at run time: `eval`, `Function`/`new Function`, `vm.runIn*Context`,
    /// `vm.Script`, `vm.compileFunction` or `module._compile` with an argument that is not a plain
    /// string literal (template engines do this; so does every loader of a hidden payload).
    /// `high` when the argument is a decoded string or the call runs at install time; `critical`
    /// when the file decodes what it runs from HTTP request headers, bodies or query strings (a
    /// server backdoor), or decrypts it with a key written in the code (an encrypted stage).
    id: "eval-dynamic",
    category: Exec,
    severity: Medium,
    capability: Some(crate::model::Capability::Eval),
    title: "evaluates code built at run time",
    incident: "eslint-scope 3.7.2 (2018) eval'd a pastebin payload; flatmap-stream (2018) ran a decrypted payload via module._compile",
    case_file: "index.js",
    flag: ["eval(Buffer.from(data, 'base64').toString())",
           "const F = (function(){}).constructor; F('return ' + code)()",
           "new Function('require', payload)(require)",
           "const m = new module.constructor(); m._compile(src, 'x.js')",
           "eval(atob('Y29uc29sZS5sb2coMSk='))",
           "module.exports = () => (req, res, next) => { for (const k in req.headers) buf += hex(req.headers[k]); vm.runInThisContext(Buffer.from(buf, 'hex').toString()); next() }",
           "const d = crypto.createDecipheriv('aes-128-cbc', Buffer.from('7f3a9c2e5b1d8046'), iv); const code = d.update(blob, 'base64', 'utf8') + d.final('utf8'); vm.runInNewContext(code, { require })",
           "function e(r){return Buffer.from(r,'hex').toString()} const m = new module.constructor(); m[e('5f636f6d70696c65')](src, '')"],
    pass: ["const h = req.headers; const u = JSON.parse(Buffer.from(h['x-ctx'], 'base64').toString())",
           "const d = crypto.createDecipheriv('aes-256-gcm', key, iv); const plain = d.update(c)",
           "eval('1 + 1')", "const f = new Function('return this')", "const evaluate = x => x; evaluate(code)"],
}

fn is_eval(path: &str) -> bool {
    matches!(
        path,
        "eval"
            | "Function"
            | "vm.runInThisContext"
            | "vm.runInNewContext"
            | "vm.runInContext"
            | "vm.Script"
            | "vm.compileFunction"
            | "vm.SourceTextModule"
            | "setTimeout"
            | "setInterval"
    ) || path.ends_with("._compile")
}

fn check(pkg: &Package, out: &mut Emitter) {
    let request = crate::regex!(r"\b(req|request|ctx\.request)\.(headers|body|query|cookies)\b");
    let decode = crate::regex!(r#"Buffer\.from\([^)]*['"](hex|base64)['"]|\batob\("#);
    let decrypt = crate::regex!(
        r#"createDecipheriv\(\s*['"][\w-]+['"]\s*,\s*(Buffer\.from\(\s*)?['"`]|createDecipheriv\(\s*['"][\w-]+['"]\s*,\s*(\w+)\b"#
    );
    for f in code_files(pkg) {
        let Some(js) = &f.js else { continue };
        if !js.calls.iter().any(|c| is_eval(&c.path)) {
            continue;
        }
        let text = crate::rules::all_text(f);
        let from_request = request.is_match(text) && decode.is_match(text);
        // Small hand-written files only: big server bundles hold request parsing and template
        // compilation side by side.
        let small = !f.minified && f.text.len() < 100_000;
        let from_request = small && from_request;
        let decrypted = small
            && decrypt.captures(text).is_some_and(|c| match c.get(2) {
                None => true,
                Some(v) => {
                    let v = v.as_str();
                    [
                        format!("const {v} = Buffer.from(\""),
                        format!("const {v} = Buffer.from('"),
                        format!("const {v} = \""),
                        format!("const {v} = '"),
                    ]
                    .iter()
                    .any(|k| text.contains(k.as_str()))
                }
            });
        for c in js.calls.iter().filter(|c| is_eval(&c.path)) {
            // The code argument: the first for eval/vm, the last for Function.
            let idx = if c.path == "Function" {
                c.n_args.saturating_sub(1)
            } else {
                0
            };
            if c.n_args == 0 {
                continue;
            }
            let arg = c.args.get(idx.min(3));
            let Some(arg) = arg else { continue };
            if arg.func || arg.plain {
                continue;
            }
            // A bare identifier folds through a file-wide constant map that ignores scope: only
            // trust it when the value is code.
            let code_like = arg.lit.as_deref().is_some_and(crate::js::looks_like_code);
            // In minified code the one-letter names are reused in every scope, so a value
            // folded from them (`new Function("def", "return " + t)` in axe-core 4.14.1's
            // template engine) is some other binding's string: only code counts there.
            let decoded =
                arg.lit.is_some() && (!arg.ident || code_like) && (!f.minified || code_like);
            if matches!(c.path.as_str(), "setTimeout" | "setInterval") && !(decoded && code_like) {
                continue;
            }
            // `new Function('require', code)(require)`: the evaluated code gets module access.
            let gives_require =
                c.path == "Function" && c.args.iter().any(|a| a.lit.as_deref() == Some("require"));
            if from_request || decrypted {
                let how = if from_request {
                    "decoded from HTTP request data"
                } else {
                    "decrypted with a key written in the code"
                };
                out.hit_sev(
                    Severity::Critical,
                    pkg,
                    f,
                    c.off,
                    format!("runs code {how} with {}", c.path),
                );
                continue;
            }
            let sev = if decoded
                || gives_require
                || pkg.is_install_file(f)
                || !js.decoded_code.is_empty()
            {
                Severity::High
            } else {
                Severity::Medium
            };
            let what = if gives_require {
                "code that is handed `require`"
            } else if decoded {
                "decoded or assembled code"
            } else {
                "code built at run time"
            };
            out.hit_sev(sev, pkg, f, c.off, format!("runs {what} with {}", c.path));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// axe-core 4.14.1's minified template engine: `t` is a template string in one scope and a
    /// tag name in another; the file-wide constant map must not make it "decoded code".
    #[test]
    fn minified_template_engine_is_not_decoded_code() {
        let filler = "function f(e){return e.nodeName.toLowerCase()===\"div\"}".repeat(60);
        let case = format!(
            "var t=\"div\";{filler};function c(o,t){{return(t=new Function(\"def\",\"return \"+t)(o))}}"
        );
        let hits = run(&super::RULE, "axe.min.js", &case);
        assert!(
            !hits.is_empty(),
            "Function on a built string is still reported"
        );
        assert!(
            hits.iter().all(|h| h.severity < Severity::High),
            "folded from a reused one-letter name, not decoded: {hits:?}"
        );
        // The same shape in readable code keeps the folded value.
        let hits = run(
            &super::RULE,
            "index.js",
            "var t = 'process.exit(1); require(\"fs\")'; new Function('def', 'return ' + t)(o)",
        );
        assert!(
            hits.iter().any(|h| h.severity >= Severity::High),
            "{hits:?}"
        );
    }
}
