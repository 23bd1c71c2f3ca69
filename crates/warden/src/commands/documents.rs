//! What the document commands (sbom, vex, attest, keygen, verify) share: the document time
//! from `SOURCE_DATE_EPOCH`, writing a document to standard output or atomically to a file,
//! and reading small input files with a clear error.

use crate::failure::{Failure, Result};
use std::io::Write as _;
use std::path::Path;

/// Seconds since the Unix epoch: `SOURCE_DATE_EPOCH` when set (reproducible builds'
/// convention), else the clock.
pub fn now() -> Result<i64> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| {
            Failure::input(format!(
                "SOURCE_DATE_EPOCH={v:?} is not a whole number of seconds since 1970-01-01"
            ))
            .help("set it to e.g. $(git log -1 --format=%ct), or unset it to use the clock")
        }),
        Err(_) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// the file is either the old one or the whole new one. `private` makes it mode 0600 (keys).
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> Result<()> {
    let fail = |e: std::io::Error| {
        Failure::input(format!("{}: cannot write: {e}", path.display()))
            .help("check that the directory exists and is writable")
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt as _;
        opts.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// Writes a document to `output`, or to standard output when there is none.
pub fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match output {
        Some(p) => write_atomic(p, bytes, false),
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(bytes)
                .and_then(|_| o.flush())
                .map_err(|e| Failure::input(format!("cannot write to standard output: {e}")))
        }
    }
}

/// Reads a file the user named, up to `limit` bytes.
pub fn read_input(path: &Path, what: &str, limit: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| {
        Failure::input(format!("{}: cannot read {what}: {e}", path.display()))
            .help("check the path")
    })?;
    if meta.len() > limit {
        return Err(Failure::input(format!(
            "{}: {what} is {} bytes; warden reads up to {limit}",
            path.display(),
            meta.len()
        ))
        .help("check that this is the file you meant"));
    }
    std::fs::read(path).map_err(|e| {
        Failure::input(format!("{}: cannot read {what}: {e}", path.display()))
            .help("check the path and its permissions")
    })
}
