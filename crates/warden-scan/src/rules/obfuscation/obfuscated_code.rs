//! Rule `obfuscated-code`.

use crate::model::Severity;
use crate::package::{FileCtx, Package};
use crate::rules::{Emitter, is_doc_path};

crate::declare_rule! {
    /// javascript-obfuscator and similar tools' signatures: families of `_0x…` identifiers, a
    /// rotated string array (`push(shift())` in a `while (!![])` loop), dense `\x`/`\u` escapes.
    /// Minified code is not obfuscated (see `minified-source`). `critical` when the obfuscated
    /// code sits in an otherwise readable package, in the files that run on install or import:
    /// legitimate libraries do not ship one obfuscated file among readable ones.
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

fn check(pkg: &Package, out: &mut Emitter) {
    let readable_js = pkg
        .files
        .iter()
        .filter(|f| f.is_js() && f.script.is_none() && score(f).0 < 50)
        .count();
    for f in pkg.files.iter().filter(|f| f.is_js()) {
        if is_doc_path(&f.path) {
            continue;
        }
        let (s, why) = score(f);
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
        let (line, _) = f.line_col(off);
        let appended = line > 1 && f.lines() > 3;
        let sev = if runs && (readable_js >= 1 || appended) {
            Severity::Critical
        } else {
            Severity::High
        };
        let injected = if appended {
            " (appended to readable code)"
        } else {
            ""
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            format!("obfuscated code{injected}: {}", why.join(", ")),
        );
    }
}
