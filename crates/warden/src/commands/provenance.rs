//! `warden provenance verify --attestations FILE (--tarball FILE | --integrity SRI)`: verifies an
//! npm attestations document (SLSA provenance + npm publish attestation, Sigstore bundles)
//! offline against the Sigstore trusted root compiled into warden (or --trusted-root), and prints
//! the publisher identity. Exit 0 when every check passes, 1 with every failed check otherwise.

use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use base64::Engine;
use sha2::{Digest, Sha512};
use std::path::PathBuf;
use std::process::ExitCode;
use warden_provenance::{NPM_REGISTRY_KEYS, PUBLIC_GOOD_TRUSTED_ROOT, Subject, TrustMaterial};

/// Attestation documents and tarballs above this size are refused (real ones are < 100 KiB).
const MAX_ATTESTATIONS: u64 = 16 << 20;
const MAX_TARBALL: u64 = 512 << 20;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Sub,
}

#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Verify an attestations document against a tarball or its integrity, offline
    Verify(VerifyArgs),
}

#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("artifact").required(true).args(["tarball", "integrity"]))]
pub struct VerifyArgs {
    /// The attestations document (the body of /-/npm/v1/attestations/NAME@VERSION)
    #[arg(long, value_name = "FILE")]
    pub attestations: PathBuf,
    /// The package tarball; its SHA-512 must be the attested subject digest
    #[arg(long, value_name = "FILE")]
    pub tarball: Option<PathBuf>,
    /// The tarball's integrity (`sha512-…`, as in dist.integrity or the lockfile)
    #[arg(long, value_name = "SRI")]
    pub integrity: Option<String>,
    /// The package the attestations must name (default: the name they claim)
    #[arg(long, value_name = "NAME@VERSION")]
    pub package: Option<String>,
    /// A Sigstore trusted_root.json to use instead of the one compiled into warden
    #[arg(long, value_name = "FILE")]
    pub trusted_root: Option<PathBuf>,
    /// The npm registry keys ({"keys": [...]}) instead of the ones compiled into warden
    #[arg(long, value_name = "FILE")]
    pub npm_keys: Option<PathBuf>,
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    match &args.command {
        Sub::Verify(a) => verify(a, global, out),
    }
}

fn read(path: &std::path::Path, what: &str, limit: u64) -> Result<Vec<u8>> {
    super::documents::read_input(path, what, limit)
}

fn split_package(spec: &str) -> Option<(String, String)> {
    let (name, version) = spec.rsplit_once('@')?;
    (!name.is_empty() && !version.is_empty()).then(|| (name.to_string(), version.to_string()))
}

fn verify(args: &VerifyArgs, global: &Global, out: &Out) -> Result<ExitCode> {
    let _ = global;
    let attestations = read(
        &args.attestations,
        "the attestations document",
        MAX_ATTESTATIONS,
    )?;
    let root = match &args.trusted_root {
        Some(p) => read(p, "the trusted root", MAX_ATTESTATIONS)?,
        None => PUBLIC_GOOD_TRUSTED_ROOT.to_vec(),
    };
    let keys = match &args.npm_keys {
        Some(p) => read(p, "the npm keys", MAX_ATTESTATIONS)?,
        None => NPM_REGISTRY_KEYS.to_vec(),
    };
    let trust = TrustMaterial::from_json(&root, &keys).map_err(|e| {
        Failure::input(e.to_string())
            .help("pass a Sigstore trusted_root.json (see docs/provenance.md)")
    })?;
    let (name, version) = match &args.package {
        Some(spec) => split_package(spec).ok_or_else(|| {
            Failure::input(format!("--package {spec:?} is not NAME@VERSION"))
                .help("for example --package @scope/pkg@1.2.3")
        })?,
        None => warden_provenance::attested_package(&attestations).ok_or_else(|| {
            Failure::input(format!(
                "{}: no bundle names a pkg:npm/ subject",
                args.attestations.display()
            ))
            .help("pass --package NAME@VERSION, or check that this is an npm attestations document")
        })?,
    };
    let integrity = match (&args.tarball, &args.integrity) {
        (Some(t), _) => {
            let bytes = read(t, "the tarball", MAX_TARBALL)?;
            format!(
                "sha512-{}",
                base64::engine::general_purpose::STANDARD.encode(Sha512::digest(&bytes))
            )
        }
        (None, Some(sri)) => sri.clone(),
        (None, None) => {
            return Err(Failure::input("pass --tarball FILE or --integrity SRI")
                .help("the attested digest must be checked against the artifact"));
        }
    };
    let subject = Subject::from_integrity(&name, &version, &integrity).map_err(|e| {
        Failure::input(e.to_string())
            .help("pass the sha512 integrity from dist.integrity or the lockfile")
    })?;
    let report = warden_provenance::verify(&attestations, &subject, &trust).map_err(|e| {
        Failure::input(format!("{}: {e}", args.attestations.display()))
            .help("pass the body of the registry's /-/npm/v1/attestations/NAME@VERSION")
    })?;
    let failures: Vec<_> = report.failures().collect();
    if out.format == Format::Human {
        let subject = format!("{name}@{version}");
        if report.verified {
            out.line(format!(
                "verified: {subject}: {} bundle checks passed",
                report.checks.len()
            ));
        } else {
            out.line(format!(
                "not verified: {subject}: {} of {} checks failed",
                failures.len(),
                report.checks.len()
            ));
            for f in &failures {
                out.line(format!("  failed {}: {}", f.name, f.detail));
            }
        }
        if let Some(id) = &report.identity {
            for (k, v) in [
                ("repository", &id.source_repository),
                ("workflow", &id.workflow_path),
                ("ref", &id.source_ref),
                ("commit", &id.source_commit),
                ("builder", &id.builder),
                ("run", &id.run_invocation),
                ("trigger", &id.trigger),
                ("signer", &id.san),
                ("issuer", &id.issuer),
            ] {
                if !v.is_empty() {
                    out.line(format!("  {k:<10} {v}"));
                }
            }
        }
        if !report.verified {
            out.note("do not trust this package's provenance; each failed check is named above (docs/provenance.md)");
        }
    } else {
        out.json(&serde_json::json!({
            "verified": report.verified,
            "package": format!("{name}@{version}"),
            "identity": report.identity,
            "failures": failures,
        }));
    }
    Ok(if report.verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(FOUND)
    })
}
