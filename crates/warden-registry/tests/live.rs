//! One small check against the registry npm is configured for. It needs the network, so it is
//! ignored by default; run it with
//! `cargo test -p warden-registry --test live -- --ignored --nocapture`.

use warden_registry::config::{ConfigInputs, SystemNpm};
use warden_registry::{BlockingClient, Cache, Client, ClientOptions, NpmConfig, Registry};

#[test]
#[ignore = "needs the network and npm; run with --ignored"]
fn live_registry_packument_tarball_and_fallbacks() {
    let tmp = tempfile::tempdir().unwrap();
    let config = NpmConfig::load(
        &ConfigInputs::from_process(tmp.path()),
        &SystemNpm::default(),
    )
    .unwrap();
    let client = Client::new(config, Cache::new(tmp.path()), ClientOptions::default()).unwrap();
    let c = BlockingClient::new(client).unwrap();
    let p = c.packument("left-pad").unwrap();
    assert!(p.versions.contains_key("1.3.0"));
    let t = c.tarball("left-pad", "1.3.0", None).unwrap();
    assert!(!t.from_cache && !t.bytes.is_empty());
    let again = c.tarball("left-pad", "1.3.0", None).unwrap();
    assert!(again.from_cache);
    let keys = c.keys("left-pad").unwrap();
    let v = &p.versions["1.3.0"];
    let status = warden_registry::verify_signature(
        &keys,
        "left-pad",
        "1.3.0",
        v.dist.integrity.as_deref(),
        &v.dist.signatures,
        p.published("1.3.0"),
    );
    // A full registry verifies; a mirror without keys or signatures reports missing. Never invalid.
    assert_ne!(status.as_str(), "invalid", "{status:?}");
    for n in c.client().notes() {
        eprintln!("note: {n}");
    }
    eprintln!("signature: {status:?}");
}
