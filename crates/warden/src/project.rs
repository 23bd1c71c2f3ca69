//! Finding and reading the project's lockfile and manifests: the IO that the pure lockfile
//! parsers are spared.

use crate::cli::Global;
use crate::failure::{Failure, Result};
use std::path::{Path, PathBuf};
use warden_lockfile::{Input, Inventory, LOCKFILE_NAMES, Manifest, ParseError};

/// A parsed lockfile and where it came from.
pub struct Project {
    pub lockfile: PathBuf,
    pub inventory: Inventory,
}

/// Finds the lockfile: `--lockfile`, else the one lockfile in `--dir`.
pub fn locate_lockfile(global: &Global) -> Result<PathBuf> {
    if let Some(path) = &global.lockfile {
        let path = if path.is_absolute() || path.exists() {
            path.clone()
        } else {
            global.dir.join(path)
        };
        if !path.is_file() {
            return Err(
                Failure::input(format!("{}: no such lockfile", path.display()))
                    .help("check the path given to --lockfile"),
            );
        }
        return Ok(path);
    }
    if !global.dir.is_dir() {
        return Err(
            Failure::input(format!("{}: no such directory", global.dir.display()))
                .help("check the path given to --dir"),
        );
    }
    let found: Vec<PathBuf> = LOCKFILE_NAMES
        .iter()
        .map(|n| global.dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => {
            let binary = global.dir.join("bun.lockb");
            let mut f = Failure::input(format!(
                "{}: no lockfile found (looked for {})",
                global.dir.display(),
                LOCKFILE_NAMES.join(", ")
            ));
            f = if binary.is_file() {
                f.help("bun.lockb is binary; run `bun install --save-text-lockfile` to write bun.lock")
            } else {
                f.help("run your package manager's install to write one, or pass --lockfile PATH")
            };
            Err(f)
        }
        many => Err(Failure::input(format!(
            "{}: several lockfiles: {}",
            global.dir.display(),
            many.iter()
                .map(|p| p.file_name().unwrap_or_default().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .help("pick one with --lockfile PATH, or delete the ones your package manager no longer writes")),
    }
}

/// Reads and parses the project's lockfile.
pub fn load(global: &Global) -> Result<Project> {
    let lockfile = locate_lockfile(global)?;
    let inventory = parse_lockfile(&lockfile)?;
    Ok(Project {
        lockfile,
        inventory,
    })
}

/// Parses one lockfile with the manifests beside it.
pub fn parse_lockfile(lockfile: &Path) -> Result<Inventory> {
    let size = std::fs::metadata(lockfile)
        .map_err(|e| Failure::input(format!("{}: {e}", lockfile.display())))?
        .len();
    if size > warden_lockfile::error::MAX_LOCKFILE_BYTES as u64 {
        return Err(Failure::input(format!(
            "{}: the file is {} MiB; warden reads lockfiles up to {} MiB",
            lockfile.display(),
            size / (1024 * 1024),
            warden_lockfile::error::MAX_LOCKFILE_BYTES / (1024 * 1024)
        ))
        .help("check that this is the lockfile your package manager wrote"));
    }
    let bytes = std::fs::read(lockfile)
        .map_err(|e| Failure::input(format!("{}: {e}", lockfile.display())))?;
    let dir = lockfile.parent().unwrap_or(Path::new("."));
    let manifests = read_manifests(dir);
    let file_name = lockfile
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    warden_lockfile::parse(&Input {
        file_name: &file_name,
        bytes: &bytes,
        manifests: &manifests,
    })
    .map_err(|e| parse_failure(lockfile, &e))
}

/// `file:line:col: message`, with the parser's way out or a generic one.
pub fn parse_failure(path: &Path, e: &ParseError) -> Failure {
    let f = Failure::input(format!("{}:{e}", path.display()));
    f.help(e.help.clone().unwrap_or_else(|| {
        "regenerate the lockfile with your package manager, or fix the line named above".into()
    }))
}

/// The root package.json and those of its workspaces (npm/yarn/bun `workspaces` globs), for
/// formats that do not record importers themselves. Missing or unreadable manifests are skipped:
/// a lockfile alone is enough to inventory.
pub fn read_manifests(dir: &Path) -> Vec<Manifest> {
    let mut out = Vec::new();
    let Ok(root) = std::fs::read(dir.join("package.json")) else {
        return out;
    };
    let patterns = workspace_patterns(&root);
    out.push(Manifest {
        path: String::new(),
        bytes: root,
    });
    let mut found = Vec::new();
    collect_dirs(dir, dir, 0, &patterns, &mut found);
    found.sort();
    for rel in found {
        if let Ok(bytes) = std::fs::read(dir.join(&rel).join("package.json")) {
            out.push(Manifest { path: rel, bytes });
        }
    }
    out
}

fn workspace_patterns(bytes: &[u8]) -> Vec<String> {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return Vec::new();
    };
    let arr = match v.get("workspaces") {
        Some(serde_json::Value::Array(a)) => a.clone(),
        Some(serde_json::Value::Object(o)) => match o.get("packages") {
            Some(serde_json::Value::Array(a)) => a.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    arr.iter()
        .filter_map(|x| x.as_str())
        .map(|s| s.trim_start_matches("./").trim_end_matches('/').to_string())
        .collect()
}

fn collect_dirs(root: &Path, dir: &Path, depth: usize, patterns: &[String], out: &mut Vec<String>) {
    if patterns.is_empty() || depth > 4 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        if name == "node_modules" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        if !path.is_dir() {
            continue;
        }
        let Ok(rel) = path.strip_prefix(root) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        if patterns
            .iter()
            .any(|p| warden_lockfile::formats::npm::glob_match(p, &rel))
            && path.join("package.json").is_file()
        {
            out.push(rel.clone());
        }
        collect_dirs(root, &path, depth + 1, patterns, out);
    }
}
