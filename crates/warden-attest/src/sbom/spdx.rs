//! SPDX 2.3 JSON documents.
//!
//! Edges become relationships: `A DEPENDS_ON B` for production and peer edges,
//! `B DEV_DEPENDENCY_OF A` for dev edges and `B OPTIONAL_DEPENDENCY_OF A` for optional ones.
//! Licences are declared only when the package's own package.json was available and its
//! `license` field is a valid SPDX expression; otherwise `NOASSERTION`. warden never concludes
//! a licence. No `$schema` key: the SPDX 2.3 schema forbids it.

use super::{Model, Role, SbomInput, alg_names, usable_url};
use crate::meta::{License, classify_license};
use serde_json::{Map, Value, json};
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

/// The SPDX document as a JSON value.
pub fn document(input: &SbomInput<'_>) -> Value {
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
    let packages: Vec<Value> = model
        .components
        .iter()
        .zip(&ids)
        .map(|(c, id)| {
            let mut o = Map::new();
            o.insert("SPDXID".into(), json!(id));
            o.insert("name".into(), json!(c.name));
            if let Some(v) = &c.version {
                o.insert("versionInfo".into(), json!(v));
            }
            let download = match (c.source, c.resolved.as_deref()) {
                (SourceKind::Registry | SourceKind::Tarball | SourceKind::Git, Some(r)) if usable_url(r) => r.to_string(),
                _ => "NOASSERTION".to_string(),
            };
            o.insert("downloadLocation".into(), json!(download));
            o.insert("filesAnalyzed".into(), json!(false));
            o.insert("licenseConcluded".into(), json!("NOASSERTION"));
            let declared = match c.info.as_ref().and_then(|i| i.license.as_deref()).map(classify_license) {
                Some(License::Id(l)) | Some(License::Expression(l)) => l,
                _ => "NOASSERTION".to_string(),
            };
            o.insert("licenseDeclared".into(), json!(declared));
            o.insert("copyrightText".into(), json!("NOASSERTION"));
            if !c.hashes.is_empty() {
                let sums: Vec<Value> = c
                    .hashes
                    .iter()
                    .map(|(a, h)| json!({ "algorithm": alg_names(*a).1, "checksumValue": h }))
                    .collect();
                o.insert("checksums".into(), json!(sums));
            }
            o.insert(
                "externalRefs".into(),
                json!([{ "referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": c.purl }]),
            );
            let purpose = if c.role == Role::Package { "LIBRARY" } else { "APPLICATION" };
            o.insert("primaryPackagePurpose".into(), json!(purpose));
            let info = c.info.as_ref();
            o.insert(
                "supplier".into(),
                json!(info.and_then(|i| i.supplier.as_deref()).map_or("NOASSERTION".to_string(), |s| format!("Organization: {s}"))),
            );
            if let Some(a) = info.and_then(|i| i.author.as_deref()) {
                let email = info.and_then(|i| i.author_email.as_deref()).unwrap_or("");
                o.insert("originator".into(), json!(format!("Person: {a} ({email})")));
            }
            if let Some(d) = info.and_then(|i| i.description.as_deref()) {
                o.insert("description".into(), json!(d));
            }
            if let Some(h) = info.and_then(|i| i.homepage.as_deref()).filter(|h| usable_url(h)) {
                o.insert("homepage".into(), json!(h));
            }
            if c.dev {
                o.insert("comment".into(), json!("development dependency"));
            }
            Value::Object(o)
        })
        .collect();
    let mut rels: Vec<(String, &'static str, String)> =
        vec![("SPDXRef-DOCUMENT".into(), "DESCRIBES", ids[0].clone())];
    for (k, c) in model.components.iter().enumerate() {
        for (t, kind) in &c.depends_on {
            match kind {
                DepKind::Dev => rels.push((ids[*t].clone(), "DEV_DEPENDENCY_OF", ids[k].clone())),
                DepKind::Optional => {
                    rels.push((ids[*t].clone(), "OPTIONAL_DEPENDENCY_OF", ids[k].clone()))
                }
                DepKind::Prod | DepKind::Peer => {
                    rels.push((ids[k].clone(), "DEPENDS_ON", ids[*t].clone()))
                }
            }
        }
    }
    rels.sort();
    rels.dedup();
    let relationships: Vec<Value> = rels
        .into_iter()
        .map(|(a, r, b)| json!({ "spdxElementId": a, "relationshipType": r, "relatedSpdxElement": b }))
        .collect();
    let root = model.root();
    let doc_name = match &root.version {
        Some(v) => format!("{}@{v}", root.name),
        None => root.name.clone(),
    };
    let mut doc = json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": doc_name,
        "documentNamespace": "",
        "creationInfo": {
            "created": crate::time::rfc3339(input.now),
            "creators": [format!("Tool: {}-{}", input.tool.name, input.tool.version)],
            "comment": format!("from {} (lockfile version {})", input.inventory.kind.file_name(), input.inventory.lockfile_version),
        },
        "documentDescribes": [ids[0]],
        "packages": packages,
        "relationships": relationships,
    });
    let bytes = crate::to_json_bytes(&doc);
    let ns = format!(
        "https://spdx.org/spdxdocs/{}-{}",
        sanitize(&doc_name),
        crate::uuid::v5(&bytes)
    );
    if let Some(o) = doc.as_object_mut() {
        o.insert("documentNamespace".into(), json!(ns));
    }
    doc
}
