//! An in-memory [`Registry`] for other crates' tests: packuments, tarballs and keys handed in
//! as values, tarballs verified exactly as the real client verifies them.

use crate::error::{Error, Result};
use crate::packument::Packument;
use crate::registry::Registry;
use crate::tarball::{self, Tarball};
use crate::trust::KeySet;
use std::collections::HashMap;
use std::sync::Arc;
use warden_lockfile::{HashAlgorithm, Integrity};

#[derive(Default, Clone)]
pub struct MemoryRegistry {
    packuments: HashMap<String, Arc<Packument>>,
    tarballs: HashMap<(String, String), Vec<u8>>,
    keys: Arc<KeySet>,
    attestations: HashMap<(String, String), Vec<u8>>,
}

impl MemoryRegistry {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_packument(mut self, p: Packument) -> Self {
        self.packuments.insert(p.name.clone(), Arc::new(p));
        self
    }

    pub fn with_tarball(mut self, name: &str, version: &str, bytes: Vec<u8>) -> Self {
        self.tarballs
            .insert((name.to_string(), version.to_string()), bytes);
        self
    }

    pub fn with_attestations(mut self, name: &str, version: &str, doc: Vec<u8>) -> Self {
        self.attestations
            .insert((name.to_string(), version.to_string()), doc);
        self
    }

    pub fn with_keys(mut self, keys: KeySet) -> Self {
        self.keys = Arc::new(keys);
        self
    }
}

impl Registry for MemoryRegistry {
    fn packument(&self, name: &str) -> Result<Arc<Packument>> {
        self.packuments
            .get(name)
            .cloned()
            .ok_or_else(|| Error::NotFound {
                package: name.to_string(),
                url: format!("memory:{name}"),
            })
    }

    fn tarball(&self, name: &str, version: &str, integrity: Option<&Integrity>) -> Result<Tarball> {
        let package = format!("{name}@{version}");
        let registry = self
            .packuments
            .get(name)
            .and_then(|p| p.versions.get(version))
            .and_then(|v| v.dist.integrity());
        let expected = tarball::expected_integrity(&package, integrity, registry.as_ref())?;
        let url = format!("memory:{package}");
        let bytes = self
            .tarballs
            .get(&(name.to_string(), version.to_string()))
            .cloned()
            .ok_or_else(|| Error::NotFound {
                package: package.clone(),
                url: url.clone(),
            })?;
        tarball::verify_bytes(&package, &url, &expected, &bytes)?;
        let sha512 = tarball::sri(
            HashAlgorithm::Sha512,
            &tarball::digest(HashAlgorithm::Sha512, &bytes),
        );
        Ok(Tarball {
            bytes,
            from_cache: false,
            weak: expected.is_weak(),
            sha512,
        })
    }

    fn keys(&self, _name: &str) -> Result<Arc<KeySet>> {
        Ok(self.keys.clone())
    }

    fn attestations(&self, name: &str, version: &str) -> Result<Vec<u8>> {
        self.attestations
            .get(&(name.to_string(), version.to_string()))
            .cloned()
            .ok_or_else(|| Error::NotFound {
                package: format!("{name}@{version}"),
                url: format!("memory:{name}@{version}/attestations"),
            })
    }
}
