//! SBOM speed on a real 2,000-entry package-lock.json (benches/fixtures/npm-2000, resolved by npm
//! from a package.json of common frameworks). Prints the median and the slowest of 30 runs of
//! each stage: parsing the lockfile, building CycloneDX 1.6 and SPDX 2.3 documents, and
//! serialising them. Target: parse + build + serialise under 100 ms.

use std::time::{Duration, Instant};
use warden_attest::sbom::{SbomInput, cyclonedx, spdx};
use warden_attest::{NoLicenses, ProjectInfo, Tool};

fn measure(label: &str, runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    println!(
        "{label:<40} median {:>8.2} ms   max {:>8.2} ms",
        median.as_secs_f64() * 1e3,
        times[runs - 1].as_secs_f64() * 1e3
    );
    median
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/fixtures/npm-2000");
    let lock = std::fs::read(format!("{dir}/package-lock.json")).expect("the bench fixture exists");
    let manifest = std::fs::read(format!("{dir}/package.json")).expect("the bench fixture exists");
    let manifests = [warden_lockfile::Manifest {
        path: String::new(),
        bytes: manifest,
    }];
    let input = warden_lockfile::Input {
        file_name: "package-lock.json",
        bytes: &lock,
        manifests: &manifests,
    };
    let inv = warden_lockfile::parse(&input).expect("the bench fixture parses");
    println!(
        "{} packages, {} importers",
        inv.packages.len(),
        inv.importers.len()
    );
    let project = ProjectInfo {
        name: "big-app".into(),
        version: Some("2.0.0".into()),
        ..Default::default()
    };
    let tool = Tool::warden("bench");
    let sbom = SbomInput {
        inventory: &inv,
        project: &project,
        licenses: &NoLicenses,
        tool: &tool,
        now: 1_700_000_000,
        pedigree: &[],
    };
    let runs = 30;
    let parse = measure("parse package-lock.json", runs, || {
        std::hint::black_box(warden_lockfile::parse(&input).ok());
    });
    measure("component model only", runs, || {
        std::hint::black_box(warden_attest::sbom::Model::build(&sbom).components.len());
    });
    let cdx = measure("CycloneDX 1.6: build + serialise", runs, || {
        std::hint::black_box(cyclonedx::render(&sbom, cyclonedx::SpecVersion::V1_6));
    });
    let spdx_t = measure("SPDX 2.3: build + serialise", runs, || {
        std::hint::black_box(spdx::render(&sbom));
    });
    println!(
        "parse + CycloneDX: {:.2} ms; parse + SPDX: {:.2} ms (target < 100 ms)",
        (parse + cdx).as_secs_f64() * 1e3,
        (parse + spdx_t).as_secs_f64() * 1e3
    );
}
