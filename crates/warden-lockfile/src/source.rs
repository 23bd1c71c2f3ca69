//! Where a locked package comes from. The registry is recognised by the lockfile's semantics and
//! by the shape of the tarball URL (`…/NAME/-/BASENAME-VERSION.tgz`), under any host, so private
//! and scoped registries work the same as the public one.

/// The kind of source a package was resolved from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A registry tarball (`…/NAME/-/NAME-VERSION.tgz`) or a registry resolution without a URL.
    Registry,
    /// A git repository (`git+https://`, `git+ssh://`, `github:`, `git://`).
    Git,
    /// A tarball from an arbitrary URL.
    Tarball,
    /// A local directory or tarball (`file:`).
    File,
    /// A symlink to a local directory (`link:`, npm's `link: true`).
    Link,
    /// A workspace package of this project.
    Workspace,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Registry => "registry",
            Self::Git => "git",
            Self::Tarball => "tarball",
            Self::File => "file",
            Self::Link => "link",
            Self::Workspace => "workspace",
        }
    }
}

/// True when `url` is a registry tarball URL for `name@version`: its path ends in
/// `NAME/-/BASENAME-VERSION.tgz`, where BASENAME is the name without its scope. The host does
/// not matter, and a registry may live under a path prefix (`/api/npm/npm-remote/…`). The scope
/// may be written `@scope/name` or `@scope%2fname`.
pub fn is_registry_tarball(url: &str, name: &str, version: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let basename = name.rsplit('/').next().unwrap_or(name);
    let file = format!("/-/{basename}-{version}.tgz");
    let Some(prefix) = path.strip_suffix(file.as_str()) else {
        return false;
    };
    let encoded = name.replace('/', "%2f");
    let encoded_upper = name.replace('/', "%2F");
    prefix.ends_with(&format!("/{name}"))
        || prefix.ends_with(&format!("/{encoded}"))
        || prefix.ends_with(&format!("/{encoded_upper}"))
}

/// The registry tarball shape without knowing the version: `…/NAME/-/BASENAME-X.tgz`. Returns
/// the version part. Used where a lockfile records the URL but the version is what we want to
/// check it against.
pub fn registry_tarball_version<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let basename = name.rsplit('/').next().unwrap_or(name);
    let marker = format!("/{name}/-/{basename}-");
    let start = path.find(&marker)? + marker.len();
    path[start..].strip_suffix(".tgz")
}

/// Classifies a spec or resolved value that is not a registry tarball of the package itself.
pub fn classify_url(url: &str) -> SourceKind {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("git+")
        || lower.starts_with("git://")
        || lower.starts_with("github:")
        || lower.starts_with("gitlab:")
        || lower.starts_with("bitbucket:")
        || lower.starts_with("gist:")
        || lower.starts_with("ssh://")
        || (lower.starts_with("git@") && lower.contains(':'))
        || lower.ends_with(".git")
        || lower.contains(".git#")
    {
        SourceKind::Git
    } else if lower.starts_with("file:") {
        SourceKind::File
    } else if lower.starts_with("link:") || lower.starts_with("portal:") {
        SourceKind::Link
    } else if lower.starts_with("workspace:") {
        SourceKind::Workspace
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        // codeload / archive tarballs of git hosts are still tarballs by URL, not by clone.
        SourceKind::Tarball
    } else {
        SourceKind::File
    }
}

/// Classifies a resolved URL for `name@version`: the registry when the URL has the registry's
/// tarball shape, else whatever [`classify_url`] says.
pub fn classify_resolved(url: &str, name: &str, version: &str) -> SourceKind {
    if is_registry_tarball(url, name, version) {
        SourceKind::Registry
    } else {
        classify_url(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_tarball_under_any_host() {
        assert!(is_registry_tarball(
            "https://registry.npm.example/chalk/-/chalk-5.3.0.tgz",
            "chalk",
            "5.3.0"
        ));
        assert!(is_registry_tarball(
            "https://artifacts.corp.example/api/npm/npm-remote/@babel/core/-/core-7.24.0.tgz",
            "@babel/core",
            "7.24.0"
        ));
        assert!(is_registry_tarball(
            "http://localhost:4873/@scope%2fpkg/-/pkg-1.0.0-beta.1.tgz?x=1",
            "@scope/pkg",
            "1.0.0-beta.1"
        ));
    }

    #[test]
    fn other_tarballs_are_not_the_registry() {
        // Right host shape, wrong package: a tarball URL pointing at another package's file.
        assert!(!is_registry_tarball(
            "https://registry.npm.example/evil/-/evil-1.0.0.tgz",
            "chalk",
            "1.0.0"
        ));
        assert!(!is_registry_tarball(
            "https://codeload.example/user/repo/tar.gz/abc",
            "repo",
            "1.0.0"
        ));
        assert_eq!(
            classify_resolved("https://example.com/pkg.tgz", "pkg", "1.0.0"),
            SourceKind::Tarball
        );
    }

    #[test]
    fn git_file_link_workspace() {
        assert_eq!(
            classify_url("git+ssh://git@github.example/a/b.git#abc"),
            SourceKind::Git
        );
        assert_eq!(classify_url("github:user/repo#abc"), SourceKind::Git);
        assert_eq!(classify_url("file:../local"), SourceKind::File);
        assert_eq!(classify_url("link:../local"), SourceKind::Link);
        assert_eq!(classify_url("workspace:packages/a"), SourceKind::Workspace);
    }

    #[test]
    fn version_from_registry_url() {
        assert_eq!(
            registry_tarball_version("https://r.example/@a/b/-/b-1.2.3.tgz", "@a/b"),
            Some("1.2.3")
        );
        assert_eq!(
            registry_tarball_version("https://r.example/x.tgz", "b"),
            None
        );
    }
}
