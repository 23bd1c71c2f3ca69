//! Writing supply-chain/ files: the default config, freezing a tree into exemptions, recording
//! audits. Edits go through toml_edit so the user's comments and order survive; the caller
//! writes the returned text atomically.

use crate::audits::Audit;
use crate::error::PolicyError;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

/// The commented config.toml that `warden init` writes.
pub const DEFAULT_CONFIG: &str = r#"# warden policy: how this project's npm dependencies are vetted and gated.
# Reference: docs/policy.md. Reviewed in pull requests like any other code.

[policy]
# Versions younger than this are quarantined unless someone audited them.
min-release-age = "7d"
# Criteria a package must be vetted for: production dependencies, and dev-only ones.
production-criteria = "safe-to-deploy"
dev-criteria = "safe-to-run"
# What `warden check` does when a package needs review: "fail" (exit 1) or "warn".
on-review = "fail"
# Install scripts (preinstall/install/postinstall/prepare): "allowlist" denies packages that
# are not listed in install-script-allowlist, "review" asks for a review, "allow" only shows them.
install-scripts = "review"
install-script-allowlist = []
# New dependencies with a risk score below this (0-10) need review; 0 turns it off.
min-score = 0
# Scopes your own team publishes; hijack-detection metadata rules skip them.
trusted-scopes = []

# Per-rule actions: "off", "warn", "review" or "deny". `warden rules` lists the rules.
[policy.rules]
single-maintainer = "warn"

# Your own criteria, beyond safe-to-deploy (which implies safe-to-run):
# [criteria.crypto-reviewed]
# description = "a cryptographer reviewed it"
# implies = ["safe-to-deploy"]

# The CI identity that publishes a package, checked against its provenance:
# [trusted-publishers.chalk]
# repository = "https://github.com/chalk/chalk"
# workflow = ".github/workflows/release.yml"

# Another organisation's audits (`warden import` pins them in imports.lock):
# [imports.acme]
# url = "https://acme.example/supply-chain/audits.toml"

# The frozen baseline: versions accepted without an audit, pinned by integrity.
# `warden init` writes one entry per locked package.
"#;

/// One package to freeze.
pub struct Freeze<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub integrity: Option<&'a str>,
    pub criteria: &'a str,
}

/// What [`freeze`] changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FreezeChanges {
    /// `name@version` newly exempted.
    pub added: Vec<String>,
    /// `name@version` already exempted (left as they are).
    pub kept: usize,
}

fn parse_doc(file: &str, text: &str) -> Result<DocumentMut, PolicyError> {
    text.parse::<DocumentMut>().map_err(|e| {
        let err = PolicyError::new(file, e.message().to_string());
        match e.span() {
            Some(span) => err.at_offset(text, span.start),
            None => err,
        }
    })
}

/// Adds an exemption for every package not already exempted at that version. Returns the new
/// text and what changed.
pub fn freeze(
    file: &str,
    config_text: &str,
    packages: &[Freeze<'_>],
) -> Result<(String, FreezeChanges), PolicyError> {
    let mut doc = parse_doc(file, config_text)?;
    let mut changes = FreezeChanges::default();
    if !doc.contains_key("exemptions") {
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert("exemptions", Item::Table(t));
    }
    let exemptions = doc["exemptions"].as_table_mut().ok_or_else(|| {
        PolicyError::new(
            file,
            "`exemptions` must be a table of [[exemptions.NAME]] entries",
        )
    })?;
    let mut sorted: Vec<&Freeze<'_>> = packages.iter().collect();
    sorted.sort_by(|a, b| (a.name, a.version).cmp(&(b.name, b.version)));
    for p in sorted {
        let list = exemptions
            .entry(p.name)
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        let Some(list) = list.as_array_of_tables_mut() else {
            return Err(PolicyError::new(
                file,
                format!(
                    "exemptions.{} must be [[exemptions.{}]] entries",
                    p.name, p.name
                ),
            ));
        };
        if list
            .iter()
            .any(|t| t.get("version").and_then(|v| v.as_str()) == Some(p.version))
        {
            changes.kept += 1;
            continue;
        }
        let mut t = Table::new();
        t.insert("version", value(p.version));
        if let Some(i) = p.integrity {
            t.insert("integrity", value(i));
        }
        t.insert("criteria", value(p.criteria));
        list.push(t);
        changes.added.push(format!("{}@{}", p.name, p.version));
    }
    Ok((doc.to_string(), changes))
}

/// Appends an audit of `name` to audits.toml's text.
pub fn add_audit(
    file: &str,
    audits_text: &str,
    name: &str,
    audit: &Audit,
) -> Result<String, PolicyError> {
    let mut doc = parse_doc(file, audits_text)?;
    if !doc.contains_key("audits") {
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert("audits", Item::Table(t));
    }
    let audits = doc["audits"].as_table_mut().ok_or_else(|| {
        PolicyError::new(file, "`audits` must be a table of [[audits.NAME]] entries")
    })?;
    let list = audits
        .entry(name)
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
    let Some(list) = list.as_array_of_tables_mut() else {
        return Err(PolicyError::new(
            file,
            format!("audits.{name} must be [[audits.{name}]] entries"),
        ));
    };
    let mut t = Table::new();
    if let Some(w) = &audit.who {
        t.insert("who", value(w.as_str()));
    }
    match &audit.criteria {
        crate::config::CriteriaList::One(c) => {
            t.insert("criteria", value(c.as_str()));
        }
        crate::config::CriteriaList::Many(cs) => {
            let mut arr = toml_edit::Array::new();
            for c in cs {
                arr.push(c.as_str());
            }
            t.insert("criteria", value(arr));
        }
    }
    if let Some(v) = &audit.version {
        t.insert("version", value(v.as_str()));
    }
    if let Some(d) = &audit.delta {
        t.insert("delta", value(d.as_str()));
    }
    if let Some(i) = &audit.integrity {
        t.insert("integrity", value(i.as_str()));
    }
    if let Some(n) = &audit.notes {
        t.insert("notes", value(n.as_str()));
    }
    list.push(t);
    Ok(doc.to_string())
}

/// Records `[trusted-publishers.NAME]` for every `(name, publisher)` not pinned yet (an
/// existing pin is the user's and is never changed). Returns the new text and the names added.
pub fn add_trusted_publishers(
    file: &str,
    config_text: &str,
    publishers: &[(&str, &crate::config::TrustedPublisher)],
) -> Result<(String, Vec<String>), PolicyError> {
    let mut doc = parse_doc(file, config_text)?;
    if !doc.contains_key("trusted-publishers") {
        let mut t = Table::new();
        t.set_implicit(true);
        doc.insert("trusted-publishers", Item::Table(t));
    }
    let table = doc["trusted-publishers"].as_table_mut().ok_or_else(|| {
        PolicyError::new(
            file,
            "`trusted-publishers` must be a table of [trusted-publishers.NAME] entries",
        )
    })?;
    let mut added = Vec::new();
    for (name, p) in publishers {
        if table.contains_key(name) {
            continue;
        }
        let mut t = Table::new();
        t.insert("repository", value(p.repository.as_str()));
        t.insert("workflow", value(p.workflow.as_str()));
        if !p.refs.is_empty() {
            let mut arr = toml_edit::Array::new();
            for r in &p.refs {
                arr.push(r.as_str());
            }
            t.insert("ref", value(arr));
        }
        table.insert(name, Item::Table(t));
        added.push(name.to_string());
    }
    Ok((doc.to_string(), added))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audits::AuditsFile;
    use crate::config::{Config, CriteriaList};

    #[test]
    fn default_config_parses() {
        let c = Config::parse("config.toml", DEFAULT_CONFIG).unwrap();
        assert_eq!(c.policy.min_release_age.as_hours(), 168);
        assert!(c.exemptions.is_empty());
    }

    #[test]
    fn freeze_adds_once_and_keeps_comments() {
        let pk = [
            Freeze {
                name: "chalk",
                version: "5.6.0",
                integrity: Some("sha512-AAAA"),
                criteria: "safe-to-deploy",
            },
            Freeze {
                name: "@types/node",
                version: "20.0.0",
                integrity: None,
                criteria: "safe-to-run",
            },
        ];
        let (text, ch) = freeze("config.toml", DEFAULT_CONFIG, &pk).unwrap();
        assert_eq!(ch.added, vec!["@types/node@20.0.0", "chalk@5.6.0"]);
        assert!(text.contains("# The frozen baseline"));
        let c = Config::parse("config.toml", &text).unwrap();
        assert_eq!(
            c.exemptions["chalk"][0].integrity.as_deref(),
            Some("sha512-AAAA")
        );
        assert_eq!(c.exemptions["@types/node"][0].version, "20.0.0");
        let (again, ch2) = freeze("config.toml", &text, &pk).unwrap();
        assert_eq!(again, text, "re-freezing changes nothing");
        assert_eq!((ch2.added.len(), ch2.kept), (0, 2));
    }

    #[test]
    fn add_audit_roundtrips() {
        let a = Audit {
            who: Some("ada".into()),
            criteria: CriteriaList::One("safe-to-deploy".into()),
            version: None,
            delta: Some("5.6.0 -> 5.6.2".into()),
            integrity: Some("sha512-BBBB".into()),
            notes: Some("diff read".into()),
        };
        let text = add_audit("audits.toml", "# our audits\n", "chalk", &a).unwrap();
        assert!(text.contains("# our audits"), "the comment survives");
        let f = AuditsFile::parse("audits.toml", &text).unwrap();
        assert_eq!(f.audits["chalk"][0], a);
    }

    #[test]
    fn broken_files_are_errors_with_lines() {
        let e = freeze("config.toml", "[policy\n", &[]).unwrap_err();
        assert_eq!(e.line, 1, "{e}");
    }

    #[test]
    fn trusted_publishers_are_added_once_and_never_overwritten() {
        let p = crate::config::TrustedPublisher {
            repository: "https://github.com/chalk/chalk".into(),
            workflow: ".github/workflows/release.yml".into(),
            refs: vec![],
        };
        let (text, added) =
            add_trusted_publishers("config.toml", DEFAULT_CONFIG, &[("@scope/pkg", &p)]).unwrap();
        assert_eq!(added, ["@scope/pkg"]);
        let c = Config::parse("config.toml", &text).unwrap();
        assert_eq!(c.trusted_publishers["@scope/pkg"], p);
        assert!(text.contains("# warden policy"), "comments survive");
        let other = crate::config::TrustedPublisher {
            repository: "https://github.com/evil/chalk".into(),
            ..p.clone()
        };
        let (again, added) =
            add_trusted_publishers("config.toml", &text, &[("@scope/pkg", &other)]).unwrap();
        assert!(added.is_empty());
        assert_eq!(again, text);
    }
}
