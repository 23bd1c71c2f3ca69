//! SPDX 2.3 JSON documents.
//!
//! Edges become relationships: `A DEPENDS_ON B` for production and peer edges,
//! `B DEV_DEPENDENCY_OF A` for dev edges and `B OPTIONAL_DEPENDENCY_OF A` for optional ones.
//! Licences are declared only when the package's metadata was available and its `license`
//! field is a valid SPDX expression; otherwise `NOASSERTION`. warden never concludes a licence.
//! No `$schema` key: the SPDX 2.3 schema forbids it. Serialised from borrowed structs, as the
//! CycloneDX writer is, for speed.

use super::{Model, Role, SbomInput, alg_names, pedigree, usable_url};
use crate::meta::{License, classify_license};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashSet;
use warden_lockfile::{DepKind, SourceKind};

fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Doc<'a> {
    spdx_version: &'static str,
    data_license: &'static str,
    #[serde(rename = "SPDXID")]
    spdxid: &'static str,
    name: String,
    document_namespace: String,
    creation_info: CreationInfo,
    document_describes: [&'a str; 1],
    packages: Vec<Pkg<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<File<'a>>,
    relationships: Vec<Rel<'a>>,
}

/// A patch file of a patched build (SPDX 2.3 requires a SHA1 checksum on files).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct File<'a> {
    #[serde(rename = "SPDXID")]
    spdxid: &'a str,
    file_name: String,
    file_types: [&'static str; 1],
    checksums: [OwnedChecksum; 2],
    license_concluded: &'static str,
    copyright_text: &'static str,
    comment: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OwnedChecksum {
    algorithm: &'static str,
    checksum_value: String,
}

#[derive(Serialize)]
struct CreationInfo {
    created: String,
    creators: [String; 1],
    comment: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pkg<'a> {
    #[serde(rename = "SPDXID")]
    spdxid: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version_info: Option<&'a str>,
    supplier: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    originator: Option<String>,
    download_location: &'a str,
    files_analyzed: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    checksums: Vec<Checksum<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    homepage: Option<&'a str>,
    license_concluded: &'static str,
    license_declared: String,
    copyright_text: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_info: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'static str>,
    external_refs: [ExtRef<'a>; 1],
    primary_package_purpose: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Checksum<'a> {
    algorithm: &'static str,
    checksum_value: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExtRef<'a> {
    reference_category: &'static str,
    reference_type: &'static str,
    reference_locator: &'a str,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "camelCase")]
struct Rel<'a> {
    spdx_element_id: &'a str,
    relationship_type: &'static str,
    related_spdx_element: &'a str,
}

/// The SPDX document as JSON bytes (pretty, with a trailing newline).
pub fn render(input: &SbomInput<'_>) -> Vec<u8> {
    let model = Model::build(input);
    let mut seen = HashSet::new();
    let ids: Vec<String> = model
        .components
        .iter()
        .map(|c| {
            let base = match c.role {
                Role::Root => "SPDXRef-RootPackage".to_string(),
                Role::Workspace => format!(
                    "SPDXRef-Workspace-{}",
                    sanitize(c.paths.first().map_or("", String::as_str))
                ),
                Role::Package => format!(
                    "SPDXRef-Package-npm-{}-{}",
                    sanitize(&c.name),
                    sanitize(c.version.as_deref().unwrap_or(""))
                ),
            };
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect();
    let packages: Vec<Pkg<'_>> = model
        .components
        .iter()
        .zip(&ids)
        .map(|(c, id)| {
            let info = c.info.as_ref();
            let download = match (c.source, c.resolved.as_deref()) {
                (SourceKind::Registry | SourceKind::Tarball | SourceKind::Git, Some(r))
                    if usable_url(r) =>
                {
                    r
                }
                _ => "NOASSERTION",
            };
            let declared = match info
                .and_then(|i| i.license.as_deref())
                .map(classify_license)
            {
                Some(License::Id(l)) | Some(License::Expression(l)) => l,
                _ => "NOASSERTION".to_string(),
            };
            Pkg {
                spdxid: id,
                name: &c.name,
                version_info: c.version.as_deref(),
                supplier: info
                    .and_then(|i| i.supplier.as_deref())
                    .map_or("NOASSERTION".to_string(), |s| format!("Organization: {s}")),
                originator: info.and_then(|i| i.author.as_deref()).map(|a| {
                    let email = info.and_then(|i| i.author_email.as_deref()).unwrap_or("");
                    format!("Person: {a} ({email})")
                }),
                download_location: download,
                files_analyzed: false,
                checksums: c
                    .hashes
                    .iter()
                    .map(|(a, h)| Checksum {
                        algorithm: alg_names(*a).1,
                        checksum_value: h,
                    })
                    .collect(),
                homepage: info
                    .and_then(|i| i.homepage.as_deref())
                    .filter(|h| usable_url(h)),
                license_concluded: "NOASSERTION",
                license_declared: declared,
                copyright_text: "NOASSERTION",
                description: info.and_then(|i| i.description.as_deref()),
                source_info: c.pedigree.as_ref().map(pedigree::spdx_source_info),
                comment: c.dev.then_some("development dependency"),
                external_refs: [ExtRef {
                    reference_category: "PACKAGE-MANAGER",
                    reference_type: "purl",
                    reference_locator: &c.purl,
                }],
                primary_package_purpose: if c.role == Role::Package {
                    "LIBRARY"
                } else {
                    "APPLICATION"
                },
            }
        })
        .collect();
    // Patched builds: the upstream release as its own element, each patch as a file.
    struct Extra<'m> {
        k: usize,
        upstream_id: String,
        upstream_purl: String,
        p: &'m pedigree::Pedigree,
        patch_ids: Vec<String>,
    }
    let extras: Vec<Extra<'_>> = model
        .components
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            let p = c.pedigree.as_ref()?;
            let base = format!(
                "SPDXRef-Package-npm-{}-{}-upstream",
                sanitize(&p.name),
                sanitize(&p.upstream_version)
            );
            Some(Extra {
                k,
                upstream_purl: p.upstream_purl(),
                patch_ids: (1..=p.patches.len())
                    .map(|n| {
                        format!(
                            "SPDXRef-File-patch-{}-{}-{n}",
                            sanitize(&p.name),
                            sanitize(&p.version)
                        )
                    })
                    .collect(),
                upstream_id: base,
                p,
            })
        })
        .collect();
    let mut packages = packages;
    let mut files = Vec::new();
    for e in &extras {
        packages.push(Pkg {
            spdxid: &e.upstream_id,
            name: &e.p.name,
            version_info: Some(&e.p.upstream_version),
            supplier: "NOASSERTION".into(),
            originator: None,
            download_location: "NOASSERTION",
            files_analyzed: false,
            checksums: e
                .p
                .upstream_hashes
                .iter()
                .map(|(a, h)| Checksum {
                    algorithm: alg_names(*a).1,
                    checksum_value: h,
                })
                .collect(),
            homepage: None,
            license_concluded: "NOASSERTION",
            license_declared: "NOASSERTION".into(),
            copyright_text: "NOASSERTION",
            description: None,
            source_info: None,
            comment: Some("the upstream release a patched build was made from"),
            external_refs: [ExtRef {
                reference_category: "PACKAGE-MANAGER",
                reference_type: "purl",
                reference_locator: &e.upstream_purl,
            }],
            primary_package_purpose: "LIBRARY",
        });
        for (x, id) in e.p.patches.iter().zip(&e.patch_ids) {
            files.push(File {
                spdxid: id,
                file_name: format!("./{}", x.file),
                file_types: ["SOURCE"],
                checksums: [
                    OwnedChecksum {
                        algorithm: "SHA1",
                        checksum_value: pedigree::sha1_hex(x.diff.as_bytes()),
                    },
                    OwnedChecksum {
                        algorithm: "SHA256",
                        checksum_value: pedigree::sha256_hex(x.diff.as_bytes()),
                    },
                ],
                license_concluded: "NOASSERTION",
                copyright_text: "NOASSERTION",
                comment: pedigree::spdx_patch_comment(e.p, x),
            });
        }
    }
    let mut relationships = vec![Rel {
        spdx_element_id: "SPDXRef-DOCUMENT",
        relationship_type: "DESCRIBES",
        related_spdx_element: &ids[0],
    }];
    for (k, c) in model.components.iter().enumerate() {
        for (t, kind) in &c.depends_on {
            let (a, r, b) = match kind {
                DepKind::Dev => (&ids[*t], "DEV_DEPENDENCY_OF", &ids[k]),
                DepKind::Optional => (&ids[*t], "OPTIONAL_DEPENDENCY_OF", &ids[k]),
                DepKind::Prod | DepKind::Peer => (&ids[k], "DEPENDS_ON", &ids[*t]),
            };
            relationships.push(Rel {
                spdx_element_id: a,
                relationship_type: r,
                related_spdx_element: b,
            });
        }
    }
    for e in &extras {
        relationships.push(Rel {
            spdx_element_id: &ids[e.k],
            relationship_type: "DESCENDANT_OF",
            related_spdx_element: &e.upstream_id,
        });
        for id in &e.patch_ids {
            relationships.push(Rel {
                spdx_element_id: id,
                relationship_type: "PATCH_FOR",
                related_spdx_element: &e.upstream_id,
            });
            relationships.push(Rel {
                spdx_element_id: id,
                relationship_type: "PATCH_APPLIED",
                related_spdx_element: &ids[e.k],
            });
        }
    }
    relationships.sort();
    relationships.dedup();
    let root = model.root();
    let doc_name = match &root.version {
        Some(v) => format!("{}@{v}", root.name),
        None => root.name.clone(),
    };
    let mut doc = Doc {
        spdx_version: "SPDX-2.3",
        data_license: "CC0-1.0",
        spdxid: "SPDXRef-DOCUMENT",
        name: doc_name.clone(),
        document_namespace: String::new(),
        creation_info: CreationInfo {
            created: crate::time::rfc3339(input.now),
            creators: [format!("Tool: {}-{}", input.tool.name, input.tool.version)],
            comment: format!(
                "from {} (lockfile version {})",
                input.inventory.kind.file_name(),
                input.inventory.lockfile_version
            ),
        },
        document_describes: [&ids[0]],
        packages,
        files,
        relationships,
    };
    let unsigned = crate::to_json_bytes(&doc);
    doc.document_namespace = format!(
        "https://spdx.org/spdxdocs/{}-{}",
        sanitize(&doc_name),
        crate::uuid::v5(&unsigned)
    );
    crate::to_json_bytes(&doc)
}

/// The document as a JSON value (for callers that inspect it; [`render`] is the fast path).
pub fn document(input: &SbomInput<'_>) -> Value {
    // `render` writes valid JSON, so parsing it back cannot fail.
    serde_json::from_slice(&render(input)).unwrap_or(Value::Null)
}
