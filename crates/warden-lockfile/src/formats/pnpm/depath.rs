//! pnpm's "dependency paths": the keys of `packages` / `snapshots` and the references in
//! `dependencies` maps, which each lockfile version family spells differently.
//!
//! | family | key | reference | peer suffix |
//! |---|---|---|---|
//! | 5.x (pnpm 6, 7) | `/name/1.2.3_peer@1.0.0` | `1.2.3_peer@1.0.0`, or a key when aliased | `_a@1+@s+b@2` |
//! | 6.0 (pnpm 8) | `/name@1.2.3(peer@1.0.0)` | `1.2.3(peer@1.0.0)`, or a key | `(a@1)(b@2)` |
//! | 9.0 (pnpm 9, 10) | `name@1.2.3(peer@1.0.0)` | `1.2.3(peer@1.0.0)`, or `real@1.2.3` when aliased | `(a@1)(b@2)` |
//!
//! Non-registry packages have keys that are not `name@version` (`github.com/u/r/<commit>`,
//! `file:local`, `@host/path/x.tgz`, `name@https://…`); for those the entry's own `name` and
//! `version` fields are authoritative. The rules here follow pnpm's `refToRelative`.

/// The lockfile version families warden reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    V5,
    V6,
    V9,
}

/// What a dependency reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// A key of `packages` (5.x, 6.0) or `snapshots` (9.0).
    Key(String),
    /// `link:<path>`: a folder relative to the dependent importer.
    Link(String),
}

/// Resolves a reference found under dependency `name` to a key or a link.
pub fn ref_to_key(family: Family, name: &str, reference: &str) -> Ref {
    if let Some(path) = reference.strip_prefix("link:") {
        return Ref::Link(path.to_string());
    }
    if reference.starts_with("file:") && family != Family::V9 {
        return Ref::Key(reference.to_string());
    }
    Ref::Key(match family {
        Family::V5 => {
            if reference.contains('/') {
                reference.to_string()
            } else {
                format!("/{name}/{reference}")
            }
        }
        Family::V6 => {
            let head = &reference[..reference.find('(').unwrap_or(reference.len())];
            if head.contains('/') {
                reference.to_string()
            } else {
                format!("/{name}@{reference}")
            }
        }
        Family::V9 => {
            if reference.starts_with('@') {
                reference.to_string()
            } else {
                match reference.find('@') {
                    None => format!("{name}@{reference}"),
                    Some(at) => {
                        let colon = reference.find(':');
                        let paren = reference.find('(');
                        if colon.is_none_or(|c| at < c) && paren.is_none_or(|p| at < p) {
                            reference.to_string()
                        } else {
                            format!("{name}@{reference}")
                        }
                    }
                }
            }
        }
    })
}

/// Removes the trailing peer suffix `(a@1)(b@2)` of a 6.0 / 9.0 key (pnpm's `removeSuffix`).
pub fn remove_peer_suffix(key: &str) -> &str {
    if !key.ends_with(')') {
        return key;
    }
    let bytes = key.as_bytes();
    let mut open = 1usize;
    let mut i = bytes.len() - 1;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b'(' => open = open.saturating_sub(1),
            b')' => open += 1,
            _ if open == 0 => return &key[..i + 1],
            _ => {}
        }
    }
    key
}

/// `name@version` split at the right `@` (a scoped name starts with one).
pub fn split_name_version(s: &str) -> Option<(&str, &str)> {
    let from = usize::from(s.starts_with('@'));
    let at = s[from..].find('@')? + from;
    let (name, version) = (&s[..at], &s[at + 1..]);
    (!name.is_empty() && !version.is_empty() && name != "@").then_some((name, version))
}

/// The name and version a key spells, when it is a registry-shaped key.
pub fn parse_key(family: Family, key: &str) -> Option<(String, String)> {
    match family {
        Family::V5 => {
            let rest = key.strip_prefix('/')?;
            let segs: Vec<&str> = rest.split('/').collect();
            let (name, version) = match segs.as_slice() {
                [scope, name, version] if scope.starts_with('@') => {
                    (format!("{scope}/{name}"), *version)
                }
                [name, version] if !name.starts_with('@') => ((*name).to_string(), *version),
                _ => return None,
            };
            // The peer suffix starts at the first `_`; semver versions never contain one.
            let version = version.split('_').next().unwrap_or(version);
            (!name.is_empty() && !version.is_empty()).then(|| (name, version.to_string()))
        }
        Family::V6 => {
            let rest = key.strip_prefix('/')?;
            let (n, v) = split_name_version(remove_peer_suffix(rest))?;
            (!n.contains(':') && !v.contains('/')).then(|| (n.to_string(), v.to_string()))
        }
        Family::V9 => {
            let (n, v) = split_name_version(remove_peer_suffix(key))?;
            Some((n.to_string(), v.to_string()))
        }
    }
}

/// True when a 5.x / 6.0 key names a git-hosted package (`github.com/user/repo/<commit>`).
pub fn key_is_git_host(key: &str) -> bool {
    ["github.com/", "gitlab.com/", "bitbucket.org/"]
        .iter()
        .any(|h| key.starts_with(h))
}

/// True for the archive URLs git hosts serve for a commit, which pnpm records as tarball
/// resolutions of git dependencies.
pub fn is_git_host_archive(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    rest.starts_with("codeload.github.com/")
        || (rest.starts_with("gitlab.com/") && rest.contains("/-/archive/"))
        || (rest.starts_with("bitbucket.org/") && rest.contains("/get/"))
}

/// Joins a relative path onto a `/`-separated base and normalises `.` and `..`; `""` is the
/// root. Paths that climb above the root keep their leading `..`.
pub fn join_path(base: &str, rel: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for seg in base.split('/').chain(rel.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            s => out.push(s),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_become_keys() {
        use Family::*;
        let k = |f, n, r| ref_to_key(f, n, r);
        assert_eq!(
            k(V5, "react-dom", "18.2.0_react@18.2.0"),
            Ref::Key("/react-dom/18.2.0_react@18.2.0".into())
        );
        assert_eq!(
            k(V5, "sw", "/string-width/4.2.3"),
            Ref::Key("/string-width/4.2.3".into())
        );
        assert_eq!(
            k(V5, "x", "github.com/u/r/abc"),
            Ref::Key("github.com/u/r/abc".into())
        );
        assert_eq!(
            k(V6, "a", "1.0.0(@types/react@18.0.0)"),
            Ref::Key("/a@1.0.0(@types/react@18.0.0)".into())
        );
        assert_eq!(
            k(V6, "sw", "/string-width@4.2.3"),
            Ref::Key("/string-width@4.2.3".into())
        );
        assert_eq!(k(V6, "l", "file:local"), Ref::Key("file:local".into()));
        assert_eq!(
            k(V9, "sw", "string-width@4.2.3"),
            Ref::Key("string-width@4.2.3".into())
        );
        assert_eq!(
            k(V9, "s", "@scope/real@1.0.0"),
            Ref::Key("@scope/real@1.0.0".into())
        );
        assert_eq!(
            k(V9, "rd", "18.2.0(react@18.2.0)"),
            Ref::Key("rd@18.2.0(react@18.2.0)".into())
        );
        assert_eq!(k(V9, "l", "file:local"), Ref::Key("l@file:local".into()));
        assert_eq!(
            k(V9, "t", "https://h.example/t.tgz"),
            Ref::Key("t@https://h.example/t.tgz".into())
        );
        assert_eq!(k(V9, "a", "link:../a"), Ref::Link("../a".into()));
    }

    #[test]
    fn keys_become_name_and_version() {
        use Family::*;
        let p = |f, k| parse_key(f, k);
        assert_eq!(
            p(V5, "/@types/react/18.2.0"),
            Some(("@types/react".into(), "18.2.0".into()))
        );
        assert_eq!(
            p(V5, "/react-dom/18.2.0_react@18.2.0"),
            Some(("react-dom".into(), "18.2.0".into()))
        );
        assert_eq!(p(V5, "file:local"), None);
        assert_eq!(p(V5, "github.com/u/r/abc"), None);
        assert_eq!(
            p(V6, "/@s/a@1.0.0-rc.1(react@18.2.0)(b@1.0.0)"),
            Some(("@s/a".into(), "1.0.0-rc.1".into()))
        );
        assert_eq!(
            p(V6, "@registry.example/left-pad/-/left-pad-1.3.0.tgz"),
            None
        );
        assert_eq!(
            p(V9, "@s/a@1.0.0(react@18.2.0)"),
            Some(("@s/a".into(), "1.0.0".into()))
        );
        assert_eq!(p(V9, "x@"), None);
    }

    #[test]
    fn peer_suffixes_come_off() {
        assert_eq!(
            remove_peer_suffix("a@1.0.0(b@2.0.0(c@1.0.0))(d@1.0.0)"),
            "a@1.0.0"
        );
        assert_eq!(remove_peer_suffix("a@1.0.0"), "a@1.0.0");
        assert_eq!(remove_peer_suffix(")"), ")");
        // pnpm 9 writes patched packages' snapshots with the patch hash as a suffix group.
        assert_eq!(
            remove_peer_suffix("a@1.0.0(patch_hash=abc)(react@18.2.0)"),
            "a@1.0.0"
        );
    }

    #[test]
    fn paths_join() {
        assert_eq!(join_path("packages/a", "../b"), "packages/b");
        assert_eq!(join_path("packages/a", "../../vendor/tool"), "vendor/tool");
        assert_eq!(join_path("", "../outside"), "../outside");
        assert_eq!(join_path("", "."), "");
    }

    #[test]
    fn git_host_archives() {
        assert!(is_git_host_archive(
            "https://codeload.github.com/u/r/tar.gz/abc"
        ));
        assert!(is_git_host_archive(
            "https://gitlab.com/u/r/-/archive/abc/r-abc.tar.gz"
        ));
        assert!(!is_git_host_archive(
            "https://registry.npm.example/a/-/a-1.0.0.tgz"
        ));
        assert!(key_is_git_host("github.com/u/r/abc"));
        assert!(!key_is_git_host("/github.com/1.0.0"));
    }
}
