//! The package managers `warden patch apply` drives: which one a project uses, where each
//! reads overrides, and the lockfile refresh (lockfile only where the manager can, scripts
//! always off). Nothing is installed and no package code runs.

use crate::failure::{Failure, Result};
use crate::package_json::{OverrideField, PackageJson};
use std::path::Path;

/// A package manager warden can point at a patched build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Pm {
    Npm,
    Pnpm,
    Yarn,
}

impl Pm {
    pub fn as_str(self) -> &'static str {
        match self {
            Pm::Npm => "npm",
            Pm::Pnpm => "pnpm",
            Pm::Yarn => "yarn",
        }
    }

    pub fn field(self) -> OverrideField {
        match self {
            Pm::Npm => OverrideField::Npm,
            Pm::Pnpm => OverrideField::Pnpm,
            Pm::Yarn => OverrideField::Yarn,
        }
    }

    /// The lockfile refresh: lockfile only, scripts off. yarn 1 has no lockfile-only mode: its
    /// refresh also fills node_modules (scripts still off).
    pub fn refresh_command(self) -> &'static [&'static str] {
        match self {
            Pm::Npm => &[
                "install",
                "--package-lock-only",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
            ],
            Pm::Pnpm => &["install", "--lockfile-only", "--ignore-scripts"],
            Pm::Yarn => &["install", "--ignore-scripts", "--non-interactive"],
        }
    }

    pub fn refresh_text(self) -> String {
        format!("{} {}", self.as_str(), self.refresh_command().join(" "))
    }
}

/// The package manager: the flag, else the lockfile, else `packageManager`, else npm.
pub fn detect(explicit: Option<Pm>, lockfile: Option<&Path>, pj: &PackageJson) -> Result<Pm> {
    if let Some(pm) = explicit {
        return Ok(pm);
    }
    if let Some(l) = lockfile {
        let name = l
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match name.as_str() {
            "package-lock.json" | "npm-shrinkwrap.json" => return Ok(Pm::Npm),
            "pnpm-lock.yaml" => return Ok(Pm::Pnpm),
            "yarn.lock" => return Ok(Pm::Yarn),
            "bun.lock" | "bun.lockb" => {
                return Err(Failure::input(format!(
                    "{}: warden patch apply does not support bun yet",
                    l.display()
                ))
                .help("pass --package-manager npm|pnpm|yarn if the project also uses one"));
            }
            _ => {}
        }
    }
    let declared = pj
        .root
        .get("packageManager")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    Ok(if declared.starts_with("pnpm@") {
        Pm::Pnpm
    } else if declared.starts_with("yarn@") {
        Pm::Yarn
    } else {
        Pm::Npm
    })
}

/// Runs the package manager's lockfile refresh in `dir`.
pub fn run_pm(pm: Pm, dir: &Path) -> Result<()> {
    let mut cmd = std::process::Command::new(pm.as_str());
    cmd.args(pm.refresh_command()).current_dir(dir);
    if pm == Pm::Yarn {
        // yarn 2+ reads this instead of --ignore-scripts.
        cmd.env("YARN_ENABLE_SCRIPTS", "false");
    }
    let out = cmd.output().map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound {
            format!("{} is not installed (not on PATH)", pm.as_str())
        } else {
            format!("cannot run {}: {e}", pm.as_str())
        };
        Failure::input(format!("{why}; package.json was not changed")).help(format!(
            "install {}, or run `warden patch apply --no-refresh` and then `{}` yourself",
            pm.as_str(),
            pm.refresh_text()
        ))
    })?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let tail: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    Err(Failure::input(format!(
        "`{}` failed ({}); package.json was restored:\n{}",
        pm.refresh_text(),
        out.status,
        tail.join("\n")
    ))
    .help(format!(
        "fix what it reports, then run `warden patch apply` again (or `warden patch apply --no-refresh` and `{}` yourself)",
        pm.refresh_text()
    )))
}

/// The major version of the pnpm on PATH, when there is one.
pub fn pnpm_major() -> Option<u32> {
    let out = std::process::Command::new("pnpm")
        .arg("--version")
        .output()
        .ok()?;
    let v = String::from_utf8_lossy(&out.stdout);
    v.trim().split('.').next()?.parse().ok()
}
