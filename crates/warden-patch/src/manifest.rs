//! `supply-chain/patches/NAME@VERSION/patch.toml`: what the patches of one package version fix,
//! where they came from, the base tarball they apply to and the last build.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PatchManifest {
    pub package: String,
    pub version: String,
    /// The integrity of the published tarball the patches apply to.
    pub base_integrity: String,
    /// N in `VERSION-warden.N`; raised each time a patch is added.
    pub revision: u32,
    #[serde(default, rename = "patch")]
    pub patches: Vec<PatchEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<BuildRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PatchEntry {
    /// The patch file's name in the same directory (`NNNN-<slug>.patch`).
    pub file: String,
    pub advisories: Vec<String>,
    /// Who wrote it: a person, or `warden patch backport`.
    pub author: String,
    /// Where it came from: `NAME@LAST_AFFECTED..FIXED` for a backport, or a commit URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upstream: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct BuildRecord {
    /// `VERSION-warden.N`.
    pub version: String,
    /// The sha512 integrity of the reproducible tarball.
    pub integrity: String,
}

impl PatchManifest {
    pub fn parse(file: &str, text: &str) -> Result<Self> {
        toml::from_str(text).map_err(|e| Error::PatchToml {
            file: file.to_string(),
            reason: e.to_string().trim_end().replace('\n', " "),
        })
    }

    pub fn to_toml(&self) -> Result<String> {
        toml::to_string(self).map_err(|e| Error::PatchToml {
            file: "patch.toml".into(),
            reason: e.to_string(),
        })
    }

    /// The next patch file name for `slug`: `NNNN-<slug>.patch`, numbered after the last.
    pub fn next_file_name(&self, slug: &str) -> String {
        let slug: String = slug
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        format!(
            "{:04}-{}.patch",
            self.patches.len() + 1,
            slug.trim_matches('-')
        )
    }

    /// The directory name under supply-chain/patches/ (`@scope+name@1.2.3` for scoped names).
    pub fn dir_name(package: &str, version: &str) -> String {
        format!("{}@{version}", package.replace('/', "+"))
    }
}
