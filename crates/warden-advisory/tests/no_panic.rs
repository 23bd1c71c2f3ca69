//! Untrusted bytes never panic the record reader, the timestamp or the version parser.

use proptest::prelude::*;
use warden_advisory::advisory::Advisory;
use warden_advisory::{range, timestamp};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_are_an_error_or_a_record(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = Advisory::from_json(&bytes);
    }

    #[test]
    fn record_shaped_json_with_arbitrary_strings(id in ".{0,12}", modified in ".{0,40}", v in ".{0,20}", kind in "[A-Z]{0,9}") {
        let doc = serde_json::json!({
            "id": id, "modified": modified, "withdrawn": modified,
            "affected": [{ "package": {"ecosystem": "npm", "name": "x"}, "versions": [v.clone()],
                           "ranges": [{"type": kind, "events": [{"introduced": v.clone()}, {"fixed": v}]}] }],
            "severity": [{"type": "CVSS_V3", "score": modified}]
        });
        let _ = Advisory::from_json(doc.to_string().as_bytes());
    }

    #[test]
    fn parsers_of_strings(s in ".{0,64}") {
        let _ = timestamp::normalize(&s);
        let _ = range::parse_version(&s);
        let _ = warden_advisory::severity::score_vector("CVSS_V4", &s);
    }
}
