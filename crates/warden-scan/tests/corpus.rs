//! The dev corpora (read in memory, never extracted): every malicious-dev sample must be judged
//! `malicious` and no benign-tricky-dev package may be. The corpora live in `shared/corpus/`
//! beside the repository (or `WARDEN_CORPUS`); the test says so and passes when they are absent.

use std::path::PathBuf;
use warden_scan::{ScanOptions, Verdict, scan_tarball};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("WARDEN_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
        });
    if dir.is_dir() {
        return Some(dir);
    }
    eprintln!(
        "skipped: no corpus at {} (set WARDEN_CORPUS)",
        dir.display()
    );
    None
}

fn tarballs(dir: PathBuf) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tgz"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v.into_iter()
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().into_owned(),
                std::fs::read(&p).ok()?,
            ))
        })
        .collect()
}

#[test]
fn every_malicious_dev_sample_is_judged_malicious() {
    let Some(c) = corpus() else { return };
    let mut missed = Vec::new();
    let samples = tarballs(c.join("malicious-dev"));
    for (name, bytes) in &samples {
        let r = scan_tarball(bytes, &ScanOptions::default());
        if r.verdict != Verdict::Malicious {
            missed.push(format!("{name}: {} {:?}", r.verdict.as_str(), r.reasons));
        }
    }
    eprintln!(
        "malicious-dev: {}/{} judged malicious",
        samples.len() - missed.len(),
        samples.len()
    );
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn no_benign_tricky_package_is_judged_malicious() {
    let Some(c) = corpus() else { return };
    let mut alarms = Vec::new();
    let mut review = 0;
    let packages = tarballs(c.join("benign-tricky-dev"));
    for (name, bytes) in &packages {
        let r = scan_tarball(bytes, &ScanOptions::default());
        match r.verdict {
            Verdict::Malicious => alarms.push(format!("{name}: {:?}", r.reasons)),
            Verdict::Review => review += 1,
            Verdict::Ok => {}
        }
    }
    eprintln!(
        "benign-tricky-dev: {} malicious, {review} review, of {}",
        alarms.len(),
        packages.len()
    );
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}
