//! The local advisory database: one SQLite file in warden's data directory. Records are kept as
//! normalised JSON documents with an index from package name to advisory id, so matching loads
//! only the names in the inventory. Imports are incremental by `modified` and written in
//! transactions (a batch is all there or not at all).

use crate::advisory::{Advisory, AffectedPackage, Converted, Kind};
use crate::error::{BadRecord, Error};
use crate::import::{Entries, RawEntry};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;

/// Where matching gets advisories from: the database, or a list in memory (tests, the gate).
pub trait AdvisorySource {
    /// Every advisory, withdrawn or not, that names one of `names` (npm package names).
    fn advisories_for(&self, names: &[&str]) -> Result<Vec<Advisory>, Error>;

    /// For a first, cheap pass: advisories naming one of `names`, of which only `id`, `kind`,
    /// `withdrawn` and the `affected` entries of those names need be filled in. The default
    /// returns the full advisories.
    fn candidates_for(&self, names: &[&str]) -> Result<Vec<Advisory>, Error> {
        self.advisories_for(names)
    }

    /// The full advisories with these ids (those that exist).
    fn advisories_by_id(&self, ids: &[&str]) -> Result<Vec<Advisory>, Error>;
}

/// Advisories held in memory.
#[derive(Debug, Clone, Default)]
pub struct MemorySource(pub Vec<Advisory>);

impl AdvisorySource for MemorySource {
    fn advisories_for(&self, names: &[&str]) -> Result<Vec<Advisory>, Error> {
        let wanted: HashSet<&str> = names.iter().copied().collect();
        Ok(self
            .0
            .iter()
            .filter(|a| a.names().any(|n| wanted.contains(n)))
            .cloned()
            .collect())
    }

    fn advisories_by_id(&self, ids: &[&str]) -> Result<Vec<Advisory>, Error> {
        let wanted: HashSet<&str> = ids.iter().copied().collect();
        Ok(self
            .0
            .iter()
            .filter(|a| wanted.contains(a.id.as_str()))
            .cloned()
            .collect())
    }
}

/// What the `affected` table keeps per (package, advisory): enough to decide a match.
#[derive(Serialize, serde::Deserialize)]
struct Candidate {
    kind: Kind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ranges: Vec<Vec<crate::range::Event>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    versions: Vec<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub source: String,
    /// Records read (good and bad).
    pub seen: u64,
    pub added: u64,
    pub updated: u64,
    /// Already in the database with the same or a newer `modified`.
    pub unchanged: u64,
    /// Valid records that name no npm package.
    pub not_npm: u64,
    /// Records reported and skipped; at most [`MAX_BAD_KEPT`] are kept, `bad_count` counts all.
    pub bad: Vec<BadRecord>,
    pub bad_count: u64,
}

/// How many bad records an import report keeps in full.
pub const MAX_BAD_KEPT: usize = 200;
const BATCH: usize = 5_000;

/// One imported source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub source: String,
    pub synced: String,
    pub records: u64,
}

/// What `warden advisories status` shows.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub database: String,
    pub total: u64,
    pub malicious: u64,
    pub vulnerability: u64,
    /// Withdrawn records (of either kind): kept, never matched.
    pub withdrawn: u64,
    pub packages: u64,
    pub newest_modified: Option<String>,
    pub sources: Vec<SourceRow>,
}

/// The SQLite advisory database.
pub struct Store {
    conn: Connection,
    path: String,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS advisories (
    id TEXT PRIMARY KEY NOT NULL,
    modified TEXT NOT NULL,
    withdrawn TEXT,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    doc TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS affected (
    name TEXT NOT NULL,
    id TEXT NOT NULL,
    withdrawn INTEGER NOT NULL,
    candidate TEXT NOT NULL,
    PRIMARY KEY (name, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_id ON affected (id);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY NOT NULL,
    synced TEXT NOT NULL,
    records INTEGER NOT NULL
);
PRAGMA user_version = 1;
";

impl Store {
    /// Opens (creating if needed) the database at `path`. The parent directory must exist.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let label = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| Error::db(&label, e))?;
        Self::init(conn, label)
    }

    /// A database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self, Error> {
        let conn = Connection::open_in_memory().map_err(|e| Error::db(":memory:", e))?;
        Self::init(conn, ":memory:".to_string())
    }

    fn init(conn: Connection, path: String) -> Result<Self, Error> {
        // WAL keeps readers (the proxy, `warden vulns`) unblocked while a sync writes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Error::db(&path, e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| Error::db(&path, e))?;
        // Reads are many small index lookups across a file of a few hundred MB: map it and
        // keep a larger page cache than SQLite's 2 MB default.
        conn.pragma_update(None, "mmap_size", 512i64 * 1024 * 1024)
            .map_err(|e| Error::db(&path, e))?;
        conn.pragma_update(None, "cache_size", -64i64 * 1024)
            .map_err(|e| Error::db(&path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(|e| Error::db(&path, e))?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| Error::db(&path, e))?;
        if version > 1 {
            return Err(Error::Source {
                path,
                message: format!(
                    "advisory database schema {version} is newer than this warden understands; upgrade warden or remove the file and sync again"
                ),
            });
        }
        conn.execute_batch(SCHEMA)
            .map_err(|e| Error::db(&path, e))?;
        Ok(Self { conn, path })
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Imports records from `entries`, labelled `source`, at time `now` (RFC 3339). A record
    /// already stored with the same or a newer `modified` is left alone. Bad records are
    /// reported in the result and skipped. `progress` is called with the number of records read.
    pub fn import(
        &mut self,
        source: &str,
        now: &str,
        entries: Entries,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportReport, Error> {
        let path = self.path.clone();
        let db = |e| Error::db(&path, e);
        let mut report = ImportReport {
            source: source.to_string(),
            ..ImportReport::default()
        };
        let mut batch: Vec<(RawEntry, Advisory)> = Vec::with_capacity(BATCH);
        let bad = |report: &mut ImportReport, b: BadRecord| {
            report.bad_count += 1;
            if report.bad.len() < MAX_BAD_KEPT {
                report.bad.push(b);
            }
        };
        for item in entries.iter {
            report.seen += 1;
            if report.seen.is_multiple_of(1000) {
                progress(report.seen);
            }
            let entry = match item {
                Ok(e) => e,
                Err(b) => {
                    bad(&mut report, b);
                    continue;
                }
            };
            match Advisory::from_json(&entry.bytes) {
                Ok(Converted::Npm(adv)) => {
                    batch.push((entry, *adv));
                    if batch.len() >= BATCH {
                        self.write_batch(source, &mut batch, &mut report)
                            .map_err(db)?;
                    }
                }
                Ok(Converted::NotNpm) => report.not_npm += 1,
                Err(message) => bad(
                    &mut report,
                    BadRecord {
                        path: entry.path,
                        message,
                    },
                ),
            }
        }
        self.write_batch(source, &mut batch, &mut report)
            .map_err(db)?;
        progress(report.seen);
        let records = report.added + report.updated + report.unchanged;
        self.conn
            .execute(
                "INSERT INTO sources (source, synced, records) VALUES (?1, ?2, ?3)
                 ON CONFLICT (source) DO UPDATE SET synced = excluded.synced, records = excluded.records",
                params![source, now, records as i64],
            )
            .map_err(db)?;
        Ok(report)
    }

    fn write_batch(
        &mut self,
        source: &str,
        batch: &mut Vec<(RawEntry, Advisory)>,
        report: &mut ImportReport,
    ) -> rusqlite::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        {
            let mut get = tx.prepare_cached("SELECT modified FROM advisories WHERE id = ?1")?;
            let mut put = tx.prepare_cached(
                "INSERT OR REPLACE INTO advisories (id, modified, withdrawn, kind, source, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut clear = tx.prepare_cached("DELETE FROM affected WHERE id = ?1")?;
            let mut index = tx.prepare_cached(
                "INSERT OR REPLACE INTO affected (name, id, withdrawn, candidate) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (_, adv) in batch.drain(..) {
                let existing: Option<String> = get.query_row([&adv.id], |r| r.get(0)).optional()?;
                match &existing {
                    Some(m) if *m >= adv.modified => {
                        report.unchanged += 1;
                        continue;
                    }
                    Some(_) => {
                        report.updated += 1;
                        clear.execute([&adv.id])?;
                    }
                    None => report.added += 1,
                }
                let doc = serde_json::to_string(&adv)
                    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                put.execute(params![
                    adv.id,
                    adv.modified,
                    adv.withdrawn,
                    adv.kind.as_str(),
                    source,
                    doc
                ])?;
                for p in &adv.affected {
                    let candidate = Candidate {
                        kind: adv.kind,
                        ranges: p.ranges.clone(),
                        versions: p.versions.clone(),
                    };
                    let candidate = serde_json::to_string(&candidate)
                        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                    index.execute(params![p.name, adv.id, adv.withdrawn.is_some(), candidate])?;
                }
            }
        }
        tx.commit()
    }

    /// Counts by kind, the newest `modified`, and the sources synced.
    pub fn status(&self) -> Result<Status, Error> {
        let db = |e| Error::db(&self.path, e);
        let count = |sql: &str| -> Result<u64, Error> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(db)
        };
        let total = count("SELECT COUNT(*) FROM advisories")?;
        let withdrawn = count("SELECT COUNT(*) FROM advisories WHERE withdrawn IS NOT NULL")?;
        let malicious = count(
            "SELECT COUNT(*) FROM advisories WHERE withdrawn IS NULL AND kind = 'malicious'",
        )?;
        let vulnerability = count(
            "SELECT COUNT(*) FROM advisories WHERE withdrawn IS NULL AND kind = 'vulnerability'",
        )?;
        let packages = count("SELECT COUNT(DISTINCT name) FROM affected")?;
        let newest_modified: Option<String> = self
            .conn
            .query_row("SELECT MAX(modified) FROM advisories", [], |r| r.get(0))
            .map_err(db)?;
        let mut stmt = self
            .conn
            .prepare("SELECT source, synced, records FROM sources ORDER BY synced DESC, source")
            .map_err(db)?;
        let sources = stmt
            .query_map([], |r| {
                Ok(SourceRow {
                    source: r.get(0)?,
                    synced: r.get(1)?,
                    records: r.get::<_, i64>(2)? as u64,
                })
            })
            .map_err(db)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(db)?;
        Ok(Status {
            database: self.path.clone(),
            total,
            malicious,
            vulnerability,
            withdrawn,
            packages,
            newest_modified,
            sources,
        })
    }

    /// Fetches one advisory by id (withdrawn or not).
    pub fn get(&self, id: &str) -> Result<Option<Advisory>, Error> {
        let doc: Option<String> = self
            .conn
            .query_row("SELECT doc FROM advisories WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| Error::db(&self.path, e))?;
        doc.map(|d| self.decode(&d)).transpose()
    }

    fn decode(&self, doc: &str) -> Result<Advisory, Error> {
        serde_json::from_str(doc).map_err(|e| Error::Source {
            path: self.path.clone(),
            message: format!(
                "stored advisory cannot be read ({e}); remove the database file and sync again"
            ),
        })
    }
}

impl AdvisorySource for Store {
    fn advisories_for(&self, names: &[&str]) -> Result<Vec<Advisory>, Error> {
        let db = |e| Error::db(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.doc FROM affected f JOIN advisories a ON a.id = f.id WHERE f.name = ?1 AND a.withdrawn IS NULL",
            )
            .map_err(db)?;
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for name in names {
            let mut rows = stmt.query([name]).map_err(db)?;
            while let Some(row) = rows.next().map_err(db)? {
                let id: String = row.get(0).map_err(db)?;
                if seen.insert(id) {
                    let doc: String = row.get(1).map_err(db)?;
                    out.push(self.decode(&doc)?);
                }
            }
        }
        Ok(out)
    }

    fn candidates_for(&self, names: &[&str]) -> Result<Vec<Advisory>, Error> {
        let db = |e| Error::db(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, candidate FROM affected WHERE name = ?1 AND withdrawn = 0")
            .map_err(db)?;
        let mut out = Vec::new();
        for name in names {
            let mut rows = stmt.query([name]).map_err(db)?;
            while let Some(row) = rows.next().map_err(db)? {
                let id: String = row.get(0).map_err(db)?;
                let text: String = row.get(1).map_err(db)?;
                let c: Candidate = serde_json::from_str(&text).map_err(|e| Error::Source {
                    path: self.path.clone(),
                    message: format!("stored advisory {id} cannot be read ({e}); remove the database file and sync again"),
                })?;
                out.push(Advisory {
                    id,
                    modified: String::new(),
                    published: None,
                    withdrawn: None,
                    kind: c.kind,
                    aliases: Vec::new(),
                    summary: String::new(),
                    cvss: Vec::new(),
                    label: None,
                    references: Vec::new(),
                    affected: vec![AffectedPackage {
                        name: (*name).to_string(),
                        ranges: c.ranges,
                        versions: c.versions,
                    }],
                });
            }
        }
        Ok(out)
    }

    fn advisories_by_id(&self, ids: &[&str]) -> Result<Vec<Advisory>, Error> {
        let db = |e| Error::db(&self.path, e);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT doc FROM advisories WHERE id = ?1")
            .map_err(db)?;
        let mut out = Vec::new();
        for id in ids {
            let doc: Option<String> = stmt.query_row([id], |r| r.get(0)).optional().map_err(db)?;
            if let Some(doc) = doc {
                out.push(self.decode(&doc)?);
            }
        }
        Ok(out)
    }
}
