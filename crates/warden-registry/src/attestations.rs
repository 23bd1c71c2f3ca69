//! The attestations document of a version (`/-/npm/v1/attestations/NAME@VERSION`): the Sigstore
//! bundles of its SLSA provenance and npm publish attestation. Fetched from the configured
//! registry (the path of `dist.attestations.url` joined onto it, as npm's pacote does, so a
//! mirror or proxy answers) and cached like other metadata. A published version's attestations
//! never change, so a cached document is used without revalidation, and offline.

use crate::cache::CachedDoc;
use crate::client::{ACCEPT_FULL, Client, Fetched, check_name};
use crate::error::{Error, Result, display_url};
use url::Url;

/// Largest attestations document accepted (real ones are under 100 KiB).
pub const MAX_ATTESTATIONS_BYTES: usize = 16 << 20;

/// `-/npm/v1/attestations/NAME@VERSION`, scoped names as `@scope%2fname`.
pub fn attestations_path(name: &str, version: &str) -> String {
    format!(
        "-/npm/v1/attestations/{}@{version}",
        name.replacen('/', "%2f", 1)
    )
}

impl Client {
    /// The URL of `name@version`'s attestations document on the configured registry.
    pub async fn attestations_url(&self, name: &str, version: &str) -> Result<Url> {
        check_name(name)?;
        let registry = self.config().registry_for(name).clone();
        let listed = self
            .packument(name)
            .await
            .ok()
            .and_then(|p| p.versions.get(version).cloned())
            .and_then(|v| v.dist.attestations)
            .and_then(|a| Url::parse(&a.url).ok())
            .map(|u| u.path().trim_start_matches('/').to_string())
            .filter(|p| p.starts_with("-/npm/v1/attestations/"));
        let path = listed.unwrap_or_else(|| attestations_path(name, version));
        registry.join(&path).map_err(|e| Error::BadUrl {
            what: format!("{name}@{version} attestations"),
            url: format!("{registry}{path}"),
            reason: e.to_string(),
        })
    }

    /// The attestations document of `name@version` (bytes, checked to be JSON). A registry
    /// that serves none answers [`Error::NotFound`].
    pub async fn attestations(&self, name: &str, version: &str) -> Result<Vec<u8>> {
        let package = format!("{name}@{version}");
        let url = self.attestations_url(name, version).await?;
        let shown = display_url(&url);
        let cache = self.cache();
        if let Some(doc) = cache.get_doc("attestations", url.as_str()) {
            return Ok(doc.body);
        }
        if self.offline() {
            return Err(Error::Offline {
                what: format!("the attestations of {package} ({shown})"),
                path: cache.doc_path("attestations", url.as_str()),
            });
        }
        let Fetched::Body {
            bytes,
            etag,
            last_modified,
            content_type,
            ..
        } = self.fetch(&package, &url, ACCEPT_FULL, None).await?
        else {
            return Err(Error::Status {
                package,
                url: shown,
                status: 304,
            });
        };
        if bytes.len() > MAX_ATTESTATIONS_BYTES {
            return Err(Error::TooLarge {
                package,
                url: shown,
                limit: (MAX_ATTESTATIONS_BYTES >> 20) as u64,
            });
        }
        // Parse before caching: a document that is not JSON is not kept.
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            return Err(Error::Parse {
                package,
                url: shown,
                what: "attestations document",
                reason: e.to_string(),
            });
        }
        let doc = CachedDoc {
            url: url.to_string(),
            etag,
            last_modified,
            content_type,
            body: bytes,
        };
        self.write_doc("attestations", doc.clone()).await?;
        Ok(doc.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_names_keep_one_encoded_slash() {
        assert_eq!(
            attestations_path("@scope/pkg", "1.0.0"),
            "-/npm/v1/attestations/@scope%2fpkg@1.0.0"
        );
        assert_eq!(
            attestations_path("chalk", "5.6.0"),
            "-/npm/v1/attestations/chalk@5.6.0"
        );
    }
}
