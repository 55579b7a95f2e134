//! How a command fails, and the exit code each failure gets.

use std::io::Write;
use std::process::ExitCode;

use thiserror::Error;

use crate::decision::LoadError;
use crate::export::ExportError;
use crate::export::adr::AdrError;
use crate::score::AnswerErrors;
use crate::session::SessionError;
use crate::text::{escape, escape_path};

/// A failed command, holding the typed error it came from. Bad input exits 2, anything
/// else 1 (see [`Failure::exit_code`]).
#[derive(Debug, Error)]
pub enum Failure {
    /// A decision file that cannot be read, parsed or validated.
    #[error(transparent)]
    Decision(#[from] LoadError),
    /// Several decision files that failed `check`, each with all of its problems.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Decisions(Vec<LoadError>),
    /// Option names `new` cannot make a decision of (one alone, the same twice…).
    #[error(transparent)]
    Skeleton(#[from] crate::decision::SkeletonError),
    /// A session file that cannot be read, parsed, or does not fit the decision.
    #[error(transparent)]
    Session(#[from] SessionError),
    /// Team sessions that cannot be read or do not fit together, every problem listed.
    #[error(transparent)]
    Team(#[from] crate::team::load::TeamErrors),
    /// A decisions folder that cannot be numbered, or a superseded record not found or
    /// not marked.
    #[error(transparent)]
    Adr(AdrError),
    /// Unknown ids given with `--yes`, `--no` or `--stage`.
    #[error("{}", unknown_ids(.0))]
    UnknownIds(AnswerErrors),
    /// An export that could not be rendered or written.
    #[error("{}", export_message(.0))]
    Export(#[from] ExportError),
    /// Standard output (a report, a man page, an export to `-`) could not be written.
    #[error("cannot write {what}: {source}")]
    Output {
        what: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// The terminal failed while the app was running.
    #[error("terminal error: {0}")]
    Terminal(#[source] std::io::Error),
    /// A config file that cannot be read or parsed.
    #[error(transparent)]
    Config(#[from] crate::tui::config::ConfigError),
    /// Any other bad input: bad arguments, no usable terminal.
    #[error("{0}")]
    BadInput(String),
    /// Any other failure.
    #[error("{0}")]
    Other(String),
}

/// A record that could not be written is an export that failed, and says so in the export's
/// words (`--force`…).
impl From<AdrError> for Failure {
    fn from(error: AdrError) -> Failure {
        match error {
            AdrError::Write(e) => Failure::Export(e),
            other => Failure::Adr(other),
        }
    }
}

impl Failure {
    /// The process exit code for this failure: 2 for bad input, 1 for anything else.
    pub fn exit_code(&self) -> ExitCode {
        let bad_input = match self {
            Failure::Decision(_)
            | Failure::Decisions(_)
            | Failure::Skeleton(_)
            | Failure::Session(_)
            | Failure::Team(_)
            | Failure::UnknownIds(_)
            | Failure::Config(_)
            | Failure::BadInput(_) => true,
            Failure::Export(e) => matches!(
                e,
                ExportError::ReadTemplate { .. } | ExportError::Template { .. } | ExportError::Date { .. }
            ),
            Failure::Adr(e) => matches!(
                e,
                AdrError::NoRecord { .. }
                    | AdrError::BadNumber { .. }
                    | AdrError::NoStatus { .. }
                    | AdrError::TooLarge { .. }
                    | AdrError::Full { .. }
            ),
            Failure::Output { .. } | Failure::Terminal(_) | Failure::Other(_) => false,
        };
        ExitCode::from(if bad_input { 2 } else { 1 })
    }

    /// Unknown ids given on the command line.
    pub fn answers(errors: AnswerErrors) -> Failure {
        Failure::UnknownIds(errors)
    }
}

/// The first unknown ids, one a line, then how many more and the valid ids, once.
fn unknown_ids(errors: &AnswerErrors) -> String {
    let lines: Vec<String> = errors
        .iter()
        .map(ToString::to_string)
        .chain(errors.trailer())
        .collect();
    lines.join("\n")
}

/// An export error, with what to do about it on the command line.
fn export_message(error: &ExportError) -> String {
    match error {
        ExportError::Exists { path } => {
            format!("{} already exists; use --force to replace it", escape_path(path))
        }
        ExportError::IsDirectory { path } => {
            format!("{} is a directory; give -o the path of a file", escape_path(path))
        }
        other => other.to_string(),
    }
}

/// Prints one line on standard error, escaped, in a single write: standard error is
/// unbuffered, and a line written in pieces can lose its end when the process exits at once.
pub fn say(message: &str) {
    let line = format!("stackpick: {}\n", escape(message));
    let _ = std::io::stderr().write_all(line.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_failures_keep_their_exit_codes_and_command_line_advice() {
        let exists = Failure::from(ExportError::Exists { path: "d.md".into() });
        assert_eq!(exists.exit_code(), ExitCode::from(1));
        assert_eq!(
            exists.to_string(),
            "d.md already exists; use --force to replace it"
        );
        let date = Failure::from(ExportError::Date {
            input: "today".into(),
        });
        assert_eq!(date.exit_code(), ExitCode::from(2));
        let decision = crate::decision::Decision::parse("(", "x.ron").unwrap_err();
        let failure = Failure::from(decision);
        assert_eq!(failure.exit_code(), ExitCode::from(2));
        assert!(failure.to_string().starts_with("x.ron:1:"), "{failure}");
        let output = Failure::Output {
            what: "the report",
            source: std::io::Error::from(std::io::ErrorKind::BrokenPipe),
        };
        assert_eq!(output.exit_code(), ExitCode::from(1));
    }
}
