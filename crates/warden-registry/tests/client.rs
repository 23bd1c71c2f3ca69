//! The client against the in-process test registry: token scoping, integrity, truncation,
//! 404, retries, ETag revalidation, offline use and concurrent cache fills.

use std::sync::Arc;
use std::time::Duration;
use warden_lockfile::Integrity;
use warden_registry::prefetch::{FetchStatus, Wanted};
use warden_registry::{
    BlockingClient, Cache, Client, ClientOptions, DocKind, Error, NpmConfig, Registry,
    SignatureStatus,
};
use warden_test_registry::fixtures::{self, PackageSpec};
use warden_test_registry::{Knob, TestRegistry};

fn opts() -> ClientOptions {
    ClientOptions {
        retries: 2,
        retry_delay: Duration::from_millis(5),
        timeout: Duration::from_secs(10),
        ..ClientOptions::default()
    }
}

fn served() -> TestRegistry {
    let reg = TestRegistry::start();
    reg.publish(&fixtures::sample());
    reg
}

fn client_for(reg: &TestRegistry, cache: &std::path::Path, o: ClientOptions) -> Client {
    let config = NpmConfig::with_registry(&reg.url()).unwrap();
    Client::new(config, Cache::new(cache), o).unwrap()
}

fn integrity(name_version: &str) -> Integrity {
    Integrity::parse(&fixtures::sample().integrity[name_version]).unwrap()
}

fn cache_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

#[tokio::test]
async fn packument_is_typed_and_scoped_names_are_encoded() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let p = c.packument("@demo/util").await.unwrap();
    assert_eq!(p.name, "@demo/util");
    let v = &p.versions["2.0.0"];
    assert_eq!(v.dependencies["tiny-lib"], "^1.0.0");
    assert_eq!(
        v.npm_user.as_ref().unwrap().name.as_deref(),
        Some("fixture-maintainer")
    );
    assert_eq!(v.dist.signatures.len(), 1);
    assert!(p.published("2.0.0").is_some());
    assert_eq!(reg.requests_to("/@demo%2futil").len(), 1);
    let hooked = c.packument("hooked-lib").await.unwrap();
    let hv = &hooked.versions["0.3.1"];
    assert!(hv.has_install_scripts());
    assert_eq!(hv.deprecated.as_deref(), Some("no longer maintained"));
    // Memoised: a second call sends nothing.
    c.packument("@demo/util").await.unwrap();
    assert_eq!(reg.requests_to("/@demo%2futil").len(), 1);
}

#[tokio::test]
async fn abbreviated_request_sends_the_corgi_accept_and_falls_back_to_full() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let p = c
        .packument_kind("tiny-lib", DocKind::Abbreviated)
        .await
        .unwrap();
    assert_eq!(p.versions.len(), 2);
    let r = &reg.requests_to("/tiny-lib")[0];
    assert!(
        r.header("accept")
            .unwrap()
            .starts_with("application/vnd.npm.install-v1+json")
    );
    assert!(
        c.notes()
            .iter()
            .any(|n| n.contains("serves no abbreviated documents")),
        "{:?}",
        c.notes()
    );
}

#[tokio::test]
async fn abbreviated_documents_are_used_when_served() {
    let reg = served();
    reg.set_abbreviated(true);
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let p = c
        .packument_kind("hooked-lib", DocKind::Abbreviated)
        .await
        .unwrap();
    assert!(p.is_abbreviated());
    let v = &p.versions["0.3.1"];
    assert!(v.has_install_scripts() && v.scripts.is_empty());
    assert!(v.npm_user.is_none());
    assert!(
        !c.notes().iter().any(|n| n.contains("abbreviated")),
        "{:?}",
        c.notes()
    );
    // The full document is a separate cache entry and still has everything.
    let full = c.packument("hooked-lib").await.unwrap();
    assert!(!full.is_abbreviated());
    assert!(full.versions["0.3.1"].npm_user.is_some());
}

#[tokio::test]
async fn token_goes_only_to_its_own_registry_never_to_a_tarball_host_elsewhere() {
    // Registry A holds the packument; its dist.tarball points at host B.
    let a = TestRegistry::start();
    let b = TestRegistry::start();
    let set = fixtures::sample();
    for p in &set.packuments {
        let text = serde_json::to_string(p)
            .unwrap()
            .replace("https://registry.npm.example/", &b.url());
        a.put_packument(&serde_json::from_str(&text).unwrap());
    }
    b.publish(&set);
    let tmp = tempfile::tempdir().unwrap();
    let mut config = NpmConfig::with_registry(&a.url()).unwrap();
    config.add_token(&format!("//{}/", a.host()), "token-for-a");
    let c = Client::new(config, Cache::new(tmp.path()), opts()).unwrap();
    let t = c.tarball("tiny-lib", "1.0.0", None).await.unwrap();
    assert!(!t.from_cache);
    let to_a = a.requests();
    assert!(!to_a.is_empty());
    assert!(
        to_a.iter()
            .all(|r| r.authorization() == Some("Bearer token-for-a"))
    );
    let to_b = b.requests();
    assert_eq!(to_b.len(), 1);
    assert!(to_b.iter().all(|r| r.authorization().is_none()), "{to_b:?}");
}

#[tokio::test]
async fn scoped_registry_gets_its_own_token_and_path_prefix_is_respected() {
    let a = served();
    let b = served();
    let tmp = tempfile::tempdir().unwrap();
    let mut config = NpmConfig::with_registry(&a.url()).unwrap();
    config
        .scopes
        .insert("demo".into(), url::Url::parse(&b.url()).unwrap());
    config.add_token(&format!("//{}/", a.host()), "token-a");
    config.add_token(&format!("//{}/", b.host()), "token-b");
    // A token for a path prefix that packuments at the root are not under.
    config.add_token(&format!("//{}/private/", a.host()), "token-private");
    let c = Client::new(config, Cache::new(tmp.path()), opts()).unwrap();
    c.packument("@demo/util").await.unwrap();
    c.packument("tiny-lib").await.unwrap();
    let to_b = b.requests();
    assert_eq!(to_b.len(), 1);
    assert_eq!(to_b[0].path, "/@demo%2futil");
    assert_eq!(to_b[0].authorization(), Some("Bearer token-b"));
    let to_a = a.requests();
    assert_eq!(to_a.len(), 1);
    assert_eq!(to_a[0].authorization(), Some("Bearer token-a"));
    for r in to_a.iter().chain(&to_b) {
        assert!(!r.authorization().unwrap().contains("private"));
    }
}

#[tokio::test]
async fn redirect_to_another_origin_drops_the_token() {
    let a = served();
    let b = served();
    let path = fixtures::tarball_path("tiny-lib", "1.0.0");
    a.knob(
        &path,
        Knob::Redirect(format!("{}{}", b.url().trim_end_matches('/'), path)),
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut config = NpmConfig::with_registry(&a.url()).unwrap();
    config.add_token(&format!("//{}/", a.host()), "token-a");
    let c = Client::new(config, Cache::new(tmp.path()), opts()).unwrap();
    c.tarball("tiny-lib", "1.0.0", None).await.unwrap();
    assert_eq!(
        a.requests_to(&path)[0].authorization(),
        Some("Bearer token-a")
    );
    let to_b = b.requests_to(&path);
    assert_eq!(to_b.len(), 1);
    assert_eq!(to_b[0].authorization(), None);
}

#[tokio::test]
async fn integrity_mismatch_names_package_digests_and_url_and_caches_nothing() {
    let reg = served();
    let path = fixtures::tarball_path("tiny-lib", "1.0.0");
    let evil = fixtures::build_tarball(&PackageSpec::new("tiny-lib", "1.0.0-evil"));
    reg.knob(&path, Knob::Replace(evil.clone()));
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let want = integrity("tiny-lib@1.0.0");
    let e = c
        .tarball("tiny-lib", "1.0.0", Some(&want))
        .await
        .unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, Error::Integrity { .. }), "{msg}");
    assert!(msg.contains("tiny-lib@1.0.0"), "{msg}");
    assert!(msg.contains(&want.to_string()), "{msg}");
    assert!(msg.contains(&fixtures::sha512_sri(&evil)), "{msg}");
    assert!(msg.contains(&path), "{msg}");
    assert!(c.cache().get_tarball(&want).is_none());
    assert!(
        !cache_files(&tmp.path().join("tarballs"))
            .iter()
            .any(|_| true)
    );
}

#[tokio::test]
async fn lockfile_and_registry_disagreeing_is_an_error() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let other = integrity("tiny-lib@1.1.0");
    let e = c
        .tarball("tiny-lib", "1.0.0", Some(&other))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::IntegrityChanged { .. }), "{e}");
}

#[tokio::test]
async fn sha1_only_integrity_is_accepted_and_reported_weak() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let set = fixtures::sample();
    let tgz = &set
        .tarballs
        .iter()
        .find(|(p, _)| p.ends_with("tiny-lib-1.0.0.tgz"))
        .unwrap()
        .1;
    let sha1 = Integrity::from_sha1_hex(&fixtures::sha1_hex(tgz)).unwrap();
    let t = c.tarball("tiny-lib", "1.0.0", Some(&sha1)).await.unwrap();
    assert!(t.weak);
    let strong = c
        .tarball("tiny-lib", "1.1.0", Some(&integrity("tiny-lib@1.1.0")))
        .await
        .unwrap();
    assert!(!strong.weak);
    // The sha1-addressed entry can be read back offline.
    let off = client_for(
        &reg,
        tmp.path(),
        ClientOptions {
            offline: true,
            ..opts()
        },
    );
    assert!(
        off.tarball_at(
            "tiny-lib@1.0.0",
            &url::Url::parse(&reg.url()).unwrap(),
            &sha1
        )
        .await
        .unwrap()
        .from_cache
    );
}

#[tokio::test]
async fn truncated_download_is_detected_retried_and_not_cached() {
    let reg = served();
    let path = fixtures::tarball_path("tiny-lib", "1.0.0");
    reg.knob(&path, Knob::Truncate { keep: 40 });
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let want = integrity("tiny-lib@1.0.0");
    let e = c
        .tarball("tiny-lib", "1.0.0", Some(&want))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Truncated { .. }), "{e}");
    assert!(e.to_string().contains("tiny-lib@1.0.0"));
    // First attempt plus two retries, then it stops.
    assert_eq!(reg.requests_to(&path).len(), 3);
    assert!(c.cache().get_tarball(&want).is_none());
}

#[tokio::test]
async fn not_found_is_reported_once_without_retries() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let e = c.packument("no-such-package").await.unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert!(e.to_string().contains("no-such-package"));
    assert_eq!(reg.requests_to("/no-such-package").len(), 1);
    reg.knob("/tiny-lib", Knob::NotFound);
    assert!(matches!(
        c.packument("tiny-lib").await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let reg = served();
    reg.knob(
        "/tiny-lib",
        Knob::FailThen {
            status: 503,
            times: 2,
        },
    );
    let tmp = tempfile::tempdir().unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    let p = c.packument("tiny-lib").await.unwrap();
    assert_eq!(p.versions.len(), 2);
    assert_eq!(reg.requests_to("/tiny-lib").len(), 3);
    // More failures than retries: the error names the status, after a bounded number of tries.
    reg.knob(
        "/hooked-lib",
        Knob::FailThen {
            status: 502,
            times: 10,
        },
    );
    let e = c.packument("hooked-lib").await.unwrap_err();
    assert!(matches!(e, Error::Status { status: 502, .. }), "{e}");
    assert_eq!(reg.requests_to("/hooked-lib").len(), 3);
}

#[tokio::test]
async fn slow_responses_time_out_and_are_retried() {
    let reg = served();
    reg.knob("/tiny-lib", Knob::Delay(Duration::from_millis(800)));
    let tmp = tempfile::tempdir().unwrap();
    let o = ClientOptions {
        timeout: Duration::from_millis(200),
        retries: 1,
        ..opts()
    };
    let c = client_for(&reg, tmp.path(), o);
    let e = c.packument("tiny-lib").await.unwrap_err();
    assert!(
        matches!(e, Error::Network { .. } | Error::Truncated { .. }),
        "{e}"
    );
    assert_eq!(reg.requests_to("/tiny-lib").len(), 2);
}

#[tokio::test]
async fn etag_revalidation_gets_304_and_reuses_the_cache() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let first = client_for(&reg, tmp.path(), opts());
    let p1 = first.packument("tiny-lib").await.unwrap();
    let second = client_for(&reg, tmp.path(), opts());
    let p2 = second.packument("tiny-lib").await.unwrap();
    assert_eq!(p1, p2);
    let reqs = reg.requests_to("/tiny-lib");
    assert_eq!(reqs.len(), 2);
    assert!(reqs[0].header("if-none-match").is_none());
    assert!(reqs[1].header("if-none-match").is_some());
    assert!(second.notes().is_empty(), "{:?}", second.notes());
}

#[tokio::test]
async fn last_modified_revalidation_gets_304() {
    let reg = served();
    reg.set_last_modified_only(true);
    let tmp = tempfile::tempdir().unwrap();
    let p1 = client_for(&reg, tmp.path(), opts())
        .packument("tiny-lib")
        .await
        .unwrap();
    // The server's document changes but its Last-Modified does not: only a 304 answered from
    // the cache yields the old document.
    reg.publish(&fixtures::build(&[
        PackageSpec::new("tiny-lib", "1.0.0"),
        PackageSpec::new("tiny-lib", "9.9.9"),
    ]));
    let c = client_for(&reg, tmp.path(), opts());
    let p2 = c.packument("tiny-lib").await.unwrap();
    assert_eq!(p1, p2);
    assert!(!p2.versions.contains_key("9.9.9"));
    let reqs = reg.requests_to("/tiny-lib");
    assert_eq!(reqs.len(), 2);
    assert!(reqs[1].header("if-none-match").is_none());
    assert_eq!(
        reqs[1].header("if-modified-since"),
        Some(warden_test_registry::LAST_MODIFIED)
    );
    assert!(c.notes().is_empty(), "{:?}", c.notes());
}

#[tokio::test]
async fn a_registry_without_validators_is_refetched_and_noted() {
    let reg = served();
    reg.set_validators(false);
    let tmp = tempfile::tempdir().unwrap();
    client_for(&reg, tmp.path(), opts())
        .packument("tiny-lib")
        .await
        .unwrap();
    let c = client_for(&reg, tmp.path(), opts());
    c.packument("tiny-lib").await.unwrap();
    let reqs = reg.requests_to("/tiny-lib");
    assert!(reqs[1].header("if-none-match").is_none());
    assert!(
        c.notes().iter().any(|n| n.contains("no ETag")),
        "{:?}",
        c.notes()
    );
}

#[tokio::test]
async fn offline_reads_only_the_cache_and_names_what_is_missing() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let off = client_for(
        &reg,
        tmp.path(),
        ClientOptions {
            offline: true,
            ..opts()
        },
    );
    let e = off.packument("tiny-lib").await.unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, Error::Offline { .. }));
    assert!(
        msg.contains("packument of tiny-lib") && msg.contains("packuments"),
        "{msg}"
    );
    let want = integrity("tiny-lib@1.0.0");
    let e = off
        .tarball("tiny-lib", "1.0.0", Some(&want))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("tarball of tiny-lib@1.0.0"), "{e}");
    assert!(reg.requests().is_empty());
    // Fill the cache online, then offline needs no network.
    let on = client_for(&reg, tmp.path(), opts());
    on.tarball("tiny-lib", "1.0.0", Some(&want)).await.unwrap();
    on.keys_for("tiny-lib").await.unwrap();
    reg.clear_requests();
    let off = client_for(
        &reg,
        tmp.path(),
        ClientOptions {
            offline: true,
            ..opts()
        },
    );
    assert!(
        off.tarball("tiny-lib", "1.0.0", Some(&want))
            .await
            .unwrap()
            .from_cache
    );
    assert_eq!(off.packument("tiny-lib").await.unwrap().versions.len(), 2);
    assert!(!off.keys_for("tiny-lib").await.unwrap().is_empty());
    assert!(reg.requests().is_empty());
}

#[test]
fn two_clients_fill_one_cache_at_once() {
    let reg = Arc::new(served());
    let tmp = tempfile::tempdir().unwrap();
    let set = fixtures::sample();
    let wanted: Vec<Wanted> = set
        .integrity
        .iter()
        .map(|(id, i)| {
            let (n, v) = id.rsplit_once('@').unwrap();
            Wanted {
                name: n.into(),
                version: v.into(),
                integrity: Integrity::parse(i),
            }
        })
        .collect();
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let reg = reg.clone();
            let dir = tmp.path().to_path_buf();
            let wanted = wanted.clone();
            std::thread::spawn(move || {
                let c = BlockingClient::new(client_for(&reg, &dir, opts())).unwrap();
                c.prefetch(wanted, Arc::new(|_| {}))
            })
        })
        .collect();
    for t in threads {
        let out = t.join().unwrap();
        assert!(
            out.iter().all(|o| o.status != FetchStatus::Failed),
            "{out:?}"
        );
    }
    // Every entry is whole and no temp file is left behind.
    let files = cache_files(tmp.path());
    assert!(
        files
            .iter()
            .all(|f| !f.file_name().unwrap().to_string_lossy().starts_with(".tmp"))
    );
    let off = client_for(
        &reg,
        tmp.path(),
        ClientOptions {
            offline: true,
            ..opts()
        },
    );
    let off = BlockingClient::new(off).unwrap();
    for w in &wanted {
        let t = off
            .tarball(&w.name, &w.version, w.integrity.as_ref())
            .unwrap();
        assert!(t.from_cache);
    }
}

#[test]
fn prefetch_reports_signatures_verified_missing_and_invalid() {
    let reg = served();
    // Tamper with the signature of hooked-lib: sign another version's message.
    let mut set = fixtures::sample();
    for p in &mut set.packuments {
        if p["name"] == "hooked-lib" {
            let integrity = p["versions"]["0.3.1"]["dist"]["integrity"]
                .as_str()
                .unwrap()
                .to_string();
            p["versions"]["0.3.1"]["dist"]["signatures"][0]["sig"] =
                serde_json::json!(fixtures::sign("hooked-lib", "0.3.2", &integrity));
        }
    }
    reg.publish(&set);
    let tmp = tempfile::tempdir().unwrap();
    let c = BlockingClient::new(client_for(&reg, tmp.path(), opts())).unwrap();
    let wanted = [
        "tiny-lib@1.0.0",
        "unsigned-lib@1.0.0",
        "hooked-lib@0.3.1",
        "@demo/util@2.0.0",
    ]
    .iter()
    .map(|id| {
        let (n, v) = id.rsplit_once('@').unwrap();
        Wanted {
            name: n.into(),
            version: v.into(),
            integrity: None,
        }
    })
    .collect();
    let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = count.clone();
    let out = c.prefetch(
        wanted,
        Arc::new(move |_| {
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }),
    );
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 4);
    let sig = |i: usize| out[i].signature.as_ref().unwrap().as_str();
    assert_eq!(sig(0), "verified");
    assert_eq!(sig(1), "missing");
    assert_eq!(sig(2), "invalid");
    assert_eq!(sig(3), "verified");
    assert!(out.iter().all(|o| o.status == FetchStatus::Fetched));
    // A second run finds every tarball in the cache.
    let again = c.prefetch(
        out.iter()
            .map(|o| Wanted {
                name: o.name.clone(),
                version: o.version.clone(),
                integrity: None,
            })
            .collect(),
        Arc::new(|_| {}),
    );
    assert!(again.iter().all(|o| o.status == FetchStatus::Cached));
    assert!(matches!(
        out[2].signature,
        Some(SignatureStatus::Invalid { .. })
    ));
}

#[test]
fn a_registry_that_changes_a_cached_versions_integrity_is_caught() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let want = integrity("tiny-lib@1.0.0");
    let wanted = || {
        vec![Wanted {
            name: "tiny-lib".into(),
            version: "1.0.0".into(),
            integrity: Some(want.clone()),
        }]
    };
    let c = BlockingClient::new(client_for(&reg, tmp.path(), opts())).unwrap();
    assert_eq!(
        c.prefetch(wanted(), Arc::new(|_| {}))[0].status,
        FetchStatus::Fetched
    );
    // The registry now claims another tarball for the same version.
    let mut set = fixtures::sample();
    for p in &mut set.packuments {
        if p["name"] == "tiny-lib" {
            p["versions"]["1.0.0"]["dist"]["integrity"] =
                serde_json::json!(fixtures::sha512_sri(b"something else"));
        }
    }
    reg.publish(&set);
    let c = BlockingClient::new(client_for(&reg, tmp.path(), opts())).unwrap();
    let out = c.prefetch(wanted(), Arc::new(|_| {}));
    assert_eq!(out[0].status, FetchStatus::Failed);
    assert!(
        out[0]
            .error
            .as_deref()
            .unwrap()
            .contains("the registry now says"),
        "{:?}",
        out[0].error
    );
}

#[test]
fn errors_from_an_authenticated_registry_never_carry_the_token() {
    let reg = served();
    reg.knob(
        "/tiny-lib",
        Knob::FailThen {
            status: 401,
            times: 5,
        },
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut config = NpmConfig::with_registry(&reg.url()).unwrap();
    config.add_token(&format!("//{}/", reg.host()), "very-secret-token");
    let c =
        BlockingClient::new(Client::new(config, Cache::new(tmp.path()), opts()).unwrap()).unwrap();
    let e = c.packument("tiny-lib").unwrap_err();
    let all = format!("{e} {e:?} {} {:?}", e.help(), c.client().config());
    assert!(!all.contains("very-secret-token"), "{all}");
    assert!(matches!(e, Error::Status { status: 401, .. }));
    assert_eq!(
        reg.requests_to("/tiny-lib")[0].authorization(),
        Some("Bearer very-secret-token")
    );
}

#[test]
fn memory_registry_verifies_like_the_real_one() {
    let set = fixtures::sample();
    let mut m = warden_registry::MemoryRegistry::new();
    for p in &set.packuments {
        m = m.with_packument(serde_json::from_value(p.clone()).unwrap());
    }
    let tgz = set
        .tarballs
        .iter()
        .find(|(p, _)| p.ends_with("tiny-lib-1.0.0.tgz"))
        .unwrap()
        .1
        .clone();
    m = m.with_tarball("tiny-lib", "1.0.0", tgz).with_tarball(
        "tiny-lib",
        "1.1.0",
        b"not it".to_vec(),
    );
    assert!(m.tarball("tiny-lib", "1.0.0", None).is_ok());
    assert!(matches!(
        m.tarball("tiny-lib", "1.1.0", None),
        Err(Error::Integrity { .. })
    ));
    assert!(matches!(m.packument("nope"), Err(Error::NotFound { .. })));
}

#[test]
fn invalid_package_names_are_refused_before_any_request() {
    let reg = served();
    let tmp = tempfile::tempdir().unwrap();
    let c = BlockingClient::new(client_for(&reg, tmp.path(), opts())).unwrap();
    for bad in [
        "../etc/passwd",
        "a?b",
        "@/x",
        "",
        ".hidden",
        "@scope/x/y",
        "http:evil",
    ] {
        assert!(c.packument(bad).is_err(), "{bad}");
    }
    assert!(reg.requests().is_empty());
}
