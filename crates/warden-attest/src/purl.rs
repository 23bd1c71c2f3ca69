//! Package URLs for npm packages (`pkg:npm/%40scope/name@1.2.3`), per the purl specification:
//! the scope is the namespace, `@` is percent-encoded, and every character outside
//! `A-Z a-z 0-9 . - _ ~` in a segment, version or qualifier value is percent-encoded.
//! Hand-written: the npm subset of purl is a few lines and fully specified.

use warden_lockfile::{Package, SourceKind};

/// Lower-case hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xf) as usize] as char);
    }
    s
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push_str(&hex(&[b]).to_ascii_uppercase());
        }
    }
    out
}

fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `pkg:npm/…@version` for a package name (`name` or `@scope/name`), a version and qualifiers
/// (sorted by key, as the spec requires; empty values are left out).
pub fn npm(name: &str, version: Option<&str>, qualifiers: &[(&str, &str)]) -> String {
    let mut s = String::from("pkg:npm/");
    match name.split_once('/') {
        Some((scope, base)) if scope.starts_with('@') => {
            s.push_str(&encode(scope));
            s.push('/');
            s.push_str(&encode(base));
        }
        _ => s.push_str(&encode(name)),
    }
    if let Some(v) = version.filter(|v| !v.is_empty()) {
        s.push('@');
        s.push_str(&encode(v));
    }
    let mut q: Vec<_> = qualifiers.iter().filter(|(_, v)| !v.is_empty()).collect();
    q.sort();
    for (i, (k, v)) in q.iter().enumerate() {
        s.push(if i == 0 { '?' } else { '&' });
        s.push_str(k);
        s.push('=');
        s.push_str(&encode(v));
    }
    s
}

/// The purl of a locked package: registry packages carry no qualifier; git sources carry
/// `vcs_url`, tarball and file sources `download_url`, as the purl spec and cyclonedx-npm do.
pub fn of_package(p: &Package) -> String {
    let resolved = p.resolved.as_deref().unwrap_or("");
    match p.source {
        SourceKind::Git => npm(&p.name, Some(&p.version), &[("vcs_url", resolved)]),
        SourceKind::Tarball | SourceKind::File => {
            npm(&p.name, Some(&p.version), &[("download_url", resolved)])
        }
        SourceKind::Registry | SourceKind::Link | SourceKind::Workspace => {
            npm(&p.name, Some(&p.version), &[])
        }
    }
}

/// An npm package named by a purl or by `name@version`, as users write products in vex.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmRef {
    /// `name` or `@scope/name`.
    pub name: String,
    pub version: Option<String>,
    /// The canonical purl (qualifiers kept, sorted).
    pub purl: String,
}

/// Parses `pkg:npm/…` or `name@version` / `@scope/name@version`. Returns a message saying what
/// was expected on failure.
pub fn parse_npm_ref(s: &str) -> Result<NpmRef, String> {
    if let Some(rest) = s.strip_prefix("pkg:") {
        let rest = rest.split('#').next().unwrap_or(rest);
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (rest, None),
        };
        let Some(path) = path.strip_prefix("npm/") else {
            return Err(format!(
                "{s:?} is not an npm purl (expected pkg:npm/NAME@VERSION)"
            ));
        };
        let (path, version) = match path.rsplit_once('@') {
            Some((p, v)) if !p.is_empty() => (p, Some(v)),
            _ => (path, None),
        };
        let segments: Vec<&str> = path.split('/').filter(|x| !x.is_empty()).collect();
        let bad = || format!("{s:?} is not a well-formed npm purl (expected pkg:npm/NAME@VERSION)");
        let name = match segments.as_slice() {
            [n] => decode(n).ok_or_else(bad)?,
            [scope, n] => {
                let scope = decode(scope).ok_or_else(bad)?;
                if !scope.starts_with('@') {
                    return Err(bad());
                }
                format!("{scope}/{}", decode(n).ok_or_else(bad)?)
            }
            _ => return Err(bad()),
        };
        let version = match version {
            Some(v) => Some(decode(v).ok_or_else(bad)?),
            None => None,
        };
        let mut qualifiers = Vec::new();
        for pair in query.unwrap_or("").split('&').filter(|x| !x.is_empty()) {
            let (k, v) = pair.split_once('=').ok_or_else(bad)?;
            qualifiers.push((k.to_ascii_lowercase(), decode(v).ok_or_else(bad)?));
        }
        let q: Vec<(&str, &str)> = qualifiers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let purl = npm(&name, version.as_deref(), &q);
        return Ok(NpmRef {
            name,
            version,
            purl,
        });
    }
    let split_at = if let Some(stripped) = s.strip_prefix('@') {
        stripped.find('@').map(|i| i + 1)
    } else {
        s.find('@')
    };
    let (name, version) = match split_at {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => {
            return Err(format!(
                "{s:?} names no version (expected a purl or NAME@VERSION)"
            ));
        }
    };
    if name.is_empty()
        || version.is_empty()
        || name.chars().any(|c| c.is_whitespace())
        || version.chars().any(|c| c.is_whitespace())
        || (name.starts_with('@') && !name.contains('/'))
    {
        return Err(format!(
            "{s:?} is not a package (expected a purl or NAME@VERSION)"
        ));
    }
    Ok(NpmRef {
        name: name.to_string(),
        version: Some(version.to_string()),
        purl: npm(name, Some(version), &[]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoped_and_plain_names() {
        assert_eq!(
            npm("@babel/core", Some("7.24.0"), &[]),
            "pkg:npm/%40babel/core@7.24.0"
        );
        assert_eq!(npm("chalk", Some("5.3.0"), &[]), "pkg:npm/chalk@5.3.0");
        assert_eq!(
            npm("x", Some("1.0.0+build.1"), &[]),
            "pkg:npm/x@1.0.0%2Bbuild.1"
        );
        assert_eq!(npm("x", None, &[]), "pkg:npm/x");
    }

    #[test]
    fn qualifiers_sorted_and_encoded() {
        assert_eq!(
            npm(
                "x",
                Some("1.0.0"),
                &[("vcs_url", "git+https://h.example/a/b.git#abc"), ("a", "1")]
            ),
            "pkg:npm/x@1.0.0?a=1&vcs_url=git%2Bhttps%3A%2F%2Fh.example%2Fa%2Fb.git%23abc"
        );
    }

    #[test]
    fn parses_purls_and_name_at_version() {
        let r = parse_npm_ref("pkg:npm/%40babel/core@7.24.0").unwrap();
        assert_eq!(
            (r.name.as_str(), r.version.as_deref()),
            ("@babel/core", Some("7.24.0"))
        );
        let r = parse_npm_ref("@babel/core@7.24.0").unwrap();
        assert_eq!(r.purl, "pkg:npm/%40babel/core@7.24.0");
        let r = parse_npm_ref("debug@4.3.4").unwrap();
        assert_eq!(r.purl, "pkg:npm/debug@4.3.4");
        assert_eq!(
            parse_npm_ref("pkg:npm/@babel/core@7.24.0").unwrap().purl,
            "pkg:npm/%40babel/core@7.24.0"
        );
    }

    #[test]
    fn rejects_what_is_not_an_npm_package() {
        assert!(parse_npm_ref("pkg:pypi/requests@2.0").is_err());
        assert!(parse_npm_ref("debug").is_err());
        assert!(parse_npm_ref("@babel@1.0.0").is_err());
        assert!(parse_npm_ref("a b@1").is_err());
        assert!(parse_npm_ref("pkg:npm/a/b/c@1").is_err());
    }
}
