//! Prefetch benchmark: the package set of the 1,713-package npm toolchain fixture, served by the
//! in-process test registry (packuments with signed versions and small real tarballs generated in
//! memory), fetched into an empty cache (cold), again (warm: 304 revalidation, tarballs from the
//! cache) and offline. Prints packages per second and CPU time per package.
//!
//! Run: `cargo bench -p warden-registry --bench prefetch`. CPU time is the whole process's
//! (client and the in-process server together), read from /proc/self/stat.

use std::sync::Arc;
use std::time::{Duration, Instant};
use warden_lockfile::{Input, SourceKind};
use warden_registry::prefetch::{FetchStatus, Wanted};
use warden_registry::{BlockingClient, Cache, Client, ClientOptions, NpmConfig};
use warden_test_registry::TestRegistry;
use warden_test_registry::fixtures::{self, PackageSpec};

fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 (utime, stime) are at 11 and 12 after the command name and state.
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn main() {
    let lock = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../warden-lockfile/tests/fixtures/npm-v3/toolchain/package-lock.json"
    );
    let bytes = std::fs::read(lock).expect("the toolchain fixture exists");
    let inv = warden_lockfile::parse(&Input {
        file_name: "package-lock.json",
        bytes: &bytes,
        manifests: &[],
    })
    .expect("the toolchain fixture parses");
    let mut specs = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for p in &inv.packages {
        if p.source == SourceKind::Registry && seen.insert((p.name.clone(), p.version.clone())) {
            let mut s = PackageSpec::new(&p.name, &p.version);
            s.files = vec![(
                "index.js".into(),
                format!("module.exports = {:?}\n", p.id())
                    .repeat(20)
                    .into_bytes(),
            )];
            specs.push(s);
        }
    }
    let t = Instant::now();
    let set = fixtures::build(&specs);
    eprintln!(
        "built {} packuments and {} tarballs in {:.2}s",
        set.packuments.len(),
        set.tarballs.len(),
        t.elapsed().as_secs_f64()
    );
    let reg = TestRegistry::start();
    reg.publish(&set);
    let wanted: Vec<Wanted> = specs
        .iter()
        .map(|s| Wanted {
            name: s.name.clone(),
            version: s.version.clone(),
            integrity: warden_lockfile::Integrity::parse(
                &set.integrity[&format!("{}@{}", s.name, s.version)],
            ),
        })
        .collect();
    let n = wanted.len();
    let cache = tempfile::tempdir().expect("a temp dir");
    for (label, offline) in [("cold", false), ("warm", false), ("offline", true)] {
        let config = NpmConfig::with_registry(&reg.url()).expect("a loopback URL");
        let client = Client::new(
            config,
            Cache::new(cache.path()),
            ClientOptions {
                offline,
                ..ClientOptions::default()
            },
        )
        .expect("a client");
        let client = BlockingClient::new(client).expect("a runtime");
        reg.clear_requests();
        let cpu0 = cpu_time();
        let t = Instant::now();
        let out = client.prefetch(wanted.clone(), Arc::new(|_| {}));
        let wall = t.elapsed();
        let cpu = cpu_time().zip(cpu0).map(|(a, b)| a.saturating_sub(b));
        let failed = out
            .iter()
            .filter(|o| o.status == FetchStatus::Failed)
            .count();
        let verified = out
            .iter()
            .filter(|o| {
                o.signature
                    .as_ref()
                    .is_some_and(|s| s.as_str() == "verified")
            })
            .count();
        println!(
            "{label:8} {n} packages in {:.3}s = {:.0} packages/s; CPU {} ({} per package); {} requests; {failed} failed; {verified} signatures verified",
            wall.as_secs_f64(),
            n as f64 / wall.as_secs_f64(),
            cpu.map(|c| format!("{:.3}s", c.as_secs_f64()))
                .unwrap_or("n/a".into()),
            cpu.map(|c| format!("{:.3}ms", c.as_secs_f64() * 1000.0 / n as f64))
                .unwrap_or("n/a".into()),
            reg.requests().len(),
        );
        assert_eq!(
            failed,
            0,
            "{:?}",
            out.iter().find(|o| o.status == FetchStatus::Failed)
        );
    }
}
