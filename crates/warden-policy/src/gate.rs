//! The gate: a pure function of (policy, audits, evidence, now) that decides allow, quarantine,
//! review or deny for one package version, with every reason that decided it.
//!
//! Order of judgement:
//! 1. hard denials, which no audit outweighs: a malicious-package advisory, an invalid registry
//!    signature, invalid provenance, a tarball whose integrity differs from what was vetted;
//! 2. a person's review (a full audit or a delta chain for the required criteria) → allow;
//! 3. soft denials, which a person's audit of this exact version outweighs: the scanner's
//!    `malicious` verdict, an install script off the allowlist, a provenance identity change,
//!    a rule whose action is `deny`;
//! 4. an exemption (the frozen baseline) → allow;
//! 5. younger than `min-release-age` → quarantine until it is old enough;
//! 6. anything that could not be gathered, or that needs review → review (fail closed);
//! 7. otherwise → review: not vetted, nothing alarming; the cheapest audit is suggested.

use crate::config::{Config, InstallScripts};
use crate::criteria::Criteria;
use crate::evidence::{Evidence, ScanVerdict, SignatureFact};
use crate::severity::{Action, Severity};
use crate::vet::{PackageAudits, Vetted, find_vetting, integrity_conflicts, vetted_versions};
use jiff::Timestamp;
use serde::Serialize;

/// The gate's decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "decision", content = "until")]
pub enum Decision {
    Allow,
    /// Too new; allowed from the given time if nothing else changes.
    Quarantine(Timestamp),
    Review,
    Deny,
}

impl Decision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Allow => "allow",
            Self::Quarantine(_) => "quarantine",
            Self::Review => "review",
            Self::Deny => "deny",
        }
    }
}

/// One reason behind a verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// A rule id (`wallet-hook`, `too-new`) or a gate reason (`malicious-advisory`,
    /// `integrity-changed`, `not-vetted`, `evidence-missing`).
    pub rule: String,
    /// What this reason does to the verdict.
    pub action: Action,
    pub severity: Severity,
    pub message: String,
    pub location: Option<String>,
}

/// The verdict for one package version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub name: String,
    pub version: String,
    pub decision: Decision,
    pub reasons: Vec<Reason>,
    /// How it is vetted, when it is.
    pub vetted: Option<Vetted>,
    /// The command that would vet it, when it is not allowed.
    pub suggestion: Option<String>,
}

/// The audits, exemptions and imports for every package, borrowed from the parsed files.
pub struct Store<'a> {
    pub config: &'a Config,
    pub criteria: Criteria,
    pub audits: &'a crate::audits::AuditsFile,
    pub imports: &'a crate::audits::ImportsLock,
}

impl<'a> Store<'a> {
    pub fn new(
        config: &'a Config,
        audits: &'a crate::audits::AuditsFile,
        imports: &'a crate::audits::ImportsLock,
    ) -> Self {
        Self {
            criteria: config.criteria(),
            config,
            audits,
            imports,
        }
    }

    /// Every audit and exemption of `name`.
    pub fn package(&self, name: &str) -> PackageAudits<'a> {
        let mut pa = PackageAudits::default();
        if let Some(list) = self.audits.audits.get(name) {
            pa.audits
                .extend(list.iter().map(|a| (a, crate::vet::Origin::Local)));
        }
        for (import, imported) in &self.imports.imports {
            if let Some(list) = imported.audits.get(name) {
                pa.audits.extend(
                    list.iter()
                        .map(|a| (a, crate::vet::Origin::Imported(import.clone()))),
                );
            }
        }
        if let Some(list) = self.config.exemptions.get(name) {
            pa.exemptions.extend(list.iter());
        }
        pa
    }
}

/// Records a reason unless its action is `off`.
fn add(
    to: &mut Vec<Reason>,
    rule: &str,
    action: Action,
    severity: Severity,
    message: String,
    location: Option<String>,
) {
    if action != Action::Off {
        to.push(Reason {
            rule: rule.to_string(),
            action,
            severity,
            message,
            location,
        });
    }
}

fn action_for(config: &Config, rule: &str, severity: Severity) -> Action {
    config
        .policy
        .rules
        .get(rule)
        .copied()
        .unwrap_or_else(|| severity.default_action())
}

fn allowlisted(config: &Config, name: &str, version: &str) -> bool {
    config
        .policy
        .install_script_allowlist
        .iter()
        .any(|e| e == name || *e == format!("{name}@{version}"))
}

fn in_trusted_scope(config: &Config, name: &str) -> bool {
    config
        .policy
        .trusted_scopes
        .iter()
        .any(|s| name.starts_with(&format!("{}/", s.trim_end_matches('/'))))
}

/// Judges one package version.
pub fn gate(store: &Store<'_>, ev: &Evidence, now: Timestamp) -> Verdict {
    let config = store.config;
    let policy = &config.policy;
    let need = if ev.dev {
        &policy.dev_criteria
    } else {
        &policy.production_criteria
    };
    let pa = store.package(&ev.name);
    let id = format!("{}@{}", ev.name, ev.version);
    let mut reasons: Vec<Reason> = Vec::new();

    // 1. Hard denials.
    for a in ev.advisories.iter().filter(|a| a.malicious) {
        add(
            &mut reasons,
            "malicious-advisory",
            Action::Deny,
            Severity::Critical,
            format!("{} reports {id} as malicious: {}", a.id, a.summary),
            None,
        );
    }
    if let SignatureFact::Invalid(why) = &ev.signature {
        add(
            &mut reasons,
            "signature-invalid",
            Action::Deny,
            Severity::Critical,
            format!("the registry signature of {id} does not verify: {why}"),
            None,
        );
    }
    // Provenance (rules/metadata/provenance_*.rs): invalid is a hard denial; an identity change
    // and verified provenance are weighed with the soft reasons below.
    let provenance = crate::rules::metadata::provenance_reasons(&ev.provenance);
    for f in provenance.iter().filter(|f| f.rule == "provenance-invalid") {
        add(
            &mut reasons,
            &f.rule,
            Action::Deny,
            f.severity,
            f.message.clone(),
            None,
        );
    }
    for c in integrity_conflicts(&pa, &ev.version, ev.integrity.as_deref()) {
        add(
            &mut reasons,
            "integrity-changed",
            Action::Deny,
            Severity::Critical,
            format!(
                "the tarball of {id} is not the one that was vetted: the {} recorded {}, the lockfile has {}",
                c.source,
                c.recorded,
                ev.integrity.as_deref().unwrap_or("none")
            ),
            None,
        );
    }
    let hard_deny = reasons.iter().any(|r| r.action == Action::Deny);
    let vetted = find_vetting(
        &pa,
        &store.criteria,
        &ev.version,
        ev.integrity.as_deref(),
        need,
    );

    // 3. Soft denials and review reasons (collected now, weighed below).
    let mut soft: Vec<Reason> = Vec::new();
    if let Some(scan) = &ev.scan {
        {
            let verdict_action = match scan.verdict {
                ScanVerdict::Malicious => Action::Deny,
                ScanVerdict::Review => Action::Review,
                ScanVerdict::Ok => Action::Warn,
            };
            for f in &scan.findings {
                // Install scripts are judged from the manifest below, against the allowlist.
                if f.rule == "install-script" {
                    continue;
                }
                // The scanner's verdict decides; single findings only inform it, unless the
                // policy names the rule explicitly.
                let action = match config.policy.rules.get(&f.rule) {
                    Some(&explicit) => explicit,
                    None => f
                        .severity
                        .default_action()
                        .min(verdict_action)
                        .max(Action::Warn),
                };
                add(
                    &mut soft,
                    &f.rule,
                    action,
                    f.severity,
                    f.message.clone(),
                    f.location.clone(),
                );
            }
            if scan.verdict == ScanVerdict::Malicious
                && !soft.iter().any(|r| r.action == Action::Deny)
            {
                add(
                    &mut soft,
                    "scanner-verdict",
                    Action::Deny,
                    Severity::Critical,
                    format!("the scanner judged {id} malicious"),
                    None,
                );
            }
            if !scan.capabilities_gained.is_empty() {
                add(
                    &mut soft,
                    "capabilities-gained",
                    Action::Review,
                    Severity::Medium,
                    format!(
                        "gains capabilities since the vetted version: {}",
                        scan.capabilities_gained.join(", ")
                    ),
                    None,
                );
            }
        }
    }
    for a in ev.advisories.iter().filter(|a| !a.malicious) {
        let sev = a.severity.unwrap_or(Severity::Medium);
        let action = action_for(config, "vulnerability", sev).min(Action::Review);
        let aliases = if a.aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", a.aliases.join(", "))
        };
        let fixed = a
            .fixed
            .as_ref()
            .map(|f| format!("; fixed in {f}"))
            .unwrap_or_default();
        add(
            &mut soft,
            "vulnerability",
            action,
            sev,
            format!("{}{aliases}: {}{fixed}", a.id, a.summary),
            None,
        );
    }
    if !ev.install_scripts.is_empty() {
        let scripts = ev
            .install_scripts
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("; ");
        // The allowlist wins; then a `[policy.rules] install-script = …` override; then the
        // policy's `install-scripts` mode.
        let action = if allowlisted(config, &ev.name, &ev.version) {
            Action::Warn
        } else if let Some(&o) = policy.rules.get("install-script") {
            o
        } else {
            match policy.install_scripts {
                InstallScripts::Allowlist => Action::Deny,
                InstallScripts::Review => Action::Review,
                InstallScripts::Allow => Action::Warn,
            }
        };
        add(
            &mut soft,
            "install-script",
            action,
            Severity::Medium,
            format!("runs install scripts: {scripts}"),
            Some("package.json".into()),
        );
    }
    for f in provenance.iter().filter(|f| f.rule != "provenance-invalid") {
        let action = action_for(config, &f.rule, f.severity);
        add(
            &mut soft,
            &f.rule,
            action,
            f.severity,
            f.message.clone(),
            None,
        );
    }
    let trusted_scope = in_trusted_scope(config, &ev.name);
    for f in &ev.metadata {
        if trusted_scope && f.rule != "too-new" {
            continue;
        }
        let action = action_for(config, &f.rule, f.severity);
        add(
            &mut soft,
            &f.rule,
            action,
            f.severity,
            f.message.clone(),
            f.location.clone(),
        );
    }
    if ev.is_new
        && policy.min_score > 0.0
        && let Some(score) = ev.score
        && score < policy.min_score
    {
        add(
            &mut soft,
            "min-score",
            Action::Review,
            Severity::Medium,
            format!(
                "risk score {score:.1} is below the policy's min-score {:.1}",
                policy.min_score
            ),
            None,
        );
    }
    for g in &ev.gaps {
        add(
            &mut soft,
            "evidence-missing",
            Action::Review,
            Severity::High,
            format!("could not be judged: {g}"),
            None,
        );
    }
    if ev.scan.is_none() && ev.gaps.is_empty() && vetted.is_none() {
        add(
            &mut soft,
            "evidence-missing",
            Action::Review,
            Severity::High,
            "the tarball was not scanned".into(),
            None,
        );
    }

    let suggest = |vetted_base: bool| -> Option<String> {
        if vetted_base {
            return None;
        }
        Some(suggest_audit(store, &pa, &ev.name, &ev.version, need))
    };

    // Decide.
    let finish = |decision: Decision,
                  mut reasons: Vec<Reason>,
                  soft: Vec<Reason>,
                  vetted: Option<Vetted>,
                  suggestion: Option<String>| {
        reasons.extend(soft);
        reasons.sort_by(|a, b| b.action.cmp(&a.action).then(b.severity.cmp(&a.severity)));
        Verdict {
            name: ev.name.clone(),
            version: ev.version.clone(),
            decision,
            reasons,
            vetted,
            suggestion,
        }
    };
    if hard_deny {
        return finish(Decision::Deny, reasons, soft, vetted, None);
    }
    if let Some(v) = &vetted
        && v.is_reviewed()
    {
        // A person's review outweighs soft denials; keep them visible as warnings.
        let soft = soft
            .into_iter()
            .map(|mut r| {
                r.action = r.action.min(Action::Warn);
                r
            })
            .collect();
        return finish(Decision::Allow, reasons, soft, vetted, None);
    }
    if soft.iter().any(|r| r.action == Action::Deny) {
        let s = suggest(false).map(|s| format!("if you have reviewed it, run: {s}"));
        return finish(Decision::Deny, reasons, soft, vetted, s);
    }
    if vetted.is_some() {
        let soft = soft
            .into_iter()
            .map(|mut r| {
                r.action = r.action.min(Action::Warn);
                r
            })
            .collect();
        return finish(Decision::Allow, reasons, soft, vetted, None);
    }
    if let Some(published) = ev.published
        && let Ok(until) = published.checked_add(policy.min_release_age)
        && until > now
    {
        let mut soft = soft;
        soft.push(Reason {
            rule: "too-new".into(),
            action: Action::Review,
            severity: Severity::Medium,
            message: format!(
                "published {published}, younger than the policy's min-release-age of {}; quarantined until {until}",
                crate::duration::format_duration(policy.min_release_age)
            ),
            location: None,
        });
        soft.retain(|r| !(r.rule == "too-new" && r.location.is_some()));
        return finish(
            Decision::Quarantine(until),
            reasons,
            soft,
            None,
            suggest(false),
        );
    }
    soft.push(Reason {
        rule: "not-vetted".into(),
        action: Action::Review,
        severity: Severity::Low,
        message: format!("{id} has no audit or exemption for {need}"),
        location: None,
    });
    finish(Decision::Review, reasons, soft, None, suggest(false))
}

/// The cheapest audit that would vet `version`: a delta from the nearest vetted version (the
/// closest below, else the closest above), else a full audit.
pub fn suggest_audit(
    store: &Store<'_>,
    pa: &PackageAudits<'_>,
    name: &str,
    version: &str,
    need: &str,
) -> String {
    let bases = vetted_versions(pa, &store.criteria, need);
    match nearest_version(&bases, version) {
        Some(base) => format!("warden certify {name} {version} --from {base} --criteria {need}"),
        None => format!("warden certify {name} {version} --criteria {need}"),
    }
}

/// The vetted version closest to `target`: the highest below it, else the lowest above it.
pub fn nearest_version(candidates: &[String], target: &str) -> Option<String> {
    let t = nodejs_semver::Version::parse(target).ok()?;
    let mut below: Option<nodejs_semver::Version> = None;
    let mut above: Option<nodejs_semver::Version> = None;
    for c in candidates {
        let Ok(v) = nodejs_semver::Version::parse(c) else {
            continue;
        };
        if v < t {
            if below.as_ref().is_none_or(|b| v > *b) {
                below = Some(v);
            }
        } else if v > t && above.as_ref().is_none_or(|a| v < *a) {
            above = Some(v);
        }
    }
    below.or(above).map(|v| v.to_string())
}
