//! The whole shared corpus (../shared/corpus/osv/, beside the repository): every record imports
//! without a bad record, the September 2025 packages all match as malicious, and the fixtures
//! copied from it are byte-for-byte the same. Skipped, with a note, when the corpus is absent.

mod common;

use std::path::PathBuf;
use warden_advisory::{Confidence, Kind, Store, import, matches_for};

fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/osv");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!(
            "skipped: {} not found (the shared corpus sits beside the repository)",
            p.display()
        );
        None
    }
}

#[test]
fn every_corpus_record_imports() {
    let Some(root) = corpus() else { return };
    let mut s = Store::open_in_memory().expect("opens");
    let r = s
        .import(
            "corpus",
            common::NOW,
            import::open_path(&root).expect("opens"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!(r.bad_count, 0, "{:?}", r.bad);
    assert_eq!(r.added, 20 + 25 + 8 + 3000 + 54 + 17);
    let st = s.status().expect("status");
    assert_eq!(st.withdrawn, 54);
    assert_eq!(st.vulnerability, 17);

    // September 2025: package@version pairs from the folder's SUMMARY.tsv ("name: v=1.2.3")
    let summary = std::fs::read_to_string(root.join("mal-sep2025/SUMMARY.tsv")).expect("summary");
    let mut pairs = Vec::new();
    for line in summary.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (name, affected) = (cols[1], cols[2]);
        let versions = affected.split("v=").nth(1).expect("a versions list");
        for v in versions.split(',') {
            pairs.push((name.to_string(), v.trim().to_string()));
        }
    }
    assert!(pairs.len() >= 20);
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let m = matches_for(&common::inventory(&refs), &s).expect("matches");
    assert_eq!(m.len(), pairs.len(), "{m:#?}");
    assert!(
        m.iter()
            .all(|m| m.kind == Kind::Malicious && m.confidence == Confidence::Exact)
    );
}

#[test]
fn fixtures_are_the_corpus_files() {
    let Some(root) = corpus() else { return };
    // The three files whose npm host names the house rule made us rewrite.
    let rewritten = [
        "GHSA-p6mc-m468-83gw.json",
        "MAL-2025-47197.json",
        "MAL-2025-41443.json",
    ];
    let mut stack = vec![
        common::fixture("advisory-database"),
        common::fixture("malicious-packages"),
    ];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            if rewritten.contains(&name.as_str()) {
                continue;
            }
            let ours = std::fs::read(&p).expect("read fixture");
            let found = [
                "ghsa-npm",
                "mal-sep2025",
                "mal-shai-hulud",
                "mal-nx",
                "mal-sample",
                "mal-withdrawn",
            ]
            .iter()
            .filter_map(|d| std::fs::read(root.join(d).join(&name)).ok())
            .any(|theirs| theirs == ours);
            assert!(found, "{} differs from the corpus", p.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 28);
}
