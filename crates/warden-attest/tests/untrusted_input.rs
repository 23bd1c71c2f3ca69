//! The parsers of user-written or received bytes (vex.toml, purls, envelopes, statements, key
//! files) never panic, whatever they are handed: they return a value or an error.

use proptest::prelude::*;
use warden_attest::dsse::Envelope;
use warden_attest::keys::{SigningKey, VerifyingKey};
use warden_attest::vex::file;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn vex_toml_never_panics(text in "\\PC{0,400}") {
        let _ = file::parse(&text);
    }

    #[test]
    fn vex_toml_statement_shaped_input_never_panics(
        vuln in "\\PC{0,20}", product in "\\PC{0,30}", status in "(not_affected|affected|fixed|under_investigation|\\PC{0,10})",
        justification in "\\PC{0,40}", ts in "\\PC{0,25}",
    ) {
        let text = format!(
            "[[statement]]\nvulnerability = {vuln:?}\nproducts = [{product:?}]\nstatus = {status:?}\njustification = {justification:?}\ntimestamp = {ts:?}\n"
        );
        if let Err(e) = file::parse(&text) {
            let located = matches!(e, warden_attest::AttestError::Vex { line, .. } if line >= 1);
            prop_assert!(located, "every vex.toml error names a line: {:?}", e);
        }
    }

    #[test]
    fn purl_parser_never_panics(s in "\\PC{0,80}") {
        if let Ok(r) = warden_attest::purl::parse_npm_ref(&s) {
            // What parses re-parses to the same canonical purl.
            let again = warden_attest::purl::parse_npm_ref(&r.purl).expect("a canonical purl parses");
            prop_assert_eq!(again.purl, r.purl);
        }
    }

    #[test]
    fn envelopes_and_statements_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = Envelope::from_json(&bytes);
        let _ = warden_attest::intoto::parse_statement(&bytes);
        let key = SigningKey::from_seed(warden_attest::keys::Algorithm::Ed25519, &[9; 32]).unwrap();
        let env = Envelope { payload: String::from_utf8_lossy(&bytes).into_owned(), payload_type: "t".into(), signatures: vec![] };
        prop_assert!(env.verify(&key.verifying_key()).is_err());
    }

    #[test]
    fn key_files_never_panic(text in "\\PC{0,300}") {
        let pem = format!("-----BEGIN PRIVATE KEY-----\n{text}\n-----END PRIVATE KEY-----\n");
        let _ = SigningKey::from_pkcs8_pem(&pem);
        let _ = VerifyingKey::from_pem(&pem.replace("PRIVATE", "PUBLIC"));
        let _ = VerifyingKey::from_pem(&text);
    }
}
