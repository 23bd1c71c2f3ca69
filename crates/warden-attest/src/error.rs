//! The crate's one error type. Each variant carries what the user needs to act on it.

/// What went wrong reading a key, a VEX file or an envelope, or verifying one.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AttestError {
    /// A key file that is not a PKCS#8 (private) or SPKI (public) PEM of a supported algorithm.
    #[error("{0}")]
    Key(String),
    /// vex.toml: `line:column: message` (1-based), the caller prefixes the file name.
    #[error("{line}:{column}: {message}")]
    Vex {
        line: usize,
        column: usize,
        message: String,
    },
    /// An envelope or statement that is not well formed.
    #[error("{0}")]
    Malformed(String),
    /// A signature or digest that does not match.
    #[error("{0}")]
    Verification(String),
}
