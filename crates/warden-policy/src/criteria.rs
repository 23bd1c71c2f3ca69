//! Audit criteria and what implies what. Built in: `safe-to-deploy` implies `safe-to-run`
//! (cargo-vet's two), extended by `[criteria.NAME] implies = [...]`.

use crate::config::CriterionDef;
use std::collections::{BTreeMap, BTreeSet};

pub const SAFE_TO_DEPLOY: &str = "safe-to-deploy";
pub const SAFE_TO_RUN: &str = "safe-to-run";

/// The known criteria with the transitive closure of `implies`.
#[derive(Debug, Clone)]
pub struct Criteria {
    closure: BTreeMap<String, BTreeSet<String>>,
}

impl Criteria {
    /// Builds the closure. An `implies` naming an unknown criterion is an error.
    pub fn new(defs: &BTreeMap<String, CriterionDef>) -> Result<Self, String> {
        let mut direct: BTreeMap<String, Vec<String>> = BTreeMap::new();
        direct.insert(SAFE_TO_DEPLOY.into(), vec![SAFE_TO_RUN.into()]);
        direct.insert(SAFE_TO_RUN.into(), vec![]);
        for (name, def) in defs {
            direct
                .entry(name.clone())
                .or_default()
                .extend(def.implies.iter().cloned());
        }
        for (name, implied) in &direct {
            for i in implied {
                if !direct.contains_key(i) {
                    return Err(format!(
                        "criteria \"{name}\" implies unknown criteria \"{i}\""
                    ));
                }
            }
        }
        let mut closure = BTreeMap::new();
        for name in direct.keys() {
            let mut seen = BTreeSet::from([name.clone()]);
            let mut stack = vec![name.clone()];
            while let Some(n) = stack.pop() {
                for i in &direct[&n] {
                    if seen.insert(i.clone()) {
                        stack.push(i.clone());
                    }
                }
            }
            closure.insert(name.clone(), seen);
        }
        Ok(Self { closure })
    }

    pub fn is_known(&self, name: &str) -> bool {
        self.closure.contains_key(name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.closure.keys().map(String::as_str).collect()
    }

    /// True when `have` (reflexively, transitively) implies `need`.
    pub fn implies(&self, have: &str, need: &str) -> bool {
        self.closure.get(have).is_some_and(|s| s.contains(need))
    }

    /// True when any of `have` implies `need`.
    pub fn satisfies<'a>(&self, have: impl IntoIterator<Item = &'a str>, need: &str) -> bool {
        have.into_iter().any(|h| self.implies(h, need))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_and_cycles() {
        let mut defs = BTreeMap::new();
        defs.insert(
            "a".to_string(),
            CriterionDef {
                description: String::new(),
                implies: vec!["b".into(), SAFE_TO_DEPLOY.into()],
            },
        );
        defs.insert(
            "b".to_string(),
            CriterionDef {
                description: String::new(),
                implies: vec!["a".into()],
            },
        );
        let c = Criteria::new(&defs).unwrap();
        assert!(c.implies(SAFE_TO_DEPLOY, SAFE_TO_RUN));
        assert!(!c.implies(SAFE_TO_RUN, SAFE_TO_DEPLOY));
        assert!(c.implies("b", SAFE_TO_RUN), "through the a <-> b cycle");
        assert!(c.implies("a", "a"));
        assert!(!c.implies("unknown", "unknown"));
    }

    #[test]
    fn unknown_implied_is_an_error() {
        let mut defs = BTreeMap::new();
        defs.insert(
            "x".to_string(),
            CriterionDef {
                description: String::new(),
                implies: vec!["nope".into()],
            },
        );
        assert!(Criteria::new(&defs).unwrap_err().contains("nope"));
    }
}
