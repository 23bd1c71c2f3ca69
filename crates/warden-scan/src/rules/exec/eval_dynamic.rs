//! Rule `eval-dynamic`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files};

crate::declare_rule! {
    /// Runs code built at run time: `eval`, `Function`/`new Function`, `vm.runIn*Context`,
    /// `vm.Script`, `vm.compileFunction`, `module._compile` or a worker_threads `Worker` with
    /// `eval: true` with an argument that is not a plain string literal, or a timer (`setTimeout`/`setInterval`/`setImmediate`) given a decoded or
    /// assembled string (template engines do this; so does every loader of a hidden payload).
    /// `high` when the argument is a decoded string, when it comes from a network response read
    /// in the same small hand-written file (a remote stage), or when the call runs at install
    /// time; `critical` when the file decodes what it runs from HTTP request headers, bodies or query strings (a
    /// server backdoor), or decrypts it with a key written in the code (an encrypted stage). A
    /// `Function` naming a wrapper after an identifier-checked name
    /// (`/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name)`) is no finding, and a code string that folds to
    /// punctuation alone decoded nothing.
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
           "function e(r){return Buffer.from(r,'hex').toString()} const m = new module.constructor(); m[e('5f636f6d70696c65')](src, '')",
           "require('https').get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { (0, eval)(s) }) })",
           "const r = await fetch(u); const j = await r.json(); require('vm').runInThisContext(j.patch)",
           "setTimeout(atob('cHJvY2Vzcy5leGl0KDEp'), 500)",
           "const { Worker } = require('worker_threads'); require('https').get(u, (r) => { const chunks = []; r.on('data', (c) => chunks.push(c)); r.on('end', () => new Worker(Buffer.concat(chunks).toString(), { eval: true })) })",
           "setImmediate(Buffer.from('70726f636573732e65786974283129', 'hex').toString())"],
    pass: ["const h = req.headers; const u = JSON.parse(Buffer.from(h['x-ctx'], 'base64').toString())",
           "const d = crypto.createDecipheriv('aes-256-gcm', key, iv); const plain = d.update(c)",
           "eval('1 + 1')", "const f = new Function('return this')", "const evaluate = x => x; evaluate(code)",
           "setTimeout('tick()', 5); setImmediate(() => run(code))", "const ms = 'x'; setInterval(ms, 10)",
           "let t = setTimeout(f, 5); const m = t(979); const n = t(4166)",
           "const { Worker } = require('worker_threads'); new Worker(path.join(__dirname, 'w.js')); const rows = []; stream.on('data', (c) => rows.push(c))"],
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
            | "worker_threads.Worker(eval)"
            | "setTimeout"
            | "setInterval"
            | "setImmediate"
    ) || path.ends_with("._compile")
}

/// Whether the evaluated variable (or the object it is a member of) holds a response body: it
/// accumulates `data` chunks (`s += d`) or is assigned from `.text()`, `.json()`,
/// `JSON.parse(…)` or a `.data` field.
fn from_response(text: &str, call: &crate::js::Call, arg: &crate::js::Arg) -> bool {
    // The resolved path's root (`j` in `j.patch`) and the name written in the source (the path
    // of `j = JSON.parse(s)` resolves to `JSON.parse.patch`).
    let resolved = arg.path.as_deref().and_then(|p| p.split('.').next());
    let written = first_arg_name(text, call);
    [resolved, written]
        .into_iter()
        .flatten()
        .chain(arg_names(text, call))
        .any(|root| holds_response(text, root))
}

/// Every name in the call's first argument as written (`Buffer.concat(chunks).toString()` →
/// `chunks`), for a response body wrapped in conversions.
fn arg_names<'t>(text: &'t str, call: &crate::js::Call) -> Vec<&'t str> {
    let start = call.off as usize;
    let Some(snippet) = text.get(start..(start + 300).min(text.len())) else {
        return Vec::new();
    };
    let name = call.path.rsplit('.').next().unwrap_or("");
    let name = name.strip_suffix("(eval)").unwrap_or(name);
    let Some(open) = snippet
        .find(name)
        .and_then(|i| snippet[i..].find('(').map(|j| i + j + 1))
    else {
        return Vec::new();
    };
    let mut depth = 0i32;
    let mut end = snippet.len();
    for (i, c) in snippet[open..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                end = open + i;
                break;
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                end = open + i;
                break;
            }
            _ => {}
        }
    }
    let arg = &snippet[open..end];
    let mut out = Vec::new();
    let mut i = 0;
    let b = arg.as_bytes();
    while i < b.len() {
        if b[i].is_ascii_alphabetic() || b[i] == b'_' || b[i] == b'$' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$') {
                i += 1;
            }
            if s == 0 || b[s - 1] != b'.' {
                out.push(&arg[s..i]);
            }
        } else {
            i += 1;
        }
    }
    out.truncate(8);
    out
}

fn holds_response(text: &str, root: &str) -> bool {
    if root.is_empty()
        || !root
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    {
        return false;
    }
    if text.contains(&format!("{root} += ")) || text.contains(&format!("{root}+=")) {
        return true;
    }
    // Chunks collected in a data handler: `res.on('data', (c) => chunks.push(c))`.
    if text.contains(&format!("{root}.push("))
        && (text.contains(".on(\"data\"") || text.contains(".on('data'"))
    {
        return true;
    }
    let assign = [format!("{root} = "), format!("{root}=")];
    text.lines().any(|l| {
        assign.iter().any(|a| {
            l.match_indices(a.as_str()).any(|(i, _)| {
                let before = l[..i].chars().next_back();
                let rest = &l[i + a.len()..];
                !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                    && [
                        ".text()",
                        ".json()",
                        "JSON.parse(",
                        ".data",
                        ".responseText",
                    ]
                    .iter()
                    .any(|k| rest.contains(k))
            })
        })
    })
}

/// The identifier the call's argument list starts with, read from the source
/// (`(0, eval)(s)`, `vm.runInThisContext(j.patch)`), for arguments that fold to a constant.
fn first_arg_name<'t>(text: &'t str, call: &crate::js::Call) -> Option<&'t str> {
    let start = call.off as usize;
    let snippet = text.get(start..(start + 300).min(text.len()))?;
    let name = call.path.rsplit('.').next()?;
    let at = snippet.find(name)? + name.len();
    let rest = snippet[at..].trim_start_matches([')', ' ']);
    let rest = rest.strip_prefix('(')?.trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn is_network_call(path: &str) -> bool {
    path == "fetch"
        || ["http.", "https.", "axios", "net.", "http2."]
            .iter()
            .any(|p| path.starts_with(p))
}

fn check(pkg: &Package, out: &mut Emitter) {
    let request = crate::regex!(r"\b(req|request|ctx\.request)\.(headers|body|query|cookies)\b");
    let decode = crate::regex!(r#"Buffer\.from\([^)]*['"](hex|base64)['"]|\batob\("#);
    let response = crate::regex!(
        r#"\.on\(\s*['"]data['"]|\.text\(\)|\.json\(\)|\b(res|resp|response)\.data\b|\.responseText\b"#
    );
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
        // Code received over the network: a response body read in the same small file.
        let remote =
            small && response.is_match(text) && js.calls.iter().any(|c| is_network_call(&c.path));
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
            // A wrapper named after a checked identifier (@emnapi/core 1.11.3).
            if super::function_name::runs_a_checked_name(&f.text, c.off) {
                continue;
            }
            // A bare identifier folds through a file-wide constant map that ignores scope: only
            // trust it when the value is code.
            let code_like = arg.lit.as_deref().is_some_and(crate::js::looks_like_code);
            // In minified code the one-letter names are reused in every scope, so a value
            // folded from them (`new Function("def", "return " + t)` in axe-core 4.14.1's
            // template engine) is some other binding's string: only code counts there.
            // A value that folds to punctuation alone (`eval("(" + text + ")")` where `text` was
            // once `""`: requirejs 2.3.8's r.js evaluating a build file) decoded nothing.
            let wordy = arg
                .lit
                .as_deref()
                .is_some_and(|l| l.trim().is_empty() || l.chars().any(char::is_alphanumeric));
            let decoded = wordy && (!arg.ident || code_like) && (!f.minified || code_like);
            // A timer given a decoded or assembled string runs it like eval (a bare variable only
            // when its value is code).
            // Numbers are not code: `t(979)` where a bundle's module loader `t` was once
            // assigned a timer's handle must not count.
            if matches!(
                c.path.as_str(),
                "setTimeout" | "setInterval" | "setImmediate"
            ) && !(decoded && arg.lit.as_deref().is_some_and(|l| l.contains('(')))
            {
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
            // The evaluated value is a variable (or a member of one) in a file that reads a
            // response body: what it runs came over the network.
            if remote && (arg.lit.is_none() || arg.ident) && from_response(text, c, arg) {
                out.hit_sev(
                    Severity::High,
                    pkg,
                    f,
                    c.off,
                    format!("runs code received over the network with {}", c.path),
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
mod fold_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// requirejs 2.3.8's r.js: `eval("(" + contents + ")")` of a build file, `contents` once
    /// `""` elsewhere in the file: the fold is `()`, nothing decoded.
    #[test]
    fn eval_of_a_wrapped_file_text_folding_to_punctuation_is_medium() {
        let src = "var contents = '';\nfunction load(f) { contents = file.readFile(f); return eval('(' + contents + ')'); }";
        let hits = run(&super::RULE, "bin/r.js", src);
        assert!(
            !hits.is_empty() && hits.iter().all(|h| h.severity == Severity::Medium),
            "{hits:?}"
        );
        let decoded = "var c = atob('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIp'); eval('(' + c + ')');";
        let hits = run(&super::RULE, "bin/r.js", decoded);
        assert!(
            hits.iter().any(|h| h.severity >= Severity::High),
            "{hits:?}"
        );
    }

    /// @emnapi/core 1.11.3: `new Function` naming a wrapper after a checked identifier is no
    /// finding; the same code with a run-time body is.
    #[test]
    fn a_function_named_after_a_checked_identifier_is_no_finding() {
        let named = "if (!/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name)) return null;\nconst f = new Function('_', 'return function ' + name + '(){ return _.apply(this, arguments) }')(impl);";
        assert!(run(&super::RULE, "index.js", named).is_empty());
        let body = named.replace(
            "'(){ return _.apply(this, arguments) }'",
            "'(){' + body + '}'",
        );
        assert!(!run(&super::RULE, "index.js", &body).is_empty());
    }
}

#[cfg(test)]
mod remote_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    #[test]
    fn template_compiler_beside_a_json_fetch_is_not_remote_code() {
        // A config client that parses a JSON response and, elsewhere, compiles templates with
        // `new Function(param, src)`: the evaluated value is a parameter, not the response.
        let src = "require('https').get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => cb(JSON.parse(s))) }); const t = (src) => new Function('o', src);";
        let hits = run(&super::RULE, "index.js", src);
        assert!(hits.iter().all(|h| h.severity < Severity::High), "{hits:?}");
    }

    #[test]
    fn vm_run_of_a_parsed_response_field_is_high() {
        let src = "require('https').get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { const j = JSON.parse(s); if (j.patch) require('vm').runInThisContext(j.patch)(require) }) })";
        let hits = run(&super::RULE, "bin/cli.js", src);
        assert!(
            hits.iter()
                .any(|h| h.severity == Severity::High && h.message.contains("network")),
            "{hits:?}"
        );
    }

    #[test]
    fn eval_of_a_response_body_is_high() {
        let src = "require('https').get(u, (r) => { let s = ''; r.on('data', (d) => (s += d)); r.on('end', () => { (0, eval)(s) }) })";
        let hits = run(&super::RULE, "index.js", src);
        assert!(
            hits.iter()
                .any(|h| h.severity == Severity::High && h.message.contains("network")),
            "{hits:?}"
        );
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
