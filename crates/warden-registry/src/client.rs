//! The async registry client: packuments (full and abbreviated), tarballs and key sets over
//! HTTP, through the cache. Credentials are attached per request from [`NpmConfig::auth_for`],
//! so a token only ever goes to the `//host/path/` it was configured for; reqwest drops the
//! `Authorization` header on a redirect to another origin.
//!
//! Requests are bounded by a semaphore, retried with exponential backoff on 5xx, 429, timeouts,
//! connection failures and cut-short bodies (a bounded number of times), and revalidated with
//! `If-None-Match` / `If-Modified-Since` when the cache holds a copy.

use crate::cache::{Cache, CachedDoc};
use crate::config::NpmConfig;
use crate::error::{Error, Result, display_url};
use crate::packument::Packument;
use crate::tarball::{self, StreamHasher, Tarball};
use crate::trust::KeySet;
use futures_util::StreamExt as _;
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OnceCell, Semaphore};
use url::Url;
use warden_lockfile::Integrity;

/// `Accept` for abbreviated ("corgi") documents, falling back to full JSON.
pub const ACCEPT_ABBREVIATED: &str =
    "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";
pub const ACCEPT_FULL: &str = "application/json";

/// Largest packument or tarball warden reads.
pub const MAX_BODY_MIB: u64 = 512;

/// Which packument document to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// Everything, including `time`, maintainers and `_npmUser`.
    Full,
    /// What an installer needs; no `time`, maintainers or publisher.
    Abbreviated,
}

impl DocKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Abbreviated => "abbreviated",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Use only the cache.
    pub offline: bool,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Retries after the first attempt.
    pub retries: u32,
    /// First backoff delay; doubled each retry.
    pub retry_delay: Duration,
    /// Per-request read timeout.
    pub timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            offline: false,
            concurrency: 16,
            retries: 3,
            retry_delay: Duration::from_millis(250),
            timeout: Duration::from_secs(60),
        }
    }
}

/// The registry client. Cheap to clone: clones share the connection pool, the limit, the cache
/// and the in-memory memo of packuments.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

type Memo<T> = Mutex<HashMap<String, Arc<OnceCell<Arc<T>>>>>;

struct Inner {
    http: reqwest::Client,
    config: NpmConfig,
    cache: Cache,
    opts: ClientOptions,
    limit: Arc<Semaphore>,
    notes: Mutex<BTreeSet<String>>,
    packuments: Memo<Packument>,
    keys: Memo<KeySet>,
}

pub(crate) enum Fetched {
    NotModified,
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
        content_type: Option<String>,
        compressed_unknown: bool,
    },
}

impl Client {
    pub fn new(config: NpmConfig, cache: Cache, opts: ClientOptions) -> Result<Self> {
        let mut b = reqwest::Client::builder()
            .user_agent(concat!("warden/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(15))
            .read_timeout(opts.timeout)
            .redirect(reqwest::redirect::Policy::limited(5));
        if !config.strict_ssl {
            b = b.danger_accept_invalid_certs(true);
        }
        if let Some(path) = &config.cafile {
            let pem = std::fs::read(path).map_err(|e| Error::Config {
                file: path.display().to_string(),
                line: 0,
                message: format!("cafile cannot be read: {e}"),
                help: "fix the cafile setting in .npmrc".into(),
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| Error::Config {
                file: path.display().to_string(),
                line: 0,
                message: format!("cafile is not a PEM certificate bundle: {e}"),
                help: "point cafile at a PEM file of CA certificates".into(),
            })?;
            for c in certs {
                b = b.add_root_certificate(c);
            }
        }
        // Proxies come from the npm configuration only (which already folds in HTTP_PROXY and
        // friends); loopback never goes through a proxy.
        b = b.no_proxy();
        let mut bypass = vec!["localhost".to_string(), "127.0.0.1".into(), "::1".into()];
        bypass.extend(config.noproxy.iter().cloned());
        let no_proxy = reqwest::NoProxy::from_string(&bypass.join(","));
        if let Some(p) = config.https_proxy.as_ref().or(config.proxy.as_ref()) {
            let proxy = reqwest::Proxy::https(p.as_str())
                .map_err(|e| Error::Other(format!("https-proxy {}: {e}", display_url(p))))?
                .no_proxy(no_proxy.clone());
            b = b.proxy(proxy);
        }
        if let Some(p) = &config.proxy {
            let proxy = reqwest::Proxy::http(p.as_str())
                .map_err(|e| Error::Other(format!("proxy {}: {e}", display_url(p))))?
                .no_proxy(no_proxy);
            b = b.proxy(proxy);
        }
        let http = b
            .build()
            .map_err(|e| Error::Other(format!("cannot set up the HTTP client: {e}")))?;
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                limit: Arc::new(Semaphore::new(opts.concurrency.max(1))),
                config,
                cache,
                opts,
                notes: Mutex::new(BTreeSet::new()),
                packuments: Mutex::new(HashMap::new()),
                keys: Mutex::new(HashMap::new()),
            }),
        })
    }

    pub fn config(&self) -> &NpmConfig {
        &self.inner.config
    }

    pub fn cache(&self) -> &Cache {
        &self.inner.cache
    }

    pub fn offline(&self) -> bool {
        self.inner.opts.offline
    }

    /// What the client noticed about the registry (missing ETags, abbreviated documents, keys…),
    /// for `--verbose`. Each note once.
    pub fn notes(&self) -> Vec<String> {
        self.inner
            .notes
            .lock()
            .map(|n| n.iter().cloned().collect())
            .unwrap_or_default()
    }

    pub(crate) fn note(&self, text: String) {
        if let Ok(mut n) = self.inner.notes.lock() {
            n.insert(text);
        }
    }

    /// The packument URL for `name`: its registry plus the name, scoped ones as `@scope%2fname`.
    pub fn packument_url(&self, name: &str) -> Result<Url> {
        check_name(name)?;
        let registry = self.inner.config.registry_for(name);
        let path = name.replacen('/', "%2f", 1);
        registry.join(&path).map_err(|e| Error::BadUrl {
            what: name.to_string(),
            url: format!("{registry}{path}"),
            reason: e.to_string(),
        })
    }

    /// The full packument (memoised for the client's lifetime; concurrent callers share one
    /// request).
    pub async fn packument(&self, name: &str) -> Result<Arc<Packument>> {
        self.packument_kind(name, DocKind::Full).await
    }

    pub async fn packument_kind(&self, name: &str, kind: DocKind) -> Result<Arc<Packument>> {
        let key = format!("{}\n{name}", kind.as_str());
        let cell = {
            let mut m = self
                .inner
                .packuments
                .lock()
                .map_err(|_| Error::Other("packument memo poisoned".into()))?;
            m.entry(key).or_default().clone()
        };
        cell.get_or_try_init(|| self.fetch_packument(name, kind))
            .await
            .cloned()
    }

    async fn fetch_packument(&self, name: &str, kind: DocKind) -> Result<Arc<Packument>> {
        let url = self.packument_url(name)?;
        let shown = display_url(&url);
        let cache = &self.inner.cache;
        let cached = cache.get_doc(kind.as_str(), url.as_str());
        if self.inner.opts.offline {
            let Some(doc) = cached else {
                return Err(Error::Offline {
                    what: format!("the packument of {name} ({shown})"),
                    path: cache.doc_path(kind.as_str(), url.as_str()),
                });
            };
            return parse_packument(name, &shown, &doc.body).map(Arc::new);
        }
        let accept = match kind {
            DocKind::Full => ACCEPT_FULL,
            DocKind::Abbreviated => ACCEPT_ABBREVIATED,
        };
        let fetched = self.fetch(name, &url, accept, cached.as_ref()).await?;
        let host = url.host_str().unwrap_or_default().to_string();
        let doc = match fetched {
            Fetched::NotModified => match cached {
                Some(doc) => doc,
                None => {
                    return Err(Error::Status {
                        package: name.to_string(),
                        url: shown,
                        status: 304,
                    });
                }
            },
            Fetched::Body {
                bytes,
                etag,
                last_modified,
                content_type,
                compressed_unknown,
            } => {
                if etag.is_none() && last_modified.is_none() {
                    self.note(format!("{host} sends no ETag or Last-Modified: packuments are downloaded in full on every run"));
                }
                if compressed_unknown && bytes.len() > 4096 {
                    self.note(format!("{host} sends packuments without gzip"));
                }
                if kind == DocKind::Abbreviated
                    && !content_type
                        .as_deref()
                        .is_some_and(|c| c.contains("vnd.npm.install-v1"))
                {
                    self.note(format!(
                        "{host} serves no abbreviated documents: full ones are used"
                    ));
                }
                let doc = CachedDoc {
                    url: url.to_string(),
                    etag,
                    last_modified,
                    content_type,
                    body: bytes,
                };
                // Parse before caching: a document that does not parse is not kept.
                parse_packument(name, &shown, &doc.body)?;
                self.write_doc(kind.as_str(), doc.clone()).await?;
                doc
            }
        };
        let p = parse_packument(name, &shown, &doc.body)?;
        if kind == DocKind::Full {
            let no_people =
                p.maintainers.is_empty() && p.versions.values().all(|v| v.npm_user.is_none());
            if no_people && !p.versions.is_empty() {
                self.note(format!("packuments from {host} carry no maintainers or _npmUser: publisher checks have nothing to compare"));
            }
            if p.time.is_empty() && !p.versions.is_empty() {
                self.note(format!("packuments from {host} carry no publish times"));
            }
        }
        Ok(Arc::new(p))
    }

    /// The signing keys of the registry that serves `name` (`/-/npm/v1/keys`). A registry that
    /// publishes none yields an empty set, so every signature is reported missing.
    pub async fn keys_for(&self, name: &str) -> Result<Arc<KeySet>> {
        let registry = self.inner.config.registry_for(name).clone();
        let cell = {
            let mut m = self
                .inner
                .keys
                .lock()
                .map_err(|_| Error::Other("keys memo poisoned".into()))?;
            m.entry(registry.to_string()).or_default().clone()
        };
        cell.get_or_try_init(|| self.fetch_keys(&registry))
            .await
            .cloned()
    }

    async fn fetch_keys(&self, registry: &Url) -> Result<Arc<KeySet>> {
        let url = registry
            .join("-/npm/v1/keys")
            .map_err(|e| Error::Other(format!("keys URL: {e}")))?;
        let shown = display_url(&url);
        let cache = &self.inner.cache;
        let cached = cache.get_doc("keys", url.as_str());
        let body = if self.inner.opts.offline {
            match cached {
                Some(d) => d.body,
                None => {
                    return Err(Error::Offline {
                        what: format!("the registry's signing keys ({shown})"),
                        path: cache.doc_path("keys", url.as_str()),
                    });
                }
            }
        } else {
            match self
                .fetch("registry keys", &url, ACCEPT_FULL, cached.as_ref())
                .await
            {
                Ok(Fetched::NotModified) => cached.map(|d| d.body).unwrap_or_default(),
                Ok(Fetched::Body {
                    bytes,
                    etag,
                    last_modified,
                    content_type,
                    ..
                }) => {
                    KeySet::from_registry_json(&bytes).map_err(|e| Error::Parse {
                        package: "registry keys".into(),
                        url: shown.clone(),
                        what: "key set",
                        reason: e.to_string(),
                    })?;
                    let doc = CachedDoc {
                        url: url.to_string(),
                        etag,
                        last_modified,
                        content_type,
                        body: bytes,
                    };
                    self.write_doc("keys", doc.clone()).await?;
                    doc.body
                }
                Err(Error::NotFound { .. }) => {
                    self.note(format!("{} publishes no signing keys ({shown} answered 404): registry signatures are reported missing", url.host_str().unwrap_or_default()));
                    return Ok(Arc::new(KeySet::default()));
                }
                Err(e) => return Err(e),
            }
        };
        KeySet::from_registry_json(&body)
            .map(Arc::new)
            .map_err(|e| Error::Parse {
                package: "registry keys".into(),
                url: shown,
                what: "key set",
                reason: e.to_string(),
            })
    }

    /// A tarball from `url`, verified against `expected` while it streams in, and cached by its
    /// digests. Nothing is cached when the digest does not match.
    pub async fn tarball_at(
        &self,
        package: &str,
        url: &Url,
        expected: &Integrity,
    ) -> Result<Tarball> {
        let cache = &self.inner.cache;
        let weak = expected.is_weak();
        if let Some(bytes) = cache.get_tarball(expected) {
            let sha512 = tarball::sri(
                warden_lockfile::HashAlgorithm::Sha512,
                &tarball::digest(warden_lockfile::HashAlgorithm::Sha512, &bytes),
            );
            return Ok(Tarball {
                bytes,
                from_cache: true,
                weak,
                sha512,
            });
        }
        if self.inner.opts.offline {
            return Err(Error::Offline {
                what: format!("the tarball of {package} ({expected})"),
                path: cache.tarball_path_for(expected),
            });
        }
        let shown = display_url(url);
        let algorithm = expected.strongest().algorithm;
        let (bytes, digests) = self.fetch_tarball(package, url, algorithm).await?;
        tarball::check(package, &shown, expected, &digests)?;
        // The write (and its fsync) runs off the async workers.
        let (c, d, b) = (cache.clone(), digests.clone(), bytes.clone());
        tokio::task::spawn_blocking(move || c.put_tarball(&d, &b))
            .await
            .map_err(|e| Error::Other(format!("cache writer stopped: {e}")))??;
        let sha512 = tarball::sri(digests[0].0, &digests[0].1);
        Ok(Tarball {
            bytes,
            from_cache: false,
            weak,
            sha512,
        })
    }

    /// The tarball of `name@version`: its URL from the packument, verified against the lockfile's
    /// integrity where given (which must agree with the registry's), else the registry's.
    pub async fn tarball(
        &self,
        name: &str,
        version: &str,
        lockfile: Option<&Integrity>,
    ) -> Result<Tarball> {
        let package = format!("{name}@{version}");
        // With a pinned integrity the cache alone can answer, and offline it must.
        if let Some(l) = lockfile
            && (self.inner.cache.get_tarball(l).is_some() || self.inner.opts.offline)
        {
            let url = self.fallback_tarball_url(name, version)?;
            return self.tarball_at(&package, &url, l).await;
        }
        let p = self.packument(name).await?;
        let v = p
            .versions
            .get(version)
            .ok_or_else(|| Error::NoSuchVersion {
                package: name.to_string(),
                version: version.to_string(),
            })?;
        let expected =
            tarball::expected_integrity(&package, lockfile, v.dist.integrity().as_ref())?;
        let url = match v.dist.tarball.as_deref() {
            Some(t) => Url::parse(t).map_err(|e| Error::BadUrl {
                what: format!("{package} dist.tarball"),
                url: t.to_string(),
                reason: e.to_string(),
            })?,
            None => self.fallback_tarball_url(name, version)?,
        };
        self.tarball_at(&package, &url, &expected).await
    }

    /// `REGISTRY/NAME/-/BASENAME-VERSION.tgz`, the conventional layout.
    pub fn fallback_tarball_url(&self, name: &str, version: &str) -> Result<Url> {
        check_name(name)?;
        if version.is_empty()
            || version.contains("..")
            || version
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "/\\?#%:".contains(c))
        {
            return Err(Error::Other(format!(
                "{name}@{version}: {version:?} is not a valid version"
            )));
        }
        let base = name.rsplit('/').next().unwrap_or(name);
        let registry = self.inner.config.registry_for(name);
        registry
            .join(&format!("{name}/-/{base}-{version}.tgz"))
            .map_err(|e| Error::BadUrl {
                what: format!("{name}@{version}"),
                url: registry.to_string(),
                reason: e.to_string(),
            })
    }

    async fn fetch_tarball(
        &self,
        package: &str,
        url: &Url,
        algorithm: warden_lockfile::HashAlgorithm,
    ) -> Result<(Vec<u8>, Vec<(warden_lockfile::HashAlgorithm, Vec<u8>)>)> {
        let shown = display_url(url);
        let mut attempt = 0;
        loop {
            let permit = self.permit().await?;
            let result = async {
                let resp = self.send(package, url, "*/*", None).await?;
                let expected_len = resp.content_length();
                let mut hasher = StreamHasher::new(algorithm);
                let mut bytes =
                    Vec::with_capacity(expected_len.unwrap_or(0).min(64 << 20) as usize);
                let mut stream = resp.bytes_stream();
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|e| Error::Truncated {
                        package: package.to_string(),
                        url: shown.clone(),
                        reason: format!("after {} bytes: {}", bytes.len(), error_chain(&e)),
                    })?;
                    if (bytes.len() + chunk.len()) as u64 > MAX_BODY_MIB << 20 {
                        return Err(Error::TooLarge {
                            package: package.to_string(),
                            url: shown.clone(),
                            limit: MAX_BODY_MIB,
                        });
                    }
                    hasher.update(&chunk);
                    bytes.extend_from_slice(&chunk);
                }
                if let Some(n) = expected_len
                    && n != bytes.len() as u64
                {
                    return Err(Error::Truncated {
                        package: package.to_string(),
                        url: shown.clone(),
                        reason: format!("{} of {n} bytes arrived", bytes.len()),
                    });
                }
                Ok((bytes, hasher.finish()))
            }
            .await;
            drop(permit);
            match result {
                Err(e) if retryable(&e) && attempt < self.inner.opts.retries => {
                    self.backoff(attempt).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    pub(crate) async fn write_doc(&self, kind: &'static str, doc: CachedDoc) -> Result<()> {
        let cache = self.inner.cache.clone();
        tokio::task::spawn_blocking(move || cache.put_doc(kind, &doc))
            .await
            .map_err(|e| Error::Other(format!("cache writer stopped: {e}")))?
    }

    async fn permit(&self) -> Result<tokio::sync::OwnedSemaphorePermit> {
        self.inner
            .limit
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Error::Other("request limiter closed".into()))
    }

    async fn backoff(&self, attempt: u32) {
        let d = self.inner.opts.retry_delay * 2u32.saturating_pow(attempt.min(6));
        tokio::time::sleep(d).await;
    }

    /// GET with credentials for this URL only, conditional headers from `cached`, and the
    /// status mapped to errors. Retries are the caller's.
    async fn send(
        &self,
        package: &str,
        url: &Url,
        accept: &str,
        cached: Option<&CachedDoc>,
    ) -> Result<reqwest::Response> {
        let shown = display_url(url);
        let mut req = self.inner.http.get(url.clone()).header(ACCEPT, accept);
        if let Some(auth) = self.inner.config.auth_for(url) {
            req = req.header(AUTHORIZATION, auth.header_value());
        }
        if let Some(c) = cached {
            if let Some(e) = &c.etag {
                req = req.header(IF_NONE_MATCH, e);
            }
            if let Some(l) = &c.last_modified {
                req = req.header(IF_MODIFIED_SINCE, l);
            }
        }
        let resp = req.send().await.map_err(|e| Error::Network {
            package: package.to_string(),
            url: shown.clone(),
            reason: error_chain(&e),
        })?;
        let status = resp.status();
        if status == StatusCode::NOT_FOUND {
            return Err(Error::NotFound {
                package: package.to_string(),
                url: shown,
            });
        }
        if status == StatusCode::NOT_MODIFIED || status.is_success() {
            return Ok(resp);
        }
        Err(Error::Status {
            package: package.to_string(),
            url: shown,
            status: status.as_u16(),
        })
    }

    pub(crate) async fn fetch(
        &self,
        package: &str,
        url: &Url,
        accept: &str,
        cached: Option<&CachedDoc>,
    ) -> Result<Fetched> {
        let shown = display_url(url);
        let mut attempt = 0;
        loop {
            let permit = self.permit().await?;
            let result = async {
                let resp = self.send(package, url, accept, cached).await?;
                if resp.status() == StatusCode::NOT_MODIFIED {
                    return Ok(Fetched::NotModified);
                }
                let header = |h| {
                    resp.headers()
                        .get(h)
                        .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                        .map(str::to_string)
                };
                let etag = header(ETAG);
                let last_modified = header(LAST_MODIFIED);
                let content_type = header(reqwest::header::CONTENT_TYPE);
                let expected_len = resp.content_length();
                let mut bytes = Vec::new();
                let mut stream = resp.bytes_stream();
                while let Some(chunk) = stream.next().await {
                    let chunk = chunk.map_err(|e| Error::Truncated {
                        package: package.to_string(),
                        url: shown.clone(),
                        reason: format!("after {} bytes: {}", bytes.len(), error_chain(&e)),
                    })?;
                    if (bytes.len() + chunk.len()) as u64 > MAX_BODY_MIB << 20 {
                        return Err(Error::TooLarge {
                            package: package.to_string(),
                            url: shown.clone(),
                            limit: MAX_BODY_MIB,
                        });
                    }
                    bytes.extend_from_slice(&chunk);
                }
                if let Some(n) = expected_len
                    && n != bytes.len() as u64
                {
                    return Err(Error::Truncated {
                        package: package.to_string(),
                        url: shown.clone(),
                        reason: format!("{} of {n} bytes arrived", bytes.len()),
                    });
                }
                Ok(Fetched::Body {
                    bytes,
                    etag,
                    last_modified,
                    content_type,
                    // reqwest drops Content-Length when it decompresses.
                    compressed_unknown: expected_len.is_some(),
                })
            }
            .await;
            drop(permit);
            match result {
                Err(e) if retryable(&e) && attempt < self.inner.opts.retries => {
                    self.backoff(attempt).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }
}

fn retryable(e: &Error) -> bool {
    match e {
        Error::Status { status, .. } => *status >= 500 || *status == 429 || *status == 408,
        Error::Network { .. } | Error::Truncated { .. } => true,
        _ => false,
    }
}

fn parse_packument(name: &str, url: &str, body: &[u8]) -> Result<Packument> {
    Packument::from_slice(body).map_err(|e| Error::Parse {
        package: name.to_string(),
        url: url.to_string(),
        what: "packument",
        reason: e.to_string(),
    })
}

/// An error and its causes, one line (reqwest hides the useful part in `source()`).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// Rejects names that could not be a package name (and could escape the registry path).
pub fn check_name(name: &str) -> Result<()> {
    let bad = || Error::Other(format!("{name:?} is not a valid npm package name"));
    if name.is_empty() || name.len() > 214 || name.starts_with('.') || name.starts_with('_') {
        return Err(bad());
    }
    if name
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '?' | '#' | '\\' | '%' | ':'))
    {
        return Err(bad());
    }
    let parts: Vec<&str> = name.split('/').collect();
    match parts.as_slice() {
        [one] if !one.starts_with('@') => Ok(()),
        [scope, rest]
            if scope.len() > 1
                && scope.starts_with('@')
                && !rest.is_empty()
                && !rest.starts_with('.') =>
        {
            Ok(())
        }
        _ => Err(bad()),
    }
}
