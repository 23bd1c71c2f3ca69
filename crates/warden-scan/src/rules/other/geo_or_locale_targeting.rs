//! Rule `geo-or-locale-targeting`.

use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// Looks up where the user is (IP geolocation services, time zone, locale, `LANG`) and
    /// compares it with specific countries: protestware and targeted droppers switch on this.
    id: "geo-or-locale-targeting",
    category: Other,
    severity: Medium,
    capability: Some(crate::model::Capability::Network),
    title: "behaves differently by country or locale",
    incident: "node-ipc 10.1.1 (2022) targeted Russian and Belarusian IPs; @rspack/core 1.1.7 (2024) skipped some countries",
    case_file: "index.js",
    flag: ["https.get('https://api.ipgeolocation.example/ipgeo', r => { if (/russia|belarus/i.test(body.country_name)) wipe() })",
           "if (Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Moscow') run()"],
    pass: ["const tz = Intl.DateTimeFormat().resolvedOptions().timeZone; log(tz)", "const country = user.country"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let source = crate::regex!(
        r"(?i)ipinfo\.io|ip-api\.com|ipapi\.co|freegeoip|ipgeolocation|geoip|geolocation-db|ipwho\.is|country_name|countryCode|country_code|resolvedOptions\(\)\.timeZone|navigator\.language|process\.env\.LANG|Intl\.DateTimeFormat"
    );
    let target = crate::regex!(
        r#"(?i)russia|belarus|ukrain|\bIran\b|israel|china|Europe/Moscow|Europe/Minsk|Asia/Tehran|['"`](ru|by|ua|ir|cn|kz)['"`]|['"`](ru-RU|ru_RU|be-BY|uk-UA|zh-CN)['"`]"#
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        if !crate::mentions!(
            all_text(f),
            [
                "russia", "belarus", "ukrain", "iran", "israel", "china", "moscow", "minsk",
                "tehran", "'ru'", "\"ru\"", "'by'", "\"by\"", "'ua'", "\"ua\"", "'ir'", "\"ir\"",
                "'cn'", "\"cn\"", "'kz'", "\"kz\"", "ru-ru", "ru_ru", "be-by", "uk-ua", "zh-cn",
                "`ru`", "`by`", "`ua`", "`ir`", "`cn`", "`kz`"
            ]
        ) {
            continue;
        }
        let text = all_text(f);
        let (Some(s), Some(t)) = (source.find(text), target.find(text)) else {
            continue;
        };
        // Locale tables (i18n data) list every country: ask for a lookup plus a comparison.
        let compares = text.contains("===")
            || text.contains("==")
            || text.contains(".test(")
            || text.contains("includes(")
            || text.contains("indexOf(");
        if !compares || f.text.len() > 400_000 {
            continue;
        }
        let off = f.text_off(s.start(), 0);
        out.hit(
            pkg,
            f,
            off,
            format!(
                "checks the user's location ({}) against specific countries ({})",
                s.as_str(),
                t.as_str()
            ),
        );
    }
}
