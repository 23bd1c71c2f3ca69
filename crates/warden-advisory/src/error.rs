//! Errors of the advisory crate: database failures and records that cannot be read.

use std::fmt;

/// What went wrong with the advisory database or an import source.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: advisory database error: {source}")]
    Database {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: {message}")]
    Source { path: String, message: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn db(path: &str, source: rusqlite::Error) -> Self {
        Self::Database {
            path: path.to_string(),
            source,
        }
    }
}

/// A record that was reported and skipped during an import.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BadRecord {
    /// The file (or zip entry) the record came from.
    pub path: String,
    /// What was wrong, naming the field.
    pub message: String,
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}
