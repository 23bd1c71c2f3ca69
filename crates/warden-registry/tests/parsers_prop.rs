//! Untrusted-input parsers never panic: .npmrc text, packuments, key documents, signatures.

use proptest::prelude::*;
use std::collections::BTreeMap;
use warden_registry::config::parse_npmrc;
use warden_registry::{DistSignature, KeySet, Packument};

proptest! {
    #[test]
    fn npmrc_parser_never_panics(text in "(?s).{0,400}") {
        let env: BTreeMap<String, String> = [("A".to_string(), "x".to_string())].into_iter().collect();
        let _ = parse_npmrc(&text, ".npmrc", &env);
    }

    #[test]
    fn npmrc_lines_round_trip(key in "[a-z][a-z-]{0,20}", value in "[a-zA-Z0-9:/._-]{1,40}") {
        let parsed = parse_npmrc(&format!("{key} = {value}\n"), ".npmrc", &BTreeMap::new()).unwrap();
        prop_assert_eq!(parsed.get(&key), Some(&value));
    }

    #[test]
    fn packument_parser_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Packument::from_slice(&bytes);
    }

    #[test]
    fn key_and_signature_parsing_never_panics(key in "[A-Za-z0-9+/=]{0,120}", sig in "[A-Za-z0-9+/=]{0,120}") {
        let doc = format!(r#"{{"keys":[{{"keyid":"k","key":"{key}","expires":null}}]}}"#);
        let _ = KeySet::from_registry_json(doc.as_bytes());
        let keys = KeySet::default();
        let _ = warden_registry::verify_signature(
            &keys, "a", "1.0.0", Some("sha512-x"),
            &[DistSignature { keyid: "k".into(), sig }], Some("not a time"),
        );
    }
}
