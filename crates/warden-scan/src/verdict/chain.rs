//! Kill chains: evidence grouped into behaviour classes, weighed, and judged `malicious` when
//! one place in the package (a file, or everything that runs at install time) shows two
//! independent classes that together make an attack (steal + exfiltrate, hide + execute, ...).
//!
//! A finding weighs what its severity says (low 1, medium 2, high 3, critical 4), one less in a
//! bundled, minified or documentation file that does not run at install time: a 2 MB bundle of a
//! hundred modules shows every behaviour somewhere, and a chain there needs stronger links. A
//! chain needs two *different* findings, one of each class, whose weights reach the chain's
//! threshold. The thresholds were chosen on the evaluation sets (docs/scanner-eval.md, "verdict"):
//! each is one more than the strongest evidence for that pair in any of the 2,713 real popular
//! packages and the tricky-benign samples, and at least 4 (two medium findings, or a high and a
//! low one). Single-class evidence never makes a chain; it stays `review`.

use crate::model::Severity;
use crate::package::{FileCtx, Package};
use crate::rules::Hit;
use std::collections::{BTreeMap, HashMap};

/// What a finding says the code does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Reads secrets, credentials, tokens, sensitive files or browser data.
    Steal,
    /// Sends data out or fetches code: network use, suspicious endpoints, mail, chain C2.
    Exfil,
    /// Runs programs or code: child processes, eval, dynamic loading, shipped binaries.
    Execute,
    /// Stays on the machine: autostart, git hooks, workflow writes, patched packages.
    Persist,
    /// Hides what it does: obfuscation, encoded payloads, detached silent processes, code in
    /// files that are not code.
    Hide,
    /// Spreads: publishes packages, pushes to repositories.
    Propagate,
    /// Destroys: deletes files, wipes, burns CPU.
    Damage,
    /// Takes money: wallet hooks, address swaps, clipboard rewriting.
    Money,
    /// Chooses its victims by country or locale.
    Target,
}

impl Class {
    /// What the class does, as the middle of a sentence.
    fn says(self) -> &'static str {
        match self {
            Class::Steal => "reads secrets or credentials",
            Class::Exfil => "talks to the network",
            Class::Execute => "runs commands or code",
            Class::Persist => "installs itself to stay on the machine",
            Class::Hide => "hides what it does",
            Class::Propagate => "publishes packages or pushes to repositories",
            Class::Damage => "destroys data or resources",
            Class::Money => "tampers with cryptocurrency wallets or addresses",
            Class::Target => "picks its victims by country or locale",
        }
    }
}

/// The classes a rule's findings belong to (a rule may belong to two).
pub fn classes_of(rule: &str) -> &'static [Class] {
    use Class::*;
    match rule {
        "env-harvest"
        | "token-theft"
        | "sensitive-file-read"
        | "credential-scanner"
        | "secret-flow"
        | "browser-data-theft"
        | "credential-phishing" => &[Steal],
        "credential-file-send" => &[Steal, Exfil],
        "network-access"
        | "suspicious-endpoint"
        | "mail-exfil"
        | "install-script-network"
        | "blockchain-c2"
        | "cloaked-redirect" => &[Exfil],
        "child-process"
        | "shell-download-exec"
        | "eval-dynamic"
        | "dynamic-require"
        | "write-then-load"
        | "native-binary"
        | "remote-url-dependency" => &[Execute],
        "hidden-code-run" => &[Execute, Hide],
        "persistence"
        | "github-workflow-write"
        | "tamper-installed-package"
        | "git-config-tamper"
        | "user-folder-drop" => &[Persist],
        "obfuscated-code"
        | "encoded-payload"
        | "silent-process"
        | "hidden-code-in-non-js"
        | "install-script-hidden-file"
        | "high-entropy-string" => &[Hide],
        "npm-publish" | "github-repo-abuse" => &[Propagate],
        "destructive-fs" | "remote-wipe" | "crypto-miner" | "endless-loop" | "time-bomb" => {
            &[Damage]
        }
        "wallet-hook"
        | "address-swap"
        | "clipboard-hijack"
        | "crypto-address-list"
        | "wallet-drain" => &[Money],
        "geo-or-locale-targeting" => &[Target],
        _ => &[],
    }
}

/// The chains and the weight the two findings must reach together. Pairs not listed are not an
/// attack on their own (targeting with anything but damage, say) or are shown by real packages
/// at any strength (a bundler runs processes and patches installed packages: execute + persist).
pub const CHAINS: &[(Class, Class, u8)] = {
    use Class::*;
    &[
        // theft
        (Steal, Exfil, 5),
        (Steal, Propagate, 4),
        (Steal, Persist, 4),
        (Steal, Hide, 4),
        (Steal, Money, 5),
        (Steal, Damage, 4),
        (Steal, Execute, 6),
        // remote control and droppers
        (Exfil, Execute, 6),
        (Exfil, Persist, 6),
        (Exfil, Hide, 5),
        (Exfil, Propagate, 4),
        (Exfil, Money, 4),
        (Exfil, Damage, 4),
        (Execute, Hide, 5),
        (Execute, Propagate, 6),
        (Execute, Damage, 4),
        (Execute, Money, 4),
        // footholds, worms, sabotage, theft of funds
        (Persist, Hide, 4),
        (Persist, Damage, 4),
        (Persist, Propagate, 4),
        (Hide, Money, 4),
        (Hide, Damage, 4),
        (Damage, Target, 4),
        (Propagate, Damage, 4),
    ]
};

/// A bundle: one file holding many modules, where a chain's two links are likely unrelated code.
const BUNDLE_BYTES: usize = 100_000;

/// How much a finding counts: its severity, one less in a bundled, minified or documentation file
/// that is not run at install time.
pub fn weight(h: &Hit, file: Option<&FileCtx>) -> u8 {
    let w: u8 = match h.severity {
        Severity::Info => 0,
        Severity::Low => 1,
        Severity::Medium => 2,
        Severity::High => 3,
        Severity::Critical => 4,
    };
    let damped = !h.install
        && (crate::rules::is_doc_path(&h.file)
            || file.is_some_and(|f| f.minified || f.text.len() >= BUNDLE_BYTES));
    if damped { w.saturating_sub(1) } else { w }
}

/// Where a chain was found: a file, or all code run at install time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Scope<'a> {
    Install,
    File(&'a str),
}

/// One scope's strongest evidence per rule: its weight and what to cite (a hit; `()` in tests).
/// Ordered by rule id so that ties always cite the same finding.
type Evidence<T> = BTreeMap<&'static str, (u8, T)>;

/// Each scope's strongest finding per rule.
fn scopes<'h>(pkg: &Package, hits: &'h [Hit]) -> BTreeMap<Scope<'h>, Evidence<&'h Hit>> {
    let files: HashMap<&str, &FileCtx> = pkg.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut out: BTreeMap<Scope<'h>, Evidence<&'h Hit>> = BTreeMap::new();
    for h in hits {
        if classes_of(h.rule.id).is_empty() {
            continue;
        }
        let w = weight(h, files.get(h.file.as_str()).copied());
        if w == 0 {
            continue;
        }
        let mut put = |scope: Scope<'h>| {
            let e = out
                .entry(scope)
                .or_default()
                .entry(h.rule.id)
                .or_insert((w, h));
            if w > e.0 {
                *e = (w, h);
            }
        };
        put(Scope::File(h.file.as_str()));
        if h.install {
            put(Scope::Install);
        }
    }
    out
}

/// Pairs of rules that one piece of code raises together, so they are one behaviour and never a
/// chain: string-array obfuscation turns every `require('x')` into a computed
/// `require(_0x…('0x1'))` (`obfuscated-code` itself judges what the hidden names are).
const ONE_ACT: &[(&str, &str)] = &[("dynamic-require", "obfuscated-code")];

fn one_act(a: &str, b: &str) -> bool {
    ONE_ACT
        .iter()
        .any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
}

/// The chains one scope's evidence completes, each with the two findings that complete it: the
/// strongest pair of different findings, one of each class.
fn chains<T: Copy>(evidence: &Evidence<T>) -> Vec<(Class, Class, T, T)> {
    let of = |c: Class| {
        evidence
            .iter()
            .filter(move |(id, _)| classes_of(id).contains(&c))
            .map(|(id, (w, t))| (*id, *w, *t))
    };
    let mut out = Vec::new();
    for &(a, b, need) in CHAINS {
        let mut best: Option<(u8, T, T)> = None;
        for (ra, wa, ta) in of(a) {
            for (rb, wb, tb) in of(b) {
                let sum = wa + wb;
                if ra != rb && !one_act(ra, rb) && best.is_none_or(|(s, ..)| sum > s) {
                    best = Some((sum, ta, tb));
                }
            }
        }
        if let Some((sum, ta, tb)) = best
            && sum >= need
        {
            out.push((a, b, ta, tb));
        }
    }
    out
}

/// Every kill chain found, as sentences a person can check.
pub fn find(pkg: &Package, hits: &[Hit]) -> Vec<String> {
    let mut out = Vec::new();
    for (scope, evidence) in scopes(pkg, hits) {
        let place = match scope {
            Scope::Install => "code run at install time".to_string(),
            Scope::File(f) => f.to_string(),
        };
        for (a, b, ha, hb) in chains(&evidence) {
            let at = |h: &Hit| format!("{} at {}:{}", h.rule.id, h.file, h.line);
            out.push(format!(
                "{place}: {} ({}) and {} ({})",
                a.says(),
                at(ha),
                b.says(),
                at(hb)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule id of each class, for building evidence.
    fn rule_of(c: Class) -> &'static str {
        match c {
            Class::Steal => "token-theft",
            Class::Exfil => "network-access",
            Class::Execute => "child-process",
            Class::Persist => "persistence",
            Class::Hide => "obfuscated-code",
            Class::Propagate => "npm-publish",
            Class::Damage => "destructive-fs",
            Class::Money => "wallet-hook",
            Class::Target => "geo-or-locale-targeting",
        }
    }

    fn evidence(rules: &[(&'static str, u8)]) -> Evidence<()> {
        rules.iter().map(|&(r, w)| (r, (w, ()))).collect()
    }

    /// The two weights (each at most 3, a high finding) that sum to `total`.
    fn split(total: u8) -> (u8, u8) {
        let a = total.min(3);
        (a, total - a)
    }

    #[test]
    fn every_chain_needs_its_weight_and_no_more() {
        for &(a, b, need) in CHAINS {
            let (wa, wb) = split(need);
            let hit = chains(&evidence(&[(rule_of(a), wa), (rule_of(b), wb)]));
            assert!(
                hit.iter().any(|c| (c.0, c.1) == (a, b)),
                "{a:?}+{b:?} at weight {need} should be a chain"
            );
            // one short: both links present, the weaker one a low finding
            let wa = (need - 2).min(3);
            let miss = chains(&evidence(&[(rule_of(a), wa), (rule_of(b), need - 1 - wa)]));
            assert!(
                !miss.iter().any(|c| (c.0, c.1) == (a, b)),
                "{a:?}+{b:?} below weight {need} should not be a chain"
            );
        }
    }

    #[test]
    fn obfuscation_and_the_computed_requires_it_makes_are_not_a_chain() {
        let e = evidence(&[("obfuscated-code", 3), ("dynamic-require", 2)]);
        assert!(chains(&e).is_empty());
        // Obfuscation beside an independent process start is.
        let e = evidence(&[("obfuscated-code", 3), ("child-process", 2)]);
        assert_eq!(chains(&e).len(), 1);
    }

    #[test]
    fn evidence_of_one_class_is_never_a_chain() {
        // three high findings, all theft
        let e = evidence(&[
            ("token-theft", 3),
            ("env-harvest", 3),
            ("sensitive-file-read", 3),
        ]);
        assert!(chains(&e).is_empty());
    }

    #[test]
    fn one_finding_in_two_classes_is_not_a_chain_by_itself() {
        // hidden-code-run is both execute and hide; one finding is one link
        assert!(chains(&evidence(&[("hidden-code-run", 4)])).is_empty());
        assert!(!chains(&evidence(&[("hidden-code-run", 3), ("eval-dynamic", 2)])).is_empty());
    }

    #[test]
    fn targeting_with_network_or_processes_is_not_a_chain() {
        for other in ["network-access", "child-process", "eval-dynamic"] {
            let e = evidence(&[("geo-or-locale-targeting", 3), (other, 3)]);
            assert!(chains(&e).is_empty(), "{other}");
        }
        // but with destruction it is protestware
        let e = evidence(&[("geo-or-locale-targeting", 2), ("destructive-fs", 2)]);
        assert!(!chains(&e).is_empty());
    }

    #[test]
    fn a_bundler_running_processes_and_patching_packages_is_not_a_chain() {
        // esbuild's install script: execute + persist at full strength is no chain
        let e = evidence(&[("child-process", 3), ("tamper-installed-package", 3)]);
        assert!(chains(&e).is_empty());
    }
}
