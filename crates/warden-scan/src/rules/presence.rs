//! Which gate literals a file contains, found in one pass. Every literal that a rule's gate
//! needs (the literals of [`super::gate`] conditions and of [`crate::mentions!`] lists) is
//! registered once in a process-wide table; before the rules run, one Aho-Corasick pass over each
//! code file's folded text (with its derived strings) records which of them occur, in the file's
//! own text and in the whole. A gate asked about that text then reads bits instead of searching
//! the text again, once per literal per rule.
//!
//! The answers are the same as a search's: the table only grows, a file's bits say how many
//! literals they cover, and a literal registered after the pass (a rule's first use in the
//! process) is searched for directly. Texts are recognised by identity (the same pointer and
//! length as a file's `text` or `all_text`), which is exact while the [`Scope`] borrows the
//! package: nothing else can live at those addresses then.

use crate::package::{FileCtx, Package};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

/// The process-wide literal table and the automaton over it (rebuilt when the table has grown).
struct Table {
    lits: Vec<Vec<u8>>,
    ids: BTreeMap<Vec<u8>, usize>,
    automaton: Option<(usize, Arc<AhoCorasick>)>,
    /// Some literal holds a line feed, so it could span the joints of `all_text`.
    newline: bool,
}

static TABLE: Mutex<Table> = Mutex::new(Table {
    lits: Vec::new(),
    ids: BTreeMap::new(),
    automaton: None,
    newline: false,
});

fn table() -> std::sync::MutexGuard<'static, Table> {
    // A panic while the lock was held leaves the table valid (it only grows): keep using it.
    TABLE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The id of a literal (already folded like the texts: ASCII-lowercased, see `gate::fold`).
pub fn register(lit: &[u8]) -> usize {
    let mut t = table();
    if let Some(id) = t.ids.get(lit) {
        return *id;
    }
    let id = t.lits.len();
    t.lits.push(lit.to_vec());
    t.newline |= lit.contains(&b'\n');
    t.ids.insert(lit.to_vec(), id);
    id
}

/// The automaton over every literal registered so far (ASCII case-insensitive: the literals are
/// lowercase), how many that is, and whether one of them holds a line feed.
fn automaton() -> Option<(usize, Arc<AhoCorasick>, bool)> {
    let mut t = table();
    let n = t.lits.len();
    if n == 0 {
        return None;
    }
    if let Some((built, ac)) = &t.automaton
        && *built == n
    {
        return Some((n, ac.clone(), t.newline));
    }
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .build(&t.lits)
        .ok()?;
    let ac = Arc::new(ac);
    t.automaton = Some((n, ac.clone()));
    Some((n, ac, t.newline))
}

/// Which part of a file a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The file's own text.
    Text,
    /// The text and every derived string (`FileCtx::all_text`).
    All,
}

/// The literals found in one file.
#[derive(Debug)]
pub struct Presence {
    /// Literal ids below this were searched for.
    covered: usize,
    text: Vec<u64>,
    all: Vec<u64>,
    /// The text holds a character that `gate::fold` turns into an ASCII letter (U+212A, U+017F):
    /// its bits then describe the folded text, not the ASCII-lowercased one.
    exotic: bool,
}

impl Presence {
    /// One pass of the automaton over a file's text and its derived strings.
    fn compute(f: &FileCtx) -> Presence {
        let all = f.all_text();
        // `fold` turns U+212A into `k` and U+017F into `s`; the automaton only knows ASCII case.
        let exotic = all.contains('\u{212A}') || all.contains('\u{17F}');
        let Some((n, ac, newline)) = automaton() else {
            return Presence {
                covered: 0,
                text: Vec::new(),
                all: Vec::new(),
                exotic,
            };
        };
        let words = n.div_ceil(64);
        let mut p = Presence {
            covered: n,
            text: vec![0; words],
            all: vec![0; words],
            exotic,
        };
        let mut mark = |hay: &[u8], boundary: usize| {
            for m in ac.find_overlapping_iter(hay) {
                let id = m.pattern().as_usize();
                let (w, bit) = (id / 64, 1u64 << (id % 64));
                p.all[w] |= bit;
                if m.end() <= boundary {
                    p.text[w] |= bit;
                }
            }
        };
        if exotic || newline {
            // The folded text in one piece: `fold` keeps every byte but U+212A (3 bytes, to
            // `k`) and U+017F (2 bytes, to `s`), so the file's own text ends at `boundary`.
            let t = f.text.as_bytes();
            let kelvin = memchr::memmem::find_iter(t, "\u{212A}".as_bytes()).count();
            let long_s = memchr::memmem::find_iter(t, "\u{17F}".as_bytes()).count();
            mark(f.all_text_lower().as_bytes(), t.len() - 2 * kelvin - long_s);
        } else {
            // No literal can span the line feeds that join the pieces of `all_text`, so each
            // piece is searched where it is, without a joined, folded copy.
            mark(f.text.as_bytes(), usize::MAX);
            if let Some(js) = &f.js
                && all.len() != f.text.len()
            {
                for (d, _) in &js.derived {
                    mark(d.as_bytes(), 0);
                }
            }
        }
        p
    }

    /// Whether literal `id` occurs in `part`; `None` when it was registered after the pass.
    pub fn has(&self, id: usize, part: Part) -> Option<bool> {
        if id >= self.covered {
            return None;
        }
        let bits = match part {
            Part::Text => &self.text,
            Part::All => &self.all,
        };
        Some(bits[id / 64] & (1 << (id % 64)) != 0)
    }

    /// Whether the bits also answer ASCII-case-insensitive questions about the unfolded text.
    pub fn ascii_exact(&self) -> bool {
        !self.exotic
    }
}

/// A file's texts, by address, with their presence bits.
struct Entry {
    text: (usize, usize),
    all: (usize, usize),
    presence: Presence,
}

/// The scope's files, and their texts by address.
#[derive(Default)]
struct Entries {
    files: Vec<Entry>,
    by_key: HashMap<(usize, usize), (usize, Part)>,
}

thread_local! {
    static ENTRIES: RefCell<Entries> = RefCell::new(Entries::default());
}

fn key(s: &str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// The presence bits of the code files of a package, for the gates on this thread while it
/// lives. Borrows the package so that its texts stay where they are.
pub struct Scope<'p> {
    _pkg: PhantomData<&'p Package<'p>>,
}

impl<'p> Scope<'p> {
    pub fn enter(pkg: &'p Package<'_>) -> Scope<'p> {
        let files: Vec<Entry> = super::code_files(pkg).map(entry).collect();
        let mut by_key = HashMap::new();
        for (i, e) in files.iter().enumerate() {
            by_key.insert(e.all, (i, Part::All));
            // Inserted second: a file without derived strings has one text for both parts.
            by_key.insert(e.text, (i, Part::Text));
        }
        ENTRIES.with(|e| *e.borrow_mut() = Entries { files, by_key });
        Scope { _pkg: PhantomData }
    }
}

impl Drop for Scope<'_> {
    fn drop(&mut self) {
        ENTRIES.with(|e| *e.borrow_mut() = Entries::default());
    }
}

fn entry(f: &FileCtx) -> Entry {
    Entry {
        text: key(&f.text),
        all: key(f.all_text()),
        presence: Presence::compute(f),
    }
}

/// Looks `text` up among the scope's files: `Some(answer)` when it is one of their texts and
/// `ask` can answer from its bits.
pub fn ask(text: &str, ask: impl FnOnce(&Presence, Part) -> Option<bool>) -> Option<bool> {
    let k = key(text);
    ENTRIES.with(|e| {
        let e = e.try_borrow().ok()?;
        let (i, part) = *e.by_key.get(&k)?;
        ask(&e.files[i].presence, part)
    })
}

/// The literals of one [`crate::mentions!`] call site (ASCII case-insensitive).
pub struct Mentions {
    ac: AhoCorasick,
    ids: Vec<usize>,
}

impl Mentions {
    pub fn new(lits: &[&str]) -> Mentions {
        Mentions {
            ac: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(lits)
                .expect("literal gate builds"),
            ids: lits
                .iter()
                .map(|l| register(l.to_ascii_lowercase().as_bytes()))
                .collect(),
        }
    }

    /// Whether `text` contains any of the literals.
    pub fn is_match(&self, text: &str) -> bool {
        ask(text, |p, part| {
            let mut unknown = false;
            for id in &self.ids {
                match p.has(*id, part) {
                    Some(true) if p.ascii_exact() => return Some(true),
                    // Bits of a folded text (U+212A, U+017F in it): a literal found may be one
                    // only folding made, so the text is searched.
                    Some(true) | None => unknown = true,
                    // Not even in the folded text: folding keeps every run of ASCII bytes as
                    // it is (lowercased), so the literal is not in the text in any ASCII case.
                    Some(false) => {}
                }
            }
            (!unknown).then_some(false)
        })
        .unwrap_or_else(|| self.ac.is_match(text))
    }
}

#[cfg(test)]
mod tests {
    use super::{Mentions, Scope};
    use crate::package::Package;

    #[test]
    fn mentions_in_a_folded_text_answer_as_a_search() {
        // U+212A folds to `k`: the bits then describe "keypair" where the text has none in any
        // ASCII case, and no "wallet" at all.
        let files = vec![
            (
                "package/index.js".to_string(),
                "const a = '\u{212A}eypair'; module.exports = a;\n"
                    .as_bytes()
                    .to_vec(),
            ),
            (
                "package/b.js".to_string(),
                "const k = 'KEYPAIR'; // \u{17F}\n".as_bytes().to_vec(),
            ),
        ];
        let limits = crate::model::Limits::default();
        let pkg = Package::build(files, Vec::new(), None, &limits);
        let lits = [
            Mentions::new(&["keypair"]),
            Mentions::new(&["wallet"]),
            Mentions::new(&["wallet", "keypair"]),
        ];
        let searched: Vec<Vec<bool>> = pkg
            .files
            .iter()
            .map(|f| lits.iter().map(|m| m.ac.is_match(&f.text)).collect())
            .collect();
        assert_eq!(searched, [[false, false, false], [true, false, true]]);
        let _scope = Scope::enter(&pkg);
        for (f, want) in pkg.files.iter().zip(&searched) {
            let got: Vec<bool> = lits.iter().map(|m| m.is_match(&f.text)).collect();
            assert_eq!(&got, want, "{}", f.path);
        }
    }
}
