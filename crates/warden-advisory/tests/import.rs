//! Import: the two directory layouts, all.zip, single files and arrays, bad records, incremental
//! re-import by `modified`, and a record withdrawn by a later import.

mod common;

use common::{NOW, fixture, inventory};
use std::io::Write;
use warden_advisory::{AdvisorySource, Store, import, matches_for};

fn import_dir(store: &mut Store, dir: &str) -> warden_advisory::ImportReport {
    let entries = import::open_path(&fixture(dir)).expect("opens");
    store
        .import(dir, NOW, entries, &mut |_| {})
        .expect("imports")
}

#[test]
fn github_advisory_database_layout_is_walked_recursively() {
    let mut s = Store::open_in_memory().expect("opens");
    let r = import_dir(&mut s, "advisory-database");
    assert_eq!((r.seen, r.added, r.bad_count), (17, 17, 0));
    let st = s.status().expect("status");
    assert_eq!((st.total, st.vulnerability, st.malicious), (17, 17, 0));
    assert_eq!(st.sources[0].source, "advisory-database");
    assert!(st.newest_modified.is_some());
}

#[test]
fn malicious_packages_layout_with_withdrawn_records() {
    let mut s = Store::open_in_memory().expect("opens");
    let r = import_dir(&mut s, "malicious-packages");
    assert_eq!((r.seen, r.added, r.bad_count), (14, 14, 0));
    let st = s.status().expect("status");
    assert_eq!((st.malicious, st.withdrawn), (12, 2));
    // the newest `modified` is the nx record's

    assert!(
        st.newest_modified
            .as_deref()
            .is_some_and(|m| m.starts_with("2026-07-28"))
    );
}

#[test]
fn bad_records_are_reported_and_skipped() {
    let mut s = Store::open_in_memory().expect("opens");
    let r = import_dir(&mut s, "bad");
    assert_eq!((r.seen, r.added, r.bad_count), (4, 0, 4));
    let text: Vec<String> = r.bad.iter().map(ToString::to_string).collect();
    let all = text.join("\n");
    assert!(all.contains("truncated.json: not an OSV record"), "{all}");
    assert!(all.contains("\"banana\" is not a semver version"), "{all}");
    assert!(
        all.contains("\"modified\" must be an RFC 3339 timestamp"),
        "{all}"
    );
    assert!(
        all.contains("exactly one of introduced, fixed, last_affected, limit"),
        "{all}"
    );
    assert_eq!(s.status().expect("status").total, 0);
}

/// Builds an all.zip like OSV's (flat `ID.json` entries, deflated) from the fixture dirs.
fn build_zip(path: &std::path::Path) {
    let file = std::fs::File::create(path).expect("create zip");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![fixture("advisory-database"), fixture("malicious-packages")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let name = p
                    .file_name()
                    .expect("file name")
                    .to_string_lossy()
                    .into_owned();
                zip.start_file(name, opts).expect("start entry");
                zip.write_all(&std::fs::read(&p).expect("read fixture"))
                    .expect("write entry");
            }
        }
    }
    zip.finish().expect("finish zip");
}

#[test]
fn osv_all_zip_imports_like_the_directories() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("all.zip");
    build_zip(&path);
    let mut s = Store::open_in_memory().expect("opens");
    let entries = import::open_path(&path).expect("zip opens");
    assert_eq!(entries.total, Some(31));
    let r = s
        .import("all.zip", NOW, entries, &mut |_| {})
        .expect("imports");
    assert_eq!((r.added, r.bad_count), (31, 0));
    // the same zip from bytes (what a download hands over)
    let mut s2 = Store::open_in_memory().expect("opens");
    let entries =
        import::from_bytes(std::fs::read(&path).expect("read"), "download").expect("zip bytes");
    assert_eq!(
        s2.import("download", NOW, entries, &mut |_| {})
            .expect("imports")
            .added,
        31
    );
}

#[test]
fn a_corrupt_zip_is_an_error_not_a_crash() {
    let err = import::from_bytes(b"PK\x03\x04garbage".to_vec(), "x.zip")
        .err()
        .expect("fails");
    assert!(
        err.to_string().contains("not a readable zip archive"),
        "{err}"
    );
    let err = import::from_bytes(b"<html>".to_vec(), "page")
        .err()
        .expect("fails");
    assert!(
        err.to_string()
            .contains("neither a zip archive nor OSV JSON"),
        "{err}"
    );
}

#[test]
fn re_import_is_incremental_by_modified() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("advisories.sqlite3");
    {
        let mut s = Store::open(&db).expect("opens");
        assert_eq!(import_dir(&mut s, "advisory-database").added, 17);
    }
    let mut s = Store::open(&db).expect("reopens");
    let r = import_dir(&mut s, "advisory-database");
    assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 17));
    // a newer `modified` replaces the record; an older one is ignored
    let lodash = fixture(
        "advisory-database/advisories/github-reviewed/2020/07/GHSA-p6mc-m468-83gw/GHSA-p6mc-m468-83gw.json",
    );
    let text = std::fs::read_to_string(lodash).expect("read");
    let newer = text
        .replace(
            "\"modified\": \"2022-02-08T22:04:28Z\"",
            "\"modified\": \"2026-01-01T00:00:00.250Z\"",
        )
        .replace(
            "Prototype Pollution in lodash",
            "Prototype Pollution in lodash (updated)",
        );
    assert_ne!(newer, text);
    let older = text
        .replace(
            "\"modified\": \"2022-02-08T22:04:28Z\"",
            "\"modified\": \"2019-01-01T00:00:00Z\"",
        )
        .replace("Prototype Pollution in lodash", "stale");
    let r = s
        .import(
            "edit",
            NOW,
            import::from_bytes(newer.into_bytes(), "newer").expect("json"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!((r.added, r.updated, r.unchanged), (0, 1, 0));
    let r = s
        .import(
            "edit",
            NOW,
            import::from_bytes(older.into_bytes(), "older").expect("json"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!((r.added, r.updated, r.unchanged), (0, 0, 1));
    let adv = s.get("GHSA-p6mc-m468-83gw").expect("get").expect("stored");
    assert_eq!(adv.summary, "Prototype Pollution in lodash (updated)");
    assert_eq!(adv.modified, "2026-01-01T00:00:00.250000000Z");
}

#[test]
fn a_later_withdrawal_stops_matching() {
    let mut s = Store::open_in_memory().expect("opens");
    import_dir(&mut s, "malicious-packages");
    let inv = inventory(&[("chalk", "5.6.1")]);
    assert_eq!(matches_for(&inv, &s).expect("match").len(), 1);
    let chalk = std::fs::read_to_string(fixture(
        "malicious-packages/osv/malicious/npm/chalk/MAL-2025-46969.json",
    ))
    .expect("read");
    let withdrawn = chalk.replacen(
        "\"modified\": \"2025-09-12T01:13:34Z\",",
        "\"modified\": \"2025-10-01T00:00:00Z\",\n  \"withdrawn\": \"2025-10-01T00:00:00Z\",",
        1,
    );
    assert_ne!(withdrawn, chalk);
    let r = s
        .import(
            "edit",
            NOW,
            import::from_bytes(withdrawn.into_bytes(), "withdrawn").expect("json"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!(r.updated, 1);
    assert!(matches_for(&inv, &s).expect("match").is_empty());
    // the withdrawn record is not even loaded for matching
    assert!(s.advisories_for(&["chalk"]).expect("load").is_empty());
}

#[test]
fn a_json_array_of_records_imports() {
    let a = std::fs::read_to_string(fixture(
        "malicious-packages/osv/malicious/npm/debug/MAL-2025-46974.json",
    ))
    .expect("read");
    let b = std::fs::read_to_string(fixture("synthetic/CVE-2020-8203.json")).expect("read");
    let arr = format!("[{a},{b}, 42]");
    let mut s = Store::open_in_memory().expect("opens");
    let r = s
        .import(
            "array",
            NOW,
            import::from_bytes(arr.into_bytes(), "array.json").expect("array"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!((r.added, r.bad_count), (2, 1));
    assert!(r.bad[0].path.ends_with("array.json[2]"));
}

#[test]
fn records_for_other_ecosystems_only_are_not_stored() {
    let rec = r#"{"id":"PYSEC-1","modified":"2025-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"requests"},"versions":["1.0"]}]}"#;
    let mut s = Store::open_in_memory().expect("opens");
    let r = s
        .import(
            "x",
            NOW,
            import::from_bytes(rec.as_bytes().to_vec(), "x").expect("json"),
            &mut |_| {},
        )
        .expect("imports");
    assert_eq!((r.added, r.not_npm, r.bad_count), (0, 1, 0));
}
