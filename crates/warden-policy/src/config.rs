//! `supply-chain/config.toml`: the policy, user-defined criteria, trusted publishers, audit
//! imports and the exemptions that freeze the baseline. The format is documented in
//! docs/policy.md.

use crate::duration::parse_duration;
use crate::error::PolicyError;
use crate::severity::Action;
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const CONFIG_FILE: &str = "supply-chain/config.toml";

/// What to do when a package needs review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OnReview {
    /// `warden check` exits 1.
    #[default]
    Fail,
    /// `warden check` reports it and exits 0.
    Warn,
}

/// How install scripts (preinstall, install, postinstall, prepare) are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum InstallScripts {
    /// Deny packages with install scripts unless they are on the allowlist.
    Allowlist,
    /// Unvetted packages with install scripts need review (the default).
    #[default]
    Review,
    /// Install scripts are only shown.
    Allow,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Policy {
    /// Versions younger than this are quarantined unless audited.
    #[serde(default = "default_min_age", with = "duration_str")]
    pub min_release_age: SignedDuration,
    #[serde(default = "default_prod_criteria")]
    pub production_criteria: String,
    #[serde(default = "default_dev_criteria")]
    pub dev_criteria: String,
    #[serde(default)]
    pub on_review: OnReview,
    #[serde(default)]
    pub install_scripts: InstallScripts,
    /// Packages allowed to run install scripts: `name` or `name@version`.
    #[serde(default)]
    pub install_script_allowlist: Vec<String>,
    /// New (unvetted) dependencies with a risk score below this need review. 0 disables.
    #[serde(default)]
    pub min_score: f64,
    /// Scopes (`@myorg`) whose packages are published by the team itself: metadata rules that
    /// look for hijacks do not apply to them.
    #[serde(default)]
    pub trusted_scopes: Vec<String>,
    /// Rule id → action (`off`, `warn`, `review`, `deny`), overriding the rule's default.
    #[serde(default)]
    pub rules: BTreeMap<String, Action>,
}

fn default_min_age() -> SignedDuration {
    SignedDuration::from_hours(7 * 24)
}
fn default_prod_criteria() -> String {
    crate::criteria::SAFE_TO_DEPLOY.to_string()
}
fn default_dev_criteria() -> String {
    crate::criteria::SAFE_TO_RUN.to_string()
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            min_release_age: default_min_age(),
            production_criteria: default_prod_criteria(),
            dev_criteria: default_dev_criteria(),
            on_review: OnReview::default(),
            install_scripts: InstallScripts::default(),
            install_script_allowlist: Vec::new(),
            min_score: 0.0,
            trusted_scopes: Vec::new(),
            rules: BTreeMap::new(),
        }
    }
}

mod duration_str {
    use jiff::SignedDuration;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &SignedDuration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::duration::format_duration(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<SignedDuration, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Days(i64),
            Text(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Days(n) => n.to_string(),
            Raw::Text(t) => t,
        };
        super::parse_duration(&text).map_err(serde::de::Error::custom)
    }
}

/// A user-defined criterion (`[criteria.NAME]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct CriterionDef {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub implies: Vec<String>,
}

/// `[trusted-publishers.NAME]`: the CI identity that publishes a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct TrustedPublisher {
    pub repository: String,
    pub workflow: String,
    /// Ref patterns (`refs/tags/v*`); empty accepts any ref.
    #[serde(default, rename = "ref")]
    pub refs: Vec<String>,
}

/// `[imports.NAME]`: another organisation's audits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Import {
    pub url: String,
}

/// One or several criteria: `criteria = "safe-to-deploy"` or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CriteriaList {
    One(String),
    Many(Vec<String>),
}

impl CriteriaList {
    pub fn names(&self) -> Vec<&str> {
        match self {
            Self::One(s) => vec![s.as_str()],
            Self::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// `[[exemptions.NAME]]`: a version accepted without an audit (the frozen baseline).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Exemption {
    pub version: String,
    /// The integrity that was frozen; a different tarball for the same version is denied.
    #[serde(default)]
    pub integrity: Option<String>,
    pub criteria: CriteriaList,
    #[serde(default)]
    pub notes: Option<String>,
    /// The provenance identity seen when it was frozen (`repository`, `workflow`).
    #[serde(default)]
    pub publisher: Option<TrustedPublisher>,
}

/// The whole config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub policy: Policy,
    #[serde(default)]
    pub criteria: BTreeMap<String, CriterionDef>,
    #[serde(default)]
    pub trusted_publishers: BTreeMap<String, TrustedPublisher>,
    #[serde(default)]
    pub imports: BTreeMap<String, Import>,
    #[serde(default)]
    pub exemptions: BTreeMap<String, Vec<Exemption>>,
}

impl Config {
    /// Parses config.toml; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Self, PolicyError> {
        let config: Config =
            toml::from_str(text).map_err(|e| PolicyError::from_toml(file, text, &e))?;
        config.validate(file, text)?;
        Ok(config)
    }

    fn validate(&self, file: &str, text: &str) -> Result<(), PolicyError> {
        let criteria = crate::criteria::Criteria::new(&self.criteria)
            .map_err(|m| PolicyError::new(file, m))?;
        let locate = |needle: &str| text.find(needle).unwrap_or(0);
        for c in [&self.policy.production_criteria, &self.policy.dev_criteria] {
            if !criteria.is_known(c) {
                return Err(PolicyError::new(file, format!("unknown criteria \"{c}\""))
                    .at_offset(text, locate(&format!("\"{c}\"")))
                    .help(format!(
                        "define it under [criteria.{c}] or use one of: {}",
                        criteria.names().join(", ")
                    )));
            }
        }
        for (name, list) in &self.exemptions {
            for e in list {
                for c in e.criteria.names() {
                    if !criteria.is_known(c) {
                        return Err(PolicyError::new(
                            file,
                            format!(
                                "exemption for {name}@{}: unknown criteria \"{c}\"",
                                e.version
                            ),
                        )
                        .at_offset(text, locate(&format!("[[exemptions.{name}]]")))
                        .help(format!("use one of: {}", criteria.names().join(", "))));
                    }
                }
            }
        }
        Ok(())
    }

    pub fn criteria(&self) -> crate::criteria::Criteria {
        crate::criteria::Criteria::new(&self.criteria)
            .expect("criteria were validated when the config was parsed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty() {
        let c = Config::parse("config.toml", "").unwrap();
        assert_eq!(c.policy.min_release_age.as_hours(), 168);
        assert_eq!(c.policy.production_criteria, "safe-to-deploy");
        assert_eq!(c.policy.dev_criteria, "safe-to-run");
        assert_eq!(c.policy.on_review, OnReview::Fail);
    }

    #[test]
    fn full_example_parses() {
        let text = r#"
[policy]
min-release-age = "3d"
on-review = "warn"
install-scripts = "allowlist"
install-script-allowlist = ["esbuild"]
rules = { "single-maintainer" = "off", "new-publisher" = "deny" }

[criteria.reviewed-crypto]
description = "a cryptographer read it"
implies = ["safe-to-deploy"]

[trusted-publishers.chalk]
repository = "https://github.example/chalk/chalk"
workflow = ".github/workflows/release.yml"

[imports.acme]
url = "https://audits.example/acme/audits.toml"

[[exemptions.chalk]]
version = "5.6.0"
integrity = "sha512-AAAA"
criteria = "safe-to-deploy"
"#;
        let c = Config::parse("config.toml", text).unwrap();
        assert_eq!(c.policy.min_release_age.as_hours(), 72);
        assert_eq!(c.policy.rules["new-publisher"], Action::Deny);
        assert_eq!(c.exemptions["chalk"][0].version, "5.6.0");
        assert!(c.criteria().implies("reviewed-crypto", "safe-to-run"));
    }

    #[test]
    fn errors_name_the_line() {
        let text = "[policy]\nmin-release-age = \"soon\"\n";
        let e = Config::parse("supply-chain/config.toml", text).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(
            e.to_string().starts_with("supply-chain/config.toml:2:"),
            "{e}"
        );
        assert!(e.message.contains("not a duration"), "{e}");

        let text = "[policy]\nproduction-criteria = \"safe-to-fly\"\n";
        let e = Config::parse("config.toml", text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.help.unwrap().contains("safe-to-deploy"));

        let e = Config::parse("config.toml", "[policy]\nbogus = 1\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("bogus"), "{e}");
    }
}
