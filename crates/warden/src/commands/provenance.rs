//! `warden provenance NAME@VERSION`: fetches the version's packument, tarball and attestations
//! document from the configured registry, verifies the Sigstore bundles offline against the
//! trusted root compiled into warden (or --trusted-root), and prints the publisher identity.
//! Results are cached by tarball integrity (docs/provenance.md).
//!
//! `warden provenance verify --attestations FILE (--tarball FILE | --integrity SRI)` does the
//! same on local files. Both exit 0 when every check passes, 1 with every failed check otherwise.

use crate::cli::{Format, Global};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use base64::Engine;
use sha2::{Digest, Sha512};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_provenance::{
    Check, Identity, NPM_REGISTRY_KEYS, PUBLIC_GOOD_TRUSTED_ROOT, Subject, TrustMaterial,
};
use warden_registry::{ProvenanceVerifier, Registry};

/// Attestation documents and tarballs above this size are refused (real ones are < 100 KiB).
const MAX_ATTESTATIONS: u64 = 16 << 20;
const MAX_TARBALL: u64 = 512 << 20;

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Sub>,
    /// The package version to verify, fetched from the configured registry
    #[arg(value_name = "NAME@VERSION", required = true)]
    pub package: Option<String>,
    /// A Sigstore trusted_root.json to use instead of the one compiled into warden
    #[arg(long, value_name = "FILE")]
    pub trusted_root: Option<PathBuf>,
    /// The npm registry keys ({"keys": [...]}) instead of the ones compiled into warden
    #[arg(long, value_name = "FILE")]
    pub npm_keys: Option<PathBuf>,
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
    match (&args.command, &args.package) {
        (Some(Sub::Verify(a)), _) => verify(a, global, out),
        (None, Some(spec)) => from_registry(args, spec, global, out),
        (None, None) => Err(Failure::input("name the package version to verify")
            .help("run `warden provenance NAME@VERSION`, or `warden provenance verify --help`")),
    }
}

/// The trust material bytes: the files given, else the compiled-in ones.
fn trust_bytes(trusted_root: Option<&Path>, npm_keys: Option<&Path>) -> Result<(Vec<u8>, Vec<u8>)> {
    let root = match trusted_root {
        Some(p) => read(p, "the trusted root", MAX_ATTESTATIONS)?,
        None => PUBLIC_GOOD_TRUSTED_ROOT.to_vec(),
    };
    let keys = match npm_keys {
        Some(p) => read(p, "the npm keys", MAX_ATTESTATIONS)?,
        None => NPM_REGISTRY_KEYS.to_vec(),
    };
    Ok((root, keys))
}

fn trust_failure(e: warden_provenance::Error) -> Failure {
    Failure::input(e.to_string()).help("pass a Sigstore trusted_root.json (see docs/provenance.md)")
}

/// The provenance verifier over `trusted_root` (default: the compiled-in root), caching
/// results under the cache directory when there is one.
pub fn verifier(trusted_root: Option<&Path>, cache: Option<&Path>) -> Result<ProvenanceVerifier> {
    let (root, keys) = trust_bytes(trusted_root, None)?;
    ProvenanceVerifier::new(&root, &keys, cache).map_err(trust_failure)
}

/// Prints a verification in the shape both forms share.
fn print(
    out: &Out,
    package: &str,
    verified: bool,
    identity: Option<&Identity>,
    failures: &[&Check],
    checks: Option<usize>,
) {
    if out.format != Format::Human {
        out.json(&serde_json::json!({
            "verified": verified,
            "package": package,
            "identity": identity,
            "failures": failures,
        }));
        return;
    }
    match (verified, checks) {
        (true, Some(n)) => out.line(format!("verified: {package}: {n} bundle checks passed")),
        (true, None) => out.line(format!("verified: {package}: every bundle check passed")),
        (false, Some(n)) => out.line(format!(
            "not verified: {package}: {} of {n} checks failed",
            failures.len()
        )),
        (false, None) => out.line(format!(
            "not verified: {package}: {} checks failed",
            failures.len()
        )),
    }
    if !verified {
        for f in failures {
            out.line(format!("  failed {}: {}", f.name, f.detail));
        }
    }
    if let Some(id) = identity {
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
    if !verified {
        out.note("do not trust this package's provenance; each failed check is named above (docs/provenance.md)");
    }
}

fn not_verified(out: &Out, package: &str, name: &str, detail: String) -> ExitCode {
    let check = Check {
        name: name.into(),
        ok: false,
        detail,
    };
    print(out, package, false, None, &[&check], None);
    ExitCode::from(FOUND)
}

fn from_registry(args: &Args, spec: &str, global: &Global, out: &Out) -> Result<ExitCode> {
    let (name, version) = split_package(spec).ok_or_else(|| {
        Failure::input(format!("{spec:?} is not NAME@VERSION"))
            .help("for example: warden provenance @scope/pkg@1.2.3")
    })?;
    let package = format!("{name}@{version}");
    let (root, keys) = trust_bytes(args.trusted_root.as_deref(), args.npm_keys.as_deref())?;
    let cache = crate::registry_access::cache_dir(global).ok();
    let verifier =
        ProvenanceVerifier::new(&root, &keys, cache.as_deref()).map_err(trust_failure)?;
    let client = crate::registry_access::open(global, out, 4)?;
    let p = client
        .packument(&name)
        .map_err(crate::registry_access::registry_failure)?;
    let Some(meta) = p.versions.get(&version) else {
        return Err(
            Failure::input(format!("{name} has no version {version} on the registry")).help(
                format!("`npm view {name} versions` lists the published ones"),
            ),
        );
    };
    if meta.dist.attestations.is_none() {
        return Ok(not_verified(
            out,
            &package,
            "provenance.present",
            format!(
                "the registry lists no attestations for {package} (published without provenance)"
            ),
        ));
    }
    // The subject must be the tarball the registry serves: download it (verified against
    // dist.integrity, cached) and take its SHA-512.
    let tarball = client
        .tarball(&name, &version, None)
        .map_err(crate::registry_access::registry_failure)?;
    let outcome = match verifier.check(&client, &name, &version, &tarball.sha512) {
        Ok(o) => o,
        Err(e @ warden_registry::Error::NotFound { .. }) => {
            return Ok(not_verified(
                out,
                &package,
                "attestations.served",
                format!("the registry lists attestations for {package} but serves none: {e}"),
            ));
        }
        Err(e) => return Err(crate::registry_access::registry_failure(e)),
    };
    let failures: Vec<&Check> = outcome.failures.iter().collect();
    print(
        out,
        &package,
        outcome.verified,
        outcome.identity.as_ref(),
        &failures,
        None,
    );
    Ok(if outcome.verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(FOUND)
    })
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
    let (root, keys) = trust_bytes(args.trusted_root.as_deref(), args.npm_keys.as_deref())?;
    let trust = TrustMaterial::from_json(&root, &keys).map_err(trust_failure)?;
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
    let failures: Vec<&Check> = report.failures().collect();
    print(
        out,
        &format!("{name}@{version}"),
        report.verified,
        report.identity.as_ref(),
        &failures,
        Some(report.checks.len()),
    );
    Ok(if report.verified {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(FOUND)
    })
}
