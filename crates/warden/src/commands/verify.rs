//! `warden verify ENVELOPE --key PUB [--subject FILE]`: checks a DSSE envelope's signature and,
//! with --subject, that FILE is what the in-toto statement is about; prints the statement.
//! Exit 1 when verification fails, naming what failed.

use super::attest::{MAX_DOCUMENT, MAX_KEY};
use super::documents;
use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use std::path::PathBuf;
use std::process::ExitCode;
use warden_attest::dsse::{Envelope, IN_TOTO_PAYLOAD_TYPE};
use warden_attest::intoto;
use warden_attest::keys::VerifyingKey;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The DSSE envelope (`warden attest` output)
    #[arg(value_name = "ENVELOPE")]
    pub envelope: PathBuf,
    /// The public key (SPKI PEM; `warden keygen` writes PREFIX.pub)
    #[arg(long, value_name = "PUB")]
    pub key: PathBuf,
    /// Also check that this file's SHA-256 is a subject of the statement
    #[arg(long, value_name = "FILE")]
    pub subject: Option<PathBuf>,
}

fn failed(message: String, help: &str) -> Failure {
    Failure {
        message,
        help: Some(help.to_string()),
        code: FOUND,
    }
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let _ = global;
    let env_bytes = documents::read_input(&args.envelope, "the envelope", MAX_DOCUMENT)?;
    let key_pem = documents::read_input(&args.key, "the public key", MAX_KEY)?;
    let key = VerifyingKey::from_pem(&String::from_utf8_lossy(&key_pem)).map_err(|e| {
        Failure::input(format!("{}: {e}", args.key.display()))
            .help("pass the SPKI PEM public key that `warden keygen` wrote as PREFIX.pub")
    })?;
    let envelope = Envelope::from_json(&env_bytes).map_err(|e| {
        failed(
            format!("verification failed: {}: {e}", args.envelope.display()),
            "pass the envelope that `warden attest` wrote",
        )
    })?;
    let payload = envelope.verify(&key).map_err(|e| {
        failed(
            format!("verification failed: {}: {e}", args.envelope.display()),
            "do not trust this document; check that --key is the signer's public key",
        )
    })?;
    if envelope.payload_type != IN_TOTO_PAYLOAD_TYPE {
        return Err(failed(
            format!(
                "verification failed: {}: the payload type is {:?}, not an in-toto statement ({IN_TOTO_PAYLOAD_TYPE})",
                args.envelope.display(),
                envelope.payload_type
            ),
            "warden verifies in-toto attestations; the signature itself is valid",
        ));
    }
    let (statement, summary) = intoto::parse_statement(&payload).map_err(|e| {
        failed(
            format!("verification failed: {}: {e}", args.envelope.display()),
            "the signature is valid but the payload is not an in-toto Statement v1",
        )
    })?;
    if let Some(subject) = &args.subject {
        let bytes = documents::read_input(subject, "the subject", MAX_DOCUMENT)?;
        summary.check_subject(&bytes).map_err(|e| {
            failed(
                format!("verification failed: {}: {e}", subject.display()),
                "this file is not the one that was attested (it was changed, or it is another file)",
            )
        })?;
    }
    if out.format == Format::Human {
        out.note(format!(
            "verified: signed by {} key {}; predicate {}; subject {}{}",
            key.algorithm().as_str(),
            key.keyid(),
            summary.predicate_type,
            summary
                .subjects
                .iter()
                .map(|(n, d)| format!("{n} sha256:{}", d.as_deref().unwrap_or("-")))
                .collect::<Vec<_>>()
                .join(", "),
            if args.subject.is_some() {
                " (digest matches)"
            } else {
                ""
            }
        ));
        out.json(&statement);
    } else {
        out.json(&serde_json::json!({
            "verified": true,
            "keyid": key.keyid(),
            "algorithm": key.algorithm().as_str(),
            "subject_checked": args.subject.is_some(),
            "statement": statement,
        }));
    }
    Ok(ExitCode::SUCCESS)
}
