//! `warden attest FILE --key KEY`: an in-toto Statement v1 about FILE (its name and SHA-256)
//! whose predicate is FILE's JSON document, in a DSSE envelope signed with KEY.

use super::documents;
use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use std::path::PathBuf;
use std::process::ExitCode;
use warden_attest::dsse::{Envelope, IN_TOTO_PAYLOAD_TYPE};
use warden_attest::intoto;
use warden_attest::keys::SigningKey;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document to attest (an SBOM, a VEX document, any JSON)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The private key (PKCS#8 PEM, Ed25519 or ECDSA P-256; `warden keygen` writes one)
    #[arg(long, value_name = "KEY")]
    pub key: PathBuf,
    /// The predicate type [default: detected: https://cyclonedx.org/bom, https://spdx.dev/Document
    /// or https://openvex.dev/ns/v0.2.0]
    #[arg(long, value_name = "URI")]
    pub predicate_type: Option<String>,
    /// Write the envelope to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Attested documents and keys are read whole; these bound what "whole" means.
pub const MAX_DOCUMENT: u64 = 256 * 1024 * 1024;
pub const MAX_KEY: u64 = 64 * 1024;

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let _ = global;
    let bytes = documents::read_input(&args.file, "the document to attest", MAX_DOCUMENT)?;
    let doc: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::input(format!(
            "{}:{}:{}: not JSON: {e}",
            args.file.display(),
            e.line(),
            e.column()
        ))
        .help("attest a JSON document such as the output of `warden sbom` or `warden vex`")
    })?;
    let predicate_type = match &args.predicate_type {
        Some(t) => t.clone(),
        None => intoto::detect_predicate_type(&doc)
            .ok_or_else(|| {
                Failure::input(format!(
                    "{}: not a CycloneDX, SPDX or OpenVEX document, so the predicate type is unknown",
                    args.file.display()
                ))
                .help("pass --predicate-type URI")
            })?
            .to_string(),
    };
    let key_pem = documents::read_input(&args.key, "the signing key", MAX_KEY)?;
    let key = SigningKey::from_pkcs8_pem(&String::from_utf8_lossy(&key_pem)).map_err(|e| {
        Failure::input(format!("{}: {e}", args.key.display()))
            .help("pass a PKCS#8 PEM private key; `warden keygen --out PREFIX` writes one")
    })?;
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.file.display().to_string());
    let statement = intoto::statement(&name, &bytes, &predicate_type, doc);
    // The statement is compact JSON: the signed bytes are the payload as written.
    let payload = serde_json::to_vec(&statement).map_err(|e| Failure::input(e.to_string()))?;
    let envelope = Envelope::sign(IN_TOTO_PAYLOAD_TYPE, &payload, &key);
    documents::emit(args.output.as_deref(), &envelope.to_json())?;
    out.note(format!(
        "signed {name} (sha256 {}) as {predicate_type} with {} key {}",
        intoto::sha256_hex(&bytes),
        key.algorithm().as_str(),
        key.verifying_key().keyid()
    ));
    Ok(ExitCode::SUCCESS)
}
