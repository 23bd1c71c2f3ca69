//! CycloneDX 1.6 (or 1.5) JSON BOMs.
//!
//! Dev-only packages get `scope: optional` and the property `cdx:npm:package:development`, the
//! name cyclonedx-npm uses; scoped packages put the scope in `group` as cyclonedx-npm does. The
//! serial number is a version 5 UUID of the document's bytes with an empty serial number.

use super::{Component, Model, Role, SbomInput, alg_names, usable_url};
use crate::meta::{License, classify_license};
use serde_json::{Map, Value, json};

/// A CycloneDX specification version warden writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecVersion {
    V1_5,
    V1_6,
}

impl SpecVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::V1_5 => "1.5",
            Self::V1_6 => "1.6",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "1.5" => Some(Self::V1_5),
            "1.6" => Some(Self::V1_6),
            _ => None,
        }
    }
}

/// The BOM as a JSON value.
pub fn document(input: &SbomInput<'_>, spec: SpecVersion) -> Value {
    let model = Model::build(input);
    let components: Vec<Value> = model.components[1..]
        .iter()
        .map(|c| component(c, spec))
        .collect();
    let dependencies: Vec<Value> = model
        .components
        .iter()
        .map(|c| {
            let mut refs: Vec<&str> = c
                .depends_on
                .iter()
                .map(|(t, _)| model.components[*t].bom_ref.as_str())
                .collect();
            refs.sort_unstable();
            refs.dedup();
            json!({ "ref": c.bom_ref, "dependsOn": refs })
        })
        .collect();
    let mut root = component(model.root(), spec);
    if let Some(o) = root.as_object_mut() {
        o.insert("type".into(), json!("application"));
    }
    let mut doc = json!({
        "$schema": format!("http://cyclonedx.org/schema/bom-{}.schema.json", spec.as_str()),
        "bomFormat": "CycloneDX",
        "specVersion": spec.as_str(),
        "serialNumber": "",
        "version": 1,
        "metadata": {
            "timestamp": crate::time::rfc3339(input.now),
            "lifecycles": [{ "phase": "build" }],
            "tools": {
                "components": [{
                    "type": "application",
                    "name": input.tool.name,
                    "version": input.tool.version,
                }]
            },
            "component": root,
            "properties": [
                { "name": "warden:lockfile:format", "value": input.inventory.kind.as_str() },
                { "name": "warden:lockfile:version", "value": input.inventory.lockfile_version },
            ],
        },
        "components": components,
        "dependencies": dependencies,
    });
    set_serial(&mut doc);
    doc
}

/// Fills `serialNumber` with the version 5 UUID of the document with an empty serial.
pub(crate) fn set_serial(doc: &mut Value) {
    let bytes = crate::to_json_bytes(doc);
    if let Some(o) = doc.as_object_mut() {
        o.insert(
            "serialNumber".into(),
            json!(format!("urn:uuid:{}", crate::uuid::v5(&bytes))),
        );
    }
}

fn component(c: &Component, spec: SpecVersion) -> Value {
    let mut o = Map::new();
    o.insert("type".into(), json!("library"));
    o.insert("bom-ref".into(), json!(c.bom_ref));
    let (group, name) = c.group_and_name();
    if let Some(g) = group {
        o.insert("group".into(), json!(g));
    }
    o.insert("name".into(), json!(name));
    if let Some(v) = &c.version {
        o.insert("version".into(), json!(v));
    }
    o.insert("purl".into(), json!(c.purl));
    if c.role == Role::Package {
        let scope = if c.dev || c.optional {
            "optional"
        } else {
            "required"
        };
        o.insert("scope".into(), json!(scope));
    }
    if !c.hashes.is_empty() {
        let hashes: Vec<Value> = c
            .hashes
            .iter()
            .map(|(a, h)| json!({ "alg": alg_names(*a).0, "content": h }))
            .collect();
        o.insert("hashes".into(), json!(hashes));
    }
    if let Some(info) = &c.info {
        if let Some(l) = &info.license {
            let lic = match classify_license(l) {
                License::Id(id) => json!([{ "license": { "id": id } }]),
                License::Expression(e) => json!([{ "expression": e }]),
                License::Name(n) => json!([{ "license": { "name": n } }]),
            };
            o.insert("licenses".into(), lic);
        }
        if let Some(a) = &info.author {
            match spec {
                SpecVersion::V1_5 => {
                    o.insert("author".into(), json!(a));
                }
                SpecVersion::V1_6 => {
                    let mut person = Map::new();
                    person.insert("name".into(), json!(a));
                    if let Some(e) = &info.author_email {
                        person.insert("email".into(), json!(e));
                    }
                    o.insert("authors".into(), json!([person]));
                }
            }
        }
        if let Some(s) = &info.supplier {
            o.insert("supplier".into(), json!({ "name": s }));
        }
        if let Some(d) = &info.description {
            o.insert("description".into(), json!(d));
        }
    }
    let mut refs = Vec::new();
    if let Some(r) = c.resolved.as_deref().filter(|r| usable_url(r)) {
        let kind = if c.source == warden_lockfile::SourceKind::Git {
            "vcs"
        } else {
            "distribution"
        };
        refs.push(json!({ "type": kind, "url": r }));
    }
    if let Some(h) = c
        .info
        .as_ref()
        .and_then(|i| i.homepage.as_deref())
        .filter(|h| usable_url(h))
    {
        refs.push(json!({ "type": "website", "url": h }));
    }
    if !refs.is_empty() {
        o.insert("externalReferences".into(), json!(refs));
    }
    let mut props = Vec::new();
    if c.dev {
        props.push(json!({ "name": "cdx:npm:package:development", "value": "true" }));
    }
    if c.bundled {
        props.push(json!({ "name": "cdx:npm:package:bundled", "value": "true" }));
    }
    for p in &c.paths {
        let name = if c.role == Role::Workspace {
            "warden:workspace:path"
        } else {
            "cdx:npm:package:path"
        };
        props.push(json!({ "name": name, "value": p }));
    }
    if c.role == Role::Package {
        props.push(json!({ "name": "warden:source", "value": c.source.as_str() }));
    }
    if !props.is_empty() {
        o.insert("properties".into(), json!(props));
    }
    Value::Object(o)
}
