//! The OSV record as published (schema 1.3 to 1.7), read leniently: unknown fields and
//! `database_specific` contents are ignored, except GitHub's severity label.

use serde::Deserialize;

/// One OSV record, as much of it as warden reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    #[serde(default)]
    pub schema_version: Option<String>,
    pub id: String,
    pub modified: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub withdrawn: Option<String>,
    #[serde(default)]
    pub aliases: Option<Vec<String>>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub severity: Option<Vec<SeverityEntry>>,
    #[serde(default)]
    pub affected: Option<Vec<Affected>>,
    #[serde(default)]
    pub references: Option<Vec<Reference>>,
    /// Free-form; only a string `severity` (GitHub's label) is read from it.
    #[serde(default)]
    pub database_specific: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SeverityEntry {
    #[serde(rename = "type")]
    pub kind: String,
    pub score: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Affected {
    #[serde(default)]
    pub package: Option<Package>,
    #[serde(default)]
    pub ranges: Option<Vec<Range>>,
    #[serde(default)]
    pub versions: Option<Vec<String>>,
    /// Per-package severity (schema 1.5+); read like the record's.
    #[serde(default)]
    pub severity: Option<Vec<SeverityEntry>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Package {
    #[serde(default)]
    pub ecosystem: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Range {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// One event of a range: exactly one of the four fields is set.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Event {
    #[serde(default)]
    pub introduced: Option<String>,
    #[serde(default)]
    pub fixed: Option<String>,
    #[serde(default)]
    pub last_affected: Option<String>,
    #[serde(default)]
    pub limit: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Reference {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub url: String,
}

impl Record {
    /// Parses one record from JSON bytes.
    pub fn from_slice(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(bytes)
    }
}
