//! `warden patch apply`: make the project install its patched builds. Each build's tarball is
//! copied from warden's store (verified against patch.toml's `[build]` integrity) to
//! `supply-chain/patched/NAME-VERSION-warden.N.tgz`, package.json gets an override pointing at
//! it as a `file:` tarball (npm `overrides`, pnpm `pnpm.overrides`, yarn `resolutions`; a direct
//! dependency on the base version is pointed there too), and the lockfile is refreshed by the
//! package manager with scripts off. Nothing is installed and no package code runs.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use crate::package_json::PackageJson;
use crate::package_manager::{Pm, detect, pnpm_major, run_pm};
use crate::patched::{Match, PatchedBuild, PatchedBuilds, tarball_rel_path};
use crate::project;
use crate::registry_access;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_lockfile::{Integrity, NodeId};
use warden_patch::patched_version;
use warden_registry::cache::Cache;

#[derive(Debug, clap::Args)]
pub struct ApplyArgs {
    /// The patched versions to apply, NAME@VERSION (default: every built one)
    #[arg(value_name = "NAME@VERSION")]
    pub packages: Vec<String>,
    /// Only edit package.json; do not run the package manager to refresh the lockfile
    #[arg(long)]
    pub no_refresh: bool,
    /// The package manager (default: from the lockfile, else package.json's packageManager,
    /// else npm)
    #[arg(long, value_enum, value_name = "NAME")]
    pub package_manager: Option<Pm>,
}

/// One build ready to apply.
struct Ready<'a> {
    build: &'a PatchedBuild,
    version: String,
    integrity: String,
    /// `supply-chain/patched/…tgz`, project-relative.
    rel: String,
    /// Dependency fields of the root package.json whose entry is pointed at the build.
    direct: Vec<&'static str>,
    /// The override keys (see [`override_keys`]).
    keys: Vec<String>,
}

/// The override keys for the base version. npm and pnpm select by `NAME@VERSION`. yarn 1
/// resolutions select by name only, so warden names each package that depends on the base
/// version (`PARENT/NAME`) to leave other versions of NAME alone; with no lockfile to tell,
/// or a direct dependency only, it falls back to NAME (every copy) or to nothing.
fn override_keys(
    pm: Pm,
    inv: Option<&warden_lockfile::Inventory>,
    name: &str,
    base: &str,
    built: &str,
    direct: bool,
) -> Vec<String> {
    if pm != Pm::Yarn {
        return vec![format!("{name}@{base}")];
    }
    let mut keys: Vec<String> = inv
        .map(|inv| {
            inv.packages
                .iter()
                .filter(|parent| {
                    parent.dependencies.iter().any(|d| {
                        d.name == name
                            && matches!(d.target, Some(NodeId::Package(k))
                                if inv.packages.get(k).is_some_and(|t| t.name == name
                                    && (t.version == base || t.version == built)))
                    })
                })
                .map(|parent| format!("{}/{name}", parent.name))
                .collect()
        })
        .unwrap_or_default();
    keys.sort();
    keys.dedup();
    if keys.is_empty() && !(direct && inv.is_some()) {
        keys.push(name.to_string());
    }
    keys
}

/// The builds named on the command line (all built ones when none is).
fn select<'a>(all: &'a PatchedBuilds, specs: &[String]) -> Result<Vec<&'a PatchedBuild>> {
    if specs.is_empty() {
        if all.is_empty() {
            return Err(Failure::input(format!(
                "{}: no patched packages",
                crate::patched::PATCHES_DIR
            ))
            .help("add one with warden patch backport or warden patch start"));
        }
        return Ok(all.builds.iter().collect());
    }
    specs
        .iter()
        .map(|s| {
            let (name, version) = super::patch::split_spec(s)?;
            all.builds
                .iter()
                .find(|b| b.manifest.package == name && b.manifest.version == version)
                .ok_or_else(|| {
                    Failure::input(format!(
                        "{name}@{version}: no patches in {}/{}",
                        crate::patched::PATCHES_DIR,
                        warden_patch::PatchManifest::dir_name(&name, &version)
                    ))
                    .help(format!(
                        "make one first: warden patch backport {name}@{version} --advisory ID"
                    ))
                })
        })
        .collect()
}

fn io_fail(path: &Path, e: std::io::Error) -> Failure {
    Failure::input(format!("{}: {e}", path.display()))
}

/// Puts the verified build at its project path: refuses a build that is not built, is stale
/// (patches added since), or whose bytes are not the recorded integrity.
fn place(project_dir: &Path, cache: Option<&Cache>, b: &PatchedBuild) -> Result<(String, String)> {
    let m = &b.manifest;
    let spec = format!("{}@{}", m.package, m.version);
    let expected = patched_version(&m.version, m.revision);
    let record = match &m.build {
        Some(r) if r.version == expected => r,
        _ => {
            return Err(Failure::input(format!(
                "{spec}: {expected} is not built yet ({} has no [build] for it)",
                b.dir.join("patch.toml").display()
            ))
            .help("run `warden patch build` first"));
        }
    };
    let sri = Integrity::parse(&record.integrity).ok_or_else(|| {
        Failure::input(format!(
            "{}: [build] integrity {:?} is not an SRI string",
            b.dir.join("patch.toml").display(),
            record.integrity
        ))
        .help("run `warden patch build` to record it again")
    })?;
    let rel = tarball_rel_path(&m.package, &record.version);
    let path = project_dir.join(&rel);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => {
            let found = warden_patch::integrity_sha512(&bytes);
            if found != sri.to_string() {
                return Err(Failure::input(format!(
                    "{}: integrity {found} differs from patch.toml's record {} for {}@{}",
                    path.display(),
                    record.integrity,
                    m.package,
                    record.version
                ))
                .help(format!(
                    "this is not the tarball warden built; remove it, run `warden patch build`, then `warden patch apply {spec}`"
                )));
            }
            bytes
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let bytes = cache.and_then(|c| c.get_tarball(&sri)).ok_or_else(|| {
                Failure::input(format!(
                    "{}@{}: the build {} is not in warden's store",
                    m.package, record.version, record.integrity
                ))
                .help("run `warden patch build` to build it again")
            })?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| io_fail(parent, e))?;
            }
            super::documents::write_atomic(&path, &bytes, false)?;
            bytes
        }
        Err(e) => return Err(io_fail(&path, e)),
    };
    // Keep the store complete: the registry firewall serves patched builds from it.
    if let Some(c) = cache {
        let h = sri.strongest();
        c.put_tarball(&[(h.algorithm, h.digest.clone())], &bytes)
            .map_err(registry_access::registry_failure)?;
    }
    Ok((record.version.clone(), record.integrity.clone()))
}

/// The dependency fields of the root package.json that should point at the build: those
/// naming the package whose locked target is the base version (or already the build), or,
/// without a lockfile, whose spec is exactly the base version.
fn direct_fields(
    pj: &PackageJson,
    inv: Option<&warden_lockfile::Inventory>,
    name: &str,
    base: &str,
    built: &str,
    file_spec: &str,
) -> Vec<&'static str> {
    pj.direct_specs(name)
        .into_iter()
        .filter(|(_, spec)| {
            if spec == file_spec || spec == base {
                return true;
            }
            let Some(inv) = inv else { return false };
            inv.importers
                .iter()
                .filter(|i| i.path.is_empty())
                .flat_map(|i| &i.dependencies)
                .filter(|d| d.name == name)
                .filter_map(|d| match d.target {
                    Some(NodeId::Package(k)) => inv.packages.get(k),
                    _ => None,
                })
                .any(|p| p.name == name && (p.version == base || p.version == built))
        })
        .map(|(f, _)| f)
        .collect()
}

/// package.json with every build pointed at `prefix + rel` (prefix `file:` or `file:/abs/`).
/// `overrides` false leaves the override map out (pnpm keeps it in pnpm-workspace.yaml).
fn edited(
    pj: &PackageJson,
    pm: Pm,
    ready: &[Ready<'_>],
    prefix: &str,
    overrides: bool,
) -> Result<PackageJson> {
    let mut pj = pj.clone();
    for r in ready {
        let value = format!("{prefix}{}", r.rel);
        let m = &r.build.manifest;
        for key in r.keys.iter().filter(|_| overrides) {
            pj.set(pm.field().path(), key, &value).map_err(|e| {
                Failure::input(format!("package.json: {e}"))
                    .help(format!("make {} an object", pm.field().display()))
            })?;
        }
        for f in &r.direct {
            pj.set(&[f], &m.package, &value)
                .map_err(|e| Failure::input(format!("package.json: {e}")))?;
        }
    }
    Ok(pj)
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    super::documents::write_atomic(path, text.as_bytes(), false)
}

pub fn apply(args: &ApplyArgs, global: &Global, out: &Out) -> Result<ExitCode> {
    let dir = &global.dir;
    let all = PatchedBuilds::load(dir)?;
    let chosen = select(&all, &args.packages)?;
    let pj_path = dir.join("package.json");
    let original = std::fs::read_to_string(&pj_path).map_err(|e| {
        Failure::input(format!("{}: {e}", pj_path.display()))
            .help("run warden patch apply in the project directory (or pass --dir)")
    })?;
    let pj = PackageJson::parse(&pj_path.display().to_string(), &original)
        .map_err(|e| Failure::input(e).help("fix package.json first"))?;
    let located = project::locate_lockfile(global).ok();
    let pm = detect(args.package_manager, located.as_deref(), &pj)?;
    let inv = located
        .as_ref()
        .and_then(|l| project::parse_lockfile(l).ok());
    let cache = registry_access::cache_dir(global).ok().map(Cache::new);

    let mut ready = Vec::new();
    for b in chosen {
        let (version, integrity) = place(dir, cache.as_ref(), b)?;
        let rel = tarball_rel_path(&b.manifest.package, &version);
        let direct = direct_fields(
            &pj,
            inv.as_ref(),
            &b.manifest.package,
            &b.manifest.version,
            &version,
            &format!("file:{rel}"),
        );
        let keys = override_keys(
            pm,
            inv.as_ref(),
            &b.manifest.package,
            &b.manifest.version,
            &version,
            !direct.is_empty(),
        );
        ready.push(Ready {
            build: b,
            version,
            integrity,
            rel,
            direct,
            keys,
        });
    }

    // pnpm 10+ read overrides from pnpm-workspace.yaml (11+ only there).
    let ws_path = dir.join("pnpm-workspace.yaml");
    let ws_original = std::fs::read_to_string(&ws_path).ok();
    let use_ws = pm == Pm::Pnpm && (ws_original.is_some() || pnpm_major().is_some_and(|m| m >= 10));
    let field = if use_ws {
        "pnpm-workspace.yaml overrides"
    } else {
        pm.field().display()
    };
    let final_pj = edited(&pj, pm, &ready, "file:", !use_ws)?.render();
    if use_ws {
        let mut yaml = ws_original.clone().unwrap_or_default();
        for r in &ready {
            for key in &r.keys {
                yaml = crate::pnpm_workspace::set_override(&yaml, key, &format!("file:{}", r.rel))
                    .map_err(|e| {
                        Failure::input(format!("{}: {e}", ws_path.display())).help(
                            "fix the overrides block by hand, then run warden patch apply again",
                        )
                    })?;
            }
        }
        if ws_original.as_deref() != Some(yaml.as_str()) {
            write_text(&ws_path, &yaml)?;
        }
    }
    if final_pj != original {
        write_text(&pj_path, &final_pj)?;
    }
    let mut refreshed = false;
    if !args.no_refresh {
        let restore_ws = use_ws.then_some((ws_path.as_path(), ws_original.as_deref()));
        refresh(
            pm,
            dir,
            &pj,
            &ready,
            (&original, &final_pj, &pj_path),
            restore_ws,
        )?;
        refreshed = true;
        verify_lockfile(global, pm, &ready)?;
    }

    let applied: Vec<_> = ready
        .iter()
        .map(|r| {
            let m = &r.build.manifest;
            json!({
                "package": m.package, "base_version": m.version, "version": r.version,
                "integrity": r.integrity, "tarball": r.rel,
                "override": { "field": field, "keys": r.keys,
                              "value": format!("file:{}", r.rel) },
                "direct": r.direct, "advisories": r.build.advisories(),
            })
        })
        .collect();
    if global.format == Format::Json {
        out.json(&json!({
            "package_manager": pm.as_str(), "package_json": pj_path,
            "lockfile_refreshed": refreshed, "applied": applied,
        }));
        return Ok(ExitCode::SUCCESS);
    }
    for r in &ready {
        let m = &r.build.manifest;
        out.line(format!(
            "{}@{} → {} (file:{}; {} {})",
            m.package,
            m.version,
            r.version,
            r.rel,
            field,
            r.keys.join(", ")
        ));
    }
    if refreshed {
        out.line(format!(
            "lockfile refreshed with `{}`; run `warden check`",
            pm.refresh_text()
        ));
    } else {
        out.line(format!(
            "package.json updated; refresh the lockfile with `{}`",
            pm.refresh_text()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// Refreshes the lockfile. npm resolves a `file:` override relative to the package that
/// depends on it rather than the project, so a fresh resolution first runs with absolute paths
/// and then once more with the project-relative ones, which npm then matches to the locked
/// entries (`resolved` is always written relative to the project): package.json and the
/// lockfile both end up portable. On failure package.json (and pnpm-workspace.yaml, `ws`:
/// its path and text before, `None` when there was none) are put back as they were.
fn refresh(
    pm: Pm,
    dir: &Path,
    pj: &PackageJson,
    ready: &[Ready<'_>],
    (original, final_pj, pj_path): (&str, &str, &Path),
    ws: Option<(&Path, Option<&str>)>,
) -> Result<()> {
    let restore = |e: Failure| -> Failure {
        let ws_back = match ws {
            Some((p, Some(text))) => write_text(p, text),
            Some((p, None)) => std::fs::remove_file(p).map_err(|e| io_fail(p, e)),
            None => Ok(()),
        };
        match write_text(pj_path, original).and(ws_back) {
            Ok(()) => e,
            Err(w) => Failure::input(format!("{}; then {}", e.message, w.message)),
        }
    };
    if pm == Pm::Npm {
        let abs: PathBuf = std::fs::canonicalize(dir).map_err(|e| io_fail(dir, e))?;
        let prefix = format!("file:{}/", abs.to_string_lossy().replace('\\', "/"));
        let first = edited(pj, pm, ready, &prefix, true)?.render();
        write_text(pj_path, &first)?;
        if let Err(e) = run_pm(pm, dir) {
            return Err(restore(e));
        }
        write_text(pj_path, final_pj)?;
    }
    run_pm(pm, dir).map_err(restore)
}

/// After a refresh the lockfile must lock each build with its recorded integrity.
fn verify_lockfile(global: &Global, pm: Pm, ready: &[Ready<'_>]) -> Result<()> {
    let project = project::load(global)?;
    let builds = PatchedBuilds::load(&global.dir)?;
    for r in ready {
        let name = &r.build.manifest.package;
        let locked: Vec<_> = project
            .inventory
            .packages
            .iter()
            .filter(|p| &p.name == name && p.version == r.version)
            .collect();
        if locked.is_empty() {
            return Err(Failure::input(format!(
                "{}: the refreshed lockfile does not lock {name}@{}",
                project.lockfile.display(),
                r.version
            ))
            .help(if pm == Pm::Pnpm {
                format!(
                    "check that the pnpm in use reads overrides where warden wrote them (pnpm-workspace.yaml for pnpm 10+, package.json's pnpm.overrides before): {}: file:{}; then run `{}`",
                    r.keys.join(", "),
                    r.rel,
                    pm.refresh_text()
                )
            } else {
                format!(
                    "check that {name}@{} is in the dependency tree (warden why {name})",
                    r.build.manifest.version
                )
            }));
        }
        for p in locked {
            // The same test `warden check` applies: every recorded hash is the build's.
            if !matches!(builds.classify(p), Some(Match::Verified(_))) {
                return Err(Failure::input(format!(
                    "{}: locks {name}@{} with integrity {}, not the recorded build's {}",
                    project.lockfile.display(),
                    r.version,
                    p.integrity
                        .as_ref()
                        .map_or("(none)".to_string(), |i| i.to_string()),
                    r.integrity
                ))
                .help("run `warden patch build`, then `warden patch apply` again"));
            }
        }
    }
    Ok(())
}
