//! The committed fixture directory (fixtures/sample) is exactly what `fixtures::sample()` builds,
//! and the server serves it. Regenerate with `WARDEN_REGENERATE_FIXTURES=1 cargo test -p
//! warden-test-registry`.

use std::path::PathBuf;
use warden_test_registry::{TestRegistry, fixtures};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/sample")
}

#[test]
fn committed_sample_fixtures_are_up_to_date() {
    let set = fixtures::sample();
    if std::env::var_os("WARDEN_REGENERATE_FIXTURES").is_some() {
        let _ = std::fs::remove_dir_all(dir());
        fixtures::write_dir(&set, &dir()).unwrap();
    }
    let tmp = tempfile::tempdir().unwrap();
    fixtures::write_dir(&set, tmp.path()).unwrap();
    for (path, bytes) in &set.tarballs {
        let committed = std::fs::read(dir().join("tarballs").join(path.trim_start_matches('/')))
            .unwrap_or_else(|e| panic!("{path}: {e}; regenerate the fixtures"));
        assert_eq!(&committed, bytes, "{path} differs; regenerate the fixtures");
    }
    for p in &set.packuments {
        let name = p["name"].as_str().unwrap().replace('/', "__");
        let f = format!("packuments/{name}.json");
        assert_eq!(
            std::fs::read(dir().join(&f)).unwrap(),
            std::fs::read(tmp.path().join(&f)).unwrap(),
            "{f} differs; regenerate the fixtures"
        );
    }
}

#[test]
fn server_serves_fixture_dir_and_records_requests() {
    let reg = TestRegistry::with_fixtures(&dir());
    let url = format!("{}@demo%2futil", reg.url());
    let body = blocking_get(&url, &[("authorization", "Bearer t")]);
    let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(doc["name"], "@demo/util");
    // The placeholder host is rewritten to the server.
    let tarball = doc["versions"]["2.0.0"]["dist"]["tarball"]
        .as_str()
        .unwrap();
    assert!(tarball.starts_with(&reg.url()), "{tarball}");
    let reqs = reg.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].path, "/@demo%2futil");
    assert_eq!(reqs[0].authorization(), Some("Bearer t"));
    assert!(blocking_get(&format!("{}-/npm/v1/keys", reg.url()), &[]).starts_with(b"{"));
}

/// A minimal HTTP/1.0 GET over a TcpStream, so this crate's tests need no HTTP client.
fn blocking_get(url: &str, headers: &[(&str, &str)]) -> Vec<u8> {
    use std::io::{Read as _, Write as _};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = std::net::TcpStream::connect(host).unwrap();
    let mut req = format!("GET /{path} HTTP/1.0\r\nHost: {host}\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let split = out.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    out[split + 4..].to_vec()
}
