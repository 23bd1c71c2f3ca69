//! `yarn.lock`: yarn classic (1.x, its own indented syntax) and yarn Berry (2+, YAML with a
//! `__metadata` entry). The format is decided by content, not by name. This file holds what
//! both share: descriptor splitting and importers built from the project's manifests.
//!
//! - [`super::yarn_classic`]: the v1 syntax, read with a small line parser of our own because
//!   it is not YAML and no maintained Rust crate reads it.
//! - [`super::yarn_berry`]: YAML, read with serde_norway behind the guards in [`crate::yaml`].

use crate::error::{ParseError, check_text};
use crate::formats::{manifest_deps, manifest_identity};
use crate::model::{DepKind, Importer, Inventory};
use crate::{Input, Manifest};

/// Parses a yarn.lock of either generation.
pub fn parse(input: &Input<'_>) -> Result<Inventory, ParseError> {
    let text = check_text(input.bytes)?;
    if is_berry(text) {
        super::yarn_berry::parse(text, input.manifests)
    } else {
        super::yarn_classic::parse(text, input.manifests)
    }
}

/// True when the text is a Berry lockfile: a top-level `__metadata:` key. Classic lockfiles
/// never have one (their keys are descriptors, which always contain `@`).
pub fn is_berry(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_end_matches('\r');
        l.starts_with("__metadata:") || l.starts_with("\"__metadata\":")
    })
}

/// Splits a descriptor or locator `name@range` at the `@` that ends the name. Scoped names
/// (`@scope/name@range`) keep their leading `@`. Returns `None` when there is no name or no `@`.
pub fn split_descriptor(s: &str) -> Option<(&str, &str)> {
    let search_from = if s.starts_with('@') {
        s.find('/')? + 1
    } else {
        0
    };
    let at = search_from + s[search_from..].find('@')?;
    let (name, range) = (&s[..at], &s[at + 1..]);
    (!name.is_empty() && name != "@").then_some((name, range))
}

/// A key or value quoted in a message, cut to a readable length: hostile input can make a
/// "descriptor" megabytes long.
pub fn shorten(s: &str) -> String {
    const MAX: usize = 80;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A direct dependency read from a package.json: `(name, spec, kind)`.
pub type ManifestDep = (String, String, DepKind);

/// An importer from a manifest, plus the direct dependencies it declares (left unresolved: the
/// format's parser resolves them).
pub struct ManifestImporter {
    pub importer: Importer,
    /// `None` when the manifest could not be read as a package.json.
    pub deps: Option<Vec<ManifestDep>>,
}

/// Importers for every manifest handed in: the root (path `""`) first, then workspaces by path.
/// The root is always present, even without a manifest.
pub fn manifest_importers(manifests: &[Manifest]) -> Vec<ManifestImporter> {
    let mut out: Vec<ManifestImporter> = Vec::new();
    let mut sorted: Vec<&Manifest> = manifests.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    for m in sorted {
        let path = normalise_path(&m.path);
        if out.iter().any(|i| i.importer.path == path) {
            continue;
        }
        let (name, version) = manifest_identity(&m.bytes);
        out.push(ManifestImporter {
            importer: Importer {
                path,
                name,
                version,
                dependencies: Vec::new(),
            },
            deps: manifest_deps(&m.bytes),
        });
    }
    if !out.iter().any(|i| i.importer.path.is_empty()) {
        out.insert(
            0,
            ManifestImporter {
                importer: Importer {
                    path: String::new(),
                    name: None,
                    version: None,
                    dependencies: Vec::new(),
                },
                deps: None,
            },
        );
    }
    out
}

/// `./packages/a/` and `packages/a` are the same folder; `.` is the root.
pub fn normalise_path(p: &str) -> String {
    let p = p.trim_start_matches("./").trim_end_matches('/');
    if p == "." {
        String::new()
    } else {
        p.to_string()
    }
}

/// The `resolutions` field of the root manifest, in the order written.
pub fn manifest_resolutions(manifests: &[Manifest]) -> Vec<(String, String)> {
    let Some(root) = manifests
        .iter()
        .find(|m| normalise_path(&m.path).is_empty())
    else {
        return Vec::new();
    };
    #[derive(serde::Deserialize)]
    struct R {
        #[serde(default)]
        resolutions: serde_json::Map<String, serde_json::Value>,
    }
    match serde_json::from_slice::<R>(&root.bytes) {
        Ok(r) => r
            .resolutions
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_str()?.to_string())))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The override a `resolutions` list gives for dependency `name` requested as `range`, if any:
/// keys `name`, `name@range`, `**/name` and `parent/name` (any parent) all apply.
pub fn resolution_override<'a>(
    resolutions: &'a [(String, String)],
    name: &str,
    range: &str,
) -> Option<&'a str> {
    resolutions.iter().find_map(|(k, v)| {
        // The target is the last package name of the key: `parent/name`, `**/@scope/name`.
        let segs: Vec<&str> = k.split('/').collect();
        let n = segs.len();
        let target = if n >= 2 && segs[n - 2].starts_with('@') {
            &k[k.len() - segs[n - 2].len() - 1 - segs[n - 1].len()..]
        } else {
            segs[n - 1]
        };
        let hit = target == name || target == format!("{name}@{range}");
        hit.then_some(v.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_split_at_the_name() {
        assert_eq!(split_descriptor("a@^1.0.0"), Some(("a", "^1.0.0")));
        assert_eq!(
            split_descriptor("@babel/core@npm:7.0.0"),
            Some(("@babel/core", "npm:7.0.0"))
        );
        assert_eq!(
            split_descriptor("string-width-cjs@npm:string-width@^4.2.0"),
            Some(("string-width-cjs", "npm:string-width@^4.2.0"))
        );
        assert_eq!(split_descriptor("a@"), Some(("a", "")));
        assert_eq!(split_descriptor("noat"), None);
        assert_eq!(split_descriptor("@scope"), None);
        assert_eq!(split_descriptor("@1"), None);
    }

    #[test]
    fn berry_is_detected_by_metadata() {
        assert!(is_berry("# c\n\n__metadata:\n  version: 8\n"));
        assert!(is_berry("\"__metadata\":\r\n  version: 8\r\n"));
        assert!(!is_berry(
            "# yarn lockfile v1\n\na@^1:\n  version \"1.0.0\"\n"
        ));
        assert!(
            !is_berry("a@^1:\n  __metadata: x\n"),
            "only at the top level"
        );
    }

    #[test]
    fn resolution_keys_match_the_forms_yarn_accepts() {
        let r = vec![
            ("left-pad".to_string(), "1.1.0".to_string()),
            ("a/b".to_string(), "2.0.0".to_string()),
            ("**/@s/c".to_string(), "3.0.0".to_string()),
            ("d@npm:^1.0.0".to_string(), "patch:x".to_string()),
        ];
        assert_eq!(resolution_override(&r, "left-pad", "^1"), Some("1.1.0"));
        assert_eq!(resolution_override(&r, "b", "^1"), Some("2.0.0"));
        assert_eq!(resolution_override(&r, "@s/c", "^1"), Some("3.0.0"));
        assert_eq!(resolution_override(&r, "d", "npm:^1.0.0"), Some("patch:x"));
        assert_eq!(resolution_override(&r, "d", "npm:^2.0.0"), None);
        assert_eq!(resolution_override(&r, "a", "^1"), None);
    }

    #[test]
    fn root_importer_exists_without_manifests() {
        let imps = manifest_importers(&[]);
        assert_eq!(imps.len(), 1);
        assert_eq!(imps[0].importer.path, "");
        assert!(imps[0].deps.is_none());
    }
}
