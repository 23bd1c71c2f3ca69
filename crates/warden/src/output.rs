//! The one writer every command prints through: colour decisions, quiet/verbose, JSON, and the
//! failure format (`error: …` then `help: …`).

use crate::cli::{Color, Format, Global};
use crate::failure::Failure;
use anstyle::{AnsiColor, Style};
use std::io::{IsTerminal, Write};

pub struct Out {
    pub format: Format,
    color: bool,
    pub quiet: bool,
    pub verbose: bool,
}

impl Out {
    pub fn new(g: &Global) -> Self {
        let color = match g.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Self {
            format: g.format,
            color,
            quiet: g.quiet,
            verbose: g.verbose,
        }
    }

    /// Styles `text` when colour is on.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn colored(&self, color: AnsiColor, text: &str) -> String {
        self.paint(Style::new().fg_color(Some(color.into())), text)
    }

    /// A line of the result on standard output.
    pub fn line(&self, text: impl AsRef<str>) {
        let mut o = std::io::stdout().lock();
        let _ = writeln!(o, "{}", text.as_ref());
    }

    /// A progress or context note on standard error; hidden by --quiet.
    #[allow(dead_code, reason = "used by the long-running commands")]
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", text.as_ref());
        }
    }

    /// A detail shown only with --verbose, on standard error.
    pub fn verbose(&self, text: impl AsRef<str>) {
        if self.verbose {
            eprintln!("{}", self.dim(text.as_ref()));
        }
    }

    /// Prints a JSON document on standard output.
    pub fn json(&self, value: &impl serde::Serialize) {
        let mut o = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut o, value);
        let _ = writeln!(o);
    }

    pub fn failure(&self, f: &Failure) {
        let err = self.paint(
            Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            "error",
        );
        eprintln!("{err}: {}", f.message);
        if let Some(help) = &f.help {
            let h = self.paint(
                Style::new().bold().fg_color(Some(AnsiColor::Cyan.into())),
                "help",
            );
            eprintln!("{h}: {help}");
        }
    }
}
