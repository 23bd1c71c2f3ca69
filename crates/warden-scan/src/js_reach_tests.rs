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
    assert!(!calls.iter().any(|c| c.starts_with("https") || c.starts_with("vm")), "{calls:?}");
    assert!(f.modules.is_empty(), "{:?}", f.modules);
}
