//! Where a patched build came from (warden's trusted-libraries lane): the upstream release it
//! was built from and the patches applied, each with the advisories it resolves. CycloneDX
//! writes this as the component's `pedigree` (ancestors, patches with their diff and
//! `resolves`); SPDX 2.3 as a separate element for the upstream package with
//! `DESCENDANT_OF`, and one file element per patch with `PATCH_FOR` the upstream and
//! `PATCH_APPLIED` to the build.

use serde_json::{Value, json};
use sha1::{Digest as _, Sha1};
use warden_lockfile::HashAlgorithm;

/// A locked package that is a patched build of an upstream release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pedigree {
    /// The package name (`@scope/name` for scoped packages).
    pub name: String,
    /// The locked version (`VERSION-warden.N`).
    pub version: String,
    /// The upstream release the patches apply to.
    pub upstream_version: String,
    /// The upstream tarball's hashes, `(algorithm, lower-case hex)`.
    pub upstream_hashes: Vec<(HashAlgorithm, String)>,
    pub patches: Vec<PatchRecord>,
}

/// One patch of a patched build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchRecord {
    /// The patch file's path, relative to the project (`supply-chain/patches/…/0001-….patch`).
    pub file: String,
    /// Carried over from an upstream fix (CycloneDX `backport`) or written by a person
    /// (`unofficial`).
    pub backport: bool,
    /// The unified diff.
    pub diff: String,
    /// The advisories it resolves (`GHSA-…`, `CVE-…`).
    pub advisories: Vec<String>,
    pub author: String,
    /// Where the change came from (`NAME@FROM..FIXED`, a commit URL).
    pub upstream: Option<String>,
}

impl Pedigree {
    /// The upstream release's purl.
    pub fn upstream_purl(&self) -> String {
        crate::purl::npm(&self.name, Some(&self.upstream_version), &[])
    }

    fn notes(&self) -> String {
        let fixes: Vec<&str> = self
            .patches
            .iter()
            .flat_map(|p| p.advisories.iter().map(String::as_str))
            .collect();
        format!(
            "built by warden from {}@{} with {} patch(es) fixing {}",
            self.name,
            self.upstream_version,
            self.patches.len(),
            fixes.join(", ")
        )
    }
}

/// An advisory as a CycloneDX issue of type `security`, with its source when the id says it.
fn issue(id: &str) -> Value {
    let upper = id.to_ascii_uppercase();
    let source = if upper.starts_with("GHSA-") {
        Some(
            json!({ "name": "GitHub Advisory Database", "url": format!("https://github.com/advisories/{id}") }),
        )
    } else if upper.starts_with("CVE-") {
        Some(json!({ "name": "NVD", "url": format!("https://nvd.nist.gov/vuln/detail/{id}") }))
    } else {
        None
    };
    let mut o = json!({ "type": "security", "id": id, "name": id });
    if let (Some(s), Some(m)) = (source, o.as_object_mut()) {
        m.insert("source".into(), s);
    }
    o
}

/// The CycloneDX `pedigree` object.
pub fn cyclonedx(p: &Pedigree) -> Value {
    let (group, name) = match p.name.split_once('/') {
        Some((scope, base)) if scope.starts_with('@') => (Some(scope), base),
        _ => (None, p.name.as_str()),
    };
    let hashes: Vec<Value> = p
        .upstream_hashes
        .iter()
        .map(|(a, h)| json!({ "alg": super::alg_names(*a).0, "content": h }))
        .collect();
    let mut ancestor = json!({
        "type": "library",
        "name": name,
        "version": p.upstream_version,
        "purl": p.upstream_purl(),
    });
    if let Some(o) = ancestor.as_object_mut() {
        if let Some(g) = group {
            o.insert("group".into(), json!(g));
        }
        if !hashes.is_empty() {
            o.insert("hashes".into(), json!(hashes));
        }
    }
    let patches: Vec<Value> = p
        .patches
        .iter()
        .map(|x| {
            json!({
                "type": if x.backport { "backport" } else { "unofficial" },
                "diff": { "text": { "contentType": "text/x-diff", "content": x.diff } },
                "resolves": x.advisories.iter().map(|a| issue(a)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "ancestors": [ancestor], "patches": patches, "notes": p.notes() })
}

/// Lower-case hex SHA-1 of some bytes (SPDX 2.3 requires a SHA1 checksum on every file).
pub(crate) fn sha1_hex(bytes: &[u8]) -> String {
    crate::purl::hex(&Sha1::digest(bytes))
}

/// Lower-case hex SHA-256 of some bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    crate::purl::hex(&sha2::Sha256::digest(bytes))
}

/// The SPDX comment of a patched package: what it was built from.
pub(crate) fn spdx_source_info(p: &Pedigree) -> String {
    p.notes()
}

/// The SPDX comment of one patch file.
pub(crate) fn spdx_patch_comment(p: &Pedigree, x: &PatchRecord) -> String {
    format!(
        "{} patch to {}@{} by {}{}; resolves {}",
        if x.backport {
            "backported"
        } else {
            "hand-written"
        },
        p.name,
        p.upstream_version,
        x.author,
        x.upstream
            .as_deref()
            .map(|u| format!(" (from {u})"))
            .unwrap_or_default(),
        x.advisories.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Pedigree {
        Pedigree {
            name: "@scope/tinyargs".into(),
            version: "0.2.1-warden.1".into(),
            upstream_version: "0.2.1".into(),
            upstream_hashes: vec![(HashAlgorithm::Sha512, "ab".into())],
            patches: vec![PatchRecord {
                file: "supply-chain/patches/@scope+tinyargs@0.2.1/0001-ghsa-x.patch".into(),
                backport: true,
                diff: "--- a/index.js\n+++ b/index.js\n".into(),
                advisories: vec!["GHSA-xvch-5gv4-984h".into(), "OSV-1".into()],
                author: "warden patch backport".into(),
                upstream: Some("tinyargs@1.2.5..1.2.6".into()),
            }],
        }
    }

    #[test]
    fn cyclonedx_pedigree_names_the_ancestor_and_the_resolved_advisories() {
        let v = cyclonedx(&sample());
        let a = &v["ancestors"][0];
        assert_eq!(a["purl"], "pkg:npm/%40scope/tinyargs@0.2.1");
        assert_eq!(a["group"], "@scope");
        assert_eq!(a["hashes"][0]["alg"], "SHA-512");
        let p = &v["patches"][0];
        assert_eq!(p["type"], "backport");
        assert_eq!(
            p["diff"]["text"]["content"],
            "--- a/index.js\n+++ b/index.js\n"
        );
        assert_eq!(p["resolves"][0]["type"], "security");
        assert_eq!(
            p["resolves"][0]["source"]["url"],
            "https://github.com/advisories/GHSA-xvch-5gv4-984h"
        );
        assert!(p["resolves"][1].get("source").is_none(), "unknown id kind");
    }

    #[test]
    fn a_hand_written_patch_is_unofficial() {
        let mut s = sample();
        s.patches[0].backport = false;
        assert_eq!(cyclonedx(&s)["patches"][0]["type"], "unofficial");
        assert!(spdx_patch_comment(&s, &s.patches[0]).starts_with("hand-written"));
    }
}
