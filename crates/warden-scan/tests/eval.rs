//! Scanner evaluation against malware samples and real popular packages.
//!
//! * `eval` (ignored by default; run it with
//!   `cargo test -p warden-scan --release --test eval -- --ignored --nocapture`) scans every
//!   tarball of `../shared/corpus/malicious-dev`, `../shared/corpus/benign-tricky-dev`,
//!   `tests/corpus/malicious`, `tests/corpus/benign-tricky` and the benign top cache filled by
//!   `scripts/fetch-benign-top.sh` and the benign tree cache (every package of a real lockfile)
//!   filled by `scripts/fetch-benign-tree.sh` and the benign fresh cache (`scripts/benign-fresh.txt`),
//!   and prints the detection figures, the reason of every miss
//!   and false alarm, and the scan speed. See docs/scanner-eval.md.
//! * `committed_corpus_detection` runs in CI over the committed corpus only and fails when
//!   detection drops below what the scanner measurably achieves today.
//!
//! Tarballs are read into memory and handed to `scan_tarball`; nothing is unpacked to disk and
//! nothing from a sample is ever executed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use warden_scan::{ScanOptions, ScanReport, Severity, Verdict, scan_tarball};

/// Minimum number of the committed malicious samples judged `malicious` (measured; raise it when
/// the scanner improves, never lower it to make a regression pass). 202 was briefly reached when
/// any git hook or MCP config written at install time was `critical`; that judged the real
/// pre-commit 1.2.2 and pre-push 0.1.4 malicious, so those footholds alone are `high` now and
/// holdout3-mcp-server-fs-index-config-persistence fell back to `review`.
/// 223 = 201 + the 22 of the 30 blind holdout4 samples caught when that set was added; 243 with
/// the kill-chain verdict (+5), `client-data-theft` and load-time code (+6, and its 9 own samples);
/// 266 with the loader and channel work of `reach3` (+5, 4 own) and `reach2` (+7, 7 own); 275
/// with `reach4` (+2, 2 own) and `reach5` (+2, 3 own). 405 on 2026-11-25 (rules -13): the blind
/// holdout5 and holdout6 sets were added (25 and 16 of 30 caught blind), then `fpfix`, `h5fix`,
/// `h6a`, `h6b`, `reach6` and `reach7` fixed their misses and the older ones and added 61 own
/// malicious samples; 405 of 407. 441 of 443 (rules -14) with the blind holdout7 set (26 of 30
/// caught blind) and `h7fix` (its 4 misses and 6 own samples); 442 (rules -15) once shell
/// commands that pipe through `base64 -d` are read as what they decode to.
const MIN_COMMITTED_MALICIOUS_CAUGHT: usize = 442;
/// Maximum number of the committed tricky-benign samples judged `malicious` (measured).
const MAX_COMMITTED_BENIGN_FLAGGED: usize = 0;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn committed_corpus() -> PathBuf {
    manifest_dir().join("tests").join("corpus")
}

/// `../shared/corpus` beside the repository, or `$WARDEN_SHARED_CORPUS`.
fn shared_corpus() -> Option<PathBuf> {
    let dir = match std::env::var_os("WARDEN_SHARED_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => manifest_dir()
            .join("..")
            .join("..")
            .join("..")
            .join("shared")
            .join("corpus"),
    };
    dir.is_dir().then_some(dir)
}

/// A benign package cache: the directory named by the environment variable `var`, else
/// `~/.cache/<default>`; `None` when it does not exist.
fn cache_dir(var: &str, default: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os(var) {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(std::env::var_os("HOME")?)
            .join(".cache")
            .join(default),
    };
    dir.is_dir().then_some(dir)
}

/// The benign sets of real packages, each `(set name, environment variable, cache folder, how
/// to fill it)`:
/// * benign-top: `../shared/corpus/benign-top-dev.txt`, the 1,000 most downloaded packages;
/// * benign-tree: every package of a real lockfile (the toolchain fixture);
/// * benign-fresh: `scripts/benign-fresh.txt`, 442 popular dev tools (release tools, bundlers,
///   test runners, linters) first scanned after the rules had been tuned on the other two, so
///   it measures false alarms on code the rules were not tuned on.
const BENIGN_SETS: [(&str, &str, &str, &str); 3] = [
    (
        "benign-top",
        "WARDEN_BENIGN_TOP",
        "warden-benign-top",
        "scripts/fetch-benign-top.sh",
    ),
    (
        "benign-tree",
        "WARDEN_BENIGN_TREE",
        "warden-benign-tree",
        "scripts/fetch-benign-tree.sh",
    ),
    (
        "benign-fresh",
        "WARDEN_BENIGN_FRESH",
        "warden-benign-fresh",
        "scripts/fetch-benign-top.sh scripts/benign-fresh.txt ~/.cache/warden-benign-fresh",
    ),
];

/// CPU time (user + system) of this process so far, from /proc/self/stat (Linux; `None`
/// elsewhere). Wall time alone misleads on a machine shared with other jobs.
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // fields after the parenthesised command name; utime and stime are fields 14 and 15
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // /proc reports clock ticks in USER_HZ, which is 100 on Linux
    Some(Duration::from_millis((utime + stime) * 10))
}

fn tarballs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tgz"))
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

struct Outcome {
    file: String,
    verdict: Verdict,
    report: ScanReport,
    elapsed: Duration,
    compressed: u64,
    unpacked: u64,
}

fn scan_dir(files: &[PathBuf]) -> Vec<Outcome> {
    let opts = ScanOptions::default();
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let started = Instant::now();
            let report = scan_tarball(&bytes, &opts);
            let elapsed = started.elapsed();
            let unpacked = report.files.iter().map(|f| f.size).sum();
            Outcome {
                file: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                verdict: report.verdict,
                report,
                elapsed,
                compressed: bytes.len() as u64,
                unpacked,
            }
        })
        .collect()
}

/// Why the scanner decided what it did: its stated reasons and the strongest findings.
fn reason(report: &ScanReport) -> String {
    let mut findings: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Low)
        .collect();
    findings.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.rule.cmp(&b.rule)));
    let mut seen = std::collections::BTreeSet::new();
    let mut parts = Vec::new();
    for f in findings {
        if seen.insert(f.rule.as_str()) && parts.len() < 8 {
            parts.push(format!(
                "{}({}) {}:{}",
                f.rule,
                f.severity.as_str(),
                f.file,
                f.line
            ));
        }
    }
    let mut out = String::new();
    if !report.reasons.is_empty() {
        let _ = write!(out, "reasons: {}; ", report.reasons.join(" / "));
    }
    if parts.is_empty() {
        out.push_str("no finding of low severity or above");
    } else {
        let _ = write!(out, "findings: {}", parts.join(", "));
    }
    out
}

struct Tally {
    total: usize,
    malicious: usize,
    review: usize,
}

fn tally(outcomes: &[Outcome]) -> Tally {
    Tally {
        total: outcomes.len(),
        malicious: outcomes
            .iter()
            .filter(|o| o.verdict == Verdict::Malicious)
            .count(),
        review: outcomes
            .iter()
            .filter(|o| o.verdict == Verdict::Review)
            .count(),
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[test]
#[ignore = "needs ../shared/corpus and the benign top cache; run with --ignored --nocapture in release mode"]
fn eval() {
    let mut sets: Vec<(&str, bool, Vec<PathBuf>)> = Vec::new();
    if let Some(shared) = shared_corpus() {
        sets.push((
            "malicious-dev",
            true,
            tarballs(&shared.join("malicious-dev")),
        ));
        sets.push((
            "benign-tricky-dev",
            false,
            tarballs(&shared.join("benign-tricky-dev")),
        ));
    } else {
        println!("note: ../shared/corpus not found (set WARDEN_SHARED_CORPUS); dev sets skipped");
    }
    sets.push((
        "malicious (committed)",
        true,
        tarballs(&committed_corpus().join("malicious")),
    ));
    sets.push((
        "benign-tricky (committed)",
        false,
        tarballs(&committed_corpus().join("benign-tricky")),
    ));
    for (name, var, default, fill) in BENIGN_SETS {
        match cache_dir(var, default) {
            Some(dir) => sets.push((name, false, tarballs(&dir))),
            None => println!("note: {name} cache not found (${var}); fill it with {fill}"),
        }
    }

    let mut lines = Vec::new();
    let mut all_mal = (0usize, 0usize);
    let mut total_time = Duration::ZERO;
    let mut total_unpacked = 0u64;
    let mut total_packages = 0usize;
    let mut timing_by_set = Vec::new();
    let mut top_outcomes: Vec<Outcome> = Vec::new();
    let out_tsv = std::env::var_os("WARDEN_EVAL_OUT").map(PathBuf::from);
    let mut tsv = String::new();

    let mut total_cpu = Duration::ZERO;
    for (name, malicious, files) in sets {
        let cpu_before = process_cpu();
        let outcomes = scan_dir(&files);
        let cpu = match (cpu_before, process_cpu()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => Duration::ZERO,
        };
        total_cpu += cpu;
        let t = tally(&outcomes);
        let time: Duration = outcomes.iter().map(|o| o.elapsed).sum();
        let unpacked: u64 = outcomes.iter().map(|o| o.unpacked).sum();
        let compressed: u64 = outcomes.iter().map(|o| o.compressed).sum();
        total_time += time;
        total_unpacked += unpacked;
        total_packages += outcomes.len();
        timing_by_set.push((name, outcomes.len(), time, cpu, unpacked, compressed));
        for o in &outcomes {
            let rules: Vec<String> = o
                .report
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Medium)
                .map(|f| format!("{}:{}", f.rule, f.severity.as_str()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let _ = writeln!(
                tsv,
                "{name}\t{}\t{}\t{:.6}\t{}",
                o.file,
                o.verdict.as_str(),
                o.elapsed.as_secs_f64(),
                rules.join(",")
            );
        }
        if malicious {
            all_mal.0 += t.malicious;
            all_mal.1 += t.total;
            println!(
                "\n== {name}: {}/{} judged malicious ({:.1}%), {} review, {} ok",
                t.malicious,
                t.total,
                pct(t.malicious, t.total),
                t.review,
                t.total - t.malicious - t.review
            );
            for o in outcomes.iter().filter(|o| o.verdict != Verdict::Malicious) {
                println!(
                    "  MISS {} -> {}: {}",
                    o.file,
                    o.verdict.as_str(),
                    reason(&o.report)
                );
            }
        } else {
            println!(
                "\n== {name}: {}/{} judged malicious ({:.2}%), {} review ({:.1}%), {} ok",
                t.malicious,
                t.total,
                pct(t.malicious, t.total),
                t.review,
                pct(t.review, t.total),
                t.total - t.malicious - t.review
            );
            for o in outcomes.iter().filter(|o| o.verdict == Verdict::Malicious) {
                println!("  FALSE ALARM {}: {}", o.file, reason(&o.report));
            }
            // the benign top has too many reviews to list by default; the tree lists them all
            let show_review =
                name != "benign-top" || std::env::var_os("WARDEN_EVAL_SHOW_REVIEW").is_some();
            for o in outcomes.iter().filter(|o| o.verdict == Verdict::Review) {
                if show_review {
                    println!("  review {}: {}", o.file, reason(&o.report));
                }
            }
        }
        lines.push((name, malicious, t));
        if name == "benign-top" {
            top_outcomes = outcomes;
        }
    }

    // The benign top subset GuardDog is compared on (scripts/compare-guarddog.sh).
    let stride: usize = std::env::var("WARDEN_EVAL_TOP_STRIDE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
        .max(1);
    if !top_outcomes.is_empty() {
        let subset: Vec<&Outcome> = top_outcomes
            .iter()
            .enumerate()
            .filter(|(i, _)| i % stride == 0)
            .map(|(_, o)| o)
            .collect();
        let mal = subset
            .iter()
            .filter(|o| o.verdict == Verdict::Malicious)
            .count();
        let rev = subset
            .iter()
            .filter(|o| o.verdict == Verdict::Review)
            .count();
        let time: Duration = subset.iter().map(|o| o.elapsed).sum();
        println!(
            "\n== benign-top subset (every {stride}th, as compare-guarddog.sh): {}/{} malicious, {} review, mean {:.2} ms/package",
            mal,
            subset.len(),
            rev,
            1000.0 * time.as_secs_f64() / subset.len().max(1) as f64
        );
    }

    println!("\n== summary");
    println!(
        "malicious samples judged malicious: {}/{} ({:.1}%, target >= 95%)",
        all_mal.0,
        all_mal.1,
        pct(all_mal.0, all_mal.1)
    );
    for (name, malicious, t) in &lines {
        if !malicious {
            println!(
                "{name}: malicious {}/{} ({:.2}%), review {}/{} ({:.1}%)",
                t.malicious,
                t.total,
                pct(t.malicious, t.total),
                t.review,
                t.total,
                pct(t.review, t.total)
            );
        }
    }
    println!(
        "\n== speed (one package at a time, release build expected; wall and process CPU time)"
    );
    let rate = |bytes: u64, d: Duration| {
        let s = d.as_secs_f64();
        if s > 0.0 { bytes as f64 / 1e6 / s } else { 0.0 }
    };
    let per = |d: Duration, n: usize| {
        if n > 0 {
            1000.0 * d.as_secs_f64() / n as f64
        } else {
            0.0
        }
    };
    for (name, n, time, cpu, unpacked, compressed) in &timing_by_set {
        println!(
            "{name}: {n} packages, {:.1} MB unpacked ({:.1} MB compressed); wall {:.2} s ({:.1} MB/s, {:.2} ms/package); CPU {:.2} s ({:.1} MB/s, {:.2} ms/package)",
            *unpacked as f64 / 1e6,
            *compressed as f64 / 1e6,
            time.as_secs_f64(),
            rate(*unpacked, *time),
            per(*time, *n),
            cpu.as_secs_f64(),
            rate(*unpacked, *cpu),
            per(*cpu, *n)
        );
    }
    println!(
        "all: {total_packages} packages, {:.1} MB unpacked; wall {:.2} s ({:.1} MB/s, {:.2} ms/package); CPU {:.2} s ({:.1} MB/s, {:.2} ms/package)",
        total_unpacked as f64 / 1e6,
        total_time.as_secs_f64(),
        rate(total_unpacked, total_time),
        per(total_time, total_packages),
        total_cpu.as_secs_f64(),
        rate(total_unpacked, total_cpu),
        per(total_cpu, total_packages)
    );
    if let Some(path) = out_tsv {
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, tsv)
            .and_then(|_| std::fs::rename(&tmp, &path))
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        println!("per-package results written to {}", path.display());
    }
}

/// Every committed tarball is listed in its folder's MANIFEST.tsv with the expected verdict, and
/// every listed file exists.
#[test]
fn committed_manifests_match_the_tarballs() {
    for (folder, expected) in [
        ("malicious", "malicious"),
        ("benign-tricky", "not-malicious"),
    ] {
        let dir = committed_corpus().join(folder);
        let manifest = std::fs::read_to_string(dir.join("MANIFEST.tsv"))
            .unwrap_or_else(|e| panic!("cannot read {folder}/MANIFEST.tsv: {e}"));
        let mut listed: Vec<String> = Vec::new();
        for (i, line) in manifest.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cols.len(),
                6,
                "{folder}/MANIFEST.tsv line {}: expected 6 columns",
                i + 1
            );
            assert_eq!(
                cols[1],
                expected,
                "{folder}/MANIFEST.tsv line {}: expected {expected}",
                i + 1
            );
            assert!(
                !cols[2].is_empty() && !cols[4].is_empty(),
                "{folder}/MANIFEST.tsv line {}: incident and behaviours are required",
                i + 1
            );
            listed.push(cols[0].to_string());
        }
        listed.sort();
        let present: Vec<String> = tarballs(&dir)
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            listed, present,
            "{folder}: MANIFEST.tsv and the .tgz files differ"
        );
    }
}

/// Runs in CI: the committed corpus must keep being detected at least as well as measured.
#[test]
// The tricky-benign ceiling is 0 today, so `flagged <= ceiling` reads as absurd to clippy; it
// stays `<=` so raising the ceiling keeps working.
#[allow(clippy::absurd_extreme_comparisons)]
fn committed_corpus_detection() {
    let mal = scan_dir(&tarballs(&committed_corpus().join("malicious")));
    let ben = scan_dir(&tarballs(&committed_corpus().join("benign-tricky")));
    assert!(
        mal.len() >= 40,
        "expected the committed malicious corpus (40+ tarballs), found {}",
        mal.len()
    );
    assert!(
        ben.len() >= 20,
        "expected the committed benign-tricky corpus (20+ tarballs), found {}",
        ben.len()
    );
    let caught = mal
        .iter()
        .filter(|o| o.verdict == Verdict::Malicious)
        .count();
    let flagged = ben
        .iter()
        .filter(|o| o.verdict == Verdict::Malicious)
        .count();
    let misses: Vec<String> = mal
        .iter()
        .filter(|o| o.verdict != Verdict::Malicious)
        .map(|o| format!("{} ({}): {}", o.file, o.verdict.as_str(), reason(&o.report)))
        .collect();
    let alarms: Vec<String> = ben
        .iter()
        .filter(|o| o.verdict == Verdict::Malicious)
        .map(|o| format!("{}: {}", o.file, reason(&o.report)))
        .collect();
    eprintln!(
        "committed corpus: {caught} of {} malicious judged malicious, {flagged} of {} tricky-benign judged malicious",
        mal.len(),
        ben.len()
    );
    if std::env::var_os("WARDEN_EVAL_MISSES").is_some() {
        eprintln!("misses:\n{}", misses.join("\n"));
    }
    assert!(
        caught >= MIN_COMMITTED_MALICIOUS_CAUGHT,
        "only {caught} of {} committed malicious samples judged malicious (minimum {MIN_COMMITTED_MALICIOUS_CAUGHT}); misses:\n{}",
        mal.len(),
        misses.join("\n")
    );
    assert!(
        flagged <= MAX_COMMITTED_BENIGN_FLAGGED,
        "{flagged} committed tricky-benign packages judged malicious (maximum {MAX_COMMITTED_BENIGN_FLAGGED}):\n{}",
        alarms.join("\n")
    );
}
