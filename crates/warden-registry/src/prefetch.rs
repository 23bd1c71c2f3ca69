//! Prefetching a whole tree: for each package version, its packument, its tarball (verified and
//! cached) and its registry signature. Failures are collected per package, never fatal to the
//! rest.

use crate::client::Client;
use crate::signatures::{self, SignatureStatus};
use std::sync::Arc;
use warden_lockfile::Integrity;

/// A package version to fetch, with the lockfile's integrity when there is one.
#[derive(Debug, Clone)]
pub struct Wanted {
    pub name: String,
    pub version: String,
    pub integrity: Option<Integrity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FetchStatus {
    /// Downloaded and verified now.
    Fetched,
    /// Already in the cache (verified again on read).
    Cached,
    Failed,
}

/// What happened to one package.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PackageOutcome {
    pub name: String,
    pub version: String,
    pub status: FetchStatus,
    /// Tarball size.
    pub bytes: u64,
    /// Only a sha1 digest vouched for the tarball.
    pub weak_integrity: bool,
    pub signature: Option<SignatureStatus>,
    pub error: Option<String>,
    pub help: Option<String>,
}

pub async fn prefetch(
    client: &Client,
    wanted: Vec<Wanted>,
    progress: Arc<dyn Fn(&PackageOutcome) + Send + Sync>,
) -> Vec<PackageOutcome> {
    let mut set = tokio::task::JoinSet::new();
    for (i, w) in wanted.into_iter().enumerate() {
        let client = client.clone();
        let progress = progress.clone();
        set.spawn(async move {
            let out = one(&client, w).await;
            progress(&out);
            (i, out)
        });
    }
    let mut results = Vec::new();
    while let Some(r) = set.join_next().await {
        if let Ok(r) = r {
            results.push(r);
        }
    }
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, o)| o).collect()
}

async fn one(client: &Client, w: Wanted) -> PackageOutcome {
    let mut out = PackageOutcome {
        name: w.name.clone(),
        version: w.version.clone(),
        status: FetchStatus::Failed,
        bytes: 0,
        weak_integrity: false,
        signature: None,
        error: None,
        help: None,
    };
    let fail = |mut out: PackageOutcome, errors: Vec<crate::Error>| {
        out.error = Some(
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        );
        out.help = errors.first().map(|e| e.help());
        out
    };
    let packument = client.packument(&w.name).await;
    // With a pinned integrity the tarball does not need the packument, so an offline run
    // reports both what it lacks.
    let tarball = match (&packument, &w.integrity) {
        (Err(_), None) => None,
        _ => Some(
            client
                .tarball(&w.name, &w.version, w.integrity.as_ref())
                .await,
        ),
    };
    let packument = match (packument, tarball) {
        (Ok(p), Some(Ok(t))) => {
            out.status = if t.from_cache {
                FetchStatus::Cached
            } else {
                FetchStatus::Fetched
            };
            out.bytes = t.bytes.len() as u64;
            out.weak_integrity = t.weak;
            p
        }
        (Ok(_), Some(Err(e))) => return fail(out, vec![e]),
        (Err(e), Some(Err(t))) => return fail(out, vec![e, t]),
        (Err(e), _) => return fail(out, vec![e]),
        (Ok(_), None) => return out,
    };
    let Some(v) = packument.versions.get(&w.version) else {
        return fail(
            out,
            vec![crate::Error::NoSuchVersion {
                package: w.name.clone(),
                version: w.version.clone(),
            }],
        );
    };
    // A tarball served from the cache skipped the packument; the registry's record must still
    // agree with the lockfile.
    if let Err(e) = crate::tarball::expected_integrity(
        &format!("{}@{}", w.name, w.version),
        w.integrity.as_ref(),
        v.dist.integrity().as_ref(),
    ) {
        out.status = FetchStatus::Failed;
        return fail(out, vec![e]);
    }
    out.signature = Some(match client.keys_for(&w.name).await {
        Ok(keys) => signatures::verify(
            &keys,
            &w.name,
            &w.version,
            v.dist.integrity.as_deref(),
            &v.dist.signatures,
            packument.published(&w.version),
        ),
        Err(e) => SignatureStatus::Missing {
            reason: format!("the registry's keys are unavailable: {e}"),
        },
    });
    out
}
