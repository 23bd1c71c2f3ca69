//! `warden keygen`: a signing key pair for `warden attest`, as PKCS#8 PEM (private, mode 0600)
//! and SPKI PEM (public).

use super::documents;
use crate::cli::Global;
use crate::failure::{Failure, Result};
use crate::output::Out;
use std::path::PathBuf;
use std::process::ExitCode;
use warden_attest::keys::{Algorithm, SigningKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Alg {
    /// Ed25519
    Ed25519,
    /// ECDSA on NIST P-256 with SHA-256
    P256,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The signature algorithm
    #[arg(long, value_enum, default_value_t = Alg::Ed25519)]
    pub algorithm: Alg,
    /// Where to write: PREFIX.key (private) and PREFIX.pub (public)
    #[arg(long, value_name = "PREFIX")]
    pub out: PathBuf,
    /// Replace existing key files
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    let _ = global;
    let alg = match args.algorithm {
        Alg::Ed25519 => Algorithm::Ed25519,
        Alg::P256 => Algorithm::EcdsaP256,
    };
    let private = PathBuf::from(format!("{}.key", args.out.display()));
    let public = PathBuf::from(format!("{}.pub", args.out.display()));
    for p in [&private, &public] {
        if p.exists() && !args.force {
            return Err(Failure::input(format!("{}: already exists", p.display()))
                .help("choose another --out PREFIX, or pass --force to replace the key pair"));
        }
    }
    // A P-256 seed falls outside the scalar range with odds near 2^-32: draw again.
    let mut key = None;
    for _ in 0..8 {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| {
            Failure::input(format!(
                "cannot read random bytes from the operating system: {e}"
            ))
        })?;
        if let Ok(k) = SigningKey::from_seed(alg, &seed) {
            key = Some(k);
            break;
        }
    }
    let key = key.ok_or_else(|| Failure::input("could not draw a valid key; run keygen again"))?;
    let key_err = |e: warden_attest::AttestError| Failure::input(e.to_string());
    let private_pem = key.to_pkcs8_pem().map_err(key_err)?;
    let public_key = key.verifying_key();
    let public_pem = public_key.to_pem().map_err(key_err)?;
    documents::write_atomic(&private, private_pem.as_bytes(), true)?;
    documents::write_atomic(&public, public_pem.as_bytes(), false)?;
    out.line(format!(
        "wrote {} key pair {} (private, mode 0600) and {} (public); key id {}",
        alg.as_str(),
        private.display(),
        public.display(),
        public_key.keyid()
    ));
    Ok(ExitCode::SUCCESS)
}
