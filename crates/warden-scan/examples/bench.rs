//! End-to-end scan benchmark: gunzip, unpack, parse, analyse, rules and report for every `.tgz`
//! of a directory (default: the benign top cache, `~/.cache/warden-benign-top`), one package at
//! a time on one thread, tarballs read into memory first so disk reads are not timed.
//!
//! cargo run -p warden-scan --release --example bench -- [DIR] [--rounds N] [--slowest N]
//!
//! Prints MB of unpacked content per CPU second (per core) and ms per package, then where the
//! time goes: each phase and each rule, summed over all packages (wall time on the scan thread),
//! and the slowest packages. See docs/scanner-eval.md, "Speed".

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use warden_scan::{Phase, ScanOptions, scan_tarball_observed};

/// CPU time (user + system) of this process, from /proc/self/stat (Linux; `None` elsewhere).
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // USER_HZ is 100 on Linux
    Some(Duration::from_millis((utime + stime) * 10))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    let mut rounds = 1usize;
    let mut slowest = 10usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => rounds = it.next().and_then(|v| v.parse().ok()).unwrap_or(1).max(1),
            "--slowest" => slowest = it.next().and_then(|v| v.parse().ok()).unwrap_or(10),
            d => dir = Some(PathBuf::from(d)),
        }
    }
    let dir = dir.unwrap_or_else(|| {
        PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
            .join(".cache")
            .join("warden-benign-top")
    });
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tgz"))
            .collect(),
        Err(e) => {
            eprintln!(
                "error: cannot read {}: {e}; pass a directory of .tgz files or run scripts/fetch-benign-top.sh",
                dir.display()
            );
            std::process::exit(2);
        }
    };
    paths.sort();
    let tarballs: Vec<(String, Vec<u8>)> = paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(p).ok()?))
        })
        .collect();
    let compressed: u64 = tarballs.iter().map(|(_, b)| b.len() as u64).sum();
    println!(
        "{} tarballs from {} ({:.1} MB compressed), {rounds} round(s)",
        tarballs.len(),
        dir.display(),
        compressed as f64 / 1e6
    );

    let opts = ScanOptions::default();
    let mut phases: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut rules: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut per_package: Vec<(Duration, u64, &str)> = Vec::new();
    let mut unpacked = 0u64;
    let cpu0 = process_cpu();
    let wall0 = Instant::now();
    for round in 0..rounds {
        for (name, bytes) in &tarballs {
            let start = Instant::now();
            let mut last = start;
            let mut seen: Vec<(Phase, Duration)> = Vec::with_capacity(48);
            let report = scan_tarball_observed(bytes, &opts, &mut |p| {
                let now = Instant::now();
                seen.push((p, now - last));
                last = now;
            });
            let total = start.elapsed();
            for (p, d) in seen {
                match p {
                    Phase::Unpacked => *phases.entry("gunzip + untar").or_default() += d,
                    Phase::Analysed => *phases.entry("decode + parse + analyse").or_default() += d,
                    Phase::Indexed => *phases.entry("gate literals").or_default() += d,
                    Phase::Rule(id) => {
                        *phases.entry("rules").or_default() += d;
                        *rules.entry(id).or_default() += d;
                    }
                    Phase::Reported => *phases.entry("verdict + report").or_default() += d,
                }
            }
            *phases.entry("thread + drop").or_default() += total.saturating_sub(last - start);
            unpacked += report.unpacked_bytes;
            if round == 0 {
                per_package.push((total, report.unpacked_bytes, name));
            }
        }
    }
    let wall = wall0.elapsed();
    let cpu = match (cpu0, process_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall,
    };
    let n = tarballs.len() * rounds;
    let mb = unpacked as f64 / 1e6;
    println!(
        "{n} scans, {mb:.1} MB unpacked: CPU {:.2} s = {:.1} MB/s per core, {:.2} ms/package; wall {:.2} s = {:.1} MB/s, {:.2} ms/package",
        cpu.as_secs_f64(),
        mb / cpu.as_secs_f64().max(1e-9),
        1000.0 * cpu.as_secs_f64() / n.max(1) as f64,
        wall.as_secs_f64(),
        mb / wall.as_secs_f64().max(1e-9),
        1000.0 * wall.as_secs_f64() / n.max(1) as f64,
    );
    let timed: Duration = phases.values().sum();
    let share = |d: Duration| 100.0 * d.as_secs_f64() / timed.as_secs_f64().max(1e-9);
    println!("\nphases (wall on the scan thread, all scans):");
    let mut ph: Vec<_> = phases.into_iter().collect();
    ph.sort_by_key(|p| std::cmp::Reverse(p.1));
    for (name, d) in ph {
        println!("  {:28} {:8.3} s {:5.1}%", name, d.as_secs_f64(), share(d));
    }
    println!("\nrules (top 15):");
    let mut rs: Vec<_> = rules.into_iter().collect();
    rs.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (id, d) in rs.into_iter().take(15) {
        println!("  {:28} {:8.3} s {:5.1}%", id, d.as_secs_f64(), share(d));
    }
    if slowest > 0 {
        println!("\nslowest packages (first round):");
        per_package.sort_by_key(|p| std::cmp::Reverse(p.0));
        for (d, bytes, name) in per_package.into_iter().take(slowest) {
            println!(
                "  {:8.1} ms {:7.2} MB  {name}",
                d.as_secs_f64() * 1000.0,
                bytes as f64 / 1e6
            );
        }
    }
}
