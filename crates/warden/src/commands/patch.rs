//! `warden patch …`: the trusted-libraries lane. Fix a vulnerability in the exact version the
//! project already vetted instead of upgrading: `backport` carries an upstream fix over
//! automatically, `start`/`commit` let a person write one, `build` turns each patched version
//! into a reproducible `VERSION-warden.N` tarball kept in the cache by integrity.
//!
//! Patches live in `supply-chain/patches/NAME@VERSION/` (`NNNN-<slug>.patch` plus `patch.toml`);
//! the logic is in warden-patch, this module does the IO. Package code is never executed.

use crate::cli::{Format, Global};
use crate::commands::advisories::{self, DataDir};
use crate::failure::{FOUND, Failure, Result};
use crate::output::Out;
use crate::patched::PATCHES_DIR;
use crate::registry_access::{self, registry_failure};
use crate::supply_chain::write_atomic;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warden_lockfile::Integrity;
use warden_patch::{
    PatchEntry, PatchManifest, Tree, apply_patch, diff_trees, parse_patch, patched_version,
    render_patch, review,
};
use warden_registry::{BlockingClient, Registry};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Carry an advisory's upstream fix over to the version in use, automatically
    Backport(BackportArgs),
    /// Build every patched version as a reproducible VERSION-warden.N tarball
    Build,
    /// Unpack a version (with its patches so far) into a directory to write a patch by hand
    Start(StartArgs),
    /// Turn the edits made after `warden patch start` into a patch file
    Commit(CommitArgs),
    /// Make the project install the patched builds (package.json overrides + lockfile refresh)
    Apply(super::patch_apply::ApplyArgs),
}

#[derive(Debug, clap::Args)]
pub struct BackportArgs {
    /// The version in use, NAME@VERSION
    #[arg(value_name = "NAME@VERSION")]
    pub package: String,
    /// The advisory the fix resolves (GHSA-…, CVE-…)
    #[arg(long, value_name = "ID")]
    pub advisory: String,
    /// The release holding the fix (default: the advisory's lowest fixed version above VERSION)
    #[arg(long, value_name = "VERSION")]
    pub fixed: Option<String>,
    /// The release the fix was made against (default: the last release before --fixed on its line)
    #[arg(long, value_name = "VERSION")]
    pub from: Option<String>,
    /// Lines of context a hunk may ignore at each end to find its place
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub fuzz: usize,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    #[arg(value_name = "NAME@VERSION")]
    pub package: String,
    /// The work directory (default: .warden-patch/NAME@VERSION in the project)
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CommitArgs {
    #[arg(value_name = "NAME@VERSION")]
    pub package: String,
    /// The advisory the patch fixes (repeatable)
    #[arg(long, value_name = "ID", required = true)]
    pub advisory: Vec<String>,
    /// The work directory `warden patch start` made (default: .warden-patch/NAME@VERSION)
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Who wrote the patch
    #[arg(long, default_value = "unknown", value_name = "NAME")]
    pub author: String,
    /// Where the fix came from (an upstream commit URL, a release)
    #[arg(long, value_name = "REF")]
    pub upstream: Option<String>,
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    match &args.action {
        Action::Backport(a) => backport(a, global, out),
        Action::Build => build(global, out),
        Action::Start(a) => start(a, global, out),
        Action::Commit(a) => commit(a, global, out),
        Action::Apply(a) => super::patch_apply::apply(a, global, out),
    }
}

/// `NAME@VERSION`, scoped names included.
pub(crate) fn split_spec(spec: &str) -> Result<(String, String)> {
    match spec.rsplit_once('@') {
        Some((name, version)) if !name.is_empty() && !version.is_empty() => {
            Ok((name.to_string(), version.to_string()))
        }
        _ => Err(Failure::input(format!("{spec}: expected NAME@VERSION"))
            .help("for example: minimist@0.2.1")),
    }
}

fn patch_dir(global: &Global, name: &str, version: &str) -> PathBuf {
    global
        .dir
        .join(PATCHES_DIR)
        .join(PatchManifest::dir_name(name, version))
}

fn lib_failure(e: warden_patch::Error) -> Failure {
    Failure::input(e.to_string())
}

fn read_manifest(dir: &Path) -> Result<Option<PatchManifest>> {
    let path = dir.join("patch.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => PatchManifest::parse(&path.display().to_string(), &text)
            .map(Some)
            .map_err(|e| lib_failure(e).help("fix the file by hand, or remove it to start over")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::input(format!("{}: {e}", path.display()))),
    }
}

/// The verified base tarball: against `base` (patch.toml's) when known, else the registry's.
fn base_tarball(
    reg: &BlockingClient,
    name: &str,
    version: &str,
    base: Option<&str>,
) -> Result<warden_registry::Tarball> {
    let integrity = match base {
        Some(b) => Some(Integrity::parse(b).ok_or_else(|| {
            Failure::input(format!(
                "{name}@{version}: patch.toml: base-integrity {b:?} is not an SRI string"
            ))
        })?),
        None => None,
    };
    reg.tarball(name, version, integrity.as_ref())
        .map_err(registry_failure)
}

/// The base tree with every recorded patch applied exactly (no fuzz): what `build` ships.
fn patched_tree(dir: &Path, m: &PatchManifest, base: &Tree) -> Result<Tree> {
    let mut tree = base.clone();
    for p in &m.patches {
        let path = dir.join(&p.file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?;
        let name = path.display().to_string();
        let parts = parse_patch(&name, &text).map_err(lib_failure)?;
        let outcome = apply_patch(&name, &mut tree, &parts, 0).map_err(lib_failure)?;
        if !outcome.clean() {
            let hunks: Vec<String> = outcome
                .rejected
                .iter()
                .map(|r| format!("{} hunk {}", r.path, r.hunk))
                .collect();
            return Err(Failure::input(format!(
                "{name}: does not apply to {}@{}: {}",
                m.package,
                m.version,
                hunks.join(", ")
            ))
            .help("patches apply to the published tarball in order; regenerate it with `warden patch start` and `warden patch commit`"));
        }
    }
    Ok(tree)
}

/// The advisory's lowest fixed version above `version` for `name`.
fn fixed_from_advisory(data: &DataDir, id: &str, name: &str, version: &str) -> Result<String> {
    let store = advisories::open_existing(data)?;
    let adv = store
        .get(id)
        .map_err(|e| Failure::input(e.to_string()))?
        .ok_or_else(|| {
            Failure::input(format!("{id}: no such advisory in the local database"))
                .help("run `warden advisories sync`, or pass --fixed VERSION")
        })?;
    let fixed: Vec<String> = adv
        .affected
        .iter()
        .filter(|a| a.name == name)
        .flat_map(|a| a.ranges.iter().flatten())
        .filter_map(|e| match e {
            warden_advisory::range::Event::Fixed(v) => Some(v.clone()),
            _ => None,
        })
        .collect();
    warden_patch::pick_fixed(fixed.iter().map(String::as_str), version).ok_or_else(|| {
        Failure::input(format!(
            "{id}: names no fixed version of {name} above {version} (fixed: {})",
            if fixed.is_empty() {
                "none".to_string()
            } else {
                fixed.join(", ")
            }
        ))
        .help("pass --fixed VERSION to name the release holding the fix")
    })
}

fn backport(args: &BackportArgs, global: &Global, out: &Out) -> Result<ExitCode> {
    let (name, version) = split_spec(&args.package)?;
    let fixed = match &args.fixed {
        Some(f) => f.clone(),
        None => fixed_from_advisory(&args.data, &args.advisory, &name, &version)?,
    };
    let reg = registry_access::open(global, out, 4)?;
    let from = match &args.from {
        Some(f) => f.clone(),
        None => {
            let p = reg.packument(&name).map_err(registry_failure)?;
            warden_patch::pick_last_affected(p.versions.keys().map(String::as_str), &fixed)
                .ok_or_else(|| {
                    Failure::input(format!(
                        "{name}: no release before {fixed} on its line to diff the fix against"
                    ))
                    .help("pass --from VERSION")
                })?
        }
    };
    let dir = patch_dir(global, &name, &version);
    let existing = read_manifest(&dir)?;
    let base = base_tarball(
        &reg,
        &name,
        &version,
        existing.as_ref().map(|m| m.base_integrity.as_str()),
    )?;
    let spec = format!("{name}@{version}");
    let base_tree = Tree::from_tarball(&spec, &base.bytes).map_err(lib_failure)?;
    let current = match &existing {
        Some(m) => patched_tree(&dir, m, &base_tree)?,
        None => base_tree.clone(),
    };
    let tar_of = |v: &str| -> Result<Tree> {
        let t = reg.tarball(&name, v, None).map_err(registry_failure)?;
        Tree::from_tarball(&format!("{name}@{v}"), &t.bytes).map_err(lib_failure)
    };
    let (old, new) = (tar_of(&from)?, tar_of(&fixed)?);
    let bp = warden_patch::backport(&current, &old, &new, args.fuzz).map_err(lib_failure)?;

    let mut manifest = existing.unwrap_or_else(|| PatchManifest {
        package: name.clone(),
        version: version.clone(),
        base_integrity: base.sha512.clone(),
        revision: 0,
        patches: Vec::new(),
        build: None,
    });
    let file = manifest.next_file_name(&args.advisory);
    let upstream = format!("{name}@{from}..{fixed}");
    let report = |status: &str, refusals: &[String]| {
        json!({
            "package": spec, "advisory": args.advisory, "upstream": upstream, "status": status,
            "files": bp.outcome.files, "rejected": bp.outcome.rejected,
            "skipped_absent": bp.skipped_absent, "skipped_other": bp.skipped_other,
            "skipped_version_bump": bp.skipped_version_bump, "refusals": refusals,
        })
    };
    for f in &bp.outcome.files {
        say(
            global,
            out,
            format!(
                "{}: {}/{} hunks applied (fuzz {}, offset {})",
                f.path, f.applied, f.hunks, f.max_fuzz, f.max_offset
            ),
        );
    }
    for p in &bp.skipped_absent {
        out.note(format!("{p}: not in {spec}, upstream change skipped"));
    }
    for p in &bp.skipped_other {
        out.verbose(format!("{p}: not code, upstream change skipped"));
    }
    for p in &bp.skipped_version_bump {
        out.note(format!(
            "{p}: the upstream version bump {from}..{fixed} is not carried over"
        ));
    }

    if !bp.outcome.clean() {
        let rej = dir.join(format!("{file}.rej"));
        let text: String = bp
            .outcome
            .rejected
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        write_atomic(&rej, &text)?;
        if global.format == Format::Json {
            out.json(&report("rejected", &[]));
        }
        return Err(Failure {
            message: format!(
                "{spec}: {} hunk(s) of {upstream} do not apply; written to {}",
                bp.outcome.rejected.len(),
                rej.display()
            ),
            help: Some(format!(
                "finish it by hand: warden patch start {spec}, apply the hunks in the .rej file, then warden patch commit {spec} --advisory {}",
                args.advisory
            )),
            code: FOUND,
        });
    }
    if bp.patch.is_empty() {
        return Err(Failure::input(format!(
            "{spec}: {upstream} changes nothing in the files {spec} has"
        ))
        .help("check --fixed and --from, or write the patch by hand with warden patch start"));
    }

    // The scanner's view of the result before anything is written.
    let revision = manifest.revision + 1;
    let mut shipped = bp.patched.clone();
    shipped
        .set_version(&spec, &patched_version(&version, revision))
        .map_err(lib_failure)?;
    let built = shipped.to_tgz().map_err(lib_failure)?;
    let r = review(&base.bytes, &built);
    print_review(global, out, &r);
    if !r.accepted() {
        if global.format == Format::Json {
            out.json(&report("refused", &r.refusals));
        }
        return Err(Failure {
            message: format!(
                "{spec}: the backport of {upstream} is refused: {}",
                r.refusals.join("; ")
            ),
            help: Some("a fix should add no capability; review the upstream change by hand".into()),
            code: FOUND,
        });
    }

    let header = format!(
        "{} for {spec}, backported by warden from {upstream}\n\n",
        args.advisory
    );
    write_atomic(&dir.join(&file), &(header + &render_patch(&bp.patch)))?;
    manifest.patches.push(PatchEntry {
        file: file.clone(),
        advisories: vec![args.advisory.clone()],
        author: "warden patch backport".into(),
        upstream: Some(upstream.clone()),
    });
    manifest.revision = revision;
    manifest.build = None;
    write_atomic(
        &dir.join("patch.toml"),
        &manifest.to_toml().map_err(lib_failure)?,
    )?;
    if global.format == Format::Json {
        out.json(&report("applied", &[]));
    } else {
        say(
            global,
            out,
            format!(
                "{spec}: {upstream} backported as {}; run `warden patch build`",
                dir.join(&file).display()
            ),
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn print_review(global: &Global, out: &Out, r: &warden_patch::Review) {
    let gained: Vec<&str> = r
        .diff
        .capabilities_gained
        .keys()
        .map(|c| c.as_str())
        .collect();
    say(
        global,
        out,
        format!(
            "scan: {} → {}; capabilities gained: {}; files changed: {}",
            r.before.verdict.as_str(),
            r.after.verdict.as_str(),
            if gained.is_empty() {
                "none".to_string()
            } else {
                gained.join(", ")
            },
            r.diff.files_changed.len()
        ),
    );
}

fn build(global: &Global, out: &Out) -> Result<ExitCode> {
    let root = global.dir.join(PATCHES_DIR);
    let dirs = crate::patched::patch_dirs(&root)?;
    if dirs.is_empty() {
        return Err(
            Failure::input(format!("{}: no patched packages", root.display()))
                .help("add one with warden patch backport or warden patch start"),
        );
    }
    let reg = registry_access::open(global, out, 4)?;
    let mut built_all = Vec::new();
    for dir in dirs {
        let Some(mut m) = read_manifest(&dir)? else {
            continue;
        };
        let spec = format!("{}@{}", m.package, m.version);
        let base = base_tarball(&reg, &m.package, &m.version, Some(&m.base_integrity))?;
        let base_tree = Tree::from_tarball(&spec, &base.bytes).map_err(lib_failure)?;
        let mut tree = patched_tree(&dir, &m, &base_tree)?;
        let version = patched_version(&m.version, m.revision);
        tree.set_version(&spec, &version).map_err(lib_failure)?;
        let bytes = tree.to_tgz().map_err(lib_failure)?;
        let integrity = warden_patch::integrity_sha512(&bytes);
        let r = review(&base.bytes, &bytes);
        print_review(global, out, &r);
        if !r.accepted() {
            return Err(Failure {
                message: format!(
                    "{spec}: the patched build is refused: {}",
                    r.refusals.join("; ")
                ),
                help: Some(format!("review the patches in {}", dir.display())),
                code: FOUND,
            });
        }
        let sri = Integrity::parse(&integrity)
            .ok_or_else(|| Failure::input("internal: a computed integrity does not parse"))?;
        let h = sri.strongest();
        let cache = reg.client().cache();
        cache
            .put_tarball(&[(h.algorithm, h.digest.clone())], &bytes)
            .map_err(registry_failure)?;
        let path = cache.tarball_path(h.algorithm, &h.digest);
        let record = warden_patch::BuildRecord {
            version: version.clone(),
            integrity: integrity.clone(),
        };
        if m.build.as_ref() != Some(&record) {
            m.build = Some(record);
            write_atomic(&dir.join("patch.toml"), &m.to_toml().map_err(lib_failure)?)?;
        }
        say(
            global,
            out,
            format!(
                "{}@{version}: {integrity} ({} bytes, {})",
                m.package,
                bytes.len(),
                path.display()
            ),
        );
        built_all.push(json!({
            "package": m.package, "base_version": m.version, "version": version,
            "integrity": integrity, "path": path, "bytes": bytes.len(),
            "verdict": r.after.verdict.as_str(),
        }));
    }
    if global.format == Format::Json {
        out.json(&json!({ "built": built_all }));
    }
    Ok(ExitCode::SUCCESS)
}

fn work_dir(global: &Global, explicit: Option<&Path>, name: &str, version: &str) -> PathBuf {
    explicit.map(Path::to_path_buf).unwrap_or_else(|| {
        global
            .dir
            .join(".warden-patch")
            .join(PatchManifest::dir_name(name, version))
    })
}

fn start(args: &StartArgs, global: &Global, out: &Out) -> Result<ExitCode> {
    let (name, version) = split_spec(&args.package)?;
    let spec = format!("{name}@{version}");
    let work = work_dir(global, args.into.as_deref(), &name, &version);
    if std::fs::read_dir(&work).is_ok_and(|mut d| d.next().is_some()) {
        return Err(
            Failure::input(format!("{}: exists and is not empty", work.display()))
                .help("commit or remove it first, or pass --into DIR"),
        );
    }
    let dir = patch_dir(global, &name, &version);
    let existing = read_manifest(&dir)?;
    let reg = registry_access::open(global, out, 4)?;
    let base = base_tarball(
        &reg,
        &name,
        &version,
        existing.as_ref().map(|m| m.base_integrity.as_str()),
    )?;
    let scan = warden_scan::scan_tarball(&base.bytes, &warden_scan::ScanOptions::default());
    if scan.verdict == warden_scan::Verdict::Malicious {
        return Err(Failure {
            message: format!("{spec}: the scanner judges it malicious; warden does not unpack it"),
            help: Some("remove the package instead of patching it".into()),
            code: FOUND,
        });
    }
    let base_tree = Tree::from_tarball(&spec, &base.bytes).map_err(lib_failure)?;
    let tree = match &existing {
        Some(m) => patched_tree(&dir, m, &base_tree)?,
        None => base_tree,
    };
    for (path, entry) in &tree.files {
        let dest = work.join(path);
        let text = String::from_utf8_lossy(&entry.bytes);
        if std::str::from_utf8(&entry.bytes).is_ok() {
            write_atomic(&dest, &text)?;
        } else {
            if let Some(parent) = dest.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Failure::input(format!("{}: {e}", parent.display())))?;
            }
            std::fs::write(&dest, &entry.bytes)
                .map_err(|e| Failure::input(format!("{}: {e}", dest.display())))?;
        }
    }
    say(
        global,
        out,
        format!(
            "{spec}: {} files in {}; edit them, then run warden patch commit {spec} --advisory ID",
            tree.files.len(),
            work.display()
        ),
    );
    Ok(ExitCode::SUCCESS)
}

/// Regular files under `root`, by path relative to it; links are refused.
fn read_work_dir(root: &Path) -> Result<Tree> {
    let mut tree = Tree::default();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd =
            std::fs::read_dir(&d).map_err(|e| Failure::input(format!("{}: {e}", d.display())))?;
        for e in rd {
            let e = e.map_err(|e| Failure::input(format!("{}: {e}", d.display())))?;
            let p = e.path();
            let ft = e
                .file_type()
                .map_err(|e| Failure::input(format!("{}: {e}", p.display())))?;
            if ft.is_dir() {
                stack.push(p);
            } else if ft.is_file() {
                let rel = p
                    .strip_prefix(root)
                    .map_err(|_| Failure::input(format!("{}: outside the work dir", p.display())))?
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(&p)
                    .map_err(|e| Failure::input(format!("{}: {e}", p.display())))?;
                tree.files.insert(
                    rel,
                    warden_patch::Entry {
                        bytes,
                        executable: false,
                    },
                );
            } else {
                return Err(Failure::input(format!(
                    "{}: only regular files and directories are supported",
                    p.display()
                ))
                .help("remove the link"));
            }
        }
    }
    Ok(tree)
}

fn commit(args: &CommitArgs, global: &Global, out: &Out) -> Result<ExitCode> {
    let (name, version) = split_spec(&args.package)?;
    let spec = format!("{name}@{version}");
    let work = work_dir(global, args.from.as_deref(), &name, &version);
    if !work.is_dir() {
        return Err(
            Failure::input(format!("{}: no work directory", work.display()))
                .help(format!("run warden patch start {spec} first")),
        );
    }
    let dir = patch_dir(global, &name, &version);
    let existing = read_manifest(&dir)?;
    let reg = registry_access::open(global, out, 4)?;
    let base = base_tarball(
        &reg,
        &name,
        &version,
        existing.as_ref().map(|m| m.base_integrity.as_str()),
    )?;
    let base_tree = Tree::from_tarball(&spec, &base.bytes).map_err(lib_failure)?;
    let before = match &existing {
        Some(m) => patched_tree(&dir, m, &base_tree)?,
        None => base_tree.clone(),
    };
    let mut edited = read_work_dir(&work)?;
    for (p, e) in edited.files.iter_mut() {
        e.executable = before.files.get(p).is_some_and(|b| b.executable);
    }
    let (parts, binary, deleted) = diff_trees(&before, &edited);
    if !binary.is_empty() || !deleted.is_empty() {
        return Err(Failure::input(format!(
            "{spec}: a patch carries text changes only; binary or deleted: {}",
            binary
                .iter()
                .chain(&deleted)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .help("restore those files in the work directory"));
    }
    if parts.is_empty() {
        return Err(
            Failure::input(format!("{}: no changes to commit", work.display()))
                .help("edit the files first"),
        );
    }
    let mut manifest = existing.unwrap_or_else(|| PatchManifest {
        package: name.clone(),
        version: version.clone(),
        base_integrity: base.sha512.clone(),
        revision: 0,
        patches: Vec::new(),
        build: None,
    });
    let revision = manifest.revision + 1;
    let mut shipped = edited.clone();
    shipped
        .set_version(&spec, &patched_version(&version, revision))
        .map_err(lib_failure)?;
    let r = review(&base.bytes, &shipped.to_tgz().map_err(lib_failure)?);
    print_review(global, out, &r);
    if !r.accepted() {
        return Err(Failure {
            message: format!("{spec}: the patch is refused: {}", r.refusals.join("; ")),
            help: Some("a fix should add no capability; remove what adds it".into()),
            code: FOUND,
        });
    }
    let slug = args.advisory.join("-");
    let file = manifest.next_file_name(&slug);
    let header = format!(
        "{} for {spec}, by {}\n\n",
        args.advisory.join(", "),
        args.author
    );
    write_atomic(&dir.join(&file), &(header + &render_patch(&parts)))?;
    manifest.patches.push(PatchEntry {
        file: file.clone(),
        advisories: args.advisory.clone(),
        author: args.author.clone(),
        upstream: args.upstream.clone(),
    });
    manifest.revision = revision;
    manifest.build = None;
    write_atomic(
        &dir.join("patch.toml"),
        &manifest.to_toml().map_err(lib_failure)?,
    )?;
    say(
        global,
        out,
        format!(
            "{spec}: {} file(s) changed, recorded as {}",
            parts.len(),
            dir.join(&file).display()
        ),
    );
    Ok(ExitCode::SUCCESS)
}

/// A line of human output; JSON output is one document, printed at the end.
fn say(global: &Global, out: &Out, text: impl AsRef<str>) {
    if global.format != Format::Json {
        out.line(text);
    }
}
