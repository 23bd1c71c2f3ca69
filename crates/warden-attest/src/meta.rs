//! What the documents say beyond the lockfile: the tool that wrote them, the root project's
//! metadata, and each package's licence and people, read from a package.json the caller hands
//! over (the project's own manifests, or a cached tarball's) through [`LicenseSource`].

use serde_json::Value;

/// The tool that wrote a document (`warden` and its version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

impl Tool {
    pub fn warden(version: &str) -> Self {
        Self {
            name: "warden".into(),
            version: version.into(),
        }
    }
}

/// What a package's own package.json says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackageInfo {
    /// The `license` field as written (an SPDX expression, ideally), or the legacy `licenses`
    /// array joined with `OR`.
    pub license: Option<String>,
    /// `author`, as `Name <email> (url)` or its object form's name.
    pub author: Option<String>,
    pub author_email: Option<String>,
    /// Who supplied the package to us (the publisher on the registry), when known.
    pub supplier: Option<String>,
    pub description: Option<String>,
    pub homepage: Option<String>,
}

impl PackageInfo {
    /// Reads the fields from package.json bytes. Malformed JSON or fields of the wrong type
    /// give an empty value for that field: licence data is descriptive, never a reason to fail.
    pub fn from_package_json(bytes: &[u8]) -> Self {
        let Ok(v) = serde_json::from_slice::<Value>(bytes) else {
            return Self::default();
        };
        let s = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(String::from)
        };
        let license = match v.get("license") {
            Some(Value::String(l)) if !l.trim().is_empty() => Some(l.trim().to_string()),
            Some(Value::Object(o)) => o.get("type").and_then(Value::as_str).map(String::from),
            _ => match v.get("licenses") {
                Some(Value::Array(a)) => {
                    let ids: Vec<&str> = a
                        .iter()
                        .filter_map(|x| x.as_str().or_else(|| x.get("type")?.as_str()))
                        .collect();
                    match ids.len() {
                        0 => None,
                        1 => Some(ids[0].to_string()),
                        _ => Some(format!("({})", ids.join(" OR "))),
                    }
                }
                _ => None,
            },
        };
        let (author, author_email) = match v.get("author") {
            Some(Value::String(a)) => split_person(a),
            Some(Value::Object(o)) => (
                o.get("name").and_then(Value::as_str).map(String::from),
                o.get("email").and_then(Value::as_str).map(String::from),
            ),
            _ => (None, None),
        };
        Self {
            license,
            author: author.filter(|a| !a.is_empty()),
            author_email: author_email.filter(|e| !e.is_empty()),
            supplier: None,
            description: s("description"),
            homepage: s("homepage"),
        }
    }
}

/// `Name <email> (url)` → (name, email).
fn split_person(s: &str) -> (Option<String>, Option<String>) {
    let name_end = s.find(['<', '(']).unwrap_or(s.len());
    let name = s[..name_end].trim().to_string();
    let email = s.find('<').and_then(|i| {
        s[i + 1..]
            .find('>')
            .map(|j| s[i + 1..i + 1 + j].trim().to_string())
    });
    ((!name.is_empty()).then_some(name), email)
}

/// Where package metadata comes from: the CLI implements it over the tarball cache (a cached
/// tarball's package.json), tests over a map. `None` means unknown, and the documents say
/// `NOASSERTION` (SPDX) or leave the licence out (CycloneDX).
pub trait LicenseSource {
    fn info(&self, name: &str, version: &str) -> Option<PackageInfo>;
}

/// A source that knows nothing: every licence is `NOASSERTION`.
pub struct NoLicenses;

impl LicenseSource for NoLicenses {
    fn info(&self, _: &str, _: &str) -> Option<PackageInfo> {
        None
    }
}

impl LicenseSource for std::collections::BTreeMap<(String, String), PackageInfo> {
    fn info(&self, name: &str, version: &str) -> Option<PackageInfo> {
        self.get(&(name.to_string(), version.to_string())).cloned()
    }
}

/// The project an SBOM describes: the root importer, named from its package.json.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectInfo {
    /// The root package.json's name, or the directory's name when it has none.
    pub name: String,
    pub version: Option<String>,
    pub info: PackageInfo,
}

/// A licence field as SPDX understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum License {
    /// One SPDX licence id (`MIT`).
    Id(String),
    /// A valid SPDX expression of several terms (`(MIT OR Apache-2.0)`).
    Expression(String),
    /// Something else (`SEE LICENSE IN LICENSE.md`, a misspelt id).
    Name(String),
}

/// Classifies a licence field with the SPDX licence list.
pub fn classify_license(raw: &str) -> License {
    let raw = raw.trim();
    if let Some(l) = spdx::license_id(raw) {
        return License::Id(l.name.to_string());
    }
    match spdx::Expression::parse_mode(raw, spdx::ParseMode::STRICT) {
        Ok(e) => {
            let single_license =
                e.requirements().count() == 1 && !raw.contains(' ') && !raw.contains('(');
            if single_license {
                License::Name(raw.to_string())
            } else {
                License::Expression(raw.to_string())
            }
        }
        Err(_) => License::Name(raw.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_license_and_author_forms() {
        let p = PackageInfo::from_package_json(
            br#"{"license":"MIT","author":"Sindre Sorhus <sindresorhus@gmail.com> (https://sindresorhus.com)"}"#,
        );
        assert_eq!(p.license.as_deref(), Some("MIT"));
        assert_eq!(p.author.as_deref(), Some("Sindre Sorhus"));
        assert_eq!(p.author_email.as_deref(), Some("sindresorhus@gmail.com"));
        let p = PackageInfo::from_package_json(
            br#"{"licenses":[{"type":"MIT"},{"type":"Apache-2.0"}],"author":{"name":"TJ"}}"#,
        );
        assert_eq!(p.license.as_deref(), Some("(MIT OR Apache-2.0)"));
        assert_eq!(p.author.as_deref(), Some("TJ"));
        assert_eq!(
            PackageInfo::from_package_json(b"not json"),
            PackageInfo::default()
        );
        assert_eq!(
            PackageInfo::from_package_json(br#"{"license":7}"#).license,
            None
        );
    }

    #[test]
    fn classifies_licenses() {
        assert_eq!(classify_license("MIT"), License::Id("MIT".into()));
        assert_eq!(
            classify_license("(MIT OR Apache-2.0)"),
            License::Expression("(MIT OR Apache-2.0)".into())
        );
        assert_eq!(
            classify_license("SEE LICENSE IN LICENSE.md"),
            License::Name("SEE LICENSE IN LICENSE.md".into())
        );
        assert_eq!(classify_license("MIT-ish"), License::Name("MIT-ish".into()));
    }
}
