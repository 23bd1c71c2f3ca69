//! Scans every `.tgz` in the given directories (in memory; nothing is extracted or run) and
//! prints one line per package: verdict, name, and the findings that decided it.
//!
//! cargo run -p warden-scan --release --example corpus -- DIR... [-v]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let mut bytes_total = 0u64;
    let mut n = 0;
    let start = Instant::now();
    let mut counts = std::collections::BTreeMap::new();
    for dir in args.iter().filter(|a| !a.starts_with('-')) {
        let mut entries: Vec<_> = match std::fs::read_dir(dir) {
            Ok(e) => e
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tgz"))
                .collect(),
            Err(e) => {
                eprintln!("error: cannot read {dir}: {e}");
                continue;
            }
        };
        entries.sort();
        for p in entries {
            let Ok(bytes) = std::fs::read(&p) else {
                continue;
            };
            let t0 = Instant::now();
            let r = warden_scan::scan_tarball(&bytes, &warden_scan::ScanOptions::default());
            let ms = t0.elapsed().as_millis();
            bytes_total += r.unpacked_bytes;
            n += 1;
            *counts.entry(r.verdict.as_str()).or_insert(0) += 1;
            let file = p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            println!(
                "{:9} {file} ({ms} ms, {:.1} MB)",
                r.verdict.as_str(),
                r.unpacked_bytes as f64 / 1e6
            );
            if verbose || r.verdict != warden_scan::Verdict::Ok {
                for reason in r.reasons.iter().take(6) {
                    println!("            reason: {reason}");
                }
            }
            if verbose {
                for f in r
                    .findings
                    .iter()
                    .filter(|f| f.severity >= warden_scan::Severity::Medium)
                {
                    println!(
                        "            {:8} {} {}:{} {}",
                        f.severity.as_str(),
                        f.rule,
                        f.file,
                        f.line,
                        f.message
                    );
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} packages, {counts:?}, {:.1} MB unpacked in {secs:.2}s = {:.1} MB/s",
        bytes_total as f64 / 1e6,
        bytes_total as f64 / 1e6 / secs.max(1e-9)
    );
}
