//! Rule `page-sabotage`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// Makes the web page unusable for visitors picked by country: within a few lines after a
    /// check of the visitor's time zone, language or the site's country domain against specific
    /// countries, the code disables the page (`document.body.style.pointerEvents = 'none'`,
    /// `userSelect` off on the body), replaces it (`document.body.innerHTML = …`, removing the
    /// body) or covers it with a full-screen overlay on top of everything (`z-index`
    /// 2147483647 or 99999+ over `100vw`/`100vh`/`inset: 0`). Modal and drag libraries do each
    /// of these, never behind a country check.
    id: "page-sabotage",
    category: Other,
    severity: Critical,
    capability: None,
    title: "sabotages the page for visitors of some countries",
    incident: "sweetalert2 11.4.9 (Mar 2022) froze Russian sites behind a full-screen video; es5-ext and event-source-polyfill protestware (2022)",
    case_file: "index.js",
    flag: ["if (Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Moscow') { document.body.style.pointerEvents = 'none'; const v = document.createElement('video'); v.style.cssText = 'position:fixed;inset:0;z-index:2147483647'; document.body.appendChild(v); }",
           "const lang = (navigator.languages || [navigator.language]).join(',');\nif (/\\bru\\b|ru-RU|be-BY/.test(lang) || /\\.(ru|by)$/.test(location.hostname)) {\n  setTimeout(() => { document.body.innerHTML = '<h1>' + MSG + '</h1>'; }, 60000);\n}"],
    pass: ["function lock() { document.body.style.pointerEvents = 'none'; overlay.style.zIndex = '2147483647'; }\nconst locale = navigator.language === 'ru-RU' ? ruStrings : enStrings;\n/* ................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................................ */",
           "const strings = navigator.language.startsWith('ru') ? ru : en; modal.style.zIndex = 2147483647; modal.style.width = '100vw';",
           "if (Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Moscow') banner.textContent = 'Stand with Ukraine';"],
}

/// How far (in bytes) after the country check the sabotage must follow: one handler.
const GATE_WINDOW: usize = 1_500;

fn check(pkg: &Package, out: &mut Emitter) {
    // The visitor's place (time zone, language) or the site's country domain, compared with
    // specific countries.
    let gate = crate::regex!(
        r#"(?i)(timeZone|navigator\.languages?|Intl\.DateTimeFormat|location\.(hostname|host|origin)|\blang\b|\blocale\b)[\s\S]{0,400}?(Europe\\?/(Moscow|Minsk|Samara|Volgograd|Kaliningrad)|Asia\\?/Tehran|\bru[-_]RU\b|\bbe[-_]BY\b|xn--p1ai|\\\.\(?(ru|su|by)\b|['"`]\.?(ru|by|ir|kz|su)['"`]|\\[b]ru\\[b])"#
    );
    let sabotage = crate::regex!(
        r#"(?i)body\.style\.(pointerEvents|userSelect)\s*=\s*['"`]none|(body|documentElement)\.innerHTML\s*=|document\.body\.remove\(\)|z-?index\s*[:=]\s*['"`]?(2147483647|9{5,})"#
    );
    let full_screen = crate::regex!(r"(?i)100vw|100vh|inset\s*:\s*0|height\s*:\s*100%");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() {
            continue;
        }
        let text = f.text.as_str();
        if !crate::mentions!(
            text,
            [
                "style.pointerEvents",
                "style.userSelect",
                "body.innerHTML",
                "documentElement.innerHTML",
                "body.remove",
                "2147483647",
                "99999"
            ]
        ) {
            continue;
        }
        // The sabotage first (rare), then a country check in the text just before it: the check
        // regex spans up to 400 bytes and is only run over those windows.
        let hit = sabotage.find_iter(text).take(64).find(|m| {
            let s = m.start();
            // An overlay counts only when it covers the whole screen.
            let overlay = m.as_str().to_ascii_lowercase().contains("index");
            if overlay && {
                let lo = floor(text, s.saturating_sub(300));
                let hi = floor(text, (m.end() + 300).min(text.len()));
                !full_screen.is_match(&text[lo..hi])
            } {
                return false;
            }
            let lo = floor(text, s.saturating_sub(GATE_WINDOW + 420));
            gate.find_iter(&text[lo..s]).take(64).any(|g| {
                let (g0, g) = (lo + g.start(), lo + g.end());
                // A check that decides something: not a value picked with `?:` (a translation
                // table).
                let after = text[g..].trim_start_matches(|c: char| {
                    c.is_whitespace() || c == ')' || c == '\'' || c == '"' || c == '`'
                });
                if after.starts_with('?') || s - g >= GATE_WINDOW {
                    return false;
                }
                // The sabotage follows the check, under a condition (`if`, an early `return`,
                // `&&`) in the statement the check starts in or after it.
                let head = text[floor(text, g0.saturating_sub(160))..g0]
                    .rsplit([';', '}', '\n'])
                    .next()
                    .unwrap_or("");
                let cond = crate::regex!(r"\bif\s*\(|\breturn\b|&&");
                cond.is_match(head) || cond.is_match(&text[g0..s])
            })
        });
        let Some(m) = hit else { continue };
        out.hit_sev(
            Severity::Critical,
            pkg,
            f,
            m.start() as u32,
            format!(
                "after checking the visitor's country, makes the page unusable ({})",
                crate::package::one_line(m.as_str())
            ),
        );
    }
}

/// The largest char boundary of `text` at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
