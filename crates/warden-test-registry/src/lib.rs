//! An npm registry in the test process, on `127.0.0.1:0`: it serves packuments, tarballs,
//! attestations documents and the signing keys from in-memory maps (or a fixture directory), records every request it receives
//! (method, path, headers including `Authorization`) so tests can assert what reached it, and has
//! knobs for the failures a client must survive: 404, 5xx a number of times then success,
//! bodies cut short, delays, ETag revalidation (304) on or off.
//!
//! The server runs on a thread with its own runtime, so blocking and async tests alike can use
//! it; it stops when the [`TestRegistry`] is dropped.

pub mod fixtures;
pub mod sigstore;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use futures_util::StreamExt as _;
use sha2::{Digest as _, Sha256};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A request the server received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query as sent (`/@scope%2fname`).
    pub path: String,
    /// Header names lower case.
    pub headers: Vec<(String, String)>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn authorization(&self) -> Option<&str> {
        self.header("authorization")
    }
}

/// A failure to inject for one path.
#[derive(Debug, Clone)]
pub enum Knob {
    /// Answer 404.
    NotFound,
    /// Answer `status` for the next `times` requests, then serve normally.
    FailThen { status: u16, times: u32 },
    /// Announce the full length but send only `keep` bytes, then break the connection.
    Truncate { keep: usize },
    /// Wait before answering.
    Delay(Duration),
    /// Serve these bytes instead of the stored ones (a tampered tarball).
    Replace(Vec<u8>),
    /// Answer 302 to this URL.
    Redirect(String),
}

#[derive(Debug, Clone)]
struct Resource {
    body: Vec<u8>,
    content_type: &'static str,
}

#[derive(Default)]
struct Inner {
    resources: HashMap<String, Resource>,
    knobs: HashMap<String, Knob>,
    requests: Vec<Recorded>,
    no_validators: bool,
    last_modified_only: bool,
    abbreviated: bool,
}

/// The `Last-Modified` the server sends in last-modified-only mode.
pub const LAST_MODIFIED: &str = "Tue, 01 Oct 2024 10:00:00 GMT";

type Shared = Arc<Mutex<Inner>>;

pub struct TestRegistry {
    addr: SocketAddr,
    state: Shared,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestRegistry {
    /// Starts an empty registry on an ephemeral loopback port.
    pub fn start() -> Self {
        let state: Shared = Arc::default();
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let st = state.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a test registry runtime starts");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("binding 127.0.0.1:0 works in tests");
                let _ = addr_tx.send(
                    listener
                        .local_addr()
                        .expect("a bound socket has an address"),
                );
                let app = axum::Router::new().fallback(handle).with_state(st);
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stop_rx.await;
                    })
                    .await;
            });
        });
        let addr = addr_rx
            .recv()
            .expect("the test registry reports its address");
        Self {
            addr,
            state,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// Starts a registry serving a fixture directory (see [`TestRegistry::load_dir`]).
    pub fn with_fixtures(dir: &std::path::Path) -> Self {
        let r = Self::start();
        r.load_dir(dir);
        r
    }

    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// `127.0.0.1:PORT`, the host part of a nerf dart.
    pub fn host(&self) -> String {
        self.addr.to_string()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Serves `body` at `path` (a path as the client sends it, starting with `/`).
    pub fn put(&self, path: &str, body: Vec<u8>, content_type: &'static str) {
        self.lock()
            .resources
            .insert(path.to_string(), Resource { body, content_type });
    }

    /// Serves a packument for its `name`, with `registry.npm.example` URLs rewritten to this
    /// server. Scoped names answer at `/@scope%2fname` and `/@scope/name`.
    pub fn put_packument(&self, doc: &serde_json::Value) {
        let name = doc["name"].as_str().unwrap_or_default().to_string();
        let body = self.rewrite(&serde_json::to_vec(doc).unwrap_or_default());
        self.put(
            &format!("/{}", name.replacen('/', "%2f", 1)),
            body.clone(),
            "application/json",
        );
        if name.contains('/') {
            self.put(&format!("/{name}"), body, "application/json");
        }
    }

    /// Serves the `/-/npm/v1/keys` document.
    pub fn put_keys(&self, doc: &serde_json::Value) {
        self.put(
            "/-/npm/v1/keys",
            serde_json::to_vec(doc).unwrap_or_default(),
            "application/json",
        );
    }

    /// Serves a tarball at `path`.
    pub fn put_tarball(&self, path: &str, bytes: Vec<u8>) {
        self.put(path, bytes, "application/octet-stream");
    }

    /// Serves every package of a [`fixtures::Fixture`] set: packuments, tarballs, keys.
    pub fn publish(&self, set: &fixtures::FixtureSet) {
        for p in &set.packuments {
            self.put_packument(p);
        }
        for (path, bytes) in &set.tarballs {
            self.put_tarball(path, bytes.clone());
        }
        for (path, doc) in &set.attestations {
            self.put(path, doc.clone(), "application/json");
        }
        self.put_keys(&set.keys);
    }

    /// Loads a fixture directory: `packuments/*.json`, `tarballs/<path>` (served at `/<path>`)
    /// and `keys.json`.
    pub fn load_dir(&self, dir: &std::path::Path) {
        if let Ok(entries) = std::fs::read_dir(dir.join("packuments")) {
            for e in entries.flatten() {
                if let Ok(bytes) = std::fs::read(e.path())
                    && let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&bytes)
                {
                    self.put_packument(&doc);
                }
            }
        }
        let tarballs = dir.join("tarballs");
        let mut stack = vec![tarballs.clone()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let (Ok(rel), Ok(bytes)) = (p.strip_prefix(&tarballs), std::fs::read(&p))
                {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    self.put_tarball(&format!("/{rel}"), bytes);
                }
            }
        }
        if let Ok(bytes) = std::fs::read(dir.join("keys.json")) {
            self.put("/-/npm/v1/keys", bytes, "application/json");
        }
    }

    /// Replaces the placeholder host with this server's address.
    pub fn rewrite(&self, bytes: &[u8]) -> Vec<u8> {
        String::from_utf8_lossy(bytes)
            .replace("https://registry.npm.example/", &self.url())
            .into_bytes()
    }

    /// Injects a failure for `path`.
    pub fn knob(&self, path: &str, knob: Knob) {
        self.lock().knobs.insert(path.to_string(), knob);
    }

    pub fn clear_knob(&self, path: &str) {
        self.lock().knobs.remove(path);
    }

    /// Behave like a mirror: no ETag, no Last-Modified, so no 304.
    pub fn set_validators(&self, on: bool) {
        self.lock().no_validators = !on;
    }

    /// Send `Last-Modified` (and honour `If-Modified-Since`) instead of ETags.
    pub fn set_last_modified_only(&self, on: bool) {
        self.lock().last_modified_only = on;
    }

    /// Serve abbreviated documents (`application/vnd.npm.install-v1+json`) to clients that ask
    /// for them, as the npm registry does. Off by default, as on a mirror.
    pub fn set_abbreviated(&self, on: bool) {
        self.lock().abbreviated = on;
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().requests.clone()
    }

    /// Requests whose path is `path`.
    pub fn requests_to(&self, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }

    pub fn clear_requests(&self) {
        self.lock().requests.clear();
    }
}

impl Drop for TestRegistry {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn etag_of(body: &[u8]) -> String {
    let d = Sha256::digest(body);
    format!(
        "\"{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}\"",
        d[0], d[1], d[2], d[3], d[4], d[5]
    )
}

fn status_response(status: StatusCode, text: &str) -> Response {
    let mut r = Response::new(Body::from(format!("{{\"error\":\"{text}\"}}")));
    *r.status_mut() = status;
    r
}

async fn handle(State(state): State<Shared>, req: Request) -> Response {
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let headers: &HeaderMap = req.headers();
    let recorded = Recorded {
        method: req.method().to_string(),
        path: path.clone(),
        headers: headers
            .iter()
            .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
            .collect(),
    };
    let if_none_match = recorded.header("if-none-match").map(str::to_string);
    let if_modified_since = recorded.header("if-modified-since").map(str::to_string);
    let wants_corgi = recorded
        .header("accept")
        .is_some_and(|a| a.contains("application/vnd.npm.install-v1+json"));
    let (resource, knob, no_validators, abbreviated, last_modified_only) = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        s.requests.push(recorded);
        let mut knob = s.knobs.get(&path).cloned();
        if let Some(Knob::FailThen { status, times }) = &knob {
            if *times == 0 {
                knob = None;
            } else {
                let k = Knob::FailThen {
                    status: *status,
                    times: times - 1,
                };
                s.knobs.insert(path.clone(), k);
            }
        }
        (
            s.resources.get(&path).cloned(),
            knob,
            s.no_validators,
            s.abbreviated,
            s.last_modified_only,
        )
    };
    let mut body_override = None;
    match knob {
        Some(Knob::NotFound) => return status_response(StatusCode::NOT_FOUND, "not found"),
        Some(Knob::FailThen { status, .. }) => {
            return status_response(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                "injected failure",
            );
        }
        Some(Knob::Delay(d)) => tokio::time::sleep(d).await,
        Some(Knob::Replace(b)) => body_override = Some(b),
        Some(Knob::Redirect(to)) => {
            let mut resp = Response::new(Body::empty());
            *resp.status_mut() = StatusCode::FOUND;
            if let Ok(v) = HeaderValue::from_str(&to) {
                resp.headers_mut().insert(header::LOCATION, v);
            }
            return resp;
        }
        Some(Knob::Truncate { keep }) => {
            let Some(r) = resource else {
                return status_response(StatusCode::NOT_FOUND, "not found");
            };
            let full = r.body.len();
            let head = bytes::Bytes::copy_from_slice(&r.body[..keep.min(full)]);
            // The head and the first bytes go out; then the connection breaks.
            let chunks = futures_util::stream::iter([Ok::<_, std::io::Error>(head)]).chain(
                futures_util::stream::once(async {
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    Err(std::io::Error::other("connection cut by the test registry"))
                }),
            );
            let mut resp = Response::new(Body::from_stream(chunks));
            resp.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(full));
            return resp;
        }
        None => {}
    }
    let Some(r) = resource else {
        return status_response(StatusCode::NOT_FOUND, "not found");
    };
    let mut content_type = r.content_type;
    let mut body = body_override.unwrap_or(r.body);
    if abbreviated
        && wants_corgi
        && content_type == "application/json"
        && path != "/-/npm/v1/keys"
        && let Some(b) = abbreviate(&body)
    {
        body = b;
        content_type = "application/vnd.npm.install-v1+json";
    }
    let etag = etag_of(&body);
    if !no_validators && last_modified_only && if_modified_since.as_deref() == Some(LAST_MODIFIED) {
        let mut resp = Response::new(Body::empty());
        *resp.status_mut() = StatusCode::NOT_MODIFIED;
        return resp;
    }
    if !no_validators && !last_modified_only && if_none_match.as_deref() == Some(etag.as_str()) {
        let mut resp = Response::new(Body::empty());
        *resp.status_mut() = StatusCode::NOT_MODIFIED;
        if let Ok(v) = HeaderValue::from_str(&etag) {
            resp.headers_mut().insert(header::ETAG, v);
        }
        return resp;
    }
    let len = body.len();
    let mut resp = Response::new(Body::from(body));
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp.headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    if !no_validators && last_modified_only {
        resp.headers_mut().insert(
            header::LAST_MODIFIED,
            HeaderValue::from_static(LAST_MODIFIED),
        );
    } else if !no_validators && let Ok(v) = HeaderValue::from_str(&etag) {
        resp.headers_mut().insert(header::ETAG, v);
    }
    resp
}

/// The abbreviated form of a packument, with the fields the npm registry keeps in it.
fn abbreviate(body: &[u8]) -> Option<Vec<u8>> {
    let doc: serde_json::Value = serde_json::from_slice(body).ok()?;
    let mut versions = serde_json::Map::new();
    for (v, m) in doc.get("versions")?.as_object()? {
        let mut out = serde_json::Map::new();
        for k in [
            "name",
            "version",
            "dependencies",
            "optionalDependencies",
            "peerDependencies",
            "bundleDependencies",
            "bin",
            "engines",
            "dist",
            "deprecated",
        ] {
            if let Some(x) = m.get(k) {
                out.insert(k.into(), x.clone());
            }
        }
        let scripts = m.get("scripts").and_then(|s| s.as_object());
        if scripts.is_some_and(|s| {
            ["preinstall", "install", "postinstall"]
                .iter()
                .any(|k| s.contains_key(*k))
        }) {
            out.insert("hasInstallScript".into(), serde_json::Value::Bool(true));
        }
        versions.insert(v.clone(), serde_json::Value::Object(out));
    }
    let modified = doc.pointer("/time/modified").cloned().unwrap_or_default();
    serde_json::to_vec(&serde_json::json!({
        "name": doc.get("name"),
        "dist-tags": doc.get("dist-tags"),
        "modified": modified,
        "versions": versions,
    }))
    .ok()
}
