//! Parse time of the largest oracle fixture of each format (tests/fixtures/<format>/<case>/).
//! Target: 2,000 packages of any format in under 20 ms on one core.
//!
//!     CARGO_TARGET_DIR=... cargo bench -p warden-lockfile --bench parse
//!
//! Formats whose parser is still the "not supported yet" stub are listed and skipped.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use warden_lockfile::{Input, LOCKFILE_NAMES, Manifest, parse};

const FORMATS: &[&str] = &[
    "npm-v1",
    "npm-v2",
    "npm-v3",
    "npm-shrinkwrap",
    "yarn-classic",
    "yarn-berry",
    "pnpm-v5",
    "pnpm-v6",
    "pnpm-v9",
    "bun",
];

/// The fixture whose lockfile is largest: (case dir, lockfile name, bytes).
fn largest(format: &str) -> Option<(PathBuf, &'static str, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format);
    let mut best: Option<(PathBuf, &'static str, Vec<u8>)> = None;
    for case in std::fs::read_dir(dir).ok()?.flatten() {
        for name in LOCKFILE_NAMES {
            if let Ok(bytes) = std::fs::read(case.path().join(name))
                && best.as_ref().is_none_or(|(_, _, b)| b.len() < bytes.len())
            {
                best = Some((case.path(), name, bytes));
            }
        }
    }
    best
}

fn manifests(dir: &Path) -> Vec<Manifest> {
    std::fs::read(dir.join("package.json"))
        .map(|bytes| {
            vec![Manifest {
                path: String::new(),
                bytes,
            }]
        })
        .unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for format in FORMATS {
        let Some((dir, name, bytes)) = largest(format) else {
            eprintln!("{format}: no fixture");
            continue;
        };
        let manifests = manifests(&dir);
        let input = Input {
            file_name: name,
            bytes: &bytes,
            manifests: &manifests,
        };
        match parse(&input) {
            Ok(inv) => eprintln!(
                "{format}: {} ({} KiB, {} packages)",
                dir.file_name().unwrap_or_default().to_string_lossy(),
                bytes.len() / 1024,
                inv.packages.len()
            ),
            Err(e) => {
                eprintln!("{format}: skipped, {e}");
                continue;
            }
        }
        if let Some(ms) = cpu_ms_per_parse(&input) {
            eprintln!("{format}: {ms:.2} ms of CPU time per parse");
        }
        group.bench_function(*format, |b| {
            b.iter(|| parse(black_box(&input)).map(|inv| inv.packages.len()))
        });
    }
    group.finish();
}

/// This thread's user + system CPU time in clock ticks (Linux), or None elsewhere.
fn thread_cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the full line, 12 and 13 after the name.
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// CPU time per parse, averaged over enough runs for the 10 ms tick to be negligible. On a busy
/// shared machine wall-clock figures include waiting for a core; this does not.
fn cpu_ms_per_parse(input: &Input<'_>) -> Option<f64> {
    const RUNS: u32 = 100;
    let before = thread_cpu_ticks()?;
    for _ in 0..RUNS {
        let _ = black_box(parse(black_box(input)));
    }
    let ticks = thread_cpu_ticks()? - before;
    // The kernel's USER_HZ is 100 on every Linux configuration in use.
    Some(ticks as f64 * 10.0 / f64::from(RUNS))
}

criterion_group!(benches, bench);
criterion_main!(benches);
