//! `warden advisories sync [SOURCE]` and `warden advisories status`: the local OSV database.

use crate::cli::{Format, Global};
use crate::failure::{Failure, Result};
use crate::output::Out;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use warden_advisory::{Store, import, timestamp};

/// What `sync` imports when no source is given: OSV's export of every npm record (GitHub
/// advisories, malicious-package reports and the rest), one zip.
pub const DEFAULT_SOURCE: &str = "https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip";

/// The database file's name inside the data directory.
pub const DATABASE_FILE: &str = "advisories.sqlite3";

/// A download larger than this is refused (OSV's npm export is far smaller).
const MAX_DOWNLOAD: u64 = 2 * 1024 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Import OSV records: an all.zip, a directory of OSV JSON files, one JSON file, or a URL
    Sync(SyncArgs),
    /// Show what the database holds: counts by kind, the newest record, the sources synced
    Status(DataDir),
}

/// Where the advisory database lives.
#[derive(Debug, Clone, clap::Args)]
pub struct DataDir {
    /// warden's data directory (default: $WARDEN_DATA, else the platform's user data directory)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// A path (directory, all.zip, OSV JSON file) or an http(s) URL to a zip or JSON
    #[arg(value_name = "SOURCE", default_value = DEFAULT_SOURCE)]
    pub source: String,
    #[command(flatten)]
    pub data: DataDir,
}

impl DataDir {
    /// `--data-dir`, else `WARDEN_DATA`, else the platform's user data directory.
    pub fn resolve(&self) -> Result<PathBuf> {
        if let Some(d) = &self.data_dir {
            return Ok(d.clone());
        }
        if let Some(d) = std::env::var_os("WARDEN_DATA").filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(d));
        }
        directories::ProjectDirs::from("", "", "warden")
            .map(|p| p.data_dir().to_path_buf())
            .ok_or_else(|| {
                Failure::input("cannot find a user data directory for warden")
                    .help("pass --data-dir DIR or set WARDEN_DATA")
            })
    }

    pub fn database(&self) -> Result<PathBuf> {
        Ok(self.resolve()?.join(DATABASE_FILE))
    }
}

/// Opens an existing, non-empty database for reading; fails closed otherwise.
pub fn open_existing(data: &DataDir) -> Result<Store> {
    let path = data.database()?;
    if !path.is_file() {
        return Err(
            Failure::input(format!("{}: no advisory database", path.display())).help(
                "run `warden advisories sync` (or `warden advisories sync PATH` offline) first",
            ),
        );
    }
    let store = Store::open(&path).map_err(|e| {
        Failure::input(e.to_string()).help("remove the file and run `warden advisories sync` again")
    })?;
    Ok(store)
}

pub fn run(args: &Args, global: &Global, out: &Out) -> Result<ExitCode> {
    match &args.action {
        Action::Sync(a) => sync(a, global, out),
        Action::Status(d) => status(d, out),
    }
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    timestamp::from_unix(secs)
}

fn sync(args: &SyncArgs, _global: &Global, out: &Out) -> Result<ExitCode> {
    let dir = args.data.resolve()?;
    std::fs::create_dir_all(&dir).map_err(|e| {
        Failure::input(format!(
            "{}: cannot create the data directory: {e}",
            dir.display()
        ))
        .help("pass --data-dir DIR or set WARDEN_DATA to a writable directory")
    })?;
    let db = dir.join(DATABASE_FILE);
    let source = args.source.as_str();
    let entries = if source.starts_with("https://") || source.starts_with("http://") {
        out.note(format!("fetching {source}"));
        let bytes = download(source)?;
        import::from_bytes(bytes, source)
    } else {
        let path = Path::new(source);
        if !path.exists() {
            return Err(Failure::input(format!("{source}: no such file or directory"))
                .help("pass a directory of OSV JSON files, an all.zip, a JSON file, or an http(s) URL"));
        }
        import::open_path(path)
    }
    .map_err(|e| Failure::input(e.to_string()).help("pass a directory of OSV JSON files, an all.zip, a JSON file, or an http(s) URL"))?;

    let mut store = Store::open(&db)
        .map_err(|e| Failure::input(e.to_string()).help("check the data directory is writable"))?;
    let bar = progress_bar(entries.total, out);
    let label = match Path::new(source).canonicalize() {
        Ok(p) if !source.contains("://") => p.display().to_string(),
        _ => source.to_string(),
    };
    let report = store
        .import(&label, &now(), entries, &mut |n| bar.set_position(n))
        .map_err(|e| {
            Failure::input(e.to_string())
                .help("the records imported before the error are kept; run the sync again")
        })?;
    bar.finish_and_clear();
    if report.seen == 0 {
        return Err(Failure::input(format!("{source}: no OSV records found"))
            .help("point at a directory holding OSV *.json files or an OSV all.zip"));
    }
    if out.format != Format::Human {
        out.json(&serde_json::json!({ "schema": "warden.advisories.sync/1", "database": db.display().to_string(), "report": report }));
        return Ok(ExitCode::SUCCESS);
    }
    out.line(format!(
        "imported {}: {} new, {} updated, {} unchanged, {} not npm, {} bad (skipped)",
        report.source,
        report.added,
        report.updated,
        report.unchanged,
        report.not_npm,
        report.bad_count
    ));
    for bad in report
        .bad
        .iter()
        .take(if out.verbose { usize::MAX } else { 10 })
    {
        out.note(format!("skipped {bad}"));
    }
    if report.bad_count > 10 && !out.verbose {
        out.note(format!(
            "… {} more skipped records; -v lists them",
            report.bad_count - 10
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(total: Option<u64>, out: &Out) -> indicatif::ProgressBar {
    use std::io::IsTerminal as _;
    if out.quiet || out.format != Format::Human || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::new_spinner(),
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} importing {pos}/{len} records [{bar:30}] {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Fetches a source into memory. Fails closed: any error is the user's to see.
fn download(url: &str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let way_out =
        "download it yourself and run `warden advisories sync PATH`, or check the network";
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(Duration::from_secs(30))
        .timeout(Duration::from_secs(30 * 60))
        .user_agent(concat!("warden/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Failure::input(format!("cannot start an HTTP client: {e}")))?;
    let resp = client
        .get(url)
        .send()
        .map_err(|e| Failure::input(format!("{url}: cannot fetch: {e}")).help(way_out))?;
    if !resp.status().is_success() {
        return Err(
            Failure::input(format!("{url}: the server answered {}", resp.status())).help(way_out),
        );
    }
    let mut bytes = Vec::new();
    resp.take(MAX_DOWNLOAD + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::input(format!("{url}: download failed: {e}")).help(way_out))?;
    if bytes.len() as u64 > MAX_DOWNLOAD {
        return Err(
            Failure::input(format!("{url}: larger than {MAX_DOWNLOAD} bytes")).help(way_out),
        );
    }
    Ok(bytes)
}

#[derive(Serialize)]
struct StatusDoc {
    schema: &'static str,
    #[serde(flatten)]
    status: warden_advisory::Status,
}

fn status(data: &DataDir, out: &Out) -> Result<ExitCode> {
    let store = open_existing(data)?;
    let st = store.status().map_err(|e| Failure::input(e.to_string()))?;
    if out.format != Format::Human {
        out.json(&StatusDoc {
            schema: "warden.advisories.status/1",
            status: st,
        });
        return Ok(ExitCode::SUCCESS);
    }
    out.line(format!("database: {}", st.database));
    out.line(format!(
        "records: {} ({} malicious, {} vulnerabilities, {} withdrawn) naming {} packages",
        st.total, st.malicious, st.vulnerability, st.withdrawn, st.packages
    ));
    out.line(format!(
        "newest modified: {}",
        st.newest_modified
            .as_deref()
            .map(timestamp::display)
            .unwrap_or_else(|| "-".into())
    ));
    if st.sources.is_empty() {
        out.line("sources: none; run `warden advisories sync`");
    }
    for s in &st.sources {
        out.line(format!(
            "source: {} (synced {}, {} records)",
            s.source, s.synced, s.records
        ));
    }
    Ok(ExitCode::SUCCESS)
}
