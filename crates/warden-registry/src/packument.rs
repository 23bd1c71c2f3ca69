//! Packuments: the registry's document for one package name, full or abbreviated
//! (`application/vnd.npm.install-v1+json`). Typed where security needs the field; every other
//! field is tolerated and dropped. Fields a mirror strips (`maintainers`, `_npmUser`,
//! `dist.signatures`, `dist.attestations`) are simply empty.

use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Packument {
    pub name: String,
    #[serde(rename = "dist-tags")]
    pub dist_tags: BTreeMap<String, String>,
    pub versions: BTreeMap<String, Version>,
    /// Publish times by version, plus `created` and `modified`. Full documents only. On a mirror
    /// these are the times the mirror first saw each version.
    #[serde(deserialize_with = "lenient_map")]
    pub time: BTreeMap<String, String>,
    #[serde(deserialize_with = "lenient_people")]
    pub maintainers: Vec<Person>,
    /// Abbreviated documents carry `modified` instead of `time`.
    pub modified: Option<String>,
    #[serde(deserialize_with = "lenient_repository")]
    pub repository: Option<Repository>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Version {
    pub name: String,
    pub version: String,
    pub dist: Dist,
    #[serde(deserialize_with = "lenient_map")]
    pub dependencies: BTreeMap<String, String>,
    #[serde(rename = "devDependencies", deserialize_with = "lenient_map")]
    pub dev_dependencies: BTreeMap<String, String>,
    #[serde(rename = "optionalDependencies", deserialize_with = "lenient_map")]
    pub optional_dependencies: BTreeMap<String, String>,
    #[serde(rename = "peerDependencies", deserialize_with = "lenient_map")]
    pub peer_dependencies: BTreeMap<String, String>,
    #[serde(rename = "bundleDependencies", alias = "bundledDependencies")]
    pub bundle_dependencies: serde_json::Value,
    #[serde(deserialize_with = "lenient_map")]
    pub scripts: BTreeMap<String, String>,
    /// Abbreviated documents say `hasInstallScript` instead of listing scripts.
    #[serde(rename = "hasInstallScript")]
    pub has_install_script: Option<bool>,
    /// A deprecation message; `false` or absent means not deprecated.
    #[serde(deserialize_with = "lenient_deprecated")]
    pub deprecated: Option<String>,
    #[serde(rename = "_npmUser", deserialize_with = "lenient_person")]
    pub npm_user: Option<Person>,
    #[serde(deserialize_with = "lenient_people")]
    pub maintainers: Vec<Person>,
    #[serde(deserialize_with = "lenient_repository")]
    pub repository: Option<Repository>,
}

impl Version {
    /// Whether npm would run an install-time script for this version.
    pub fn has_install_scripts(&self) -> bool {
        self.has_install_script.unwrap_or(false)
            || ["preinstall", "install", "postinstall"]
                .iter()
                .any(|s| self.scripts.contains_key(*s))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dist {
    pub integrity: Option<String>,
    pub shasum: Option<String>,
    pub tarball: Option<String>,
    #[serde(rename = "fileCount")]
    pub file_count: Option<u64>,
    #[serde(rename = "unpackedSize")]
    pub unpacked_size: Option<u64>,
    #[serde(deserialize_with = "lenient_vec")]
    pub signatures: Vec<DistSignature>,
    pub attestations: Option<Attestations>,
}

impl Dist {
    /// The strongest integrity the document gives: `integrity`, else the sha1 `shasum`.
    pub fn integrity(&self) -> Option<warden_lockfile::Integrity> {
        let mut i = self
            .integrity
            .as_deref()
            .and_then(warden_lockfile::Integrity::parse);
        if let Some(s) = self
            .shasum
            .as_deref()
            .and_then(warden_lockfile::Integrity::from_sha1_hex)
        {
            match &mut i {
                Some(i) => i.merge(&s),
                None => i = Some(s),
            }
        }
        i
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DistSignature {
    pub keyid: String,
    pub sig: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attestations {
    pub url: String,
    pub provenance: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Repository {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub url: Option<String>,
    pub directory: Option<String>,
}

impl Packument {
    /// Parses a packument, tolerating unknown and oddly typed fields.
    pub fn from_slice(bytes: &[u8]) -> serde_json::Result<Self> {
        serde_json::from_slice(bytes)
    }

    /// The publish time of a version as the document states it.
    pub fn published(&self, version: &str) -> Option<&str> {
        self.time.get(version).map(String::as_str)
    }

    /// True when the document is abbreviated (no `time`, only `modified`).
    pub fn is_abbreviated(&self) -> bool {
        self.time.is_empty() && self.modified.is_some()
    }
}

// Registries hold decades of hand-edited documents: a field of the wrong type must not make a
// whole packument unreadable, so these read what they can and drop the rest.

fn lenient_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Object(m) => m
            .into_iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::String(s) => Some((k, s)),
                _ => None,
            })
            .collect(),
        _ => BTreeMap::new(),
    })
}

fn lenient_vec<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Array(a) => a
            .into_iter()
            .filter_map(|x| serde_json::from_value(x).ok())
            .collect(),
        _ => Vec::new(),
    })
}

fn person_of(v: serde_json::Value) -> Option<Person> {
    match v {
        serde_json::Value::Object(_) => serde_json::from_value(v).ok(),
        // "Name <email> (url)"
        serde_json::Value::String(s) => {
            let (name, email) = match s.split_once('<') {
                Some((n, rest)) => (n.trim(), rest.split('>').next().map(str::trim)),
                None => (s.trim(), None),
            };
            Some(Person {
                name: (!name.is_empty()).then(|| name.to_string()),
                email: email.map(str::to_string),
            })
        }
        _ => None,
    }
}

fn lenient_person<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Person>, D::Error> {
    Ok(person_of(serde_json::Value::deserialize(d)?))
}

fn lenient_people<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Person>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Array(a) => a.into_iter().filter_map(person_of).collect(),
        _ => Vec::new(),
    })
}

fn lenient_deprecated<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) if !s.is_empty() => Some(s),
        serde_json::Value::Bool(true) => Some("deprecated".into()),
        _ => None,
    })
}

fn lenient_repository<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Repository>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        v @ serde_json::Value::Object(_) => serde_json::from_value(v).ok(),
        serde_json::Value::String(s) => Some(Repository {
            kind: None,
            url: Some(s),
            directory: None,
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_fields_are_tolerated() {
        let doc = br#"{"name":"x","versions":{"1.0.0":{"name":"x","version":"1.0.0",
            "dependencies":"oops","maintainers":"Ann <ann@example.com>",
            "_npmUser":{"name":"ann","email":"ann@example.com"},"deprecated":false,
            "dist":{"tarball":"https://registry.npm.example/x/-/x-1.0.0.tgz","shasum":"0000000000000000000000000000000000000000","signatures":[{"keyid":"k","sig":"s"},3]},
            "scripts":{"postinstall":"node x.js","n":1},"unknown":{"deep":[1,2]}}},
            "time":{"1.0.0":"2020-01-01T00:00:00.000Z"},"repository":"github:x/x","extra":1}"#;
        let p = Packument::from_slice(doc).unwrap();
        let v = &p.versions["1.0.0"];
        assert!(v.dependencies.is_empty());
        assert_eq!(v.npm_user.as_ref().unwrap().name.as_deref(), Some("ann"));
        assert_eq!(v.deprecated, None);
        assert_eq!(v.dist.signatures.len(), 1);
        assert!(v.has_install_scripts());
        assert!(v.dist.integrity().unwrap().is_weak());
        assert_eq!(p.published("1.0.0"), Some("2020-01-01T00:00:00.000Z"));
        assert_eq!(p.repository.unwrap().url.as_deref(), Some("github:x/x"));
    }

    #[test]
    fn abbreviated_document_is_recognised() {
        let doc = br#"{"name":"x","modified":"2024-01-01T00:00:00.000Z","dist-tags":{"latest":"1.0.0"},
            "versions":{"1.0.0":{"name":"x","version":"1.0.0","hasInstallScript":true,"dist":{}}}}"#;
        let p = Packument::from_slice(doc).unwrap();
        assert!(p.is_abbreviated());
        assert!(p.versions["1.0.0"].has_install_scripts());
        let full = br#"{"name":"x","time":{"1.0.0":"2024-01-01T00:00:00.000Z"},"versions":{"1.0.0":{"dist":{}}}}"#;
        let p = Packument::from_slice(full).unwrap();
        assert!(!p.is_abbreviated());
        assert!(!p.versions["1.0.0"].has_install_scripts());
    }
}
