//! The package managers `warden patch apply` drives: which one a project uses, where each
//! reads overrides, and the lockfile refresh (lockfile only where the manager can, scripts
//! always off). Nothing is installed and no package code runs.

use crate::failure::{Failure, Result};
use crate::package_json::{OverrideField, PackageJson};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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
    let mut cmd = Command::new(pm.as_str());
    cmd.args(pm.refresh_command()).current_dir(dir);
    if pm == Pm::Yarn {
        // yarn 2+ reads this instead of --ignore-scripts.
        cmd.env("YARN_ENABLE_SCRIPTS", "false");
    }
    let out = output(&mut cmd).map_err(|e| {
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
    let out = output(Command::new("pnpm").arg("--version")).ok()?;
    let v = String::from_utf8_lossy(&out.stdout);
    v.trim().split('.').next()?.parse().ok()
}

/// `execve` refuses a file without a `#!` line with ENOEXEC (same number on Linux and macOS).
#[cfg(unix)]
const ENOEXEC: i32 = 8;

/// Runs `cmd` and collects its output the way a shell starts a program: a file found on PATH
/// that the kernel will not execute (ENOEXEC: no `#!` line, like the placeholder `pnpm` that
/// `npm install --global --ignore-scripts pnpm` leaves in place of its native binary) is handed
/// to `sh`, as execvp(3) does. Any other error is returned as it is.
pub fn output(cmd: &mut Command) -> std::io::Result<Output> {
    match cmd.output() {
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(ENOEXEC) => {
            let Some(file) = find_program(cmd) else {
                return Err(e);
            };
            let mut sh = Command::new("/bin/sh");
            sh.arg(file).args(cmd.get_args());
            if let Some(dir) = cmd.get_current_dir() {
                sh.current_dir(dir);
            }
            for (k, v) in cmd.get_envs() {
                match v {
                    Some(v) => sh.env(k, v),
                    None => sh.env_remove(k),
                };
            }
            sh.output()
        }
        r => r,
    }
}

/// The file `cmd`'s program names: a path as given, else the first match on the PATH the
/// command will see (its own override, else this process's).
fn find_program(cmd: &Command) -> Option<PathBuf> {
    let program = Path::new(cmd.get_program());
    if program.components().count() > 1 {
        return Some(match cmd.get_current_dir() {
            Some(dir) if program.is_relative() => dir.join(program),
            _ => program.to_path_buf(),
        });
    }
    let path = cmd
        .get_envs()
        .find(|(k, _)| *k == "PATH")
        .map(|(_, v)| v.map(|v| v.to_os_string()))
        .unwrap_or_else(|| std::env::var_os("PATH"))?;
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|f| f.is_file())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn script(dir: &Path, name: &str, body: &str, mode: u32) {
        let f = dir.join(name);
        std::fs::write(&f, body).expect("write");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }

    #[test]
    fn a_program_without_a_shebang_line_runs_through_sh_like_a_shell_runs_it() {
        let tmp = tempfile::tempdir().expect("tempdir");
        script(tmp.path(), "fake-pm", "echo \"ran $1 in $(pwd)\"\n", 0o755);
        let work = tempfile::tempdir().expect("tempdir");
        let cwd = work.path().canonicalize().expect("canonical");
        // named by its path, the kernel itself refuses it (a PATH search may or may not fall
        // back to sh, depending on how the C library spawns)
        let mut direct = Command::new(tmp.path().join("fake-pm"));
        direct.arg("--version").current_dir(work.path());
        let err = direct.output().expect_err("no #! line");
        assert_eq!(err.raw_os_error(), Some(ENOEXEC));
        let by_path = output(&mut direct).expect("runs through sh");
        let mut on_path = Command::new("fake-pm");
        on_path
            .arg("--version")
            .env("PATH", tmp.path())
            .current_dir(work.path());
        let by_name = output(&mut on_path).expect("runs");
        for out in [by_path, by_name] {
            assert!(out.status.success());
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(text.trim(), format!("ran --version in {}", cwd.display()));
        }
    }

    #[test]
    fn other_spawn_errors_are_returned_unchanged() {
        let tmp = tempfile::tempdir().expect("tempdir");
        // not executable: permission denied, not handed to sh
        script(tmp.path(), "locked-pm", "echo should-not-run\n", 0o644);
        let err = output(Command::new("locked-pm").env("PATH", tmp.path())).expect_err("denied");
        assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
        let err = output(Command::new("no-such-pm").env("PATH", tmp.path())).expect_err("missing");
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
        // a program with a #! line runs directly
        script(tmp.path(), "real-pm", "#!/bin/sh\necho direct\n", 0o755);
        let out = output(Command::new("real-pm").env("PATH", tmp.path())).expect("runs");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "direct");
    }
}
