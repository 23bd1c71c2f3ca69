//! Editing a project's package.json without reordering it: the document is read into an
//! order-keeping value (objects as [`IndexMap`]s), edited, and written back pretty-printed with
//! the file's own indentation and final newline. serde_json's `preserve_order` feature would do
//! the same but would change key order in every JSON document the workspace writes, so the
//! order-keeping value lives here. Whitespace inside lines is serde_json's (`"a": 1`).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// A JSON value whose objects keep their key order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Json {
    Null(()),
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Json>),
    Object(IndexMap<String, Json>),
}

impl Json {
    pub fn as_object(&self) -> Option<&IndexMap<String, Json>> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Which field of package.json a package manager reads overrides from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverrideField {
    /// npm: `overrides`
    Npm,
    /// pnpm: `pnpm.overrides`
    Pnpm,
    /// yarn: `resolutions`
    Yarn,
}

impl OverrideField {
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Self::Npm => &["overrides"],
            Self::Pnpm => &["pnpm", "overrides"],
            Self::Yarn => &["resolutions"],
        }
    }

    pub fn display(self) -> &'static str {
        match self {
            Self::Npm => "overrides",
            Self::Pnpm => "pnpm.overrides",
            Self::Yarn => "resolutions",
        }
    }
}

/// The dependency fields whose entries name direct dependencies.
pub const DEPENDENCY_FIELDS: [&str; 3] =
    ["dependencies", "devDependencies", "optionalDependencies"];

/// A parsed package.json with the layout to write it back in.
#[derive(Debug, Clone)]
pub struct PackageJson {
    pub root: IndexMap<String, Json>,
    indent: Vec<u8>,
    final_newline: bool,
}

impl PackageJson {
    /// Parses package.json text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, String> {
        let value: Json =
            serde_json::from_str(text).map_err(|e| format!("{file}: not valid JSON: {e}"))?;
        let Json::Object(root) = value else {
            return Err(format!("{file}: expected a JSON object at the top"));
        };
        Ok(Self {
            root,
            indent: detect_indent(text),
            final_newline: text.ends_with('\n'),
        })
    }

    /// The document as text, in the file's indentation.
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(&self.indent);
        let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
        // A map of strings, numbers, booleans, arrays and maps always serialises.
        let _ = self.root.serialize(&mut ser);
        let mut s = String::from_utf8(out).unwrap_or_default();
        if self.final_newline {
            s.push('\n');
        }
        s
    }

    /// Sets `key` to `value` in the object at `path`, creating the objects on the way (added
    /// at the end). Returns the previous value. Fails when something on the path is not an
    /// object.
    pub fn set(&mut self, path: &[&str], key: &str, value: &str) -> Result<Option<Json>, String> {
        let mut obj = &mut self.root;
        for (i, seg) in path.iter().enumerate() {
            let entry = obj
                .entry(seg.to_string())
                .or_insert_with(|| Json::Object(IndexMap::new()));
            match entry {
                Json::Object(o) => obj = o,
                _ => {
                    return Err(format!("\"{}\" is not an object", path[..=i].join(".")));
                }
            }
        }
        Ok(obj.insert(key.to_string(), Json::String(value.to_string())))
    }

    /// The spec of `name` in each dependency field that names it: `(field, spec)`.
    pub fn direct_specs(&self, name: &str) -> Vec<(&'static str, String)> {
        DEPENDENCY_FIELDS
            .iter()
            .filter_map(|f| {
                let spec = self.root.get(*f)?.as_object()?.get(name)?.as_str()?;
                Some((*f, spec.to_string()))
            })
            .collect()
    }
}

/// The indentation of the first indented line (two spaces when there is none).
fn detect_indent(text: &str) -> Vec<u8> {
    text.lines()
        .skip(1)
        .find_map(|l| {
            let ws: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
            (!ws.is_empty() && ws.len() < l.len()).then_some(ws.into_bytes())
        })
        .unwrap_or_else(|| b"  ".to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = r#"{
    "name": "app",
    "version": "1.0.0",
    "scripts": { "test": "node t.js" },
    "dependencies": {
        "zeta": "^1.0.0",
        "minimist": "^0.2.1",
        "alpha": "1.0.0"
    },
    "private": true,
    "n": 1.5
}
"#;

    #[test]
    fn round_trip_keeps_key_order_indentation_and_newline() {
        let p = PackageJson::parse("package.json", APP).expect("parses");
        let out = p.render();
        let keys: Vec<&str> = p.root.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["name", "version", "scripts", "dependencies", "private", "n"]
        );
        assert!(
            out.contains("\n    \"dependencies\": {\n        \"zeta\""),
            "{out}"
        );
        assert!(out.find("zeta").unwrap() < out.find("alpha").unwrap());
        assert!(out.ends_with("}\n"));
        assert!(out.contains("\"n\": 1.5"));
    }

    #[test]
    fn npm_override_is_added_at_the_end() {
        let mut p = PackageJson::parse("package.json", APP).expect("parses");
        let old = p
            .set(
                OverrideField::Npm.path(),
                "minimist@0.2.1",
                "file:supply-chain/patched/minimist-0.2.1-warden.1.tgz",
            )
            .expect("sets");
        assert!(old.is_none());
        let out = p.render();
        assert!(out.trim_end().ends_with(
            "\"overrides\": {\n        \"minimist@0.2.1\": \"file:supply-chain/patched/minimist-0.2.1-warden.1.tgz\"\n    }\n}"
        ), "{out}");
    }

    #[test]
    fn pnpm_override_goes_into_the_pnpm_object() {
        let text =
            "{\n  \"name\": \"a\",\n  \"pnpm\": {\n    \"neverBuiltDependencies\": []\n  }\n}";
        let mut p = PackageJson::parse("package.json", text).expect("parses");
        p.set(OverrideField::Pnpm.path(), "minimist@0.2.1", "file:x.tgz")
            .expect("sets");
        let out = p.render();
        assert!(!out.ends_with('\n'), "no final newline before, none after");
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v["pnpm"]["overrides"]["minimist@0.2.1"], "file:x.tgz");
        assert!(v["pnpm"]["neverBuiltDependencies"].is_array());
    }

    #[test]
    fn yarn_resolution_replaces_an_earlier_value() {
        let text = "{\n\t\"resolutions\": {\n\t\t\"minimist\": \"1.2.6\"\n\t}\n}\n";
        let mut p = PackageJson::parse("package.json", text).expect("parses");
        let old = p
            .set(OverrideField::Yarn.path(), "minimist", "file:x.tgz")
            .expect("sets");
        assert_eq!(old, Some(Json::String("1.2.6".into())));
        assert_eq!(
            p.render(),
            "{\n\t\"resolutions\": {\n\t\t\"minimist\": \"file:x.tgz\"\n\t}\n}\n"
        );
    }

    #[test]
    fn a_field_that_is_not_an_object_is_an_error() {
        let mut p = PackageJson::parse("package.json", "{\"pnpm\": \"x\"}").expect("parses");
        let e = p
            .set(OverrideField::Pnpm.path(), "a", "b")
            .expect_err("refused");
        assert!(e.contains("\"pnpm\" is not an object"), "{e}");
    }

    #[test]
    fn invalid_json_and_non_objects_are_errors() {
        assert!(
            PackageJson::parse("p/package.json", "{")
                .expect_err("bad")
                .starts_with("p/package.json: not valid JSON")
        );
        assert!(PackageJson::parse("package.json", "[]").is_err());
    }

    #[test]
    fn direct_specs_lists_each_field() {
        let text = r#"{"dependencies":{"a":"1"},"devDependencies":{"a":"^1"},"peerDependencies":{"a":"*"}}"#;
        let p = PackageJson::parse("package.json", text).expect("parses");
        assert_eq!(
            p.direct_specs("a"),
            vec![
                ("dependencies", "1".to_string()),
                ("devDependencies", "^1".to_string())
            ]
        );
        assert!(p.direct_specs("b").is_empty());
    }
}
