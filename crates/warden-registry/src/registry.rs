//! The `Registry` trait other crates program against, with the blocking wrapper of the real
//! client (for the CLI) beside it; [`crate::MemoryRegistry`] is the in-memory one for tests.

use crate::client::Client;
use crate::error::{Error, Result};
use crate::packument::Packument;
use crate::prefetch::{self, PackageOutcome, Wanted};
use crate::tarball::Tarball;
use crate::trust::KeySet;
use std::sync::Arc;
use warden_lockfile::Integrity;

/// What warden needs from a registry. Blocking, so pure-ish callers need no runtime.
pub trait Registry: Send + Sync {
    /// The full packument of `name`.
    fn packument(&self, name: &str) -> Result<Arc<Packument>>;
    /// The tarball of `name@version`, verified against `integrity` (the lockfile's) when given,
    /// else against the registry's.
    fn tarball(&self, name: &str, version: &str, integrity: Option<&Integrity>) -> Result<Tarball>;
    /// The signing keys of the registry that serves `name`.
    fn keys(&self, name: &str) -> Result<Arc<KeySet>>;
    /// The attestations document of `name@version` (`/-/npm/v1/attestations/NAME@VERSION`);
    /// [`Error::NotFound`] when the registry serves none.
    fn attestations(&self, name: &str, version: &str) -> Result<Vec<u8>>;
}

/// The real client behind a small runtime of its own.
pub struct BlockingClient {
    rt: tokio::runtime::Runtime,
    client: Client,
}

impl BlockingClient {
    pub fn new(client: Client) -> Result<Self> {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| Error::Other(format!("cannot start the network runtime: {e}")))?;
        Ok(Self { rt, client })
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.rt.block_on(f)
    }

    /// Prefetches packuments, tarballs and signature checks for `wanted`, calling `progress`
    /// after each package.
    pub fn prefetch(
        &self,
        wanted: Vec<Wanted>,
        progress: Arc<dyn Fn(&PackageOutcome) + Send + Sync>,
    ) -> Vec<PackageOutcome> {
        self.rt
            .block_on(prefetch::prefetch(&self.client, wanted, progress))
    }
}

impl Registry for BlockingClient {
    fn packument(&self, name: &str) -> Result<Arc<Packument>> {
        self.rt.block_on(self.client.packument(name))
    }

    fn tarball(&self, name: &str, version: &str, integrity: Option<&Integrity>) -> Result<Tarball> {
        self.rt
            .block_on(self.client.tarball(name, version, integrity))
    }

    fn keys(&self, name: &str) -> Result<Arc<KeySet>> {
        self.rt.block_on(self.client.keys_for(name))
    }

    fn attestations(&self, name: &str, version: &str) -> Result<Vec<u8>> {
        self.rt.block_on(self.client.attestations(name, version))
    }
}
