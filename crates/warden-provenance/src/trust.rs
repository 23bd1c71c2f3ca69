//! Trust material: the Sigstore trusted root (Fulcio CAs, Rekor logs) and the npm registry's
//! attestation keys. Parsed from bytes; the public-good root and the npm keys ship in the binary.

use crate::{Error, b64};
use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The Sigstore public-good trusted root (refresh: see docs/provenance.md).
pub const PUBLIC_GOOD_TRUSTED_ROOT: &[u8] = include_bytes!("../data/trusted_root.json");
/// The npm registry's signing keys, in the shape of its `/-/npm/v1/keys` response.
pub const NPM_REGISTRY_KEYS: &[u8] = include_bytes!("../data/npm-registry-keys.json");

/// A validity window in Unix seconds; `end` is open when `None`.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: Option<i64>,
    pub end: Option<i64>,
}

impl Window {
    pub fn contains(&self, t: i64) -> bool {
        self.start.is_none_or(|s| s <= t) && self.end.is_none_or(|e| t <= e)
    }
}

/// A Fulcio certificate authority: its chain, issuing certificate first, as DER.
#[derive(Debug, Clone)]
pub struct CertAuthority {
    pub uri: String,
    pub chain: Vec<Vec<u8>>,
    pub valid: Window,
}

/// A transparency log (Rekor) key.
#[derive(Debug, Clone)]
pub struct TlogKey {
    pub log_id: Vec<u8>,
    pub spki_der: Vec<u8>,
    pub valid: Window,
}

/// An npm registry key (signs publish attestations).
#[derive(Debug, Clone)]
pub struct NpmKey {
    pub keyid: String,
    pub spki_der: Vec<u8>,
    /// Unix seconds; attestations integrated after it are not accepted.
    pub expires: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct TrustMaterial {
    pub authorities: Vec<CertAuthority>,
    pub tlogs: Vec<TlogKey>,
    pub npm_keys: Vec<NpmKey>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootDoc {
    #[serde(default)]
    tlogs: Vec<RootTlog>,
    #[serde(default)]
    certificate_authorities: Vec<RootCa>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootTlog {
    public_key: RootKey,
    log_id: RootLogId,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootKey {
    raw_bytes: String,
    valid_for: Option<RootWindow>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootLogId {
    key_id: String,
}
#[derive(Deserialize)]
struct RootWindow {
    start: Option<String>,
    end: Option<String>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootCa {
    #[serde(default)]
    uri: String,
    cert_chain: RootChain,
    valid_for: Option<RootWindow>,
}
#[derive(Deserialize)]
struct RootChain {
    certificates: Vec<RootCert>,
}
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RootCert {
    raw_bytes: String,
}
#[derive(Deserialize)]
struct KeysDoc {
    keys: Vec<NpmKeyEntry>,
}

/// One key of a `{"keys": [...]}` document, as the registry's keys endpoint serves it (and as
/// [`NPM_REGISTRY_KEYS`] holds it). [`read_npm_keys`] is the one reader of that format: the
/// registry client's signature key set and [`TrustMaterial`]'s attestation keys both come from it.
#[derive(Debug, Clone, Deserialize)]
pub struct NpmKeyEntry {
    /// `SHA256:<base64>`, the id signatures and publish attestations name.
    pub keyid: String,
    /// The public key: SPKI DER, base64.
    pub key: String,
    /// RFC 3339; absent or null when the key does not expire.
    #[serde(default)]
    pub expires: Option<String>,
    /// `ecdsa-sha2-nistp256` for every key the registry has used.
    #[serde(default)]
    pub keytype: Option<String>,
}

/// Reads a `{"keys": [...]}` document.
pub fn read_npm_keys(bytes: &[u8]) -> Result<Vec<NpmKeyEntry>, Error> {
    serde_json::from_slice::<KeysDoc>(bytes)
        .map(|d| d.keys)
        .map_err(|e| {
            Error::Trust(format!(
                "npm keys are not a {{\"keys\": [...]}} document: {e}"
            ))
        })
}

pub(crate) fn parse_time(s: &str) -> Result<i64, Error> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map(|t| t.unix_timestamp())
        .map_err(|e| Error::Trust(format!("{s:?} is not an RFC 3339 time: {e}")))
}

fn window(w: Option<RootWindow>) -> Result<Window, Error> {
    let Some(w) = w else {
        return Ok(Window {
            start: None,
            end: None,
        });
    };
    Ok(Window {
        start: w.start.as_deref().map(parse_time).transpose()?,
        end: w.end.as_deref().map(parse_time).transpose()?,
    })
}

impl TrustMaterial {
    /// The public-good Sigstore root and the npm registry keys compiled into the binary.
    pub fn builtin() -> Result<Self, Error> {
        Self::from_json(PUBLIC_GOOD_TRUSTED_ROOT, NPM_REGISTRY_KEYS)
    }

    /// `trusted_root`: a Sigstore `trusted_root.json`; `npm_keys`: `{"keys": [...]}` as the
    /// registry's keys endpoint serves it.
    pub fn from_json(trusted_root: &[u8], npm_keys: &[u8]) -> Result<Self, Error> {
        let root: RootDoc = serde_json::from_slice(trusted_root).map_err(|e| {
            Error::Trust(format!(
                "trusted root is not a sigstore trusted_root.json: {e}"
            ))
        })?;
        let keys = read_npm_keys(npm_keys)?;
        let mut tlogs = Vec::new();
        for t in root.tlogs {
            tlogs.push(TlogKey {
                log_id: b64(&t.log_id.key_id).map_err(Error::Trust)?,
                spki_der: b64(&t.public_key.raw_bytes).map_err(Error::Trust)?,
                valid: window(t.public_key.valid_for)?,
            });
        }
        let mut authorities = Vec::new();
        for ca in root.certificate_authorities {
            let chain = ca
                .cert_chain
                .certificates
                .iter()
                .map(|c| b64(&c.raw_bytes).map_err(Error::Trust))
                .collect::<Result<Vec<_>, _>>()?;
            authorities.push(CertAuthority {
                uri: ca.uri,
                chain,
                valid: window(ca.valid_for)?,
            });
        }
        let mut npm_keys = Vec::new();
        for k in keys {
            npm_keys.push(NpmKey {
                keyid: k.keyid,
                spki_der: b64(&k.key).map_err(Error::Trust)?,
                expires: k.expires.as_deref().map(parse_time).transpose()?,
            });
        }
        if authorities.is_empty() || tlogs.is_empty() {
            return Err(Error::Trust(
                "trusted root names no certificate authority or no transparency log".into(),
            ));
        }
        Ok(TrustMaterial {
            authorities,
            tlogs,
            npm_keys,
        })
    }
}
