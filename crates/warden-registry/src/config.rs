//! npm configuration, read the way npm reads it: `NPM_CONFIG_*` environment variables over the
//! project's `.npmrc`, over the user's (`~/.npmrc` or `NPM_CONFIG_USERCONFIG`), over the global
//! npmrc (`NPM_CONFIG_GLOBALCONFIG`, else `$PREFIX/etc/npmrc`). When none of them sets
//! `registry`, npm's own default comes from `npm config get registry` through [`NpmProbe`], so
//! no registry host is written into warden.
//!
//! Credentials are keyed the way npm keys them ("nerf darts": `//host[:port]/path/:_authToken`)
//! and handed out by [`NpmConfig::auth_for`] only for URLs on that host under that path.

use crate::error::{Error, Result};
use crate::secret::Secret;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use url::Url;

/// Where a setting came from, lowest precedence first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(tag = "kind", content = "path", rename_all = "lowercase")]
pub enum Origin {
    /// `npm config get` (npm's built-in default).
    Npm,
    Global(PathBuf),
    User(PathBuf),
    Project(PathBuf),
    Env,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Npm => f.write_str("npm's default (`npm config get registry`)"),
            Self::Global(p) => write!(f, "global npmrc {}", p.display()),
            Self::User(p) => write!(f, "user npmrc {}", p.display()),
            Self::Project(p) => write!(f, "project npmrc {}", p.display()),
            Self::Env => f.write_str("NPM_CONFIG_* environment variables"),
        }
    }
}

/// Asks the installed npm for a setting. The real one runs `npm config get`; tests inject theirs.
pub trait NpmProbe {
    /// The values of `keys`, or `None` when npm is not installed or fails.
    fn get(&self, keys: &[&str]) -> Option<BTreeMap<String, String>>;
}

/// Runs `npm config get KEY…` in the project directory (it runs no package code).
#[derive(Debug, Clone, Default)]
pub struct SystemNpm {
    /// Where to run npm, so it sees the same project .npmrc warden read.
    pub cwd: Option<PathBuf>,
}

impl SystemNpm {
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            cwd: Some(dir.to_path_buf()),
        }
    }
}

impl NpmProbe for SystemNpm {
    fn get(&self, keys: &[&str]) -> Option<BTreeMap<String, String>> {
        let mut cmd = std::process::Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" });
        if let Some(dir) = self.cwd.as_ref().filter(|d| d.is_dir()) {
            cmd.current_dir(dir);
        }
        let out = cmd
            .arg("config")
            .arg("get")
            .args(keys)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut map = BTreeMap::new();
        if keys.len() == 1 {
            let v = text.trim();
            if v.is_empty() || v == "undefined" || v == "null" {
                return Some(map);
            }
            map.insert(keys[0].to_string(), v.to_string());
            return Some(map);
        }
        for line in text.lines() {
            if let Some((k, v)) = line.split_once('=') {
                let v = v.trim();
                if !v.is_empty() && v != "undefined" && v != "null" {
                    map.insert(k.trim().to_string(), v.to_string());
                }
            }
        }
        Some(map)
    }
}

/// A probe that knows nothing, as when npm is not installed.
pub struct NoNpm;

impl NpmProbe for NoNpm {
    fn get(&self, _keys: &[&str]) -> Option<BTreeMap<String, String>> {
        None
    }
}

/// A probe answering from a fixed map (tests).
pub struct FixedNpm(pub BTreeMap<String, String>);

impl NpmProbe for FixedNpm {
    fn get(&self, keys: &[&str]) -> Option<BTreeMap<String, String>> {
        Some(
            keys.iter()
                .filter_map(|k| self.0.get(*k).map(|v| (k.to_string(), v.clone())))
                .collect(),
        )
    }
}

/// What the loader reads: the environment (as a map, so tests pass their own), the project
/// directory and the home directory.
#[derive(Debug, Clone, Default)]
pub struct ConfigInputs {
    pub env: BTreeMap<String, String>,
    pub project_dir: PathBuf,
    pub home: Option<PathBuf>,
}

impl ConfigInputs {
    /// The process environment, the given project directory and the user's home.
    pub fn from_process(project_dir: &Path) -> Self {
        Self {
            env: std::env::vars().collect(),
            project_dir: project_dir.to_path_buf(),
            home: std::env::var_os("HOME")
                .or_else(|| std::env::var_os("USERPROFILE"))
                .map(PathBuf::from),
        }
    }

    fn var(&self, name: &str) -> Option<&str> {
        self.env
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// An `npm_config_*` variable, matched case-insensitively as npm does.
    fn npm_var(&self, key: &str) -> Option<&str> {
        self.env
            .iter()
            .find(|(k, v)| !v.is_empty() && env_key(k).as_deref() == Some(key))
            .map(|(_, v)| v.as_str())
    }
}

/// `NPM_CONFIG_STRICT_SSL` → `strict-ssl`; `npm_config__auth` → `_auth` (npm keeps a leading
/// underscore and turns the others into dashes).
fn env_key(var: &str) -> Option<String> {
    const PREFIX: &str = "npm_config_";
    if var.len() <= PREFIX.len() || !var[..PREFIX.len()].eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let rest = &var[PREFIX.len()..];
    let mut out = String::with_capacity(rest.len());
    for (i, c) in rest.chars().enumerate() {
        if c == '_' && i > 0 {
            out.push('-');
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    Some(out)
}

/// Credentials for one registry prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// `_authToken`: sent as `Authorization: Bearer …`.
    Bearer(Secret),
    /// `_auth`, or `username` + `_password`: sent as `Authorization: Basic …`.
    Basic(Secret),
}

impl Auth {
    /// The `Authorization` header value.
    pub fn header_value(&self) -> String {
        match self {
            Self::Bearer(t) => format!("Bearer {}", t.expose()),
            Self::Basic(b) => format!("Basic {}", b.expose()),
        }
    }
}

/// The settings warden uses, merged from every source.
#[derive(Debug, Clone)]
pub struct NpmConfig {
    /// The default registry, always ending in `/`.
    pub registry: Url,
    pub registry_origin: Origin,
    /// `@scope:registry` entries, scope without `@`.
    pub scopes: BTreeMap<String, Url>,
    /// Credentials by nerf dart (`//host[:port]/path/`).
    auth: BTreeMap<String, Auth>,
    pub strict_ssl: bool,
    pub cafile: Option<PathBuf>,
    pub proxy: Option<Url>,
    pub https_proxy: Option<Url>,
    pub noproxy: Vec<String>,
    /// The files that were read, in precedence order (lowest first).
    pub files: Vec<Origin>,
}

/// One parsed npmrc: its keys in order, after `${VAR}` expansion.
struct Layer {
    origin: Origin,
    entries: BTreeMap<String, String>,
}

impl NpmConfig {
    /// A configuration with only a registry: for tests and for callers that set everything.
    pub fn with_registry(registry: &str) -> Result<Self> {
        Ok(Self {
            registry: registry_url("registry", registry)?,
            registry_origin: Origin::Env,
            scopes: BTreeMap::new(),
            auth: BTreeMap::new(),
            strict_ssl: true,
            cafile: None,
            proxy: None,
            https_proxy: None,
            noproxy: Vec::new(),
            files: Vec::new(),
        })
    }

    /// Adds a token for a nerf dart (`//host:port/path/`), as `//…/:_authToken=` in .npmrc would.
    pub fn add_token(&mut self, nerf_dart: &str, token: &str) {
        self.auth
            .insert(normalise_dart(nerf_dart), Auth::Bearer(Secret::new(token)));
    }

    /// Reads every npmrc and `NPM_CONFIG_*` variable; asks npm only for what they leave unset.
    pub fn load(inputs: &ConfigInputs, npm: &dyn NpmProbe) -> Result<Self> {
        let mut layers: Vec<Layer> = Vec::new();
        let mut probed: Option<Option<BTreeMap<String, String>>> = None;

        // Global: NPM_CONFIG_GLOBALCONFIG, else $PREFIX/etc/npmrc, else ask npm where it is.
        let global = inputs
            .npm_var("globalconfig")
            .map(PathBuf::from)
            .or_else(|| {
                inputs
                    .npm_var("prefix")
                    .or_else(|| inputs.var("PREFIX"))
                    .map(|p| Path::new(p).join("etc").join("npmrc"))
            })
            .or_else(|| {
                let got = npm.get(&["registry", "globalconfig"]);
                let path = got
                    .as_ref()
                    .and_then(|m| m.get("globalconfig"))
                    .map(PathBuf::from);
                probed = Some(got);
                path
            });
        if let Some(path) = global
            && let Some(layer) = read_layer(&path, Origin::Global(path.clone()), inputs)?
        {
            layers.push(layer);
        }
        let user = inputs
            .npm_var("userconfig")
            .map(PathBuf::from)
            .or_else(|| inputs.home.as_ref().map(|h| h.join(".npmrc")));
        if let Some(path) = user
            && let Some(layer) = read_layer(&path, Origin::User(path.clone()), inputs)?
        {
            layers.push(layer);
        }
        let project = inputs.project_dir.join(".npmrc");
        if let Some(layer) = read_layer(&project, Origin::Project(project.clone()), inputs)? {
            layers.push(layer);
        }
        let mut env_entries = BTreeMap::new();
        for (k, v) in &inputs.env {
            if v.is_empty() {
                continue;
            }
            if let Some(key) = env_key(k) {
                env_entries.insert(key, v.clone());
            }
        }
        layers.push(Layer {
            origin: Origin::Env,
            entries: env_entries,
        });

        // Merge: later layers win.
        let mut merged: BTreeMap<String, (String, Origin)> = BTreeMap::new();
        for layer in &layers {
            for (k, v) in &layer.entries {
                merged.insert(k.clone(), (v.clone(), layer.origin.clone()));
            }
        }
        let files = layers
            .iter()
            .map(|l| l.origin.clone())
            .filter(|o| *o != Origin::Env)
            .collect();

        let (registry, registry_origin) = match merged.get("registry") {
            Some((v, o)) => (registry_url(&format!("registry (from {o})"), v)?, o.clone()),
            None => {
                let got = match probed {
                    Some(got) => got,
                    None => npm.get(&["registry"]),
                };
                match got.as_ref().and_then(|m| m.get("registry")) {
                    Some(v) => (
                        registry_url("registry (from `npm config get registry`)", v)?,
                        Origin::Npm,
                    ),
                    None => return Err(Error::NoRegistry),
                }
            }
        };

        let mut scopes = BTreeMap::new();
        let mut auth = BTreeMap::new();
        for (k, (v, o)) in &merged {
            if let Some(scope) = k
                .strip_prefix('@')
                .and_then(|s| s.strip_suffix(":registry"))
            {
                scopes.insert(
                    scope.to_string(),
                    registry_url(&format!("{k} (from {o})"), v)?,
                );
            }
        }
        // Per-host credentials: //host/path/:_authToken, :_auth, :username + :_password.
        let mut darts: BTreeMap<String, BTreeMap<&str, &str>> = BTreeMap::new();
        for (k, (v, _)) in &merged {
            if !k.starts_with("//") {
                continue;
            }
            if let Some((dart, field)) = k.rsplit_once(":") {
                darts
                    .entry(normalise_dart(dart))
                    .or_default()
                    .insert(field, v.as_str());
            }
        }
        // Legacy top-level credentials belong to the default registry only.
        let default_dart = nerf_dart(&registry);
        for field in ["_authToken", "_auth", "username", "_password"] {
            if let Some((v, _)) = merged.get(field) {
                darts
                    .entry(default_dart.clone())
                    .or_default()
                    .entry(field)
                    .or_insert(v.as_str());
            }
        }
        for (dart, fields) in darts {
            if let Some(a) = auth_from_fields(&fields) {
                auth.insert(dart, a);
            }
        }

        let bool_of = |key: &str, default: bool| match merged.get(key).map(|(v, _)| v.as_str()) {
            Some("false") => false,
            Some("true") => true,
            _ => default,
        };
        let url_of = |key: &str| -> Result<Option<Url>> {
            match merged.get(key) {
                Some((v, o)) if !v.is_empty() && v != "null" && v != "false" => {
                    Url::parse(v).map(Some).map_err(|e| Error::BadUrl {
                        what: format!("{key} (from {o})"),
                        url: v.clone(),
                        reason: e.to_string(),
                    })
                }
                _ => Ok(None),
            }
        };
        let noproxy = merged
            .get("noproxy")
            .or_else(|| merged.get("no-proxy"))
            .map(|(v, _)| {
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .or_else(|| {
                inputs
                    .var("NO_PROXY")
                    .or_else(|| inputs.var("no_proxy"))
                    .map(|v| v.split(',').map(|s| s.trim().to_string()).collect())
            })
            .unwrap_or_default();
        Ok(Self {
            registry,
            registry_origin,
            scopes,
            auth,
            strict_ssl: bool_of("strict-ssl", true),
            cafile: merged
                .get("cafile")
                .map(|(v, _)| PathBuf::from(v))
                .filter(|p| !p.as_os_str().is_empty()),
            // npm's defaults for these are the usual environment variables.
            proxy: match url_of("proxy")? {
                Some(u) => Some(u),
                None => env_proxy(inputs, &["HTTP_PROXY", "http_proxy"])?,
            },
            https_proxy: match url_of("https-proxy")? {
                Some(u) => Some(u),
                None => env_proxy(inputs, &["HTTPS_PROXY", "https_proxy"])?,
            },
            noproxy,
            files,
        })
    }

    /// The registry that serves `name`: its scope's `@scope:registry`, else the default.
    pub fn registry_for(&self, name: &str) -> &Url {
        name.strip_prefix('@')
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(scope, _)| self.scopes.get(scope))
            .unwrap_or(&self.registry)
    }

    /// Credentials for a request to `url`: those of the longest configured `//host/path/` that is
    /// a prefix of the URL's host and path, as npm-registry-fetch does. A URL on another host (or
    /// port, or outside the path) gets none.
    pub fn auth_for(&self, url: &Url) -> Option<&Auth> {
        let host = url.host_str()?;
        let mut key = match url.port() {
            Some(p) => format!("//{host}:{p}{}", url.path()),
            None => format!("//{host}{}", url.path()),
        };
        loop {
            if let Some(a) = self.auth.get(&key) {
                return Some(a);
            }
            // Walk up: drop the last segment, or the trailing slash.
            if key.len() <= 2 {
                return None;
            }
            if key.ends_with('/') {
                key.pop();
                if let Some(a) = self.auth.get(&key) {
                    return Some(a);
                }
            }
            match key.rfind('/') {
                Some(i) if i >= 2 => key.truncate(i + 1),
                _ => return None,
            }
        }
    }

    /// The nerf darts that have credentials (no secrets), for `--verbose`.
    pub fn credential_scopes(&self) -> Vec<String> {
        self.auth.keys().cloned().collect()
    }
}

fn env_proxy(inputs: &ConfigInputs, names: &[&str]) -> Result<Option<Url>> {
    for n in names {
        if let Some(v) = inputs.var(n) {
            return Url::parse(v).map(Some).map_err(|e| Error::BadUrl {
                what: format!("the {n} environment variable"),
                url: v.to_string(),
                reason: e.to_string(),
            });
        }
    }
    Ok(None)
}

fn auth_from_fields(fields: &BTreeMap<&str, &str>) -> Option<Auth> {
    if let Some(t) = fields.get("_authToken").filter(|t| !t.is_empty()) {
        return Some(Auth::Bearer(Secret::new(*t)));
    }
    if let Some(a) = fields.get("_auth").filter(|t| !t.is_empty()) {
        return Some(Auth::Basic(Secret::new(*a)));
    }
    if let (Some(user), Some(pass)) = (fields.get("username"), fields.get("_password")) {
        // `_password` is stored base64-encoded in .npmrc.
        let pass = STANDARD.decode(pass.trim()).ok()?;
        let pass = String::from_utf8(pass).ok()?;
        return Some(Auth::Basic(Secret::new(
            STANDARD.encode(format!("{user}:{pass}")),
        )));
    }
    None
}

/// `//host:port/path/` for a registry URL: no scheme, no user info, a trailing slash.
pub fn nerf_dart(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    let mut path = url.path().to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    match url.port() {
        Some(p) => format!("//{host}:{p}{path}"),
        None => format!("//{host}{path}"),
    }
}

/// `//Host:port/path` → `//host:port/path/`: host names compare case-insensitively, as URLs do.
fn normalise_dart(dart: &str) -> String {
    let rest = dart.strip_prefix("//").unwrap_or(dart);
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut d = format!("//{}{path}", host.to_ascii_lowercase());
    if !d.ends_with('/') {
        d.push('/');
    }
    d
}

fn registry_url(what: &str, value: &str) -> Result<Url> {
    let mut v = value.trim().to_string();
    if !v.ends_with('/') {
        v.push('/');
    }
    let url = Url::parse(&v).map_err(|e| Error::BadUrl {
        what: what.to_string(),
        url: value.to_string(),
        reason: e.to_string(),
    })?;
    if url.scheme() != "https" && url.scheme() != "http" {
        return Err(Error::BadUrl {
            what: what.to_string(),
            url: value.to_string(),
            reason: "expected an http:// or https:// URL".into(),
        });
    }
    Ok(url)
}

fn read_layer(path: &Path, origin: Origin, inputs: &ConfigInputs) -> Result<Option<Layer>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => return Ok(None),
        Err(e) => {
            return Err(Error::Config {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
                help: "check the file's permissions".into(),
            });
        }
    };
    let entries = parse_npmrc(&text, &path.display().to_string(), &inputs.env)?;
    Ok(Some(Layer { origin, entries }))
}

/// Parses an npmrc (ini: `key = value`, `;`/`#` comments, `[section]` prefixes, quoted values),
/// expanding `${VAR}` in keys and values. An unset `${VAR}` is an error, as in npm; `${VAR?}`
/// expands to nothing.
pub fn parse_npmrc(
    text: &str,
    file: &str,
    env: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut section = String::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with(';') || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].trim().to_string();
            continue;
        }
        let (k, v) = match line.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (line, "true"),
        };
        let k = k.strip_suffix("[]").unwrap_or(k);
        let v = unquote(v);
        let k = expand(k, env).map_err(|var| missing_var(file, i + 1, &var))?;
        let v = expand(&v, env).map_err(|var| missing_var(file, i + 1, &var))?;
        let key = if section.is_empty() {
            k
        } else {
            format!("{section}.{k}")
        };
        out.insert(key, v);
    }
    Ok(out)
}

fn missing_var(file: &str, line: usize, var: &str) -> Error {
    Error::Config {
        file: file.to_string(),
        line,
        message: format!("${{{var}}} is not set"),
        help: format!(
            "set the {var} environment variable, or write ${{{var}?}} to allow it to be empty"
        ),
    }
}

fn unquote(v: &str) -> String {
    let b = v.as_bytes();
    if b.len() >= 2 && b[0] == b'"' && b[b.len() - 1] == b'"' {
        return serde_json::from_str::<String>(v).unwrap_or_else(|_| v[1..v.len() - 1].to_string());
    }
    if b.len() >= 2 && b[0] == b'\'' && b[b.len() - 1] == b'\'' {
        return v[1..v.len() - 1].to_string();
    }
    // An unquoted value ends at an inline comment.
    let cut = v
        .char_indices()
        .find(|&(i, c)| (c == ';' || c == '#') && (i == 0 || v.as_bytes()[i - 1] == b' '))
        .map(|(i, _)| i)
        .unwrap_or(v.len());
    v[..cut].trim_end().to_string()
}

/// `${NAME}` → the variable; `${NAME?}` → the variable or nothing; `\${…}` stays literal.
fn expand(s: &str, env: &BTreeMap<String, String>) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("${") {
        let escaped = rest[..i].ends_with('\\');
        let Some(end) = rest[i..].find('}') else {
            break;
        };
        let inner = &rest[i + 2..i + end];
        if escaped {
            out.push_str(&rest[..i - 1]);
            out.push_str(&rest[i..=i + end]);
        } else {
            out.push_str(&rest[..i]);
            let (name, optional) = match inner.strip_suffix('?') {
                Some(n) => (n, true),
                None => (inner, false),
            };
            match env.get(name) {
                Some(v) => out.push_str(v),
                None if optional => {}
                None => return Err(name.to_string()),
            }
        }
        rest = &rest[i + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests;
