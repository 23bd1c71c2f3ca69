//! Evidence gathering: everything the gate needs that touches the network or the disk, done
//! before the pure gate runs. Registry metadata (publish time, publisher history, scripts,
//! signatures, verified provenance), the tarball scan (cached by integrity and rules version),
//! advisories, and the capability diff against the nearest vetted version.

use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use warden_lockfile::{Integrity, Package};
use warden_policy::evidence::{
    AdvisoryFact, Evidence, Finding, ScanFacts, ScanVerdict, SignatureFact,
};
use warden_policy::rules::metadata::{self, History, VersionMeta};
use warden_policy::severity::Severity;
use warden_registry::{Packument, Registry, SignatureStatus};
use warden_scan::{ScanOptions, ScanReport};

mod provenance;
pub use provenance::{ProvenanceSetup, TrustSummary, identities};

/// Gathers evidence through a registry, caching scan results on disk.
pub struct Gatherer<'a> {
    pub registry: &'a dyn Registry,
    /// `<cache>/scans/<rules version>/`; `None` keeps scans in memory only.
    pub scan_cache: Option<PathBuf>,
    pub now: Timestamp,
    pub min_release_age: SignedDuration,
    pub popular: Vec<&'static str>,
    /// Provenance verification and the publishers to compare with; `None`: not verified.
    pub provenance: Option<ProvenanceSetup<'a>>,
    packuments: Mutex<HashMap<String, Result<Arc<Packument>, String>>>,
    scans: Mutex<HashMap<String, Arc<ScanReport>>>,
    trust: Mutex<TrustSummary>,
}

pub fn severity(s: warden_scan::Severity) -> Severity {
    match s {
        warden_scan::Severity::Info => Severity::Info,
        warden_scan::Severity::Low => Severity::Low,
        warden_scan::Severity::Medium => Severity::Medium,
        warden_scan::Severity::High => Severity::High,
        warden_scan::Severity::Critical => Severity::Critical,
    }
}

fn parse_time(s: &str) -> Option<Timestamp> {
    s.parse().ok()
}

/// The publish history a packument tells, for the metadata rules.
pub fn history(p: &Packument) -> History {
    let versions = p
        .versions
        .iter()
        .map(|(v, meta)| VersionMeta {
            version: v.clone(),
            published: p.time.get(v).and_then(|t| parse_time(t)),
            publisher: meta.npm_user.as_ref().and_then(|u| u.name.clone()),
            maintainers: meta
                .maintainers
                .iter()
                .filter_map(|m| m.name.clone())
                .collect(),
            has_provenance: meta.dist.attestations.is_some(),
            deprecated: meta.deprecated.clone(),
            repository: meta
                .repository
                .as_ref()
                .and_then(|r| r.url.clone())
                .or_else(|| p.repository.as_ref().and_then(|r| r.url.clone())),
            dependencies: meta
                .dependencies
                .iter()
                .chain(meta.optional_dependencies.iter())
                .chain(meta.peer_dependencies.iter())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        })
        .collect();
    History {
        name: p.name.clone(),
        versions,
        maintainers: p
            .maintainers
            .iter()
            .filter_map(|m| m.name.clone())
            .collect(),
        unpublished: p.time.get("unpublished").and_then(|t| parse_time(t)),
    }
}

/// The scan facts the gate reads, from a scan report.
pub fn scan_facts(report: &ScanReport, base: Option<&ScanReport>) -> ScanFacts {
    ScanFacts {
        verdict: match report.verdict {
            warden_scan::Verdict::Ok => ScanVerdict::Ok,
            warden_scan::Verdict::Review => ScanVerdict::Review,
            warden_scan::Verdict::Malicious => ScanVerdict::Malicious,
        },
        findings: report
            .findings
            .iter()
            .map(|f| Finding {
                rule: f.rule.clone(),
                severity: severity(f.severity),
                message: f.message.clone(),
                location: Some(if f.line > 0 {
                    format!("{}:{}:{}", f.file, f.line, f.column)
                } else {
                    f.file.clone()
                }),
            })
            .collect(),
        capabilities_gained: match base {
            Some(b) => report
                .capabilities
                .keys()
                .filter(|c| !b.capabilities.contains_key(c))
                .map(|c| c.as_str().to_string())
                .collect(),
            None => Vec::new(),
        },
    }
}

impl<'a> Gatherer<'a> {
    pub fn new(
        registry: &'a dyn Registry,
        cache_root: Option<PathBuf>,
        now: Timestamp,
        min_release_age: SignedDuration,
    ) -> Self {
        Self {
            registry,
            scan_cache: cache_root.map(|c| c.join("scans").join(warden_scan::RULES_VERSION)),
            now,
            min_release_age,
            popular: metadata::popular_names(),
            provenance: None,
            packuments: Mutex::new(HashMap::new()),
            scans: Mutex::new(HashMap::new()),
            trust: Mutex::new(TrustSummary::default()),
        }
    }

    /// Verify provenance with `setup` (otherwise versions with attestations stay unknown).
    pub fn with_provenance(mut self, setup: ProvenanceSetup<'a>) -> Self {
        self.provenance = Some(setup);
        self
    }

    /// Signature and provenance counts over every package gathered so far.
    pub fn trust_summary(&self) -> TrustSummary {
        self.trust
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The packument of `name`, fetched once per run.
    pub fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        if let Some(hit) = self.lock_packuments().get(name) {
            return hit.clone();
        }
        let got = self.registry.packument(name).map_err(|e| e.to_string());
        self.lock_packuments().insert(name.to_string(), got.clone());
        got
    }

    fn lock_packuments(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<String, Result<Arc<Packument>, String>>> {
        self.packuments
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn scan_path(&self, integrity: &Integrity) -> Option<PathBuf> {
        let h = integrity.strongest();
        let hex: String = h.digest.iter().map(|b| format!("{b:02x}")).collect();
        self.scan_cache
            .as_ref()
            .map(|d| d.join(format!("{}-{hex}.json", h.algorithm.as_str())))
    }

    /// The scan of `name@version`, from the scan cache when it has it, else by fetching the
    /// (integrity-verified) tarball and scanning it in memory.
    pub fn scan(
        &self,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
    ) -> Result<Arc<ScanReport>, String> {
        let key = format!("{name}@{version}");
        if let Some(hit) = self
            .scans
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
        {
            return Ok(hit.clone());
        }
        let path = integrity.and_then(|i| self.scan_path(i));
        if let Some(p) = &path
            && let Ok(bytes) = std::fs::read(p)
            && let Ok(report) = serde_json::from_slice::<ScanReport>(&bytes)
        {
            let report = Arc::new(report);
            self.remember(key, report.clone());
            return Ok(report);
        }
        let tarball = self
            .registry
            .tarball(name, version, integrity)
            .map_err(|e| format!("tarball: {e}"))?;
        let manifest = self
            .packument(name)
            .ok()
            .and_then(|p| p.versions.get(version).cloned())
            .and_then(|v| serde_json::to_value(v).ok());
        let report = warden_scan::scan_tarball(
            &tarball.bytes,
            &ScanOptions {
                manifest,
                ..ScanOptions::default()
            },
        );
        // Cache by the integrity of what was actually scanned.
        let scanned =
            path.or_else(|| Integrity::parse(&tarball.sha512).and_then(|i| self.scan_path(&i)));
        if let Some(p) = scanned
            && let Ok(json) = serde_json::to_string(&report)
        {
            // A failed cache write only costs a rescan next time.
            let _ = crate::supply_chain::write_atomic(&p, &json);
        }
        let report = Arc::new(report);
        self.remember(key, report.clone());
        Ok(report)
    }

    fn remember(&self, key: String, report: Arc<ScanReport>) {
        self.scans
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, report);
    }

    /// Full evidence for one package: registry facts, scan, metadata rules, signatures. `base`
    /// is the nearest vetted version, whose scan the capability diff compares against.
    pub fn gather(
        &self,
        pkg: &Package,
        base: Option<&str>,
        advisories: Vec<AdvisoryFact>,
    ) -> Evidence {
        let mut ev = Evidence::new(&pkg.name, &pkg.version);
        ev.integrity = pkg.integrity.as_ref().map(|i| i.to_string());
        ev.dev = pkg.dev;
        ev.advisories = advisories;
        match self.packument(&pkg.name) {
            Ok(p) => {
                ev.published = p.time.get(&pkg.version).and_then(|t| parse_time(t));
                let h = history(&p);
                match p.versions.get(&pkg.version) {
                    Some(meta) => {
                        ev.install_scripts = ["preinstall", "install", "postinstall"]
                            .iter()
                            .filter_map(|s| {
                                meta.scripts.get(*s).map(|c| (s.to_string(), c.clone()))
                            })
                            .collect();
                        ev.signature = self.signature(&pkg.name, &pkg.version, &p);
                    }
                    None => ev.gaps.push(format!(
                        "the registry has no version {} of {} (unpublished?)",
                        pkg.version, pkg.name
                    )),
                }
                if let Some(ctx) = metadata::Ctx::new(
                    &h,
                    &pkg.version,
                    self.now,
                    self.min_release_age,
                    &self.popular,
                ) {
                    // The gate quarantines by publish time itself.
                    ev.metadata = metadata::evaluate(&ctx)
                        .into_iter()
                        .filter(|f| f.rule != "too-new")
                        .collect();
                }
                self.judge_provenance(&p, pkg, base, &mut ev);
                let scored = warden_policy::score::score(
                    &warden_policy::score::ScoreInput {
                        history: Some(&h),
                        version: &pkg.version,
                        has_install_scripts: !ev.install_scripts.is_empty(),
                        dependency_count: pkg.dependencies.len(),
                        open_critical_advisories: ev
                            .advisories
                            .iter()
                            .filter(|a| a.malicious || a.severity == Some(Severity::Critical))
                            .count(),
                    },
                    self.now,
                );
                ev.score = Some(scored.score);
            }
            Err(e) => ev.gaps.push(format!("registry metadata: {e}")),
        }
        match self.scan(&pkg.name, &pkg.version, pkg.integrity.as_ref()) {
            Ok(report) => {
                let base_report = base.and_then(|b| self.scan(&pkg.name, b, None).ok());
                ev.scan = Some(scan_facts(&report, base_report.as_deref()));
            }
            Err(e) => ev.gaps.push(e),
        }
        self.trust
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .count(&ev.signature, &ev.provenance);
        ev
    }

    fn signature(&self, name: &str, version: &str, p: &Packument) -> SignatureFact {
        let Some(meta) = p.versions.get(version) else {
            return SignatureFact::Unknown;
        };
        if meta.dist.signatures.is_empty() {
            return SignatureFact::Missing;
        }
        let keys = match self.registry.keys(name) {
            Ok(k) => k,
            Err(_) => return SignatureFact::Unknown,
        };
        let integrity = meta.dist.integrity.as_deref();
        match warden_registry::verify_signature(
            &keys,
            name,
            version,
            integrity,
            &meta.dist.signatures,
            p.time.get(version).map(String::as_str),
        ) {
            SignatureStatus::Verified { .. } => SignatureFact::Verified,
            SignatureStatus::Missing { .. } => SignatureFact::Missing,
            SignatureStatus::Invalid { reason, keyid, .. } => {
                SignatureFact::Invalid(format!("{reason} (key {keyid})"))
            }
        }
    }
}
