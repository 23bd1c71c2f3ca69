//! What a command returns when it cannot do its job: a message that names the thing, the way
//! out, and the exit code (2 for usage and input errors).

/// Exit code for "the check found something".
#[allow(dead_code, reason = "used by the commands that check things")]
pub const FOUND: u8 = 1;
/// Exit code for usage and input errors.
pub const INPUT: u8 = 2;

#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub help: Option<String>,
    pub code: u8,
}

impl Failure {
    /// An input error (exit 2).
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            help: None,
            code: INPUT,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

pub type Result<T> = std::result::Result<T, Failure>;
