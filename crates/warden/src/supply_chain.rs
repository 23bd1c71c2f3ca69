//! The project's supply-chain/ folder: reading config.toml, audits.toml and imports.lock, and
//! writing them back atomically (temp file + rename, so a crash never leaves half a file).

use crate::cli::Global;
use crate::failure::{Failure, Result};
use std::path::Path;
use warden_policy::PolicyError;
use warden_policy::audits::{AUDITS_FILE, AuditsFile, IMPORTS_LOCK, ImportsLock};
use warden_policy::config::{CONFIG_FILE, Config};

/// The parsed files, with the texts kept for edits that must preserve comments.
pub struct SupplyChain {
    pub config: Config,
    pub audits: AuditsFile,
    pub audits_text: String,
    pub imports: ImportsLock,
}

pub fn policy_failure(e: &PolicyError, project: &Path) -> Failure {
    let shown = project.join(&e.file);
    let mut msg = if e.line > 0 {
        format!("{}:{}:{}: {}", shown.display(), e.line, e.column, e.message)
    } else {
        format!("{}: {}", shown.display(), e.message)
    };
    if msg.ends_with('.') {
        msg.pop();
    }
    Failure::input(msg).help(
        e.help.clone().unwrap_or_else(|| {
            "fix the line named above; docs/policy.md describes the format".into()
        }),
    )
}

fn read_optional(path: &Path) -> Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            Failure::input(format!("{}: not UTF-8 text", path.display()))
                .help("supply-chain files are TOML, which is UTF-8")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::input(format!("{}: {e}", path.display()))),
    }
}

/// Loads supply-chain/ from `--dir`; a missing config.toml is an error that says to run init.
pub fn load(global: &Global) -> Result<SupplyChain> {
    let dir = &global.dir;
    let config_path = dir.join(CONFIG_FILE);
    let Some(config_text) = read_optional(&config_path)? else {
        return Err(
            Failure::input(format!("{}: no policy here", config_path.display()))
                .help("run `warden init` to create supply-chain/ and freeze the current lockfile"),
        );
    };
    let config = Config::parse(CONFIG_FILE, &config_text).map_err(|e| policy_failure(&e, dir))?;
    let audits_text = read_optional(&dir.join(AUDITS_FILE))?.unwrap_or_default();
    let audits =
        AuditsFile::parse(AUDITS_FILE, &audits_text).map_err(|e| policy_failure(&e, dir))?;
    let imports_text = read_optional(&dir.join(IMPORTS_LOCK))?.unwrap_or_default();
    let imports =
        ImportsLock::parse(IMPORTS_LOCK, &imports_text).map_err(|e| policy_failure(&e, dir))?;
    Ok(SupplyChain {
        config,
        audits,
        audits_text,
        imports,
    })
}

/// Writes `text` to `path` atomically: a temp file in the same directory, fsync, rename.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let fail = |e: std::io::Error| Failure::input(format!("{}: {e}", path.display()));
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(fail)?;
    let tmp = parent.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp).map_err(fail)?;
        f.write_all(text.as_bytes()).map_err(fail)?;
        f.sync_all().map_err(fail)?;
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
