//! CycloneDX 1.6 (or 1.5) JSON BOMs.
//!
//! Dev-only packages get `scope: optional` and the property `cdx:npm:package:development`, the
//! name cyclonedx-npm uses; scoped packages put the scope in `group` as cyclonedx-npm does. The
//! serial number is a version 5 UUID of the document's bytes with an empty serial number.
//!
//! The document is serialised from borrowed structs rather than a `serde_json::Value` tree: a
//! 2,000-package BOM then costs a few milliseconds instead of tens.

use super::{Component, Model, Role, SbomInput, alg_names, usable_url};
use crate::meta::{License, classify_license};
use serde::Serialize;
use serde_json::{Value, json};
use std::borrow::Cow;

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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Bom<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    bom_format: &'static str,
    spec_version: &'static str,
    serial_number: String,
    version: u32,
    metadata: Metadata<'a>,
    components: Vec<Comp<'a>>,
    dependencies: Vec<Dep<'a>>,
}

#[derive(Serialize)]
struct Metadata<'a> {
    timestamp: String,
    lifecycles: [Phase; 1],
    tools: Tools<'a>,
    component: Comp<'a>,
    properties: Vec<Prop<'a>>,
}

#[derive(Serialize)]
struct Phase {
    phase: &'static str,
}

#[derive(Serialize)]
struct Tools<'a> {
    components: [ToolComp<'a>; 1],
}

#[derive(Serialize)]
struct ToolComp<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Comp<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "bom-ref")]
    bom_ref: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    supplier: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    hashes: Vec<Hash<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    licenses: Vec<LicenseChoice>,
    purl: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pedigree: Option<Value>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    external_references: Vec<ExtRef<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    properties: Vec<Prop<'a>>,
}

#[derive(Serialize)]
struct Named<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Person<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

#[derive(Serialize)]
struct Hash<'a> {
    alg: &'static str,
    content: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum LicenseChoice {
    License { license: LicenseRef },
    Expression { expression: String },
}

#[derive(Serialize)]
enum LicenseRef {
    #[serde(rename = "id")]
    Id(String),
    #[serde(rename = "name")]
    Name(String),
}

#[derive(Serialize)]
struct ExtRef<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    url: &'a str,
}

#[derive(Serialize)]
struct Prop<'a> {
    name: &'static str,
    value: Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Dep<'a> {
    #[serde(rename = "ref")]
    reference: &'a str,
    depends_on: Vec<&'a str>,
}

/// The BOM as JSON bytes (pretty, with a trailing newline).
pub fn render(input: &SbomInput<'_>, spec: SpecVersion) -> Vec<u8> {
    let model = Model::build(input);
    let components: Vec<Comp<'_>> = model.components[1..]
        .iter()
        .map(|c| component(c, spec))
        .collect();
    let dependencies: Vec<Dep<'_>> = model
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
            Dep {
                reference: &c.bom_ref,
                depends_on: refs,
            }
        })
        .collect();
    let mut root = component(model.root(), spec);
    root.kind = "application";
    let mut bom = Bom {
        schema: format!(
            "http://cyclonedx.org/schema/bom-{}.schema.json",
            spec.as_str()
        ),
        bom_format: "CycloneDX",
        spec_version: spec.as_str(),
        serial_number: String::new(),
        version: 1,
        metadata: Metadata {
            timestamp: crate::time::rfc3339(input.now),
            lifecycles: [Phase { phase: "build" }],
            tools: Tools {
                components: [ToolComp {
                    kind: "application",
                    name: &input.tool.name,
                    version: &input.tool.version,
                }],
            },
            component: root,
            properties: vec![
                Prop {
                    name: "warden:lockfile:format",
                    value: Cow::Borrowed(input.inventory.kind.as_str()),
                },
                Prop {
                    name: "warden:lockfile:version",
                    value: Cow::Borrowed(&input.inventory.lockfile_version),
                },
            ],
        },
        components,
        dependencies,
    };
    let unsigned = crate::to_json_bytes(&bom);
    bom.serial_number = format!("urn:uuid:{}", crate::uuid::v5(&unsigned));
    crate::to_json_bytes(&bom)
}

/// The BOM as a JSON value (for callers that inspect it; [`render`] is the fast path).
pub fn document(input: &SbomInput<'_>, spec: SpecVersion) -> Value {
    // `render` writes valid JSON, so parsing it back cannot fail.
    serde_json::from_slice(&render(input, spec)).unwrap_or(Value::Null)
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

fn component(c: &Component, spec: SpecVersion) -> Comp<'_> {
    let (group, name) = c.group_and_name();
    let info = c.info.as_ref();
    let licenses = info
        .and_then(|i| i.license.as_deref())
        .map(|l| match classify_license(l) {
            License::Id(id) => LicenseChoice::License {
                license: LicenseRef::Id(id),
            },
            License::Expression(e) => LicenseChoice::Expression { expression: e },
            License::Name(n) => LicenseChoice::License {
                license: LicenseRef::Name(n),
            },
        })
        .into_iter()
        .collect();
    let author = info.and_then(|i| i.author.as_deref());
    let (authors, author) = match (spec, author) {
        (SpecVersion::V1_6, Some(a)) => (
            vec![Person {
                name: a,
                email: info.and_then(|i| i.author_email.as_deref()),
            }],
            None,
        ),
        (SpecVersion::V1_5, Some(a)) => (Vec::new(), Some(a)),
        (_, None) => (Vec::new(), None),
    };
    let mut external_references = Vec::new();
    if let Some(r) = c.resolved.as_deref().filter(|r| usable_url(r)) {
        let kind = if c.source == warden_lockfile::SourceKind::Git {
            "vcs"
        } else {
            "distribution"
        };
        external_references.push(ExtRef { kind, url: r });
    }
    if let Some(h) = info
        .and_then(|i| i.homepage.as_deref())
        .filter(|h| usable_url(h))
    {
        external_references.push(ExtRef {
            kind: "website",
            url: h,
        });
    }
    let mut properties = Vec::new();
    if c.dev {
        properties.push(Prop {
            name: "cdx:npm:package:development",
            value: Cow::Borrowed("true"),
        });
    }
    if c.bundled {
        properties.push(Prop {
            name: "cdx:npm:package:bundled",
            value: Cow::Borrowed("true"),
        });
    }
    for p in &c.paths {
        let name = if c.role == Role::Workspace {
            "warden:workspace:path"
        } else {
            "cdx:npm:package:path"
        };
        properties.push(Prop {
            name,
            value: Cow::Borrowed(p),
        });
    }
    if c.role == Role::Package {
        properties.push(Prop {
            name: "warden:source",
            value: Cow::Borrowed(c.source.as_str()),
        });
    }
    Comp {
        kind: "library",
        bom_ref: &c.bom_ref,
        supplier: info
            .and_then(|i| i.supplier.as_deref())
            .map(|name| Named { name }),
        authors,
        author,
        group,
        name,
        version: c.version.as_deref(),
        description: info.and_then(|i| i.description.as_deref()),
        scope: (c.role == Role::Package).then_some(if c.dev || c.optional {
            "optional"
        } else {
            "required"
        }),
        hashes: c
            .hashes
            .iter()
            .map(|(a, h)| Hash {
                alg: alg_names(*a).0,
                content: h,
            })
            .collect(),
        licenses,
        purl: &c.purl,
        pedigree: c.pedigree.as_ref().map(super::pedigree::cyclonedx),
        external_references,
        properties,
    }
}
