//! The one error type of the lockfile parsers: what went wrong, where (1-based line and column
//! into the bytes that were handed in), and how to get out of it. The caller names the file.

use std::fmt;

/// What kind of problem a [`ParseError`] describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The bytes are not valid JSON / YAML / yarn syntax.
    Syntax,
    /// Valid syntax, but a field has the wrong type or a required field is missing.
    Schema,
    /// The `lockfileVersion` (or equivalent) is one warden does not read.
    UnsupportedVersion,
    /// The input is larger than warden is willing to hold in memory.
    TooLarge,
    /// The bytes are not UTF-8.
    Encoding,
    /// Something the format forbids: duplicate keys, nesting too deep, alias bombs.
    Invalid,
}

/// A lockfile that could not be read, with the position of the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    pub kind: ErrorKind,
    /// 1-based line, 0 when the problem has no position (a file too large, say).
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    pub message: String,
    /// The way out, when there is one worth saying.
    pub help: Option<String>,
}

impl ParseError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the error at the first occurrence of `needle` in `text`, if the error has no
    /// position yet. Used for problems found after deserialisation, where serde no longer
    /// knows the position.
    pub fn near(mut self, text: &str, needle: &str) -> Self {
        if self.line == 0
            && let Some(offset) = text.find(needle)
        {
            let (line, column) = line_col(text, offset);
            self.line = line;
            self.column = column;
        }
        self
    }

    /// Keeps the position inside `text`: libyaml places an error at the end of a file that
    /// does not end in a newline on the line after the last one.
    pub fn within(mut self, text: &str) -> Self {
        let lines = text.split('\n').count();
        if self.line > lines {
            let last = text.rsplit('\n').next().unwrap_or("");
            self.line = lines;
            self.column = last.chars().count() + 1;
        }
        self
    }

    /// Converts a serde_json error, keeping its position.
    pub fn from_json(err: &serde_json::Error) -> Self {
        let kind = match err.classify() {
            serde_json::error::Category::Data => ErrorKind::Schema,
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                ErrorKind::Syntax
            }
            serde_json::error::Category::Io => ErrorKind::Invalid,
        };
        // serde_json appends " at line X column Y" to its message; keep only the message.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        let mut e = ParseError::new(kind, message).at(err.line(), err.column());
        if e.message.contains("recursion limit") {
            e.kind = ErrorKind::Invalid;
            e.message = "nesting is deeper than 128 levels; no lockfile nests this deep".into();
        }
        // UniqueMap's refusal: the syntax is fine, the format forbids it (see ErrorKind::Invalid).
        if e.message.starts_with("duplicate key ") {
            e.kind = ErrorKind::Invalid;
        }
        e
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.line, self.column)?;
        }
        f.write_str(&self.message)
    }
}

/// 1-based (line, column) of a byte offset; the column counts characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Largest lockfile warden reads. The biggest real lockfiles are tens of megabytes; anything
/// far beyond is not a lockfile, and refusing it keeps memory bounded.
pub const MAX_LOCKFILE_BYTES: usize = 128 * 1024 * 1024;

/// Checks size and encoding, the first two things every parser does.
pub fn check_text(bytes: &[u8]) -> Result<&str, ParseError> {
    if bytes.len() > MAX_LOCKFILE_BYTES {
        return Err(ParseError::new(
            ErrorKind::TooLarge,
            format!(
                "the file is {} MiB; warden reads lockfiles up to {} MiB",
                bytes.len() / (1024 * 1024),
                MAX_LOCKFILE_BYTES / (1024 * 1024)
            ),
        )
        .with_help("check that this is the lockfile your package manager wrote"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let text = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let (line, column) = line_col(&text, text.len());
        ParseError::new(
            ErrorKind::Encoding,
            "the file is not valid UTF-8; lockfiles are always UTF-8 text",
        )
        .at(line, column)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let err = check_text(b"{\n  \"a\": \"\xff\"}").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Encoding);
        assert_eq!((err.line, err.column), (2, 9));
    }

    #[test]
    fn positions_stay_inside_the_text() {
        let e = ParseError::new(ErrorKind::Syntax, "x")
            .at(3, 1)
            .within("ab\ncd");
        assert_eq!((e.line, e.column), (2, 3));
        let e = ParseError::new(ErrorKind::Syntax, "x")
            .at(2, 1)
            .within("ab\ncd");
        assert_eq!((e.line, e.column), (2, 1));
    }

    #[test]
    fn bom_is_skipped() {
        assert_eq!(check_text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
    }
}
