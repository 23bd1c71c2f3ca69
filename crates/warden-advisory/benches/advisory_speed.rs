//! Speed of the advisory database on a synthetic full-size npm OSV set.
//!
//! The real export cannot be fetched here, so this generates one shaped like it: by default
//! 225,000 malicious-package records (OpenSSF style: `SEMVER` `introduced: "0"` ranges or
//! `versions` lists, ~1.5 KB each with details and `database_specific` origins, a few merged
//! Shai-Hulud style) and 25,000 GitHub-style vulnerability records (`ECOSYSTEM` ranges with
//! several intervals, CVSS v3.1 vectors, CVE aliases) over 6,000 package names, written as a
//! deflated `all.zip` in a temporary directory (not committed). It measures:
//!
//! 1. import of the zip into a fresh database file (inflate, parse, validate, write) — budget 60 s;
//! 2. the incremental re-import of the same zip (every record unchanged);
//! 3. `matches_for` on a 2,000-package inventory (load by name from the database, then match) —
//!    budget 50 ms; the median of 21 runs.
//!
//! `WARDEN_BENCH_MAL` and `WARDEN_BENCH_VULN` change the record counts.

use std::io::Write;
use std::time::{Duration, Instant};
use warden_advisory::{AdvisorySource, Store, import, matches_for};
use warden_lockfile::{
    DepKind, Dependency, Importer, Inventory, LockfileKind, NodeId, Package, SourceKind,
};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

const DETAILS: &str = "\n---\n_-= Per source details. Do not edit below this line.=-_\n\n## Source: ossf-package-analysis (0f2c1e1a9b)\nThe package executes a script at install time that sends the host name, user name and environment variables to a remote server, then downloads and runs a second stage. Any computer that has this package installed or running should be considered fully compromised. All secrets and keys stored on that computer should be rotated immediately from a different computer.\n";

fn mal_record(i: usize, rng: &mut Rng) -> String {
    let name = format!("typo-pkg-{i}");
    let affected = match rng.below(100) {
        0..=75 => r#""ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]"#.to_string(),
        76..=97 => {
            let n = 1 + rng.below(4);
            let versions: Vec<String> = (0..n).map(|k| format!("\"1.0.{k}\"")).collect();
            format!(r#""versions": [{}]"#, versions.join(", "))
        }
        _ => r#""ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}, {"type": "SEMVER", "events": [{"introduced": "4.1.1"}, {"last_affected": "4.1.2"}]}]"#.to_string(),
    };
    format!(
        r#"{{
  "modified": "2025-06-0{}T01:35:01Z",
  "published": "2025-05-01T00:00:00Z",
  "schema_version": "1.5.0",
  "id": "MAL-2025-{i}",
  "summary": "Malicious code in {name} (npm)",
  "details": {details},
  "affected": [{{"package": {{"ecosystem": "npm", "name": "{name}"}}, {affected},
    "database_specific": {{"cwes": [{{"cweId": "CWE-506", "description": "The product contains code that appears to be malicious in nature.", "name": "Embedded Malicious Code"}}]}}}}],
  "references": [{{"type": "WEB", "url": "https://example.invalid/report/{i}"}}],
  "database_specific": {{"malicious-packages-origins": [{{"source": "ossf-package-analysis", "sha256": "ab12cd34ef56", "import_time": "2025-05-01T00:10:00Z", "modified_time": "2025-05-01T00:00:00Z", "ranges": [{{"type": "SEMVER", "events": [{{"introduced": "0"}}]}}]}}]}}
}}"#,
        1 + i % 9,
        details = serde_json::to_string(DETAILS).expect("a string serialises"),
    )
}

fn vuln_record(i: usize, popular: usize, rng: &mut Rng) -> String {
    let name = format!("popular-lib-{}", rng.below(popular as u64));
    let major = rng.below(6);
    let fix = 1 + rng.below(20);
    format!(
        r#"{{
  "schema_version": "1.4.0",
  "id": "GHSA-bench-{i:06}",
  "modified": "2024-03-0{}T10:00:00Z",
  "published": "2023-01-01T00:00:00Z",
  "aliases": ["CVE-2024-{i}"],
  "summary": "Prototype pollution in {name}",
  "details": "A crafted payload lets an attacker add or modify properties of Object.prototype.",
  "severity": [{{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H"}}],
  "affected": [
    {{"package": {{"ecosystem": "npm", "name": "{name}"}}, "ranges": [{{"type": "ECOSYSTEM", "events": [{{"introduced": "{major}.0.0"}}, {{"fixed": "{major}.{fix}.0"}}]}}]}},
    {{"package": {{"ecosystem": "npm", "name": "{name}"}}, "ranges": [{{"type": "ECOSYSTEM", "events": [{{"introduced": "0"}}, {{"fixed": "0.9.{fix}"}}]}}]}}
  ],
  "references": [{{"type": "ADVISORY", "url": "https://example.invalid/advisories/{i}"}}],
  "database_specific": {{"cwe_ids": ["CWE-1321"], "severity": "HIGH", "github_reviewed": true, "nvd_published_at": null}}
}}"#,
        1 + i % 9
    )
}

fn inventory(mal: usize, popular: usize, rng: &mut Rng) -> Inventory {
    let mut packages = Vec::new();
    // 1,500 popular libraries (most have advisories), 450 clean names, 50 malicious typos
    for k in 0..1500 {
        let v = format!("{}.{}.{}", rng.below(6), rng.below(25), rng.below(10));
        packages.push(Package::new(
            format!("popular-lib-{}", k % popular),
            v,
            SourceKind::Registry,
        ));
    }
    for k in 0..450 {
        packages.push(Package::new(
            format!("clean-lib-{k}"),
            "1.2.3",
            SourceKind::Registry,
        ));
    }
    for _ in 0..50 {
        packages.push(Package::new(
            format!("typo-pkg-{}", rng.below(mal as u64)),
            "1.0.0",
            SourceKind::Registry,
        ));
    }
    let deps = packages
        .iter()
        .enumerate()
        .map(|(i, p)| Dependency {
            name: p.name.clone(),
            spec: p.version.clone(),
            kind: DepKind::Prod,
            target: Some(NodeId::Package(i)),
        })
        .collect();
    Inventory {
        kind: LockfileKind::PackageLock,
        lockfile_version: "3".into(),
        importers: vec![Importer {
            path: String::new(),
            name: Some("bench".into()),
            version: None,
            dependencies: deps,
        }],
        packages,
    }
}

fn main() {
    // `cargo test --benches` runs bench binaries with `--bench` absent: keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        println!(
            "advisory_speed: run with `cargo bench -p warden-advisory --bench advisory_speed`"
        );
        return;
    }
    let mal = env_count("WARDEN_BENCH_MAL", 225_000);
    let vuln = env_count("WARDEN_BENCH_VULN", 25_000);
    let popular = 6_000;
    let tmp = tempfile::tempdir().expect("temporary directory");
    let zip_path = tmp.path().join("all.zip");

    let t = Instant::now();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut raw_bytes = 0usize;
    {
        let file = std::io::BufWriter::new(std::fs::File::create(&zip_path).expect("create zip"));
        let mut zip = zip::ZipWriter::new(file);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        for i in 0..mal {
            let r = mal_record(i, &mut rng);
            raw_bytes += r.len();
            zip.start_file(format!("MAL-2025-{i}.json"), opts)
                .expect("zip entry");
            zip.write_all(r.as_bytes()).expect("zip write");
        }
        for i in 0..vuln {
            let r = vuln_record(i, popular, &mut rng);
            raw_bytes += r.len();
            zip.start_file(format!("GHSA-bench-{i:06}.json"), opts)
                .expect("zip entry");
            zip.write_all(r.as_bytes()).expect("zip write");
        }
        zip.finish().expect("finish zip");
    }
    let zip_size = std::fs::metadata(&zip_path).map(|m| m.len()).unwrap_or(0);
    println!(
        "generated {} records ({mal} malicious, {vuln} vulnerabilities): {:.0} MB of JSON, {:.0} MB zip, in {:.1} s",
        mal + vuln,
        raw_bytes as f64 / 1e6,
        zip_size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let db = tmp.path().join("advisories.sqlite3");
    let mut store = Store::open(&db).expect("open database");
    let t = Instant::now();
    let report = store
        .import(
            "bench",
            "2026-11-24T00:00:00Z",
            import::open_path(&zip_path).expect("open zip"),
            &mut |_| {},
        )
        .expect("import");
    let import_time = t.elapsed();
    assert_eq!(report.bad_count, 0, "{:?}", report.bad.first());
    println!(
        "import: {} records added in {:.2} s ({:.0} records/s); database {:.0} MB — budget 60 s: {}",
        report.added,
        import_time.as_secs_f64(),
        report.added as f64 / import_time.as_secs_f64(),
        std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6,
        if import_time < Duration::from_secs(60) {
            "ok"
        } else {
            "OVER"
        }
    );

    let t = Instant::now();
    let again = store
        .import(
            "bench",
            "2026-11-24T00:00:00Z",
            import::open_path(&zip_path).expect("open zip"),
            &mut |_| {},
        )
        .expect("re-import");
    println!(
        "incremental re-import: {} unchanged in {:.2} s",
        again.unchanged,
        t.elapsed().as_secs_f64()
    );

    let inv = inventory(mal, popular, &mut rng);
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..21 {
        let t = Instant::now();
        let m = matches_for(&inv, &store).expect("match");
        times.push(t.elapsed());
        found = m.len();
    }
    times.sort();
    let median = times[times.len() / 2];
    // where the time goes: loading from the database vs the pure matcher
    let names: Vec<&str> = {
        let mut n: Vec<&str> = inv.packages.iter().map(|p| p.name.as_str()).collect();
        n.sort_unstable();
        n.dedup();
        n
    };
    let t = Instant::now();
    let loaded = store.candidates_for(&names).expect("load");
    let load_time = t.elapsed();
    let t = Instant::now();
    let _ = warden_advisory::match_advisories(&inv, &loaded);
    // (the first pass of matches_for only evaluates; this full match over all candidates is an
    // upper bound of its cost)
    println!(
        "  of which: load {} candidates for {} names {:.2} ms; a full match over all candidates (an upper bound of the first pass) {:.2} ms",
        loaded.len(),
        names.len(),
        load_time.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "match: {} packages -> {found} findings; median {:.2} ms, min {:.2} ms, max {:.2} ms over {} runs — budget 50 ms: {}",
        inv.packages.len(),
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
        times.len(),
        if median < Duration::from_millis(50) {
            "ok"
        } else {
            "OVER"
        }
    );
}
