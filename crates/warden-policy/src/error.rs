//! Errors reading or writing supply-chain/ files: the file, the position, what was expected.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PolicyError {
    /// The file, as the caller named it (`supply-chain/config.toml`).
    pub file: String,
    /// 1-based line and column; 0 when the problem has no position.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl PolicyError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
        }
    }

    pub fn at_offset(mut self, text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        self.line = before.matches('\n').count() + 1;
        self.column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// From a toml parse or deserialisation error, keeping its span.
    pub fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> Self {
        let message = e.message().trim().to_string();
        let err = Self::new(file, message);
        match e.span() {
            Some(span) => err.at_offset(text, span.start),
            None => err,
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}
